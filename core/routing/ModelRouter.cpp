#include "core/routing/ModelRouter.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

#include <prometheus/counter.h>

#include "core/bandit/PolicySupport.h"
#include "core/feedback/FeatureVector.h"
#include "core/metrics/Metrics.h"
#include "core/support/JsonReader.h"
#include "core/support/NumberFormat.h"

namespace rl {

namespace {

RouterConfig withShape(RouterConfig config, const ModelCatalogue &catalogue)
{
    config.policyConfig.arms = catalogue.size();
    config.policyConfig.dimension = catalogue.dimension();
    return config;
}

} // namespace

std::size_t FeedbackBatchResult::failedTotal() const
{
    return std::accumulate(failed.begin(), failed.end(), std::size_t{0});
}

ModelRouter::ModelRouter(ModelCatalogue catalogue, Metrics &metrics, RouterConfig config)
    : m_catalogue(std::move(catalogue))
    , m_metrics(metrics)
    , m_config(withShape(std::move(config), m_catalogue))
    , m_queue(m_config.queueCapacity)
    , m_policy(makePolicy(m_config.policy, m_config.policyConfig))
    , m_history(m_config.historyCapacity, m_config.historyMaxAge)
{
    m_selectionCounters.reserve(m_catalogue.size());
    for (const auto &model : m_catalogue.models())
        m_selectionCounters.push_back(&m_metrics.selectionCounter(model.id));
}

ModelRouter::~ModelRouter() = default;

std::chrono::steady_clock::time_point ModelRouter::now() const
{
    return m_config.clock ? m_config.clock() : std::chrono::steady_clock::now();
}

void ModelRouter::meterEvicted(std::size_t n)
{
    if (n == 0)
        return;
    m_evicted.fetch_add(n, std::memory_order_relaxed);
    m_metrics.addEvicted(n);
}

RouteResult ModelRouter::route(const RoutingContext &context, std::string trajectoryId)
{
    if (!m_catalogue.routesContexts())
        throw std::invalid_argument("this router chooses on " + std::to_string(m_catalogue.dimension())
                                    + " features of the caller's, not on a routing context: send features");
    return routeChecked(extractFeatures(context), std::move(trajectoryId));
}

RouteResult ModelRouter::routeFeatures(FeatureVector features, std::string trajectoryId)
{
    if (features.size() != m_catalogue.dimension())
        throw std::invalid_argument("features: " + std::to_string(features.size())
                                    + " values, the catalogue's dimension is "
                                    + std::to_string(m_catalogue.dimension()));
    policy::checkContext(m_config.policyConfig, features);
    return routeChecked(std::move(features), std::move(trajectoryId));
}

RouteResult ModelRouter::routeChecked(FeatureVector features, std::string trajectoryId)
{
    RouteResult result;
    RoutingDecision decision;
    decision.features = features;
    Selection selection;
    std::size_t evicted = 0;
    {
        std::lock_guard lock(m_mutex);
        decision.decidedAt = now();
        selection = m_policy->select(features);
        result.eventId = m_nextEventId++;
        result.policy = m_config.policy;
        result.policyVersion = {m_generation, m_policy->updates()};
        if (trajectoryId.empty())
            trajectoryId = "traj-" + std::to_string(result.eventId);
        decision.eventId = result.eventId;
        decision.trajectoryId = trajectoryId;
        decision.arm = selection.arm;
        decision.propensity = selection.propensity;
        evicted = m_history.evictExpired(decision.decidedAt);
        if (EngineHook *hook = m_hook.load())
            hook->decided(decision, selection.probabilities, result.policyVersion);
        evicted += m_history.insert(std::move(decision));
        if (EngineHook *hook = m_hook.load(); hook && evicted)
            hook->evicted(evicted);
    }
    meterEvicted(evicted);
    m_selectionCounters[selection.arm]->Increment();
    m_routed.fetch_add(1, std::memory_order_relaxed);

    result.trajectoryId = std::move(trajectoryId);
    result.arm = selection.arm;
    result.modelId = m_catalogue.at(selection.arm).id;
    result.propensity = selection.propensity;
    result.probabilities = std::move(selection.probabilities);
    result.expectedReward = selection.scores.at(selection.arm);
    std::vector<std::size_t> others;
    for (std::size_t arm = 0; arm < m_catalogue.size(); ++arm) {
        if (arm != selection.arm)
            others.push_back(arm);
    }
    std::stable_sort(others.begin(), others.end(),
                     [&](std::size_t a, std::size_t b) { return selection.scores[a] > selection.scores[b]; });
    for (std::size_t arm : others)
        result.fallbacks.push_back(m_catalogue.at(arm).id);
    result.features = std::move(features);
    return result;
}

bool ModelRouter::recordOutcome(std::string_view trajectoryId, double immediateReward)
{
    if (!std::isfinite(immediateReward))
        throw std::invalid_argument("immediate reward " + formatNumber(immediateReward) + " for trajectory '"
                                    + std::string(trajectoryId) + "' is not a finite number");
    std::lock_guard lock(m_mutex);
    const auto found = m_history.find(trajectoryId);
    if (!found)
        return false;
    RoutingDecision &decision = m_history.decision(found);
    decision.immediateReward = immediateReward;
    if (EngineHook *hook = m_hook.load())
        hook->outcomeRecorded(decision);
    return true;
}

void ModelRouter::push(TrajectoryFeedback feedback)
{
    FeedbackQueue::SeqRange seqs;
    const std::size_t dropped = m_queue.push(std::move(feedback), &seqs);
    if (dropped)
        m_metrics.addDropped(dropped);
    if (EngineHook *hook = m_hook.load()) {
        if (dropped)
            hook->dropped(dropped, seqs);
        hook->queued(m_queue.size());
    }
}

void ModelRouter::enqueueFeedback(TrajectoryFeedback feedback)
{
    if (!m_log.load())
        return push(std::move(feedback)); // the hot path of an in-memory engine: nothing to wrap
    std::vector<TrajectoryFeedback> items;
    items.push_back(std::move(feedback));
    enqueueFeedback(std::move(items), {});
}

void ModelRouter::enqueueFeedback(std::vector<TrajectoryFeedback> items, std::function<void()> queued)
{
    const auto queue = [this, queued = std::move(queued)](std::vector<TrajectoryFeedback> numbered) {
        for (TrajectoryFeedback &item : numbered)
            push(std::move(item));
        if (queued)
            queued();
    };
    if (FeedbackLog *log = m_log.load())
        log->append(std::move(items), queue);
    else
        queue(std::move(items));
}

void ModelRouter::failLocked(const TrajectoryFeedback &feedback, FailureReason reason, const std::string &message,
                             FeedbackBatchResult &result)
{
    ++result.failed[static_cast<std::size_t>(reason)];
    if (EngineHook *hook = m_hook.load())
        hook->failed(feedback, reason, message);
}

void ModelRouter::learnLocked(const TrajectoryFeedback &feedback, std::uint64_t idHash, FeedbackBatchResult &result)
{
    if (const auto problem = feedback.validate()) {
        failLocked(feedback, FailureReason::Invalid, *problem, result);
        return;
    }
    const auto found = m_history.find(feedback.trajectoryId, idHash);
    if (!found) {
        failLocked(feedback, FailureReason::MissingHistory,
                   "no routing decision awaits trajectory '" + feedback.trajectoryId + "'", result);
        return;
    }
    const RoutingDecision &decision = m_history.decision(found);
    // Feedback naming another model than the one chosen is not about this decision: leave the decision.
    const std::string &chosen = m_catalogue.at(decision.arm).id;
    if (chosen != feedback.modelId) {
        failLocked(feedback, FailureReason::MissingHistory,
                   "trajectory '" + feedback.trajectoryId + "' was routed to " + chosen + ", not to "
                       + feedback.modelId,
                   result);
        return;
    }
    const double reward = combinedReward(decision.immediateReward, feedback);
    std::string error;
    try {
        m_policy->update(decision.arm, decision.features, reward);
    } catch (const std::exception &exception) {
        error = exception.what();
    }
    if (error.empty()) {
        if (EngineHook *hook = m_hook.load())
            hook->learned(feedback, decision, reward);
        ++result.processed;
    } else {
        failLocked(feedback, FailureReason::Exception,
                   "the " + m_config.policy + " policy could not learn from trajectory '" + feedback.trajectoryId
                       + "': " + error,
                   result);
    }
    m_history.erase(found); // consumed either way: a retry would fail the same way
}

FeedbackBatchResult ModelRouter::processTrajectoryFeedback(std::size_t batchSize, const MetricLabels &labels)
{
    FeedbackBatchResult result;
    std::vector<TrajectoryFeedback> batch;
    m_queue.popBatch(batchSize, batch);
    std::size_t evicted = 0;
    {
        std::lock_guard lock(m_mutex);
        evicted = m_history.evictExpired(now());
        if (EngineHook *hook = m_hook.load(); hook && evicted)
            hook->evicted(evicted);
    }
    // In groups, so the history's cache misses for a group overlap instead of queueing one by one; the lock
    // is taken per group, so a route waits for a few updates, never for a whole batch.
    constexpr std::size_t kGroup = 16;
    std::array<std::uint64_t, kGroup> hashes;
    for (std::size_t first = 0; first < batch.size(); first += kGroup) {
        const std::size_t n = std::min(kGroup, batch.size() - first);
        for (std::size_t i = 0; i < n; ++i)
            hashes[i] = RoutingHistory::hashOf(batch[first + i].trajectoryId);
        std::lock_guard lock(m_mutex);
        for (std::size_t i = 0; i < n; ++i)
            m_history.prefetchCell(hashes[i]);
        for (std::size_t i = 0; i < n; ++i)
            m_history.prefetchEntry(hashes[i]);
        for (std::size_t i = 0; i < n; ++i)
            learnLocked(batch[first + i], hashes[i], result);
    }
    meterEvicted(evicted);
    if (result.processed)
        m_metrics.addProcessed(labels, result.processed);
    for (std::size_t reason = 0; reason < kFailureReasons; ++reason) {
        if (result.failed[reason])
            m_metrics.addFailed(labels, static_cast<FailureReason>(reason), result.failed[reason]);
    }
    result.remaining = m_queue.size();
    if (EngineHook *hook = m_hook.load())
        hook->batchDone();
    return result;
}

std::size_t ModelRouter::purgeQueue(PurgeLimit limit)
{
    FeedbackQueue::SeqRange seqs;
    const std::size_t purged = m_queue.purge(limit, &seqs);
    if (EngineHook *hook = m_hook.load(); hook && purged)
        hook->purged(purged, seqs);
    return purged;
}

std::size_t ModelRouter::setQueueCapacity(std::size_t capacity)
{
    FeedbackQueue::SeqRange seqs;
    const std::size_t dropped = m_queue.setCapacity(capacity, &seqs);
    if (dropped)
        m_metrics.addDropped(dropped);
    if (EngineHook *hook = m_hook.load(); hook && dropped) {
        hook->droppedByShrink(dropped, seqs);
        hook->queued(m_queue.size());
    }
    return dropped;
}

void ModelRouter::setPolicy(std::string_view name)
{
    auto fresh = makePolicy(name, m_config.policyConfig);
    std::lock_guard lock(m_mutex);
    m_policy = std::move(fresh);
    m_config.policy = std::string(m_policy->name());
    ++m_generation;
}

void ModelRouter::resetPolicy()
{
    std::lock_guard lock(m_mutex);
    m_policy = makePolicy(m_config.policy, m_config.policyConfig);
    ++m_generation;
}

PolicyVersion ModelRouter::policyVersion() const
{
    std::lock_guard lock(m_mutex);
    return {m_generation, m_policy->updates()};
}

void ModelRouter::setNextEventId(std::uint64_t next)
{
    std::lock_guard lock(m_mutex);
    m_nextEventId = next;
}

void ModelRouter::restoreDecision(RoutingDecision decision)
{
    std::size_t evicted = 0;
    {
        std::lock_guard lock(m_mutex);
        evicted = m_history.insert(std::move(decision));
    }
    meterEvicted(evicted);
}

void ModelRouter::relearn(std::size_t arm, std::span<const double> features, double reward)
{
    std::lock_guard lock(m_mutex);
    m_policy->update(arm, features, reward);
}

std::string ModelRouter::policyName() const
{
    std::lock_guard lock(m_mutex);
    return m_config.policy;
}

std::vector<double> ModelRouter::estimates(const FeatureVector &x) const
{
    std::lock_guard lock(m_mutex);
    return m_policy->estimates(x);
}

nlohmann::json ModelRouter::policyState() const
{
    std::lock_guard lock(m_mutex);
    return m_policy->state();
}

// A state names its policy, so restoring may switch policy; the current one is replaced only once the
// whole state has been read.
void ModelRouter::restorePolicyState(const nlohmann::json &state)
{
    const std::string name = JsonReader(state, "policy state").string("policy");
    auto restored = makePolicy(name, m_config.policyConfig);
    restored->restore(state);
    std::lock_guard lock(m_mutex);
    m_policy = std::move(restored);
    m_config.policy = std::string(m_policy->name());
}

std::size_t ModelRouter::historySize() const
{
    std::lock_guard lock(m_mutex);
    return m_history.size();
}

} // namespace rl
