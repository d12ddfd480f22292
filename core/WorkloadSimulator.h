#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/FeatureVector.h"
#include "core/Rng.h"

namespace rl {

class ModelRouter;
class TrajectoryEvaluator;
struct RoutingContext;

struct SimulatorConfig {
    std::uint64_t seed = 20240601;
    double itemsPerMinute = 30.0; // the runbook's medium volume (10-50/min)
    double noiseSd = 0.1;
    // Hidden per-model linear reward functions over extractFeatures(); empty draws them from the seed.
    std::vector<FeatureVector> trueWeights;
};

struct SimulatorStats {
    std::uint64_t requests = 0;
    std::uint64_t optimalPicks = 0;
    double cumulativeRegret = 0.0;
    std::vector<std::uint64_t> picks; // per arm
};

// Stands in for the outside world only: the requests and the LLM calls. It draws contexts, routes them
// through the real router, returns a reward from the chosen model's hidden linear function plus noise,
// and runs the finished trajectory through the real evaluator into the real queue. Regret is measured
// against the oracle that knows the hidden functions. Deterministic per seed. Not thread-safe: one owner.
class WorkloadSimulator {
public:
    WorkloadSimulator(ModelRouter &router, TrajectoryEvaluator &evaluator, SimulatorConfig config = {});

    // Emits the requests due in `seconds` at the current rate (fractions carry over); returns the count.
    std::size_t advance(double seconds);
    // Emits n requests now.
    std::size_t emit(std::size_t n);

    void setRate(double itemsPerMinute);
    double rate() const { return m_config.itemsPerMinute; }

    double expectedReward(std::size_t arm, const FeatureVector &x) const; // the hidden truth
    const std::vector<FeatureVector> &trueWeights() const { return m_config.trueWeights; }
    const SimulatorStats &stats() const { return m_stats; }
    void resetStats();

private:
    RoutingContext drawContext();
    void drawTrueWeights();
    void emitOne();

    ModelRouter &m_router;
    TrajectoryEvaluator &m_evaluator;
    SimulatorConfig m_config;
    Rng m_rng;
    double m_carry = 0.0;
    SimulatorStats m_stats;
};

} // namespace rl
