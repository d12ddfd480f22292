#include "widgets/TimeSeriesChart.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QContextMenuEvent>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QFile>
#include <QGraphicsLayout>
#include <QGraphicsLineItem>
#include <QGraphicsPathItem>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QLogValueAxis>
#include <QMenu>
#include <QMessageBox>
#include <QMouseEvent>
#include <QSaveFile>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QWheelEvent>

#include "widgets/ChartStyle.h"
#include "widgets/ChartTimeline.h"
#include "widgets/CsvWriter.h"
#include "widgets/ExportDialog.h"
#include "widgets/SeriesPalette.h"
#include "widgets/WidgetImage.h"

namespace rl {

namespace {

constexpr int kRedrawDelayMs = 40;
// Ticks at least this many label heights apart: Qt Charts elides value labels to "..." below about 1.5
// (measured on Qt 6.4 at the main window's chart sizes).
constexpr double kLabelSpacingFactor = 1.6;
constexpr qreal kThresholdLabelZ = 10; // above the series, which the chart stacks at lower z
constexpr qreal kCrosshairZ = 20;
constexpr int kMaxSegments = 64;         // lines per series; beyond, the shortest gaps are bridged
constexpr int kMaxAnnotationLines = 200; // drawn per chart; beyond this many in view they would be a wall
constexpr int kNearPixels = 4;           // how close the mouse must be to an annotation line
constexpr int kReadoutReachPixels = 8;   // a sample further from the crosshair than this reads "no data"

QString timeText(qint64 timeMs, const QString &format)
{
    return QDateTime::fromMSecsSinceEpoch(timeMs).toString(format);
}

} // namespace

TimeSeriesChart::TimeSeriesChart(const QString &title, QWidget *parent)
    : QWidget(parent)
    , m_title(title)
    , m_chart(new QChart)
    , m_view(new QChartView(m_chart, this))
    , m_timeAxis(new QDateTimeAxis)
    , m_linearAxis(makeLinearAxis())
    , m_legend(new QLabel(this))
    , m_ownTimeline(new ChartTimeline(this))
    , m_crosshairLine(new QGraphicsLineItem(m_chart))
    , m_readout(new QGraphicsRectItem(m_chart))
    , m_readoutText(new QGraphicsSimpleTextItem(m_readout))
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
    m_linearAxis->setLabelsFont(smallFont);
    m_linearAxis->setTitleFont(smallFont);
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_chart->addAxis(m_linearAxis, Qt::AlignLeft);

    m_crosshairLine->setZValue(kCrosshairZ);
    m_crosshairLine->hide();
    m_readout->setZValue(kCrosshairZ);
    m_readout->hide();
    m_readoutText->setFont(smallFont);
    m_readoutText->setPos(4, 2);

    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setFrameShape(QFrame::NoFrame);
    // Four fit beside the controls at 1024 px; a legend wrapped onto two lines takes its room from the plot.
    m_view->setMinimumSize(150, 90);
    m_view->setAccessibleName(title);
    m_view->setToolTip(QStringLiteral("%1\n%2").arg(
        title, tr("Wheel: zoom · drag: pan (pauses) · double-click: back to live · right-click: scale and export")));
    m_view->viewport()->setMouseTracking(true);
    m_view->viewport()->installEventFilter(this);
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
    setTimeline(m_ownTimeline);
}

TimeSeriesChart::~TimeSeriesChart() = default;

QValueAxis *TimeSeriesChart::makeLinearAxis()
{
    auto *axis = new QValueAxis;
    axis->setRange(0, 1);
    axis->setTickInterval(0.25);
    axis->setTickAnchor(0);
    axis->setTickType(QValueAxis::TicksDynamic); // ticks at round values whatever the ends
    return axis;
}

int TimeSeriesChart::addSeries(const QString &name, const QColor &color, qsizetype capacity)
{
    const int index = static_cast<int>(m_series.size());
    m_series.push_back(
        Series{name, color.isValid() ? color : SeriesPalette::color(index), {}, RollingSeries(capacity)});
    m_series.back().segments.push_back(newLine(m_series.back().color, Qt::SolidLine, 1.5));
    m_series.back().segments.back()->setName(name);
    updateLegend();
    return index;
}

QLineSeries *TimeSeriesChart::newLine(const QColor &color, Qt::PenStyle style, qreal width)
{
    auto *line = new QLineSeries;
    m_chart->addSeries(line);
    line->attachAxis(m_timeAxis);
    line->attachAxis(valueAxis());
    // After addSeries: the chart theme would otherwise overwrite the pen.
    QPen pen(color, width, style);
    line->setPen(pen);
    line->setMarkerSize(4); // a run of one sample between gaps shows as a dot
    return line;
}

void TimeSeriesChart::append(int series, qint64 timeMs, double value)
{
    if (series < 0 || series >= static_cast<int>(m_series.size()))
        return;
    m_series[series].data.append(static_cast<double>(timeMs), value);
    scheduleRedraw();
}

void TimeSeriesChart::appendGap(int series, qint64 timeMs)
{
    if (series < 0 || series >= static_cast<int>(m_series.size()))
        return;
    m_series[series].data.appendGap(static_cast<double>(timeMs));
    scheduleRedraw();
}

qsizetype TimeSeriesChart::memoryBytes() const
{
    qsizetype bytes = 0;
    for (const Series &s : m_series)
        bytes += s.data.memoryBytes();
    return bytes;
}

qsizetype TimeSeriesChart::sampleCount(int series) const
{
    return series < 0 || series >= seriesCount() ? 0 : m_series[static_cast<std::size_t>(series)].data.size();
}

void TimeSeriesChart::setTimeline(ChartTimeline *timeline)
{
    if (!timeline || timeline == m_timeline)
        return;
    if (m_timeline)
        disconnect(m_timeline, nullptr, this, nullptr);
    m_timeline = timeline;
    if (timeline != m_ownTimeline) // a shared one gone first leaves the chart on its own
        connect(timeline, &QObject::destroyed, this, [this] { setTimeline(m_ownTimeline); });
    connect(timeline, &ChartTimeline::rangeChanged, this, &TimeSeriesChart::scheduleRedraw);
    connect(timeline, &ChartTimeline::annotationsChanged, this, &TimeSeriesChart::scheduleRedraw);
    connect(timeline, &ChartTimeline::crosshairChanged, this, &TimeSeriesChart::placeCrosshair);
    scheduleRedraw();
}

void TimeSeriesChart::setNow(qint64 timeMs)
{
    m_timeline->setNow(timeMs);
}

void TimeSeriesChart::setWindowSeconds(int seconds)
{
    m_timeline->setSpanMs(std::max<qint64>(1, seconds) * 1000);
}

void TimeSeriesChart::setUnit(const QString &unit, int decimals)
{
    m_unit = unit;
    m_decimals = std::clamp(decimals, 0, 9);
    valueAxis()->setTitleText(unit);
    updateLegend();
}

void TimeSeriesChart::setValueRange(std::optional<double> min, std::optional<double> max)
{
    m_fixedMin = min;
    m_fixedMax = max;
    scheduleRedraw();
}

void TimeSeriesChart::addThreshold(const QString &label, double value, const QColor &color)
{
    QLineSeries *line = newLine(color, Qt::DashLine, 1.0);
    line->setName(label);
    auto *text = new QGraphicsSimpleTextItem(label, m_chart);
    text->setFont(m_legend->font());
    text->setBrush(color);
    text->setZValue(kThresholdLabelZ);
    m_thresholds.push_back(Threshold{value, line, text});
    scheduleRedraw();
}

void TimeSeriesChart::setLogScaleAvailable(bool available)
{
    m_logScaleAvailable = available;
    if (!available)
        setLogScale(false);
}

void TimeSeriesChart::setLogScale(bool on)
{
    if (on == isLogScale() || (on && !m_logScaleAvailable))
        return;
    QAbstractAxis *old = valueAxis();
    QAbstractAxis *axis = nullptr;
    if (on) {
        m_logAxis = new QLogValueAxis;
        m_logAxis->setBase(10);
        m_logAxis->setLabelFormat(QStringLiteral("%g"));
        m_logAxis->setRange(1, 10);
        axis = m_logAxis;
    } else {
        m_linearAxis = makeLinearAxis();
        axis = m_linearAxis;
    }
    axis->setLabelsFont(old->labelsFont());
    axis->setTitleFont(old->titleFont());
    axis->setTitleText(m_unitOnAxis ? m_unit : QString());
    // Emptied first: a zero on a log axis makes Qt Charts warn (into the event log) until the next redraw
    // has clamped it to the floor.
    for (Series &s : m_series) {
        for (QLineSeries *line : s.segments)
            line->clear();
    }
    m_chart->removeAxis(old);
    delete old;
    if (on)
        m_linearAxis = nullptr;
    else
        m_logAxis = nullptr;
    m_chart->addAxis(axis, Qt::AlignLeft);
    for (QAbstractSeries *series : m_chart->series())
        series->attachAxis(axis);
    applyPalette();
    scheduleRedraw();
    Q_EMIT logScaleChanged(on);
}

void TimeSeriesChart::setRedrawDelayMs(int delayMs)
{
    m_redrawTimer.setInterval(delayMs);
}

void TimeSeriesChart::removeAllSeries()
{
    for (Series &s : m_series) {
        for (QLineSeries *line : s.segments) {
            m_chart->removeSeries(line);
            delete line;
        }
    }
    m_series.clear();
    updateLegend();
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
    int count = 0;
    for (const QLineSeries *line : m_series[series].segments)
        count += static_cast<int>(line->count());
    return count;
}

int TimeSeriesChart::displayedSegmentCount(int series) const
{
    if (series < 0 || series >= static_cast<int>(m_series.size()))
        return 0;
    const auto &segments = m_series[series].segments;
    return static_cast<int>(
        std::count_if(segments.begin(), segments.end(), [](const QLineSeries *line) { return line->count() > 0; }));
}

int TimeSeriesChart::plotWidthPixels() const
{
    // Before the first layout the plot area is empty; the view's width is the best estimate then.
    const int width = static_cast<int>(m_chart->plotArea().width());
    return std::max(1, width > 0 ? width : m_view->width());
}

QRect TimeSeriesChart::plotRect() const
{
    const QRectF scene = m_chart->mapRectToScene(m_chart->plotArea());
    const QRect viewport = m_view->mapFromScene(scene).boundingRect();
    return viewport.translated(m_view->viewport()->mapTo(this, QPoint(0, 0)));
}

QString TimeSeriesChart::crosshairText() const
{
    return m_readout->isVisible() ? m_readoutText->text() : QString();
}

QString TimeSeriesChart::valueText(int series, qint64 timeMs) const
{
    if (series < 0 || series >= seriesCount())
        return {};
    const Series &s = m_series[static_cast<std::size_t>(series)];
    const std::optional<QPointF> p = s.data.nearest(static_cast<double>(timeMs));
    const bool near = p && !std::isnan(p->y())
                      && std::abs(p->x() - static_cast<double>(timeMs)) <= kReadoutReachPixels * msPerPixel();
    return tr("%1: %2", "series name, value").arg(s.name, near ? formatValue(p->y()) : tr("no data"));
}

QString TimeSeriesChart::annotationsNear(qint64 timeMs) const
{
    const auto reach = static_cast<qint64>(std::ceil(kNearPixels * msPerPixel()));
    QStringList lines;
    for (const ChartTimeline::Annotation &a : m_timeline->annotations()) {
        if (std::abs(a.timeMs - timeMs) <= reach)
            lines << tr("%1  %2", "annotation time, text").arg(timeText(a.timeMs, QStringLiteral("HH:mm:ss")), a.text);
    }
    return lines.join(QLatin1Char('\n'));
}

ExportDialog::Write TimeSeriesChart::csvWriter(const QString &path) const
{
    // Copied here, on the UI thread (a day of a series is a few MB); formatted and written by the writer.
    std::vector<QList<QPointF>> columns;
    for (const Series &s : m_series)
        columns.push_back(s.data.window(static_cast<double>(m_shownFromMs), static_cast<double>(m_shownUntilMs),
                                        std::numeric_limits<int>::max()));
    QStringList header{QStringLiteral("time")};
    for (const Series &s : m_series)
        header << (m_unit.isEmpty() ? s.name : QStringLiteral("%1 (%2)").arg(s.name, m_unit));
    return [path, header, columns = std::move(columns)](QString *error, const std::atomic<bool> &cancelled) {
        CsvWriter csv(path);
        csv.writeRow(header);
        // Every sample of the visible range, undecimated, joined by time.
        std::vector<qsizetype> next(columns.size(), 0);
        for (qsizetype rows = 0;; ++rows) {
            if (rows % CsvWriter::kRowsPerCancelCheck == 0 && cancelled) {
                csv.cancel(QStringLiteral("cancelled"));
                break;
            }
            double t = std::numeric_limits<double>::infinity();
            for (std::size_t c = 0; c < columns.size(); ++c) {
                if (next[c] < columns[c].size())
                    t = std::min(t, columns[c][next[c]].x());
            }
            if (!std::isfinite(t))
                break;
            QStringList row{QDateTime::fromMSecsSinceEpoch(std::llround(t), Qt::UTC).toString(Qt::ISODateWithMs)};
            for (std::size_t c = 0; c < columns.size(); ++c) {
                QString cell;
                // Several samples of one series at one instant (the clock held still): the last one counts.
                while (next[c] < columns[c].size() && columns[c][next[c]].x() == t) {
                    const double y = columns[c][next[c]].y();
                    cell = std::isnan(y) ? QString() : QString::number(y, 'g', 7);
                    ++next[c];
                }
                row << cell;
            }
            csv.writeRow(row);
        }
        return csv.commit(error);
    };
}

void TimeSeriesChart::exportInteractively(ExportFormat format)
{
    const QString suffix = format == ExportFormat::Png   ? QStringLiteral("png")
                           : format == ExportFormat::Svg ? QStringLiteral("svg")
                                                         : QStringLiteral("csv");
    const QString title = format == ExportFormat::Csv ? tr("Save the visible range of “%1”").arg(m_title)
                                                      : tr("Save the chart “%1”").arg(m_title);
    const QString path = ExportDialog::askSavePath(this, title, m_title, suffix);
    if (path.isEmpty())
        return;
    ExportDialog::saveInBackground(this, path,
                                   format == ExportFormat::Csv ? csvWriter(path) : WidgetImage::capture(this, path));
}

void TimeSeriesChart::setShortTitle(const QString &shortTitle)
{
    m_shortTitle = shortTitle;
    fitTitle();
}

void TimeSeriesChart::fitTitle()
{
    const int room = m_view->width() - 8; // the title's margins
    const bool fits = m_shortTitle.isEmpty() || QFontMetrics(m_chart->titleFont()).horizontalAdvance(m_title) <= room;
    m_chart->setTitle(fits ? m_title : m_shortTitle);
}

void TimeSeriesChart::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitTitle();
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

bool TimeSeriesChart::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_view->viewport())
        return QWidget::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::Wheel: {
        auto *wheel = static_cast<QWheelEvent *>(event);
        const std::optional<qint64> at = timeAt(wheel->position().toPoint());
        if (!at || wheel->angleDelta().y() == 0)
            return false;
        m_timeline->zoom(wheel->angleDelta().y() > 0 ? 1 : -1, *at); // a notch a rung, however fine the wheel
        return true;
    }
    case QEvent::MouseButtonPress: {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() != Qt::LeftButton || !timeAt(mouse->position().toPoint()))
            return false;
        m_dragFrom = mouse->position().toPoint();
        m_view->viewport()->setCursor(Qt::ClosedHandCursor);
        return true;
    }
    case QEvent::MouseMove: {
        auto *mouse = static_cast<QMouseEvent *>(event);
        const QPoint pos = mouse->position().toPoint();
        // A click's jitter is not a pan (which would pause the charts).
        if (m_dragFrom && (m_dragging || std::abs(pos.x() - m_dragFrom->x()) >= QApplication::startDragDistance())) {
            m_timeline->pan(std::llround((m_dragFrom->x() - pos.x()) * msPerPixel()));
            m_dragFrom = pos;
            m_dragging = true;
        }
        const std::optional<qint64> at = timeAt(pos);
        m_timeline->setCrosshair(at);
        const QString near = at ? annotationsNear(*at) : QString();
        if (near.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(mouse->globalPosition().toPoint(), near, m_view);
        return false;
    }
    case QEvent::MouseButtonRelease:
        if (!m_dragFrom)
            return false;
        m_dragFrom.reset();
        m_dragging = false;
        m_view->viewport()->unsetCursor();
        return true;
    case QEvent::MouseButtonDblClick: {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() != Qt::LeftButton || !timeAt(mouse->position().toPoint()))
            return false;
        m_timeline->setLive(true);
        return true;
    }
    case QEvent::Leave:
        m_timeline->setCrosshair(std::nullopt);
        return false;
    case QEvent::ToolTip:
        // Over an annotation the mouse-move tooltip says what happened; elsewhere the usage hint.
        return m_timeline->crosshair() && !annotationsNear(*m_timeline->crosshair()).isEmpty();
    case QEvent::ContextMenu:
        showContextMenu(static_cast<QContextMenuEvent *>(event)->globalPos());
        return true;
    default:
        return false;
    }
}

void TimeSeriesChart::showContextMenu(QPoint globalPos)
{
    QMenu menu(this);
    if (m_timeline->isLive())
        menu.addAction(tr("Pause"), this, [this] { m_timeline->setLive(false); });
    else
        menu.addAction(tr("Back to live"), this, [this] { m_timeline->setLive(true); });
    if (m_logScaleAvailable) {
        QAction *log = menu.addAction(tr("Logarithmic scale"), this, [this](bool on) { setLogScale(on); });
        log->setCheckable(true);
        log->setChecked(isLogScale());
    }
    menu.addSeparator();
    menu.addAction(tr("Save chart as PNG…"), this, [this] { exportInteractively(ExportFormat::Png); });
    menu.addAction(tr("Save chart as SVG…"), this, [this] { exportInteractively(ExportFormat::Svg); });
    menu.addAction(tr("Save visible range as CSV…"), this, [this] { exportInteractively(ExportFormat::Csv); });
    menu.exec(globalPos);
}

std::optional<qint64> TimeSeriesChart::timeAt(QPoint viewportPos) const
{
    const QPointF chartPos = m_chart->mapFromScene(m_view->mapToScene(viewportPos));
    const QRectF plot = m_chart->plotArea();
    if (plot.isEmpty() || !plot.contains(chartPos) || m_shownUntilMs <= m_shownFromMs)
        return std::nullopt;
    const double fraction = (chartPos.x() - plot.left()) / plot.width();
    return m_shownFromMs + std::llround(fraction * static_cast<double>(m_shownUntilMs - m_shownFromMs));
}

double TimeSeriesChart::msPerPixel() const
{
    return static_cast<double>(m_shownUntilMs - m_shownFromMs) / plotWidthPixels();
}

double TimeSeriesChart::xFor(qint64 timeMs) const
{
    const QRectF plot = m_chart->plotArea();
    const double span = static_cast<double>(std::max<qint64>(1, m_shownUntilMs - m_shownFromMs));
    return plot.left() + plot.width() * static_cast<double>(timeMs - m_shownFromMs) / span;
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

    double to = static_cast<double>(m_timeline->endMs());
    if (m_timeline->isLive()) {
        // Live, a chart fed without a clock ends at its newest point.
        std::optional<double> newest;
        for (const Series &s : m_series) {
            if (const std::optional<QPointF> last = s.data.last())
                newest = std::max(newest.value_or(last->x()), last->x());
        }
        if (m_timeline->now() == 0 && !newest)
            newest = static_cast<double>(QDateTime::currentMSecsSinceEpoch());
        to = std::max(to, newest.value_or(to));
    }
    m_shownUntilMs = std::llround(to);
    m_shownFromMs = m_shownUntilMs - m_timeline->spanMs();
    const auto from = static_cast<double>(m_shownFromMs);

    // New axis labels can change the plot's width; lay out again until the point budget matches it, so
    // the "no more points than pixels" rule holds whenever redrawn() is emitted.
    for (int pass = 0; pass < 3; ++pass) {
        const int width = plotWidthPixels();
        double low = std::numeric_limits<double>::infinity();
        double high = -low;
        double lowPositive = low;
        std::vector<QList<QPointF>> points;
        for (Series &s : m_series) {
            points.push_back(s.data.window(from, to, width));
            for (const QPointF &p : points.back()) {
                if (std::isnan(p.y()))
                    continue;
                low = std::min(low, p.y());
                high = std::max(high, p.y());
                if (p.y() > 0)
                    lowPositive = std::min(lowPositive, p.y());
            }
        }
        if (isLogScale())
            updateLogAxis(low <= 0 ? (std::isfinite(lowPositive) ? lowPositive : 1.0) / 10 : lowPositive, high);
        else
            updateValueAxis(low, high);
        for (std::size_t i = 0; i < m_series.size(); ++i)
            drawSeries(m_series[i], points[i], m_logFloor);
        for (Threshold &t : m_thresholds)
            t.line->replace({QPointF(from, t.value), QPointF(to, t.value)});
        m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(m_shownFromMs),
                             QDateTime::fromMSecsSinceEpoch(m_shownUntilMs));
        m_timeAxis->setTickCount(std::clamp(width / 90 + 1, 2, 8)); // a label per ~90 px: never crowded
        // Beyond six hours the day matters; within them, the seconds do.
        m_timeAxis->setFormat(m_timeline->spanMs() > 6 * 3600 * 1000 ? QStringLiteral("dd HH:mm")
                                                                     : QStringLiteral("HH:mm:ss"));
        m_chart->layout()->activate();
        if (plotWidthPixels() >= width)
            break;
    }

    placeUnit();
    placeThresholdLabels();
    placeAnnotations();
    placeCrosshair();
    m_redrawing = false;
    Q_EMIT redrawn();
}

// Splits the points at gaps (NaN) into the series' line segments, growing the pool as needed.
void TimeSeriesChart::drawSeries(Series &series, const QList<QPointF> &points, double logFloor)
{
    QList<QList<QPointF>> runs{{}};
    for (const QPointF &p : points) {
        if (std::isnan(p.y())) {
            if (!runs.last().isEmpty())
                runs.append(QList<QPointF>());
            continue;
        }
        runs.last().append(isLogScale() ? QPointF(p.x(), std::max(p.y(), logFloor)) : p);
    }
    if (runs.size() > 1 && runs.last().isEmpty())
        runs.removeLast();
    // More gaps in view than lines to draw them: the shortest are bridged (they are the narrowest on
    // screen), never the long ones that say a series had no data for a while.
    while (runs.size() > kMaxSegments) {
        qsizetype shortest = 0;
        for (qsizetype i = 1; i + 1 < runs.size(); ++i) {
            if (runs[i + 1].first().x() - runs[i].last().x()
                < runs[shortest + 1].first().x() - runs[shortest].last().x())
                shortest = i;
        }
        runs[shortest].append(runs[shortest + 1]);
        runs.removeAt(shortest + 1);
    }
    while (series.segments.size() < static_cast<std::size_t>(runs.size()))
        series.segments.push_back(newLine(series.color, Qt::SolidLine, 1.5));
    for (std::size_t i = 0; i < series.segments.size(); ++i) {
        QLineSeries *line = series.segments[i];
        const QList<QPointF> run =
            i < static_cast<std::size_t>(runs.size()) ? runs[static_cast<qsizetype>(i)] : QList<QPointF>();
        line->setPointsVisible(run.size() == 1);
        line->replace(run);
    }
}

QAbstractAxis *TimeSeriesChart::valueAxis() const
{
    return m_logAxis ? static_cast<QAbstractAxis *>(m_logAxis) : m_linearAxis;
}

double TimeSeriesChart::valueMin() const
{
    return m_logAxis ? m_logAxis->min() : m_linearAxis->min();
}

double TimeSeriesChart::valueMax() const
{
    return m_logAxis ? m_logAxis->max() : m_linearAxis->max();
}

// Decades around the data; zero and below (an empty queue) are drawn on the floor, a decade under the
// smallest positive value.
void TimeSeriesChart::updateLogAxis(double lowPositive, double high)
{
    if (!std::isfinite(lowPositive) || !(lowPositive > 0))
        lowPositive = 1;
    if (!std::isfinite(high) || high < lowPositive)
        high = lowPositive;
    double min = std::pow(10.0, std::floor(std::log10(lowPositive)));
    double max = std::pow(10.0, std::ceil(std::log10(high)));
    if (m_fixedMax && *m_fixedMax > min)
        max = *m_fixedMax;
    if (max <= min)
        max = min * 10;
    m_logFloor = min;
    m_logAxis->setRange(min, max);
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
    const double labelSpacing = QFontMetricsF(m_linearAxis->labelsFont()).height() * kLabelSpacingFactor;
    const int intervals = std::clamp(static_cast<int>(m_chart->plotArea().height() / labelSpacing), 1, 4);
    const double step = ChartStyle::niceStep((max - min) / intervals);
    if (!m_fixedMin)
        min = std::floor(min / step + 1e-9) * step;
    if (!m_fixedMax)
        max = std::ceil(max / step - 1e-9) * step;
    // Each setter lays the ticks out at once; a wide range under a narrow step would mean millions of tick
    // items for a moment. Step and range grow together, so growing the step first (or shrinking it last)
    // keeps every intermediate tick count at most the old or the new one.
    if (step >= m_linearAxis->tickInterval()) {
        m_linearAxis->setTickInterval(step);
        m_linearAxis->setRange(min, max);
    } else {
        m_linearAxis->setRange(min, max);
        m_linearAxis->setTickInterval(step);
    }
    m_linearAxis->setLabelFormat(QStringLiteral("%.%1f").arg(ChartStyle::decimalsFor(step)));
}

// Each threshold's name sits at the plot's right end just above its line (below it at the top edge),
// moved left of any name it would cover, and hidden while the line is off the visible range.
void TimeSeriesChart::placeThresholdLabels()
{
    const QRectF plot = m_chart->plotArea();
    QList<QRectF> placed;
    for (Threshold &t : m_thresholds) {
        const bool shown = !plot.isEmpty() && t.value >= valueMin() && t.value <= valueMax();
        t.label->setVisible(shown);
        if (!shown)
            continue;
        const QSizeF size = t.label->boundingRect().size();
        const QPointF end(static_cast<double>(m_shownUntilMs), t.value);
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

// A dotted line across the plot per annotation in view, in its colour; the mouse near one shows what
// happened (annotationsNear). One path per colour: a day's marks cost a few items, not hundreds.
void TimeSeriesChart::placeAnnotations()
{
    const QRectF plot = m_chart->plotArea();
    const std::deque<ChartTimeline::Annotation> &all = m_timeline->annotations();
    const auto first = std::lower_bound(all.begin(), all.end(), m_shownFromMs,
                                        [](const ChartTimeline::Annotation &a, qint64 t) { return a.timeMs < t; });
    std::vector<std::pair<QRgb, QPainterPath>> paths;
    int drawn = 0;
    for (auto it = first; it != all.end() && it->timeMs <= m_shownUntilMs && drawn < kMaxAnnotationLines; ++it) {
        auto path = std::find_if(paths.begin(), paths.end(), [&](const auto &p) { return p.first == it->color.rgb(); });
        if (path == paths.end())
            path = paths.insert(paths.end(), {it->color.rgb(), QPainterPath()});
        const double x = xFor(it->timeMs);
        path->second.moveTo(x, plot.top());
        path->second.lineTo(x, plot.bottom());
        ++drawn;
    }
    while (m_annotationPaths.size() < paths.size()) {
        auto *item = new QGraphicsPathItem(m_chart);
        item->setZValue(kThresholdLabelZ - 1);
        m_annotationPaths.push_back(item);
    }
    for (std::size_t i = 0; i < m_annotationPaths.size(); ++i) {
        QGraphicsPathItem *item = m_annotationPaths[i];
        if (i >= paths.size() || plot.isEmpty()) {
            item->hide();
            continue;
        }
        item->setPen(QPen(QColor(paths[i].first), 1.0, Qt::DotLine));
        item->setPath(paths[i].second);
        item->show();
    }
}

// The shared crosshair: a line at its instant and, beside it, each series' value there.
void TimeSeriesChart::placeCrosshair()
{
    const std::optional<qint64> at = m_timeline->crosshair();
    const QRectF plot = m_chart->plotArea();
    if (!at || plot.isEmpty() || *at < m_shownFromMs || *at > m_shownUntilMs) {
        m_crosshairLine->hide();
        m_readout->hide();
        return;
    }
    const double x = xFor(*at);
    m_crosshairLine->setLine(x, plot.top(), x, plot.bottom());
    m_crosshairLine->show();

    QStringList lines{timeText(*at, QStringLiteral("HH:mm:ss.zzz"))};
    for (int i = 0; i < seriesCount(); ++i)
        lines << valueText(i, *at);
    m_readoutText->setText(lines.join(QLatin1Char('\n')));
    const QSizeF size = m_readoutText->boundingRect().size() + QSizeF(8, 4);
    // Right of the line, or left of it when it would cross the plot's right edge.
    const double left = x + 6 + size.width() <= plot.right() ? x + 6 : std::max(plot.left(), x - 6 - size.width());
    m_readout->setRect(0, 0, size.width(), size.height());
    m_readout->setPos(left, plot.top() + 2);
    m_readout->show();
}

// The unit is the value axis' title while the plot is tall enough for it; on a shorter plot Qt would elide
// it ("Einträ…"), so the legend names it instead.
void TimeSeriesChart::placeUnit()
{
    const double room = m_chart->plotArea().height() - 12; // Qt Charts elides short of the plot's height
    const bool fits = m_unit.isEmpty() || QFontMetricsF(valueAxis()->titleFont()).horizontalAdvance(m_unit) <= room;
    if (fits == m_unitOnAxis)
        return;
    m_unitOnAxis = fits;
    valueAxis()->setTitleText(fits ? m_unit : QString());
    m_chart->layout()->activate();
    updateLegend();
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
        entries << QStringLiteral("<span style=\"color:%1\">&#9644;</span>&nbsp;%2").arg(s.color.name(), name);
    }
    if (!m_unitOnAxis && !m_unit.isEmpty())
        entries
            << tr("(%1)", "the unit, in the legend when the axis is too short to name it").arg(m_unit.toHtmlEscaped());
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
    for (QAbstractAxis *axis : {static_cast<QAbstractAxis *>(m_timeAxis), valueAxis()})
        ChartStyle::styleAxis(*axis, pal);
    m_crosshairLine->setPen(QPen(ChartStyle::blend(text, base, 0.4), 1.0));
    m_readout->setBrush(pal.color(QPalette::ToolTipBase));
    m_readout->setPen(QPen(ChartStyle::blend(text, base, 0.6), 1.0));
    m_readoutText->setBrush(pal.color(QPalette::ToolTipText));
    m_view->setBackgroundBrush(base);
}

QString TimeSeriesChart::formatValue(double value) const
{
    const QString number = QLocale().toString(value, 'f', m_decimals);
    return m_unit.isEmpty() ? number : tr("%1 %2", "value and unit").arg(number, m_unit);
}

} // namespace rl
