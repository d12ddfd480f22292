#include "gui/ui/FleetChartsPanel.h"

#include <cmath>
#include <map>
#include <memory>

#include <QGridLayout>
#include <QLabel>

#include "core/alerting/PromQlExpression.h"
#include "gui/host/FleetQuery.h"
#include "widgets/ChartTimeline.h"
#include "widgets/TimeSeriesChart.h"

namespace rl {

namespace {

constexpr int kRangeDebounceMs = 250;
// Every refresh changes all charts at once; redrawn a few milliseconds apart, no one pass of the event loop
// redraws them all (six at once stall it for longer than a frame).
constexpr int kRedrawDelayMs = 40;
constexpr int kRedrawStaggerMs = 20;
constexpr qsizetype kSeriesCapacity = 4 * 1024; // a range query's points, gaps included

QString seriesName(const PromLabels &labels, const FleetCharts &charts)
{
    const QString instance = labels.value(QStringLiteral("instance"));
    if (instance.isEmpty()) {
        return charts.instances > 0 ? FleetChartsPanel::tr("sum of %n instance(s)", nullptr, charts.instances)
                                    : FleetChartsPanel::tr("sum of all instances");
    }
    const QString tenant = labels.value(QStringLiteral("tenant"));
    return tenant.isEmpty() ? instance : QStringLiteral("%1 (%2)").arg(tenant, instance);
}

} // namespace

FleetChartsPanel::FleetChartsPanel(QWidget *parent)
    : QWidget(parent)
    , m_timeline(new ChartTimeline(this))
    , m_caption(new QLabel(this))
{
    m_caption->setObjectName(QStringLiteral("fleetChartsCaption"));
    m_timeline->setMaxSpanMs(kMaxHistoryMs);
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(m_caption, 0, 0, 1, 3);
    for (const FleetQuery::Chart which : FleetQuery::kCharts) {
        TimeSeriesChart *chart = nullptr;
        switch (which) {
        case FleetQuery::Chart::QueueDepth:
            chart = new TimeSeriesChart(tr("Queue depth"), this);
            chart->setUnit(tr("items"), 0);
            chart->setValueRange(0.0, std::nullopt);
            chart->setLogScaleAvailable(true);
            break;
        case FleetQuery::Chart::Processed:
            chart = new TimeSeriesChart(tr("Processed"), this);
            chart->setUnit(tr("items/s"), 2);
            chart->setValueRange(0.0, std::nullopt);
            break;
        case FleetQuery::Chart::Failed:
            chart = new TimeSeriesChart(tr("Failed"), this);
            chart->setUnit(tr("items/s"), 2);
            chart->setValueRange(0.0, std::nullopt);
            break;
        case FleetQuery::Chart::P95Latency:
            chart = new TimeSeriesChart(tr("Batch latency p95"), this);
            chart->setShortTitle(tr("p95"));
            chart->setUnit(tr("ms"), 3);
            chart->setValueRange(0.0, std::nullopt);
            chart->setLogScaleAvailable(true);
            break;
        case FleetQuery::Chart::SuccessPercent:
            chart = new TimeSeriesChart(tr("Success rate"), this);
            chart->setShortTitle(tr("Success"));
            chart->setUnit(tr("%"), 2);
            chart->setValueRange(std::nullopt, 100.5);
            break;
        case FleetQuery::Chart::Dropped:
            chart = new TimeSeriesChart(tr("Dropped"), this);
            chart->setUnit(tr("items/s"), 2);
            chart->setValueRange(0.0, std::nullopt);
            break;
        }
        chart->setObjectName(QStringLiteral("fleetChart_") + FleetQuery::chartName(which));
        chart->setTimeline(m_timeline);
        const int index = static_cast<int>(m_charts.size());
        chart->setRedrawDelayMs(kRedrawDelayMs + index * kRedrawStaggerMs);
        grid->addWidget(chart, 1 + index / 3, index % 3);
        m_charts.push_back(chart);
    }
    m_seriesNames.resize(m_charts.size());
    m_rangeDebounce.setSingleShot(true);
    m_rangeDebounce.setInterval(kRangeDebounceMs);
    connect(&m_rangeDebounce, &QTimer::timeout, this, [this] {
        Q_EMIT rangeRequested(static_cast<double>(m_timeline->startMs()) / 1000.0,
                              static_cast<double>(m_timeline->endMs()) / 1000.0, m_timeline->isLive());
    });
    // A live range moves with the clock by itself; what changes the question is its span or a pause.
    m_askedSpanMs = m_timeline->spanMs();
    connect(m_timeline, &ChartTimeline::rangeChanged, this, [this] {
        if (m_timeline->isLive() && m_timeline->spanMs() == m_askedSpanMs)
            return;
        m_askedSpanMs = m_timeline->spanMs();
        m_rangeDebounce.start();
    });
    connect(m_timeline, &ChartTimeline::liveChanged, this, [this] { m_rangeDebounce.start(); });
}

void FleetChartsPanel::setInitialSpan(qint64 spanMs)
{
    m_askedSpanMs = spanMs; // asked by the window's first request, not again
    m_timeline->setSpanMs(spanMs);
}

void FleetChartsPanel::setNow(qint64 timeMs)
{
    m_timeline->setNow(timeMs);
    for (TimeSeriesChart *chart : m_charts)
        chart->setNow(timeMs);
}

void FleetChartsPanel::setCharts(const FleetCharts &charts)
{
    // The live axis moves with the answers, so each refresh redraws a chart once.
    setNow(static_cast<qint64>(charts.endSeconds * 1000.0));
    // Said, so a chart's rate is not read as the table's (over 5 minutes).
    const QString window = QString::fromStdString(PromQlExpression::formatDuration(charts.rateWindowSeconds));
    const QString step = QString::fromStdString(PromQlExpression::formatDuration(charts.stepSeconds));
    m_caption->setText(tr("A point every %1; rates and p95 over the %2 before each point").arg(step, window));
    // Every chart gets a series for every instance in the answer, in one order, so an instance has the
    // same colour in all of them.
    auto answer = std::make_shared<Answer>();
    answer->charts = charts;
    std::map<QString, QString> names; // identity key -> shown name
    for (const PromSeries &series : charts.series)
        names.emplace(FleetQuery::identityOf(series.labels).key(), seriesName(series.labels, charts));
    for (const auto &[key, name] : names) {
        answer->order.emplace(key, static_cast<int>(answer->names.size()));
        answer->names.push_back(name);
    }
    // One chart an event-loop turn, a stagger apart: six charts rebuilt at once stall the loop for longer
    // than a frame. A newer answer supersedes the charts this one has not reached.
    const int generation = ++m_generation;
    for (int c = 0; c < static_cast<int>(m_charts.size()); ++c) {
        QTimer::singleShot(c * kRedrawStaggerMs, this, [this, answer, c, generation] {
            if (generation == m_generation)
                applyTo(c, *answer);
        });
    }
}

void FleetChartsPanel::applyTo(int c, const Answer &answer)
{
    TimeSeriesChart *chart = m_charts[static_cast<std::size_t>(c)];
    // The same instances as before keep their series (new lines, legends and axes are what cost a redraw).
    if (m_seriesNames[static_cast<std::size_t>(c)] == answer.names) {
        chart->clear();
    } else {
        chart->removeAllSeries();
        for (const QString &name : answer.names)
            chart->addSeries(name, QColor(), kSeriesCapacity);
        m_seriesNames[static_cast<std::size_t>(c)] = answer.names;
    }
    const QString column = FleetQuery::chartName(FleetQuery::kCharts[static_cast<std::size_t>(c)]);
    const qint64 stepMs = static_cast<qint64>(answer.charts.stepSeconds * 1000.0);
    for (const PromSeries &series : answer.charts.series) {
        if (series.labels.value(QStringLiteral("rl_column")) != column)
            continue;
        const int index = answer.order.at(FleetQuery::identityOf(series.labels).key());
        qint64 previous = 0;
        for (const auto &[seconds, value] : series.points) {
            const qint64 timeMs = static_cast<qint64>(std::llround(seconds * 1000.0));
            // Prometheus leaves out the steps without data: drawn as gaps, not as lines across them.
            if (previous != 0 && timeMs - previous > stepMs + stepMs / 2)
                chart->appendGap(index, previous + stepMs);
            if (std::isfinite(value))
                chart->append(index, timeMs, value);
            else
                chart->appendGap(index, timeMs);
            previous = timeMs;
        }
    }
}

} // namespace rl
