#include "core/routing/ModelRouter.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

#include <prometheus/counter.h>

#include "core/feedback/FeatureVector.h"
#include "core/metrics/Metrics.h"
#include "core/support/JsonReader.h"
#include "core/support/NumberFormat.h"

namespace rl {

namespace {

RouterConfig withShape(RouterConfig config, const ModelCatalogue &catalogue)
{
    config.policyConfig.arms = catalogue.size();
    config.policyConfig.dimension = kContextFeatures;
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
    RouteResult result;
    result.features = extractFeatures(context);
    RoutingDecision decision;
    std::copy(result.features.begin(), result.features.end(), decision.features.begin());
    Selection selection;
    std::size_t evicted = 0;
    {
        std::lock_guard lock(m_mutex);
        decision.decidedAt = now();
        selection = m_policy->select(result.features);
        if (trajectoryId.empty())
            trajectoryId = "traj-" + std::to_string(m_generatedIds++);
        decision.trajectoryId = trajectoryId;
        decision.arm = selection.arm;
        decision.propensity = selection.propensity;
        evicted = m_history.evictExpired(decision.decidedAt);
        if (EngineHook *hook = m_hook.load())
            hook->decided(decision);
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
    m_history.decision(found).immediateReward = immediateReward;
    return true;
}

void ModelRouter::enqueueFeedback(TrajectoryFeedback feedback)
{
    if (const std::size_t dropped = m_queue.push(std::move(feedback))) {
        m_metrics.addDropped(dropped);
        if (EngineHook *hook = m_hook.load())
            hook->dropped(dropped);
    }
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
        // In groups, so the history's cache misses for a group overlap instead of queueing one by one.
        constexpr std::size_t kGroup = 16;
        std::array<std::uint64_t, kGroup> hashes;
        for (std::size_t first = 0; first < batch.size(); first += kGroup) {
            const std::size_t n = std::min(kGroup, batch.size() - first);
            for (std::size_t i = 0; i < n; ++i) {
                hashes[i] = RoutingHistory::hashOf(batch[first + i].trajectoryId);
                m_history.prefetchCell(hashes[i]);
            }
            for (std::size_t i = 0; i < n; ++i)
                m_history.prefetchEntry(hashes[i]);
            for (std::size_t i = 0; i < n; ++i)
                learnLocked(batch[first + i], hashes[i], result);
        }
    }
    meterEvicted(evicted);
    if (result.processed)
        m_metrics.addProcessed(labels, result.processed);
    for (std::size_t reason = 0; reason < kFailureReasons; ++reason) {
        if (result.failed[reason])
            m_metrics.addFailed(labels, static_cast<FailureReason>(reason), result.failed[reason]);
    }
    result.remaining = m_queue.size();
    return result;
}

void ModelRouter::setPolicy(std::string_view name)
{
    auto fresh = makePolicy(name, m_config.policyConfig);
    std::lock_guard lock(m_mutex);
    m_policy = std::move(fresh);
    m_config.policy = std::string(m_policy->name());
}

void ModelRouter::resetPolicy()
{
    std::lock_guard lock(m_mutex);
    m_policy = makePolicy(m_config.policy, m_config.policyConfig);
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
