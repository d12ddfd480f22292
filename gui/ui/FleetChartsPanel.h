#pragma once

#include <map>
#include <vector>

#include <QTimer>
#include <QWidget>

#include "gui/host/FleetCharts.h"

class QLabel;

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
    // The live span the window asks the source for itself, at the start.
    void setInitialSpan(qint64 spanMs);

Q_SIGNALS:
    // The range to fetch, unix seconds; live: it follows the clock.
    void rangeRequested(double startSeconds, double endSeconds, bool live);

private:
    // One answer, prepared once for all the charts.
    struct Answer {
        FleetCharts charts;
        std::vector<QString> names;   // the series, in order
        std::map<QString, int> order; // identity key -> series index
    };
    void applyTo(int chart, const Answer &answer);

    ChartTimeline *m_timeline;
    QLabel *m_caption;                               // how the points were computed
    std::vector<TimeSeriesChart *> m_charts;         // in FleetQuery::kCharts order
    QTimer m_rangeDebounce;                          // a wheel spin is one request
    std::vector<std::vector<QString>> m_seriesNames; // each chart's series, in order
    int m_generation = 0;                            // of the latest answer
    qint64 m_askedSpanMs = 0;                        // the live span last asked for
};

} // namespace rl
