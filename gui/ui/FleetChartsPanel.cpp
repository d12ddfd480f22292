#include "gui/ui/FleetChartsPanel.h"

#include <cmath>
#include <map>

#include <QGridLayout>

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
{
    m_timeline->setMaxSpanMs(kMaxHistoryMs);
    m_timeline->setSpanMs(3600 * 1000);
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
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
        grid->addWidget(chart, index / 3, index % 3);
        m_charts.push_back(chart);
    }
    m_rangeDebounce.setSingleShot(true);
    m_rangeDebounce.setInterval(kRangeDebounceMs);
    connect(&m_rangeDebounce, &QTimer::timeout, this, [this] {
        Q_EMIT rangeRequested(static_cast<double>(m_timeline->startMs()) / 1000.0,
                              static_cast<double>(m_timeline->endMs()) / 1000.0, m_timeline->isLive());
    });
    // A live range moves with the clock by itself; what changes the question is its span or a pause.
    qint64 askedSpan = m_timeline->spanMs();
    connect(m_timeline, &ChartTimeline::rangeChanged, this, [this, askedSpan]() mutable {
        if (m_timeline->isLive() && m_timeline->spanMs() == askedSpan)
            return;
        askedSpan = m_timeline->spanMs();
        m_rangeDebounce.start();
    });
    connect(m_timeline, &ChartTimeline::liveChanged, this, [this] { m_rangeDebounce.start(); });
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
    // Every chart gets a series for every instance in the answer, in one order, so an instance has the
    // same colour in all of them.
    std::map<QString, QString> names; // identity key -> shown name
    for (const PromSeries &series : charts.series)
        names.emplace(FleetQuery::identityOf(series.labels).key(), seriesName(series.labels, charts));
    std::map<QString, int> order;
    for (const auto &[key, name] : names)
        order.emplace(key, static_cast<int>(order.size()));
    // The same instances as before keep their series (new lines, legends and axes are what cost a redraw).
    std::vector<QString> shownNames;
    for (const auto &[key, name] : names)
        shownNames.push_back(name);
    const bool sameSeries = shownNames == m_seriesNames;
    m_seriesNames = shownNames;
    for (TimeSeriesChart *chart : m_charts) {
        if (sameSeries) {
            chart->clear();
            continue;
        }
        chart->removeAllSeries();
        for (const QString &name : shownNames)
            chart->addSeries(name, QColor(), kSeriesCapacity);
    }
    const qint64 stepMs = static_cast<qint64>(charts.stepSeconds * 1000.0);
    for (const PromSeries &series : charts.series) {
        const QString column = series.labels.value(QStringLiteral("rl_column"));
        for (std::size_t c = 0; c < FleetQuery::kCharts.size(); ++c) {
            if (FleetQuery::chartName(FleetQuery::kCharts[c]) != column)
                continue;
            TimeSeriesChart *chart = m_charts[c];
            const int index = order.at(FleetQuery::identityOf(series.labels).key());
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
}

} // namespace rl
