#include "widgets/GaugeTile.h"

#include <algorithm>
#include <cmath>

#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include "widgets/StatusPalette.h"

namespace rl {

GaugeTile::GaugeTile(const QString &title, QWidget *parent)
    : QWidget(parent)
    , m_title(title)
{
    setAccessibleName(title);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    updateDescription();
}

void GaugeTile::setRange(double min, double max)
{
    m_min = min;
    m_max = max > min ? max : min + 1;
    updateDescription();
    update();
}

void GaugeTile::setBands(const QList<Band> &bands)
{
    m_bands = bands;
    std::stable_sort(m_bands.begin(), m_bands.end(), [](const Band &a, const Band &b) { return a.from < b.from; });
    updateDescription();
    update();
}

void GaugeTile::setValue(double value)
{
    if (value == m_value)
        return;
    m_value = value;
    updateDescription();
    update();
}

void GaugeTile::setUnit(const QString &unit)
{
    if (unit == m_unit)
        return;
    m_unit = unit;
    updateDescription();
    update();
}

QColor GaugeTile::currentColor() const
{
    const Band *band = currentBand();
    return band ? band->color : palette().color(QPalette::Text);
}

QSize GaugeTile::sizeHint() const
{
    return QSize(180, 120);
}

QSize GaugeTile::minimumSizeHint() const
{
    return QSize(120, 84);
}

const GaugeTile::Band *GaugeTile::currentBand() const
{
    const Band *found = nullptr;
    for (const Band &band : m_bands) {
        if (m_value >= band.from)
            found = &band;
    }
    return found;
}

double GaugeTile::fraction(double value) const
{
    if (std::isnan(value))
        return 0;
    return std::clamp((value - m_min) / (m_max - m_min), 0.0, 1.0);
}

QString GaugeTile::formatNumber(double value) const
{
    if (!std::isfinite(value))
        return QStringLiteral("–");
    // Whole numbers (queue depths) print as such; small fractions keep two significant decimals.
    const double magnitude = std::abs(value);
    const int decimals = (value == std::round(value) || magnitude >= 100) ? 0 : magnitude >= 10 ? 1 : 2;
    return QLocale().toString(value, 'f', decimals);
}

void GaugeTile::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event);
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::Text);
    const QColor dim = StatusPalette::dimText(pal);

    QFont titleFont = font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 0.9);
    const QFontMetricsF titleMetrics(titleFont);
    QFont smallFont = font();
    smallFont.setPointSizeF(smallFont.pointSizeF() * 0.8);
    const QFontMetricsF smallMetrics(smallFont);

    // The arc is as large as the space above the title allows, centred; everything else scales with it.
    const qreal margin = 6;
    const qreal titleHeight = titleMetrics.height();
    const qreal available = height() - 2 * margin - titleHeight - 4;
    const qreal radius = std::max<qreal>(10, std::min((width() - 2 * margin) / 2, available));
    const QPointF centre(width() / 2.0, margin + radius);
    const qreal ringWidth = std::max<qreal>(3, radius * 0.06);
    const qreal valueWidth = std::max<qreal>(6, radius * 0.2);
    const qreal gap = std::max<qreal>(2, radius * 0.04);

    // Arcs are drawn with flat-capped pens along a circle of radius r; angles in Qt's 1/16 degree,
    // counter-clockwise from 3 o'clock, so the gauge runs from 180 (min) to 0 (max).
    const auto arc = [&](qreal r, qreal width, double f0, double f1, const QColor &color) {
        if (f1 <= f0)
            return;
        QPen pen(color, width);
        pen.setCapStyle(Qt::FlatCap);
        painter.setPen(pen);
        const QRectF box(centre.x() - r, centre.y() - r, 2 * r, 2 * r);
        painter.drawArc(box, std::lround((180 - f0 * 180) * 16), -std::lround((f1 - f0) * 180 * 16));
    };

    const qreal ringRadius = radius - ringWidth / 2;
    for (qsizetype i = 0; i < m_bands.size(); ++i) {
        const double start = fraction(m_bands[i].from);
        const double end = i + 1 < m_bands.size() ? fraction(m_bands[i + 1].from) : 1.0;
        arc(ringRadius, ringWidth, start, end, m_bands[i].color);
    }

    const qreal valueRadius = radius - ringWidth - gap - valueWidth / 2;
    QColor track = text;
    track.setAlphaF(0.1);
    arc(valueRadius, valueWidth, 0, 1, track);
    arc(valueRadius, valueWidth, 0, fraction(m_value), currentColor());

    // The number sits on the arc's baseline inside the semicircle, its unit in smaller type beside it; a
    // long number takes a smaller type rather than run over the arc.
    QFont numberFont = font();
    numberFont.setWeight(QFont::DemiBold);
    const QString number = formatNumber(m_value);
    const qreal baseline = centre.y() - 2;
    const qreal inner = valueRadius - valueWidth / 2 - 2;
    const qreal unitWidth = m_unit.isEmpty() ? 0 : smallMetrics.horizontalAdvance(m_unit) + 3;
    qreal numberWidth = 0;
    for (int pixels = std::max(10, static_cast<int>(radius * 0.42));; pixels = pixels * 9 / 10) {
        numberFont.setPixelSize(pixels);
        const QFontMetricsF metrics(numberFont);
        numberWidth = metrics.horizontalAdvance(number);
        // The chord of the inner circle at the text's cap height is the width it may take.
        const qreal rise = std::min(inner, metrics.capHeight() + 2);
        const qreal chord = 2 * std::sqrt(std::max<qreal>(0, inner * inner - rise * rise));
        if (numberWidth + unitWidth <= chord || pixels <= 8)
            break;
    }
    qreal x = centre.x() - (numberWidth + unitWidth) / 2;
    painter.setPen(text);
    painter.setFont(numberFont);
    painter.drawText(QPointF(x, baseline), number);
    if (!m_unit.isEmpty()) {
        painter.setPen(dim);
        painter.setFont(smallFont);
        painter.drawText(QPointF(x + numberWidth + 3, baseline), m_unit);
    }

    // The range's ends under the arc's feet.
    painter.setPen(dim);
    painter.setFont(smallFont);
    const qreal endsBaseline = centre.y() + smallMetrics.ascent() + 1;
    const QString minText = formatNumber(m_min);
    const QString maxText = formatNumber(m_max);
    const qreal innerLeft = centre.x() - radius;
    const qreal innerRight = centre.x() + radius;
    painter.drawText(
        QPointF(innerLeft + (ringWidth + gap + valueWidth - smallMetrics.horizontalAdvance(minText)) / 2, endsBaseline),
        minText);
    painter.drawText(QPointF(innerRight - (ringWidth + gap + valueWidth + smallMetrics.horizontalAdvance(maxText)) / 2,
                             endsBaseline),
                     maxText);

    painter.setPen(text);
    painter.setFont(titleFont);
    const QRectF titleBox(margin, centre.y() + 4, width() - 2 * margin, titleHeight + 4);
    painter.drawText(titleBox, Qt::AlignHCenter | Qt::AlignTop,
                     titleMetrics.elidedText(m_title, Qt::ElideRight, titleBox.width()));
}

void GaugeTile::updateDescription()
{
    QString value = formatNumber(m_value);
    if (!m_unit.isEmpty())
        value = tr("%1 %2", "value and unit").arg(value, m_unit);
    const Band *band = currentBand();
    const QString description =
        band && !band->label.isEmpty() ? tr("%1 (%2)", "value (band label)").arg(value, band->label) : value;
    setAccessibleDescription(description);
    setToolTip(tr("%1: %2", "title: value").arg(m_title, description));
}

} // namespace rl
