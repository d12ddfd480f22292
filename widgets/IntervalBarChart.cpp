#include "widgets/IntervalBarChart.h"

#include <algorithm>
#include <cmath>

#include <QEvent>
#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

#include "widgets/ChartStyle.h"
#include "widgets/SeriesPalette.h"

namespace rl {

namespace {

constexpr double kMargin = 6;
constexpr double kGap = 6;
constexpr double kSwatchGap = 4;     // between a legend swatch and its name
constexpr double kEntryGap = 14;     // between legend entries
constexpr double kTickSpacing = 2.2; // tick labels at least this many label heights apart
constexpr int kMaxIntervals = 8;
constexpr double kGroupFill = 0.8; // of a category's width, the rest separates the groups
constexpr double kMaxBarWidth = 48;
constexpr double kHitSlack = 3; // pixels around a bar or line that still count as on it

bool isDefined(const std::optional<double> &value)
{
    return value && std::isfinite(*value);
}

QFont smallFont(const QFont &font)
{
    QFont small = font;
    small.setPointSizeF(small.pointSizeF() * 0.85);
    return small;
}

} // namespace

IntervalBarChart::IntervalBarChart(QWidget *parent)
    : QWidget(parent)
    , m_placeholder(tr("No data"))
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    updateDescription();
}

void IntervalBarChart::setData(const QStringList &categories, const QStringList &series, const QList<QList<Bar>> &bars)
{
    m_categories = categories;
    m_series = series;
    m_bars = bars;
    updateDescription();
    update();
}

void IntervalBarChart::clear()
{
    setData({}, {}, {});
}

void IntervalBarChart::setPlaceholderText(const QString &text)
{
    m_placeholder = text;
    updateDescription();
    update();
}

void IntervalBarChart::setValueTitle(const QString &title)
{
    m_valueTitle = title;
    setAccessibleName(title);
    update();
}

void IntervalBarChart::setReference(std::optional<double> value, const QString &label)
{
    m_reference = isDefined(value) ? value : std::nullopt;
    m_referenceLabel = label;
    updateDescription();
    update();
}

QSize IntervalBarChart::sizeHint() const
{
    return {480, 300};
}

QSize IntervalBarChart::minimumSizeHint() const
{
    return {240, 160};
}

bool IntervalBarChart::isEmpty() const
{
    return m_categories.isEmpty() || m_series.isEmpty();
}

IntervalBarChart::Bar IntervalBarChart::bar(int series, int category) const
{
    if (series < 0 || series >= m_bars.size() || category < 0 || category >= m_bars[series].size())
        return {};
    return m_bars[series][category];
}

QString IntervalBarChart::describe(int series, int category) const
{
    const QString &name = m_categories[category];
    const QString &seriesName = m_series[series];
    const Bar b = bar(series, category);
    if (!std::isfinite(b.value))
        return tr("%1 · %2: undefined", "category · series: no estimate").arg(name, seriesName);
    const QLocale locale;
    const QString value = locale.toString(b.value, 'f', 4);
    if (!isDefined(b.low) && !isDefined(b.high))
        return tr("%1 · %2: %3", "category · series: value").arg(name, seriesName, value);
    const auto end = [&](const std::optional<double> &v) {
        return isDefined(v) ? locale.toString(*v, 'f', 4) : QStringLiteral("–");
    };
    return tr("%1 · %2: %3 [%4, %5]", "category · series: value [interval low, high]")
        .arg(name, seriesName, value, end(b.low), end(b.high));
}

void IntervalBarChart::updateDescription()
{
    if (isEmpty()) {
        setAccessibleDescription(m_placeholder);
        return;
    }
    QStringList parts;
    for (int c = 0; c < m_categories.size(); ++c) {
        for (int s = 0; s < m_series.size(); ++s)
            parts << describe(s, c);
    }
    if (m_reference)
        parts << tr("%1: %2", "reference line: value").arg(m_referenceLabel, QLocale().toString(*m_reference, 'f', 4));
    setAccessibleDescription(parts.join(QStringLiteral("; ")));
}

// The series' entries, then the reference's, in lines centred across area, a line wrapped where the next
// entry would not fit; an entry wider than the whole line has its name elided.
QList<IntervalBarChart::LegendEntry> IntervalBarChart::layoutLegend(const QRectF &area, double *height) const
{
    const QFontMetricsF metrics(font());
    const double lineHeight = metrics.height();
    const double swatch = std::round(lineHeight * 0.7);
    QList<LegendEntry> entries;
    QList<qsizetype> lineStarts{0};
    double x = 0;
    double y = 0;
    const auto place = [&](const QString &label, int series) {
        const double swatchWidth = series >= 0 ? swatch : swatch * 2; // the reference's is a dashed line
        const double textWidth =
            std::clamp(area.width() - swatchWidth - kSwatchGap, 0.0, std::ceil(metrics.horizontalAdvance(label)));
        const double width = swatchWidth + kSwatchGap + textWidth;
        if (x > 0 && x + width > area.width()) {
            x = 0;
            y += lineHeight + 2;
            lineStarts << entries.size();
        }
        const double top = area.top() + y;
        entries << LegendEntry{QRectF(area.left() + x, top + (lineHeight - swatch) / 2, swatchWidth, swatch),
                               QRectF(area.left() + x + swatchWidth + kSwatchGap, top, textWidth, lineHeight),
                               metrics.elidedText(label, Qt::ElideRight, textWidth), series};
        x += width + kEntryGap;
    };
    for (int s = 0; s < m_series.size(); ++s)
        place(m_series[s], s);
    if (m_reference)
        place(m_referenceLabel, -1);
    lineStarts << entries.size();
    for (qsizetype line = 0; line + 1 < lineStarts.size(); ++line) {
        const qsizetype first = lineStarts[line];
        const qsizetype last = lineStarts[line + 1] - 1;
        if (last < first)
            continue;
        const double shift = (area.width() - (entries[last].text.right() - entries[first].swatch.left())) / 2;
        for (qsizetype i = first; i <= last; ++i) {
            entries[i].swatch.translate(shift, 0);
            entries[i].text.translate(shift, 0);
        }
    }
    *height = entries.isEmpty() ? 0 : y + lineHeight;
    return entries;
}

IntervalBarChart::Layout IntervalBarChart::layout() const
{
    Layout l;
    const QFontMetricsF metrics(font());
    const QFontMetricsF small(smallFont(font()));
    double legendHeight = 0;
    l.legend = layoutLegend(QRectF(kMargin, kMargin, width() - 2 * kMargin, 0), &legendHeight);
    // Tick labels are centred on their lines: the top one reaches half a label above the plot.
    const double top = kMargin + legendHeight + (legendHeight > 0 ? kGap : 0) + small.height() / 2;
    const double bottom = height() - kMargin - metrics.height() - 3; // the category names below

    // Bars are lengths from zero, so zero is always on the axis: at the bottom when every value is
    // positive, at the top when every one is negative. Every interval end and the reference fit too.
    double low = 0;
    double high = 0;
    const auto include = [&](double v) {
        low = std::min(low, v);
        high = std::max(high, v);
    };
    for (int s = 0; s < m_series.size(); ++s) {
        for (int c = 0; c < m_categories.size(); ++c) {
            const Bar b = bar(s, c);
            if (!std::isfinite(b.value))
                continue; // nor its interval: it is not drawn
            include(b.value);
            if (isDefined(b.low))
                include(*b.low);
            if (isDefined(b.high))
                include(*b.high);
        }
    }
    if (m_reference)
        include(*m_reference);
    if (high - low <= 0)
        high = 1;
    const int intervals =
        std::clamp(static_cast<int>((bottom - top) / (small.height() * kTickSpacing)), 1, kMaxIntervals);
    l.step = ChartStyle::niceStep((high - low) / intervals);
    l.min = std::floor(low / l.step + 1e-9) * l.step;
    l.max = std::ceil(high / l.step - 1e-9) * l.step;
    l.decimals = ChartStyle::decimalsFor(l.step);

    const QLocale locale;
    for (double k = std::round(l.min / l.step); k <= std::round(l.max / l.step); ++k)
        l.tickLabelWidth =
            std::max(l.tickLabelWidth, small.horizontalAdvance(locale.toString(k * l.step, 'f', l.decimals)));
    double left = kMargin + std::ceil(l.tickLabelWidth) + 4;
    if (!m_valueTitle.isEmpty())
        left += small.height() + kGap / 2;
    l.plot = QRectF(left, top, std::max(0.0, width() - kMargin - left), std::max(0.0, bottom - top));
    return l;
}

double IntervalBarChart::yFor(const Layout &layout, double value) const
{
    return layout.plot.bottom() - (value - layout.min) / (layout.max - layout.min) * layout.plot.height();
}

QRectF IntervalBarChart::slotRect(const Layout &layout, int series, int category) const
{
    const auto seriesCount = static_cast<double>(m_series.size());
    const double group = layout.plot.width() / static_cast<double>(m_categories.size());
    const double barWidth = std::min(group * kGroupFill / seriesCount, kMaxBarWidth);
    const double left =
        layout.plot.left() + group * category + (group - barWidth * seriesCount) / 2 + barWidth * series;
    return QRectF(left, layout.plot.top(), barWidth, layout.plot.height());
}

// The bar with its whisker, or the "–" of an undefined value: just above the zero line, or below it when
// zero is the top of the axis.
QRectF IntervalBarChart::hitRect(const Layout &layout, int series, int category) const
{
    const QRectF slot = slotRect(layout, series, category);
    const double zero = yFor(layout, 0);
    const Bar b = bar(series, category);
    if (!std::isfinite(b.value)) {
        const double markHeight = QFontMetricsF(font()).height();
        const double top = zero - markHeight >= layout.plot.top() ? zero - markHeight : zero;
        return QRectF(slot.left(), top, slot.width(), markHeight);
    }
    double top = std::min(zero, yFor(layout, b.value));
    double bottom = std::max(zero, yFor(layout, b.value));
    for (const std::optional<double> &end : {b.low, b.high}) {
        if (isDefined(end)) {
            top = std::min(top, yFor(layout, *end));
            bottom = std::max(bottom, yFor(layout, *end));
        }
    }
    return QRectF(slot.left(), top, slot.width(), bottom - top);
}

QRectF IntervalBarChart::plotRect() const
{
    return layout().plot;
}

QRectF IntervalBarChart::barRect(int series, int category) const
{
    if (isEmpty() || series < 0 || series >= m_series.size() || category < 0 || category >= m_categories.size())
        return {};
    return hitRect(layout(), series, category);
}

double IntervalBarChart::axisMin() const
{
    return layout().min;
}

double IntervalBarChart::axisMax() const
{
    return layout().max;
}

double IntervalBarChart::tickStep() const
{
    return layout().step;
}

QString IntervalBarChart::toolTipAt(const QPoint &position) const
{
    if (isEmpty())
        return {};
    const Layout l = layout();
    const QPointF at(position);
    for (int s = 0; s < m_series.size(); ++s) {
        for (int c = 0; c < m_categories.size(); ++c) {
            if (hitRect(l, s, c).adjusted(0, -kHitSlack, 0, kHitSlack).contains(at))
                return describe(s, c);
        }
    }
    if (m_reference && l.plot.contains(at) && std::abs(at.y() - yFor(l, *m_reference)) <= kHitSlack)
        return tr("%1: %2", "reference line: value").arg(m_referenceLabel, QLocale().toString(*m_reference, 'f', 4));
    // Names elided to fit in full.
    for (const LegendEntry &entry : l.legend) {
        if (entry.text.contains(at) && entry.label != (entry.series >= 0 ? m_series[entry.series] : m_referenceLabel))
            return entry.series >= 0 ? m_series[entry.series] : m_referenceLabel;
    }
    const double group = l.plot.width() / static_cast<double>(m_categories.size());
    const QFontMetricsF metrics(font());
    if (at.y() > l.plot.bottom() && at.x() >= l.plot.left() && at.x() < l.plot.right()) {
        const QString &name = m_categories[std::min(static_cast<int>((at.x() - l.plot.left()) / group),
                                                    static_cast<int>(m_categories.size()) - 1)];
        if (metrics.horizontalAdvance(name) > group - 2)
            return name;
    }
    return {};
}

bool IntervalBarChart::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), text, this);
        }
        return true;
    }
    return QWidget::event(event);
}

// Series past the palette's first round are hatched, so no two series look alike.
void IntervalBarChart::fillSwatch(QPainter &painter, const QRectF &rect, int series) const
{
    painter.fillRect(rect, SeriesPalette::color(series));
    if (SeriesPalette::round(series) % 2 == 1)
        painter.fillRect(rect, QBrush(palette().color(QPalette::Base), Qt::BDiagPattern));
}

void IntervalBarChart::paintBar(QPainter &painter, const Layout &layout, int series, int category) const
{
    const Bar b = bar(series, category);
    const QRectF slot = slotRect(layout, series, category);
    if (!std::isfinite(b.value)) {
        QFont mark = font();
        mark.setBold(true);
        mark.setPointSizeF(mark.pointSizeF() * 1.25);
        painter.save();
        painter.setFont(mark);
        painter.setPen(ChartStyle::blend(palette().color(QPalette::Text), palette().color(QPalette::Base), 0.3));
        painter.drawText(hitRect(layout, series, category), Qt::AlignCenter, QStringLiteral("–"));
        painter.restore();
        return;
    }
    const double zero = yFor(layout, 0);
    const double y = yFor(layout, b.value);
    // A pixel between neighbours while the bars are wide enough to spare it.
    const double inset = slot.width() > 6 ? 0.5 : 0;
    fillSwatch(
        painter,
        QRectF(QPointF(slot.left() + inset, std::min(y, zero)), QPointF(slot.right() - inset, std::max(y, zero))),
        series);
}

void IntervalBarChart::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::Text);
    const QColor base = pal.color(QPalette::Base);
    const QFontMetricsF metrics(font());
    if (isEmpty()) {
        painter.setPen(ChartStyle::blend(text, base, 0.4));
        painter.drawText(QRectF(rect()).adjusted(kMargin, kMargin, -kMargin, -kMargin),
                         Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
        return;
    }
    const Layout l = layout();
    if (l.plot.width() < 10 || l.plot.height() < 10)
        return;

    for (const LegendEntry &entry : l.legend) {
        if (entry.series >= 0) {
            fillSwatch(painter, entry.swatch, entry.series);
        } else {
            painter.setPen(QPen(text, 1.5, Qt::DashLine));
            painter.drawLine(QPointF(entry.swatch.left(), entry.swatch.center().y()),
                             QPointF(entry.swatch.right(), entry.swatch.center().y()));
        }
        painter.setPen(text);
        painter.drawText(entry.text, Qt::AlignLeft | Qt::AlignVCenter, entry.label);
    }

    // Grid lines on whole pixels, so they stay crisp.
    const QFont small = smallFont(font());
    const double smallHeight = QFontMetricsF(small).height();
    painter.setFont(small);
    const QLocale locale;
    for (double k = std::round(l.min / l.step); k <= std::round(l.max / l.step); ++k) {
        const double value = k * l.step;
        const double y = std::round(yFor(l, value)) + 0.5;
        painter.setPen(QPen(ChartStyle::blend(text, base, 0.88), 1));
        painter.drawLine(QPointF(l.plot.left(), y), QPointF(l.plot.right(), y));
        painter.setPen(ChartStyle::blend(text, base, 0.25));
        painter.drawText(
            QRectF(l.plot.left() - 4 - l.tickLabelWidth, y - smallHeight / 2, l.tickLabelWidth, smallHeight),
            Qt::AlignRight | Qt::AlignVCenter, locale.toString(value, 'f', l.decimals));
    }
    if (!m_valueTitle.isEmpty()) {
        painter.save();
        painter.translate(kMargin, l.plot.center().y());
        painter.rotate(-90);
        painter.setPen(ChartStyle::blend(text, base, 0.25));
        painter.drawText(QRectF(-l.plot.height() / 2, 0, l.plot.height(), smallHeight), Qt::AlignCenter,
                         QFontMetricsF(small).elidedText(m_valueTitle, Qt::ElideRight, l.plot.height()));
        painter.restore();
    }
    painter.setFont(font());

    painter.setRenderHint(QPainter::Antialiasing);
    for (int s = 0; s < m_series.size(); ++s) {
        for (int c = 0; c < m_categories.size(); ++c)
            paintBar(painter, l, s, c);
    }
    const double zero = std::round(yFor(l, 0)) + 0.5;
    painter.setPen(QPen(ChartStyle::blend(text, base, 0.45), 1));
    painter.drawLine(QPointF(l.plot.left(), zero), QPointF(l.plot.right(), zero));
    if (m_reference) {
        const double y = yFor(l, *m_reference);
        painter.setPen(QPen(text, 1.5, Qt::DashLine));
        painter.drawLine(QPointF(l.plot.left(), y), QPointF(l.plot.right(), y));
    }

    // Whiskers over everything, in the text colour: they read on any bar colour and either theme.
    painter.setPen(QPen(ChartStyle::blend(text, base, 0.1), 1.25));
    for (int s = 0; s < m_series.size(); ++s) {
        for (int c = 0; c < m_categories.size(); ++c) {
            const Bar b = bar(s, c);
            if (!std::isfinite(b.value) || (!isDefined(b.low) && !isDefined(b.high)))
                continue;
            const QRectF slot = slotRect(l, s, c);
            const double x = slot.center().x();
            const double cap = std::clamp(slot.width() * 0.25, 2.0, 6.0);
            const double from = yFor(l, isDefined(b.low) ? *b.low : b.value);
            const double to = yFor(l, isDefined(b.high) ? *b.high : b.value);
            painter.drawLine(QPointF(x, from), QPointF(x, to));
            for (const std::optional<double> &end : {b.low, b.high}) {
                if (isDefined(end))
                    painter.drawLine(QPointF(x - cap, yFor(l, *end)), QPointF(x + cap, yFor(l, *end)));
            }
        }
    }

    painter.setPen(text);
    const double group = l.plot.width() / static_cast<double>(m_categories.size());
    for (int c = 0; c < m_categories.size(); ++c) {
        const QRectF cell(l.plot.left() + group * c, l.plot.bottom() + 3, group, metrics.height());
        painter.drawText(cell, Qt::AlignHCenter | Qt::AlignTop,
                         metrics.elidedText(m_categories[c], Qt::ElideRight, group - 2));
    }
}

} // namespace rl
