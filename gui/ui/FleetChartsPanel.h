#pragma once

#include <vector>

#include <QTimer>
#include <QWidget>

#include "gui/host/FleetCharts.h"

namespace rl {

class ChartTimeline;
class TimeSeriesChart;

// The fleet's charts, computed by Prometheus: queue depth, processed and failed rates, p95 batch latency,
// success rate and drops, a series per selected instance (or their sum, or the whole fleet), on one time axis.
// Zooming or panning asks the source for that range (rangeRequested), so a closer look fetches finer steps.
class FleetChartsPanel : public QWidget {
    Q_OBJECT

public:
    static constexpr qint64 kMaxHistoryMs = 400LL * 24 * 3600 * 1000; // Prometheus keeps what it keeps

    explicit FleetChartsPanel(QWidget *parent = nullptr);

    ChartTimeline *timeline() const { return m_timeline; }
    const std::vector<TimeSeriesChart *> &charts() const { return m_charts; }
    void setCharts(const FleetCharts &charts);
    void setNow(qint64 timeMs);

Q_SIGNALS:
    // The range to fetch, unix seconds; live: it follows the clock.
    void rangeRequested(double startSeconds, double endSeconds, bool live);

private:
    ChartTimeline *m_timeline;
    std::vector<TimeSeriesChart *> m_charts; // in FleetQuery::kCharts order
    QTimer m_rangeDebounce;                  // a wheel spin is one request
    std::vector<QString> m_seriesNames;      // the series every chart has, in order
};

} // namespace rl
