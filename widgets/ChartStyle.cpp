#include "widgets/ChartStyle.h"

#include <cmath>

#include <QAbstractAxis>

namespace rl {

double ChartStyle::niceStep(double raw)
{
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double fraction = raw / magnitude;
    const double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
    return nice * magnitude;
}

int ChartStyle::decimalsFor(double step)
{
    for (int d = 0; d < 6; ++d) {
        const double scaled = step * std::pow(10.0, d);
        if (std::abs(scaled - std::round(scaled)) < 1e-6 * scaled)
            return d;
    }
    return 6;
}

QColor ChartStyle::blend(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(a.redF() + (b.redF() - a.redF()) * t, a.greenF() + (b.greenF() - a.greenF()) * t,
                            a.blueF() + (b.blueF() - a.blueF()) * t);
}

void ChartStyle::styleAxis(QAbstractAxis &axis, const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    axis.setLabelsColor(blend(text, base, 0.25));
    axis.setTitleBrush(blend(text, base, 0.25));
    axis.setGridLineColor(blend(text, base, 0.88));
    axis.setLinePenColor(blend(text, base, 0.6));
}

} // namespace rl
