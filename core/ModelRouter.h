#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/FailureReason.h"
#include "core/FeedbackQueue.h"
#include "core/MetricLabels.h"
#include "core/ModelCatalogue.h"
#include "core/Policy.h"
#include "core/RoutingContext.h"
#include "core/RoutingDecision.h"

namespace prometheus {
class Counter;
}

namespace rl {

class Metrics;

struct RouterConfig {
    std::string policy = "linucb";
    PolicyConfig policyConfig;  // arms and dimension are filled in by the router
    std::size_t queueCapacity = FeedbackQueue::kDefaultCapacity;
    std::size_t historyCapacity = 100000;                  // the last N decisions are remembered
    std::chrono::seconds historyMaxAge{std::chrono::hours(1)}; // and none older than this
};

struct RouteResult {
    std::string trajectoryId;
    std::string modelId;
    std::size_t arm = 0;
    double propensity = 1.0;
    double expectedReward = 0.0;
    std::vector<std::string> fallbacks; // the other models, best estimate first
    FeatureVector features;
};

struct FeedbackBatchResult {
    std::size_t processed = 0;
    std::array<std::size_t, kFailureReasons> failed{};
    std::size_t remaining = 0;
    std::size_t failedTotal() const;
};

// Routes requests with a bandit policy and learns from trajectory feedback. The routing history is a
// hash map keyed by trajectory id (O(1) lookup, where the original scanned a list backwards), bounded by
// size and age; evictions are counted. Each decision is learned from once: its entry is consumed by the
// feedback that matches it, so a duplicate is a missing_history failure, not a second update.
// Thread-safe: route() may be called from any thread while the worker processes feedback.
class ModelRouter {
public:
    ModelRouter(ModelCatalogue catalogue, Metrics &metrics, RouterConfig config = {});
    ~ModelRouter();

    // Routes a request. An empty trajectoryId gets a generated one ("traj-<n>").
    RouteResult route(const RoutingContext &context, std::string trajectoryId = {});
    // The immediate reward observed when the call returned; false for an unknown trajectory.
    bool recordOutcome(std::string_view trajectoryId, double immediateReward);

    // Producers push here from any thread; overflow drops the oldest item and meters it.
    void enqueueFeedback(TrajectoryFeedback feedback);
    FeedbackQueue &queue() { return m_queue; }
    const FeedbackQueue &queue() const { return m_queue; }

    // Pops up to batchSize items and learns from each; meters processed/failed under labels.
    FeedbackBatchResult processTrajectoryFeedback(std::size_t batchSize, const MetricLabels &labels);

    void setPolicy(std::string_view name); // a fresh policy; throws std::invalid_argument
    void resetPolicy();                    // the same policy, relearning from scratch
    std::string policyName() const;
    std::vector<double> estimates(const FeatureVector &x) const;
    nlohmann::json policyState() const;
    void restorePolicyState(const nlohmann::json &state); // throws std::invalid_argument

    const ModelCatalogue &catalogue() const { return m_catalogue; }
    std::size_t historySize() const;
    std::uint64_t routedTotal() const noexcept { return m_routed.load(std::memory_order_relaxed); }
    std::uint64_t evictedTotal() const noexcept { return m_evicted.load(std::memory_order_relaxed); }

private:
    struct HistoryEntry {
        RoutingDecision decision;
        std::uint64_t sequence = 0;
    };
    void evictLocked(std::chrono::steady_clock::time_point now);

    const ModelCatalogue m_catalogue;
    Metrics &m_metrics;
    RouterConfig m_config;
    FeedbackQueue m_queue;
    std::vector<prometheus::Counter *> m_selectionCounters; // per arm

    mutable std::mutex m_mutex; // guards the policy and the history
    std::unique_ptr<Policy> m_policy;
    std::unordered_map<std::string, HistoryEntry> m_history;
    std::deque<std::pair<std::uint64_t, std::string>> m_order; // insertion order, for eviction
    std::uint64_t m_sequence = 0;

    std::atomic<std::uint64_t> m_routed{0};
    std::atomic<std::uint64_t> m_evicted{0};
};

} // namespace rl
