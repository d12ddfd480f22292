#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "core/feedback/FeatureVector.h"
#include "core/support/Rng.h"

namespace rl {

class ModelRouter;
class Policy;
class TrajectoryEvaluator;
struct RoutingContext;

struct SimulatorConfig {
    std::uint64_t seed = 20240601;
    double itemsPerMinute = 30.0; // the runbook's medium volume (10-50/min)
    double noiseSd = 0.1;
    // Hidden per-model linear reward functions over extractFeatures(); empty draws them from the seed.
    std::vector<FeatureVector> trueWeights;
};

// Since the comparison (re)started.
struct SimulatorStats {
    std::uint64_t requests = 0;
    std::uint64_t optimalPicks = 0;   // the live router's
    double cumulativeRegret = 0.0;    // the live router's
    double baselineRegret = 0.0;      // the shadow `seed` policy's, on the same contexts
    std::vector<std::uint64_t> picks; // the live router's, per arm
};

// One model's mean reward over the recent contexts: as the live policy estimates it, and the hidden truth.
struct ArmRewards {
    double estimated = 0.0;
    double truth = 0.0;
};

// Stands in for the outside world only: the requests and the LLM calls. It draws contexts, routes them
// through the real router, returns a reward from the chosen model's hidden linear function plus noise,
// and runs the finished trajectory through the real evaluator into the real queue. Regret is measured
// against the oracle that knows the hidden functions. A shadow of the original `seed` policy sees the same
// contexts and learns at once from its own draws (it is a baseline curve, never routed), so the live
// policy's regret has a reference. Deterministic per seed. Not thread-safe: one owner.
class WorkloadSimulator {
public:
    static constexpr std::size_t kRecentContexts = 500; // the window of recentRewards()

    WorkloadSimulator(ModelRouter &router, TrajectoryEvaluator &evaluator, SimulatorConfig config = {});
    ~WorkloadSimulator();

    // Emits the requests due in `seconds` at the current rate (fractions carry over); returns the count.
    std::size_t advance(double seconds);
    // Emits n requests now.
    std::size_t emit(std::size_t n);

    void setRate(double itemsPerMinute);
    double rate() const { return m_config.itemsPerMinute; }

    double expectedReward(std::size_t arm, const FeatureVector &x) const; // the hidden truth
    const std::vector<FeatureVector> &trueWeights() const { return m_config.trueWeights; }
    const SimulatorStats &stats() const { return m_stats; }
    // Zeroes the stats and starts a fresh shadow, for when the live policy starts over (reset, switch).
    // The hidden functions and the recent contexts stay.
    void restartComparison();
    // Draws the hidden functions afresh, as a model update or an outage changes a real service's models: the
    // live policy must notice and relearn. The stats carry on, so the regret curve shows the change and the
    // recovery.
    void drift();
    // Per arm, means over the last kRecentContexts simulated contexts (one router lock per context, so
    // O(kRecentContexts * arms * dimension^2) at worst); zeros before the first request.
    std::vector<ArmRewards> recentRewards() const;

private:
    RoutingContext drawContext();
    void drawTrueWeights();
    void emitOne();
    void rememberContext(const FeatureVector &x);

    ModelRouter &m_router;
    TrajectoryEvaluator &m_evaluator;
    SimulatorConfig m_config;
    Rng m_rng;
    double m_carry = 0.0;
    SimulatorStats m_stats;
    std::unique_ptr<Policy> m_baseline;
    Rng m_baselineNoise; // the shadow's reward noise, apart from m_rng so the live stream does not depend on it
    std::vector<FeatureVector> m_recent; // a ring of the last kRecentContexts contexts
    std::size_t m_recentNext = 0;
};

} // namespace rl
