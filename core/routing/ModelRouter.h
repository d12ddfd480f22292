#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/bandit/Policy.h"
#include "core/feedback/FailureReason.h"
#include "core/feedback/FeedbackQueue.h"
#include "core/feedback/ModelCatalogue.h"
#include "core/feedback/RoutingContext.h"
#include "core/metrics/MetricLabels.h"
#include "core/routing/EngineHook.h"
#include "core/routing/FeedbackLog.h"
#include "core/routing/PolicyVersion.h"
#include "core/routing/RoutingHistory.h"

namespace prometheus {
class Counter;
}

namespace rl {

class Metrics;

struct RouterConfig {
    std::string policy{kDefaultPolicy};
    PolicyConfig policyConfig; // arms and dimension are filled in by the router
    std::size_t queueCapacity = FeedbackQueue::kDefaultCapacity;
    std::size_t historyCapacity = 100000;                      // the newest N decisions awaiting feedback are kept
    std::chrono::seconds historyMaxAge{std::chrono::hours(1)}; // and none older than this
    // Where decision times come from; empty means steady_clock::now. Tests pass their own to age the history.
    // Called under the router's lock, from any thread that routes or processes.
    std::function<std::chrono::steady_clock::time_point()> clock;
};

struct RouteResult {
    std::uint64_t eventId = 0;
    std::string trajectoryId;
    std::string modelId;
    std::size_t arm = 0;
    double propensity = 1.0;
    std::vector<double> probabilities; // the policy's distribution over the catalogue's models
    double expectedReward = 0.0;
    std::vector<std::string> fallbacks; // the other models, best estimate first
    FeatureVector features;
    std::string policy;
    PolicyVersion policyVersion;
};

struct FeedbackBatchResult {
    std::size_t processed = 0;
    std::array<std::size_t, kFailureReasons> failed{};
    std::size_t remaining = 0;
    std::size_t failedTotal() const;
};

// Routes requests with a bandit policy and learns from trajectory feedback. The routing history is a
// hash table keyed by trajectory id (O(1) lookup, where the original scanned a list backwards), bounded by
// size (at most historyCapacity decisions awaiting feedback) and age; evictions are counted. Each decision
// is learned from once: its entry is consumed by the feedback that matches it, so a duplicate is a
// missing_history failure, not a second update.
// Thread-safe: route() may be called from any thread while the worker processes feedback.
class ModelRouter {
public:
    // Throws std::invalid_argument for an unknown policy, a capacity of 0 (or a history capacity above
    // RoutingHistory::kMaxCapacity) or a non-positive history age.
    ModelRouter(ModelCatalogue catalogue, Metrics &metrics, RouterConfig config = {});
    ~ModelRouter();

    // Reports every decision, learning step, failure, eviction and drop to hook (not owned; nullptr for
    // none). Set it before routing starts, or while nothing routes: it is not synchronised with a call
    // already under way.
    void setHook(EngineHook *hook) { m_hook.store(hook); }

    // Routes a request. An empty trajectoryId gets a generated one ("traj-<event id>"). Throws
    // std::invalid_argument when the catalogue's dimension is not the routing context's (route features).
    RouteResult route(const RoutingContext &context, std::string trajectoryId = {});
    // Routes on the caller's own features, of the catalogue's dimension. Throws std::invalid_argument for
    // another length or a feature that is not finite or beyond kMaxInputMagnitude, naming it.
    RouteResult routeFeatures(FeatureVector features, std::string trajectoryId = {});
    // The immediate reward observed when the call returned; false for an unknown trajectory. Throws
    // std::invalid_argument if the reward is not finite.
    bool recordOutcome(std::string_view trajectoryId, double immediateReward);

    // Makes feedback durable before it is queued (not owned; nullptr for none). Set it before feedback
    // arrives; the log must not call queue() after the router is gone.
    void setFeedbackLog(FeedbackLog *log) { m_log.store(log); }

    // Producers push here from any thread; overflow drops the oldest item and meters it. With a feedback
    // log the items are queued once durable, and queued() (if given) is called then, from the log's thread.
    void enqueueFeedback(TrajectoryFeedback feedback);
    void enqueueFeedback(std::vector<TrajectoryFeedback> items, std::function<void()> queued);
    FeedbackQueue &queue() { return m_queue; }
    const FeedbackQueue &queue() const { return m_queue; }

    // Discards the oldest queued items the limit allows; returns how many. The caller meters them.
    std::size_t purgeQueue(PurgeLimit limit);
    // Shrinking below the depth drops the oldest surplus, metered and reported to the hook as drops
    // (so a journal records them); returns how many. Throws std::invalid_argument for 0.
    std::size_t setQueueCapacity(std::size_t capacity);
    // Pops up to batchSize items and learns from each; meters processed/failed under labels.
    FeedbackBatchResult processTrajectoryFeedback(std::size_t batchSize, const MetricLabels &labels);

    void setPolicy(std::string_view name); // a fresh policy; throws std::invalid_argument
    void resetPolicy();                    // the same policy, relearning from scratch
    std::string policyName() const;
    PolicyVersion policyVersion() const;
    std::vector<double> estimates(const FeatureVector &x) const;
    nlohmann::json policyState() const;
    void restorePolicyState(const nlohmann::json &state); // throws std::invalid_argument

    // Restoring from a journal, before routing starts: the next event id, a decision that still awaits
    // its feedback (oldest first; subject to the history's bounds), and an update the policy learned
    // after the restored checkpoint (applied in the order learned, so the state equals the original's).
    void setNextEventId(std::uint64_t next);
    void restoreDecision(RoutingDecision decision);
    // An item the journal already holds, queued again as it is (not through the feedback log); one the
    // queue has no room for drops the oldest and is reported like any drop.
    void restoreQueued(TrajectoryFeedback item) { push(std::move(item)); }
    void relearn(std::size_t arm, std::span<const double> features, double reward); // throws as Policy::update

    const ModelCatalogue &catalogue() const { return m_catalogue; }
    std::size_t historySize() const;
    std::uint64_t routedTotal() const noexcept { return m_routed.load(std::memory_order_relaxed); }
    std::uint64_t evictedTotal() const noexcept { return m_evicted.load(std::memory_order_relaxed); }

private:
    // Learns from one item, consuming its decision, or counts and reports why it could not.
    void learnLocked(const TrajectoryFeedback &feedback, std::uint64_t idHash, FeedbackBatchResult &result);
    void failLocked(const TrajectoryFeedback &feedback, FailureReason reason, const std::string &message,
                    FeedbackBatchResult &result);
    void meterEvicted(std::size_t n);
    void push(TrajectoryFeedback feedback);
    RouteResult routeChecked(FeatureVector features, std::string trajectoryId);
    std::chrono::steady_clock::time_point now() const;

    const ModelCatalogue m_catalogue;
    Metrics &m_metrics;
    RouterConfig m_config;
    FeedbackQueue m_queue;
    std::vector<prometheus::Counter *> m_selectionCounters; // per arm

    mutable std::mutex m_mutex; // guards the policy, the history and m_config.policy
    std::unique_ptr<Policy> m_policy;
    std::uint64_t m_generation = 1;
    RoutingHistory m_history;
    std::uint64_t m_nextEventId = 1;

    std::atomic<EngineHook *> m_hook{nullptr};
    std::atomic<FeedbackLog *> m_log{nullptr};
    std::atomic<std::uint64_t> m_routed{0};
    std::atomic<std::uint64_t> m_evicted{0};
};

} // namespace rl
