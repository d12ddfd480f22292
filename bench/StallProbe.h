#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace rl {

// The UI thread's longest event-loop stall: the longest gap between the timeouts of a precise 1 ms timer
// on the thread it lives on, from start() until now.
class StallProbe : public QObject {
public:
    explicit StallProbe(QObject *parent = nullptr);

    void start();
    void stop();
    // Counts the gap up to now too: the stall a measurement may end in.
    void sample();
    double maxStallMs() const { return static_cast<double>(m_maxGapNs) / 1e6; }

private:
    QTimer m_ticker;
    QElapsedTimer m_clock;
    qint64 m_lastTickNs = 0;
    qint64 m_maxGapNs = 0;
};

} // namespace rl
