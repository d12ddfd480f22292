#pragma once

#include <QColor>
#include <QPalette>

namespace rl {

// The status colours every widget shares (good, warning, critical), chosen per palette so they stay
// legible on light and dark themes: darker shades on light backgrounds, brighter ones on dark.
class StatusPalette {
public:
    static bool isDark(const QPalette &palette);
    static QColor good(const QPalette &palette);
    static QColor warning(const QPalette &palette);
    static QColor critical(const QPalette &palette);
    static QColor dimText(const QPalette &palette); // captions and secondary lines
};

} // namespace rl
