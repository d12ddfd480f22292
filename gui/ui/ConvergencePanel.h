#pragma once

#include <cstdint>
#include <deque>
#include <vector>

#include <QWidget>

#include "gui/host/EngineSnapshot.h"

namespace rl {

class ChartTimeline;
class RewardBars;
class TimeSeriesChart;

// How the bandit converges: each model's share of the recent selections, its estimated reward against
// the simulation's true reward, and the live policy's cumulative regret beside the original `seed`
// policy's on the same simulated stream. A reset or a policy switch restarts the comparison.
class ConvergencePanel : public QWidget {
    Q_OBJECT

public:
    static constexpr std::uint64_t kShareRequests = 200; // selection share over this many recent requests
    // Slower than the loop's charts: convergence moves over minutes, and a day of it stays at 1 MB a model.
    static constexpr int kSamplePeriodMs = 1000;

    explicit ConvergencePanel(QWidget *parent = nullptr);

    void showSnapshot(const EngineSnapshot &snapshot);
    void setTimeline(ChartTimeline *timeline); // the loop charts': zoomed, paused and annotated with them

    TimeSeriesChart *shareChart() const { return m_share; }
    RewardBars *rewardBars() const { return m_rewards; }
    TimeSeriesChart *regretChart() const { return m_regret; }

private:
    struct Picks {
        std::uint64_t requests;
        std::vector<std::uint64_t> perModel;
    };

    void restart(const EngineSnapshot &snapshot);

    TimeSeriesChart *m_share;
    RewardBars *m_rewards;
    TimeSeriesChart *m_regret;
    std::deque<Picks> m_history;  // picks at recent samples, for the rolling share
    std::size_t m_modelCount = 0; // the share chart's series, one per catalogue model
    std::uint64_t m_lastRequests = 0;
    qint64 m_lastSampleMs = 0;
};

} // namespace rl
