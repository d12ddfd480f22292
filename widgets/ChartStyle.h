#pragma once

#include <QColor>
#include <QPalette>

QT_BEGIN_NAMESPACE
class QAbstractAxis;
QT_END_NAMESPACE

namespace rl {

// What the charts share in how they look: tick steps a reader can add up, their decimals, and the muted
// tones of axes and grid taken from the palette, so light and dark themes both read.
class ChartStyle {
public:
    // 1, 2, 2.5 or 5 times a power of ten, at least raw.
    static double niceStep(double raw);
    // The fewest decimals that print step exactly (2.5 needs one, 0.25 two).
    static int decimalsFor(double step);
    // a moved towards b by t (0: a, 1: b).
    static QColor blend(const QColor &a, const QColor &b, double t);
    // Labels, title, grid and axis line in the palette's text faded towards its base.
    static void styleAxis(QAbstractAxis &axis, const QPalette &palette);
};

} // namespace rl
