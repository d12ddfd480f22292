#pragma once

#include <QWidget>

#include "gui/host/LiveStats.h"

class QComboBox;

namespace rl {

class TimeSeriesChart;

// The loop's four live charts: queue depth, success rate, batch latency, processing against emission
// rate, over a selectable window (1, 5, 15 or 60 minutes).
class ChartsPanel : public QWidget {
    Q_OBJECT

public:
    static constexpr int kSamplePeriodMs = 250; // chart resolution; 60 minutes fit the series' capacity

    explicit ChartsPanel(QWidget *parent = nullptr);

    void addSample(const LiveSample &sample); // every snapshot's; thinned to kSamplePeriodMs
    void setWindowMinutes(int minutes);
    int windowMinutes() const;
    void clear();

    TimeSeriesChart *queueDepthChart() const { return m_queueDepth; }
    TimeSeriesChart *successRateChart() const { return m_successRate; }
    TimeSeriesChart *latencyChart() const { return m_latency; }
    TimeSeriesChart *throughputChart() const { return m_throughput; }
    QComboBox *windowSelector() const { return m_window; }

Q_SIGNALS:
    void windowChanged(int seconds);

private:
    QComboBox *m_window;
    TimeSeriesChart *m_queueDepth;
    TimeSeriesChart *m_successRate;
    TimeSeriesChart *m_latency;
    TimeSeriesChart *m_throughput;
    qint64 m_lastSampleMs = 0;
};

} // namespace rl
