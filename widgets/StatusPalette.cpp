#include "widgets/StatusPalette.h"

namespace rl {

bool StatusPalette::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor StatusPalette::good(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x3f, 0xb9, 0x50) : QColor(0x1a, 0x7f, 0x37);
}

QColor StatusPalette::warning(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xd2, 0x99, 0x22) : QColor(0x9a, 0x67, 0x00);
}

QColor StatusPalette::critical(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xf8, 0x51, 0x49) : QColor(0xcf, 0x22, 0x2e);
}

QColor StatusPalette::dimText(const QPalette &palette)
{
    // Halfway between text and background: readable, yet clearly secondary.
    const QColor text = palette.color(QPalette::WindowText);
    const QColor back = palette.color(QPalette::Window);
    return QColor((text.red() * 3 + back.red() * 2) / 5, (text.green() * 3 + back.green() * 2) / 5,
                  (text.blue() * 3 + back.blue() * 2) / 5);
}

} // namespace rl
