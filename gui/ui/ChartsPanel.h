#pragma once

#include <QList>
#include <QWidget>

#include "gui/host/LiveStats.h"

class QAction;
class QComboBox;
class QLabel;
class QToolButton;

namespace rl {

class ChartTimeline;
class TimeSeriesChart;

// The loop's four live charts: queue depth, success rate, batch latency, processing against emission
// rate, on one time axis (ChartTimeline) that other panels' charts may share: a selectable window from
// 1 minute to 24 hours, zoomed and panned with the mouse, paused and resumed (Space).
class ChartsPanel : public QWidget {
    Q_OBJECT

public:
    // Chart resolution: every quarter second, kept for a day (12 bytes a sample, 4 MB a series).
    static constexpr int kSamplePeriodMs = 250;
    static constexpr qint64 kHistoryMs = 24LL * 3600 * 1000;

    explicit ChartsPanel(QWidget *parent = nullptr);

    void addSample(const LiveSample &sample); // every snapshot's; thinned to kSamplePeriodMs
    void clear();

    ChartTimeline *timeline() const { return m_timeline; }
    QAction *pauseAction() const { return m_pause; }
    QList<TimeSeriesChart *> charts() const { return {m_queueDepth, m_successRate, m_latency, m_throughput}; }
    TimeSeriesChart *queueDepthChart() const { return m_queueDepth; }
    TimeSeriesChart *successRateChart() const { return m_successRate; }
    TimeSeriesChart *latencyChart() const { return m_latency; }
    TimeSeriesChart *throughputChart() const { return m_throughput; }
    QComboBox *windowSelector() const { return m_window; }
    QLabel *pausedNote() const { return m_pausedNote; }

private:
    void showRange();

    ChartTimeline *m_timeline;
    QAction *m_pause;
    QComboBox *m_window;
    QToolButton *m_pauseButton;
    QLabel *m_pausedNote;
    TimeSeriesChart *m_queueDepth;
    TimeSeriesChart *m_successRate;
    TimeSeriesChart *m_latency;
    TimeSeriesChart *m_throughput;
    qint64 m_lastSampleMs = 0;
};

} // namespace rl
