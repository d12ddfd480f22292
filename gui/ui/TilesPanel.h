#pragma once

#include <QWidget>

#include "gui/host/EngineSnapshot.h"
#include "gui/host/LiveStats.h"

namespace rl {

class GaugeTile;
class StatTile;

// The dashboard's stat row: processed, failed and dropped rates, the queue-depth gauge (SLO / ticket / page
// at 10 / 25 / 100, out of the queue's capacity), success rate against the 99 % SLO, batch latency against
// the 5 s SLO, and learning.
class TilesPanel : public QWidget {
    Q_OBJECT

public:
    static constexpr double kSuccessSlo = 0.99;
    static constexpr double kLatencySloMs = 5000.0;

    explicit TilesPanel(QWidget *parent = nullptr);

    void showStats(const EngineSnapshot &snapshot, const LiveSample &sample);

    StatTile *processedTile() const { return m_processed; }
    StatTile *failedTile() const { return m_failed; }
    StatTile *droppedTile() const { return m_dropped; }
    GaugeTile *queueGauge() const { return m_queue; }
    StatTile *successTile() const { return m_success; }
    StatTile *latencyTile() const { return m_latency; }
    StatTile *learningTile() const { return m_learning; }

private:
    StatTile *m_processed;
    StatTile *m_failed;
    StatTile *m_dropped;
    GaugeTile *m_queue;
    StatTile *m_success;
    StatTile *m_latency;
    StatTile *m_learning;
};

} // namespace rl
