#include "widgets/TimeSeriesChart.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QGraphicsLayout>
#include <QGraphicsSimpleTextItem>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

namespace rl {

namespace {

constexpr int kRedrawDelayMs = 40;
// Ticks at least this many label heights apart: Qt Charts elides value labels to "..." below about 1.5
// (measured on Qt 6.4 at the main window's chart sizes).
constexpr double kLabelSpacingFactor = 1.6;
constexpr qreal kThresholdLabelZ = 10; // above the series, which the chart stacks at lower z

// Tableau 10: distinct hues that read on light and dark backgrounds alike.
constexpr std::array<QRgb, 10> kDefaultColors = {0x4e79a7, 0xf28e2b, 0xe15759, 0x76b7b2, 0x59a14f,
                                                 0xedc948, 0xb07aa1, 0xff9da7, 0x9c755f, 0xbab0ac};

// 1, 2, 2.5 or 5 times a power of ten, at least raw: tick steps a reader can add up at a glance.
double niceStep(double raw)
{
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double fraction = raw / magnitude;
    const double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
    return nice * magnitude;
}

// The fewest decimals that print step exactly (2.5 needs one, 0.25 two).
int decimalsFor(double step)
{
    for (int d = 0; d < 6; ++d) {
        const double scaled = step * std::pow(10.0, d);
        if (std::abs(scaled - std::round(scaled)) < 1e-6 * scaled)
            return d;
    }
    return 6;
}

QColor blend(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(a.redF() + (b.redF() - a.redF()) * t, a.greenF() + (b.greenF() - a.greenF()) * t,
                            a.blueF() + (b.blueF() - a.blueF()) * t);
}

} // namespace

TimeSeriesChart::TimeSeriesChart(const QString &title, QWidget *parent)
    : QWidget(parent)
    , m_chart(new QChart)
    , m_view(new QChartView(m_chart, this))
    , m_timeAxis(new QDateTimeAxis)
    , m_valueAxis(new QValueAxis)
    , m_legend(new QLabel(this))
{
    m_chart->setTitle(title);
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->setBackgroundRoundness(0);
    m_chart->layout()->setContentsMargins(0, 0, 0, 0);

    QFont titleFont = font();
    titleFont.setBold(true);
    m_chart->setTitleFont(titleFont);
    QFont smallFont = font();
    smallFont.setPointSizeF(smallFont.pointSizeF() * 0.85);
    // The last time label is centred on the plot's right edge and the layout does not always leave room
    // for its right half.
    const int labelOverhang = QFontMetrics(smallFont).horizontalAdvance(QStringLiteral("00:00:00")) / 2;
    m_chart->setMargins(QMargins(4, 2, labelOverhang + 2, 2));

    // Qt's legend elides every name in a narrow chart; a label wraps them onto a second line instead.
    m_chart->legend()->hide();
    m_legend->setFont(smallFont);
    m_legend->setTextFormat(Qt::RichText);
    m_legend->setWordWrap(true);
    m_legend->setAlignment(Qt::AlignHCenter);
    m_legend->setAutoFillBackground(true);
    m_legend->setContentsMargins(4, 0, 4, 4);
    m_legend->setAccessibleName(tr("Legend"));

    m_timeAxis->setFormat(QStringLiteral("HH:mm:ss"));
    m_timeAxis->setLabelsFont(smallFont);
    m_valueAxis->setLabelsFont(smallFont);
    m_valueAxis->setTitleFont(smallFont);
    m_valueAxis->setRange(0, 1);
    m_valueAxis->setTickInterval(0.25);
    m_valueAxis->setTickAnchor(0);
    m_valueAxis->setTickType(QValueAxis::TicksDynamic); // ticks at round values whatever the ends
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_chart->addAxis(m_valueAxis, Qt::AlignLeft);

    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setFrameShape(QFrame::NoFrame);
    // Four fit beside the controls at 1024 px; a legend wrapped onto two lines takes its room from the plot.
    m_view->setMinimumSize(150, 90);
    m_view->setAccessibleName(title);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_view);
    layout->addWidget(m_legend);
    setAccessibleName(title);
    applyPalette();

    m_redrawTimer.setSingleShot(true);
    m_redrawTimer.setInterval(kRedrawDelayMs);
    connect(&m_redrawTimer, &QTimer::timeout, this, &TimeSeriesChart::redraw);
    // A resize changes how many points fit; redraw then too.
    connect(m_chart, &QChart::plotAreaChanged, this, [this] {
        if (!m_redrawing)
            scheduleRedraw();
    });
    scheduleRedraw();
}

int TimeSeriesChart::addSeries(const QString &name, const QColor &color, qsizetype capacity)
{
    const int index = static_cast<int>(m_series.size());
    auto *line = new QLineSeries;
    line->setName(name);
    m_chart->addSeries(line);
    line->attachAxis(m_timeAxis);
    line->attachAxis(m_valueAxis);
    // After addSeries: the chart theme would otherwise overwrite the pen.
    QPen pen(color.isValid() ? color : QColor(kDefaultColors[index % kDefaultColors.size()]));
    pen.setWidthF(1.5);
    line->setPen(pen);
    connect(line, &QXYSeries::hovered, this, [this, index](const QPointF &point, bool entered) {
        if (entered)
            QToolTip::showText(QCursor::pos(), hoverText(index, std::llround(point.x())), m_view);
        else
            QToolTip::hideText();
    });
    m_series.push_back(Series{name, line, RollingSeries(capacity)});
    updateLegend();
    return index;
}

void TimeSeriesChart::append(int series, qint64 timeMs, double value)
{
    if (series < 0 || series >= static_cast<int>(m_series.size()))
        return;
    m_series[series].data.append(static_cast<double>(timeMs), value);
    scheduleRedraw();
}

void TimeSeriesChart::setNow(qint64 timeMs)
{
    if (m_nowMs == timeMs)
        return;
    m_nowMs = timeMs;
    scheduleRedraw();
}

void TimeSeriesChart::setWindowSeconds(int seconds)
{
    m_windowSeconds = std::max(1, seconds);
    scheduleRedraw();
}

void TimeSeriesChart::setUnit(const QString &unit, int decimals)
{
    m_unit = unit;
    m_decimals = std::clamp(decimals, 0, 9);
    m_valueAxis->setTitleText(unit);
}

void TimeSeriesChart::setValueRange(std::optional<double> min, std::optional<double> max)
{
    m_fixedMin = min;
    m_fixedMax = max;
    scheduleRedraw();
}

void TimeSeriesChart::addThreshold(const QString &label, double value, const QColor &color)
{
    auto *line = new QLineSeries;
    line->setName(label);
    m_chart->addSeries(line);
    line->attachAxis(m_timeAxis);
    line->attachAxis(m_valueAxis);
    QPen pen(color, 1.0, Qt::DashLine);
    line->setPen(pen);
    auto *text = new QGraphicsSimpleTextItem(label, m_chart);
    text->setFont(m_legend->font());
    text->setBrush(color);
    text->setZValue(kThresholdLabelZ);
    m_thresholds.push_back(Threshold{value, line, text});
    scheduleRedraw();
}

void TimeSeriesChart::clear()
{
    for (Series &s : m_series)
        s.data.clear();
    scheduleRedraw();
}

int TimeSeriesChart::displayedPointCount(int series) const
{
    if (series < 0 || series >= static_cast<int>(m_series.size()))
        return 0;
    return static_cast<int>(m_series[series].line->count());
}

int TimeSeriesChart::plotWidthPixels() const
{
    // Before the first layout the plot area is empty; the view's width is the best estimate then.
    const int width = static_cast<int>(m_chart->plotArea().width());
    return std::max(1, width > 0 ? width : m_view->width());
}

QString TimeSeriesChart::hoverText(int series, qint64 timeMs) const
{
    if (series < 0 || series >= static_cast<int>(m_series.size()))
        return {};
    const std::optional<QPointF> point = m_series[series].data.nearest(static_cast<double>(timeMs));
    if (!point)
        return {};
    const QString time =
        QDateTime::fromMSecsSinceEpoch(std::llround(point->x())).toString(QStringLiteral("HH:mm:ss.zzz"));
    return tr("%1\n%2   %3", "series name, time, value").arg(m_series[series].name, time, formatValue(point->y()));
}

void TimeSeriesChart::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_redrawDeferred)
        scheduleRedraw();
}

void TimeSeriesChart::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

void TimeSeriesChart::scheduleRedraw()
{
    // Hidden charts (a background tab) skip the work until shown.
    if (!isVisible()) {
        m_redrawDeferred = true;
        return;
    }
    // Not restarted on every append: under a steady stream the chart still redraws every 40 ms.
    if (!m_redrawTimer.isActive())
        m_redrawTimer.start();
}

void TimeSeriesChart::redraw()
{
    if (!isVisible()) {
        m_redrawDeferred = true;
        return;
    }
    m_redrawDeferred = false;
    m_redrawing = true;

    std::optional<double> newest;
    for (const Series &s : m_series) {
        if (const std::optional<QPointF> last = s.data.last())
            newest = std::max(newest.value_or(last->x()), last->x());
    }
    const double to = m_nowMs ? std::max(static_cast<double>(*m_nowMs), newest.value_or(0.0))
                              : newest.value_or(static_cast<double>(QDateTime::currentMSecsSinceEpoch()));
    m_shownUntilMs = std::llround(to);
    const double from = to - m_windowSeconds * 1000.0;

    // New axis labels can change the plot's width; lay out again until the point budget matches it, so
    // the "no more points than pixels" rule holds whenever redrawn() is emitted.
    for (int pass = 0; pass < 3; ++pass) {
        const int width = plotWidthPixels();
        double low = std::numeric_limits<double>::infinity();
        double high = -low;
        for (Series &s : m_series) {
            const QList<QPointF> points = s.data.window(from, to, width);
            for (const QPointF &p : points) {
                low = std::min(low, p.y());
                high = std::max(high, p.y());
            }
            s.line->replace(points);
        }
        for (Threshold &t : m_thresholds)
            t.line->replace({QPointF(from, t.value), QPointF(to, t.value)});
        m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(std::llround(from)),
                             QDateTime::fromMSecsSinceEpoch(std::llround(to)));
        m_timeAxis->setTickCount(std::clamp(width / 90 + 1, 2, 8)); // a label per ~90 px: never crowded
        updateValueAxis(low, high);
        m_chart->layout()->activate();
        if (plotWidthPixels() >= width)
            break;
    }

    placeThresholdLabels();
    m_redrawing = false;
    Q_EMIT redrawn();
}

// Fixed ends stay put; free ends take the visible data's extent plus 5 % headroom, rounded out to a
// tick, and never cross zero when the data does not.
void TimeSeriesChart::updateValueAxis(double low, double high)
{
    if (!(low <= high) || !std::isfinite(low) || !std::isfinite(high)) { // nothing visible
        low = 0;
        high = 1;
    }
    // Flat data (one batch's latency, a steady 100 % success) spans a quarter of its value either side,
    // so a tiny value is not drawn on the floor of a range sized for ones; all zeros get 0..1.
    const bool flat = high - low <= 1e-12 * std::max(std::abs(low), std::abs(high));
    if (flat) {
        const double spread = high == 0 ? 1.0 : std::abs(high) * 0.25;
        low = high == 0 ? 0.0 : low - spread;
        high += spread;
    }
    double min = m_fixedMin.value_or(low);
    double max = m_fixedMax.value_or(high);
    if (max <= min) { // a fixed end beyond all the data
        if (!m_fixedMax)
            max = min + 1;
        else
            min = max - 1;
    }
    const double pad = flat ? 0.0 : (max - min) * 0.05;
    if (!m_fixedMin)
        min = (low >= 0 && min - pad < 0) ? 0 : min - pad;
    if (!m_fixedMax)
        max = (high <= 0 && max + pad > 0) ? 0 : max + pad;
    if (max <= min) // the free end stopped at zero, on a fixed end there (data all beyond it)
        max = min + 1;

    // Up to four intervals, fewer when the plot is short: Qt Charts elides a label to "..." when the
    // space between ticks is less than about a label's height plus padding.
    const double labelSpacing = QFontMetricsF(m_valueAxis->labelsFont()).height() * kLabelSpacingFactor;
    const int intervals = std::clamp(static_cast<int>(m_chart->plotArea().height() / labelSpacing), 1, 4);
    const double step = niceStep((max - min) / intervals);
    if (!m_fixedMin)
        min = std::floor(min / step + 1e-9) * step;
    if (!m_fixedMax)
        max = std::ceil(max / step - 1e-9) * step;
    // Each setter lays the ticks out at once; a wide range under a narrow step would mean millions of tick
    // items for a moment. Step and range grow together, so growing the step first (or shrinking it last)
    // keeps every intermediate tick count at most the old or the new one.
    if (step >= m_valueAxis->tickInterval()) {
        m_valueAxis->setTickInterval(step);
        m_valueAxis->setRange(min, max);
    } else {
        m_valueAxis->setRange(min, max);
        m_valueAxis->setTickInterval(step);
    }
    m_valueAxis->setLabelFormat(QStringLiteral("%.%1f").arg(decimalsFor(step)));
}

// Each threshold's name sits at the plot's right end just above its line (below it at the top edge),
// moved left of any name it would cover, and hidden while the line is off the visible range.
void TimeSeriesChart::placeThresholdLabels()
{
    const QRectF plot = m_chart->plotArea();
    QList<QRectF> placed;
    for (Threshold &t : m_thresholds) {
        const bool shown = !plot.isEmpty() && t.value >= m_valueAxis->min() && t.value <= m_valueAxis->max();
        t.label->setVisible(shown);
        if (!shown)
            continue;
        const QSizeF size = t.label->boundingRect().size();
        const QPointF end(static_cast<double>(m_timeAxis->max().toMSecsSinceEpoch()), t.value);
        const double lineY = m_chart->mapToPosition(end, t.line).y();
        QRectF box(QPointF(plot.right() - size.width() - 2.0,
                           lineY - size.height() >= plot.top() ? lineY - size.height() : lineY),
                   size);
        for (const QRectF &other : placed) {
            if (box.intersects(other))
                box.moveRight(other.left() - 6.0);
        }
        t.label->setPos(box.topLeft());
        placed.append(box);
    }
}

void TimeSeriesChart::updateLegend()
{
    QStringList entries;
    for (const Series &s : m_series) {
        // The swatch and its name stay together (no break at a space or hyphen in claude-3-sonnet);
        // entries wrap at the spaces between them.
        const QString name = s.name.toHtmlEscaped()
                                 .replace(QLatin1Char(' '), QStringLiteral("&nbsp;"))
                                 .replace(QLatin1Char('-'), QStringLiteral("&#8209;"));
        entries << QStringLiteral("<span style=\"color:%1\">&#9644;</span>&nbsp;%2")
                       .arg(s.line->pen().color().name(), name);
    }
    m_legend->setText(entries.join(QStringLiteral(" &nbsp; ")));
}

void TimeSeriesChart::applyPalette()
{
    const QPalette pal = palette();
    const QColor base = pal.color(QPalette::Base);
    const QColor text = pal.color(QPalette::Text);
    m_chart->setBackgroundBrush(base);
    m_chart->setTitleBrush(text);
    QPalette legendPalette = m_legend->palette();
    legendPalette.setColor(QPalette::Window, base);
    legendPalette.setColor(QPalette::WindowText, text);
    m_legend->setPalette(legendPalette);
    for (QAbstractAxis *axis : {static_cast<QAbstractAxis *>(m_timeAxis), static_cast<QAbstractAxis *>(m_valueAxis)}) {
        axis->setLabelsColor(blend(text, base, 0.25));
        axis->setTitleBrush(blend(text, base, 0.25));
        axis->setGridLineColor(blend(text, base, 0.88));
        axis->setLinePenColor(blend(text, base, 0.6));
    }
    m_view->setBackgroundBrush(base);
}

QString TimeSeriesChart::formatValue(double value) const
{
    const QString number = QLocale().toString(value, 'f', m_decimals);
    return m_unit.isEmpty() ? number : tr("%1 %2", "value and unit").arg(number, m_unit);
}

} // namespace rl
