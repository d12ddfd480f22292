#pragma once

// Private to core/*.cpp.

#include <cstdint>
#include <vector>

#include "core/bandit/RidgePolicy.h"

namespace rl {

// LinUCB that measures its own exploration width and notices when the world changes: the default.
//  - The width is `width` × the residual noise sd it measures (0.3 until 20 residuals), not a fixed alpha:
//    wide while the fits are poor, narrowing to the true noise as they converge, whatever the reward scale.
//  - A one-sided CUSUM per arm on the chosen arm's standardised residuals (allowance 0.5 sd, tested once the
//    arm has 100 observations since its last reset) alarms at `threshold` when an arm pays less than its model
//    predicts: after a change, the arm the model rates best is in truth a random one.
//  - On an alarm every arm starts afresh (an arm no longer picked could never look broken) and relearns the
//    last 1,000 observations made since the CUSUM's estimate of the change point.
// Measured (issue #12): regret 22.1 on linear-4x10 (plain LinUCB 26.1), 20.3 on average over ten generated
// streams (22.8), no false alarm on 41 stationary streams (highest CUSUM 12.7), and 90.5 % best-arm picks
// 2,000 rounds after a change (plain LinUCB 40 %). Deterministic, so propensity 1.
class AdaptivePolicy final : public RidgePolicy {
public:
    static constexpr std::string_view kName = "adaptive";
    static constexpr std::size_t kReplayBuffer = 1000;

    explicit AdaptivePolicy(PolicyConfig config);

    std::string_view name() const override { return kName; }
    Selection select(std::span<const double> x) override;
    void update(std::size_t arm, std::span<const double> x, double reward) override;
    nlohmann::json state() const override;
    void restore(const nlohmann::json &state) override;

    std::uint64_t changesDetected() const { return m_changes; }

private:
    struct Detector {
        double cusum = 0.0;
        std::int64_t changeFrom = -1; // the last round the CUSUM stood at 0: the change came after it
    };
    // The last kReplayBuffer observations in a ring of preallocated rows: an update never allocates.
    struct Recent {
        std::vector<std::uint64_t> rounds;
        std::vector<std::size_t> arms;
        std::vector<double> contexts; // kReplayBuffer x dimension
        std::vector<double> rewards;
        std::size_t start = 0; // the oldest
        std::size_t size = 0;
    };

    double width() const;
    void remember(std::size_t arm, std::span<const double> x, double reward);
    std::size_t slot(std::size_t i) const { return (m_recent.start + i) % kReplayBuffer; } // the i-th oldest
    void startAfresh(std::int64_t changeFrom);

    std::vector<Detector> m_detectors;
    Recent m_recent;
    std::uint64_t m_round = 0;
    std::uint64_t m_changes = 0;
    double m_widthSquares = 0.0; // residuals² / (1 + v) of every update, for the width's noise sd
    std::uint64_t m_widthCount = 0;
    double m_testSquares = 0.0; // the same over the tested updates, for the detector's
    std::uint64_t m_testCount = 0;
};

} // namespace rl
