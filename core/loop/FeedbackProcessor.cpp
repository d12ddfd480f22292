#include "core/loop/FeedbackProcessor.h"

#include <array>
#include <chrono>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "core/loop/LoopConfig.h"
#include "core/metrics/Metrics.h"
#include "core/routing/ModelRouter.h"

namespace rl {

namespace {

using Clock = std::chrono::steady_clock;

double millisecondsSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// A batch size outside the loop's accepted range is refused (0 would never drain) and counted as rejected;
// returns the problem, nullopt when the size is fine.
std::optional<std::string> rejectBatchSize(Metrics &metrics, std::size_t batchSize)
{
    if (batchSize >= LoopConfig::kMinBatchSize && batchSize <= LoopConfig::kMaxBatchSize)
        return std::nullopt;
    metrics.addRejected("processor", "batch_size");
    return "batch size " + std::to_string(batchSize) + " is outside [" + std::to_string(LoopConfig::kMinBatchSize)
           + ", " + std::to_string(LoopConfig::kMaxBatchSize) + "]";
}

} // namespace

std::string_view toString(ProcessStatus status)
{
    constexpr std::array<std::string_view, 6> names{"disabled", "idle", "skipped", "success", "error", "no_router"};
    return names[static_cast<std::size_t>(status)];
}

nlohmann::json ProcessSummary::toJson() const
{
    nlohmann::json json{{"enabled", enabled},        {"batch_size", batchSize},   {"processed", processed},
                        {"failed", failed},          {"queue_depth", queueDepth}, {"latency_ms", latencyMs},
                        {"status", toString(status)}};
    if (status == ProcessStatus::Error)
        json["error"] = error;
    return json;
}

nlohmann::json DrainSummary::toJson() const
{
    return {{"batches", batches},        {"processed", processed}, {"failed", failed},
            {"queue_depth", queueDepth}, {"cancelled", cancelled}, {"elapsed_ms", elapsedMs}};
}

FeedbackProcessor::FeedbackProcessor(Metrics &metrics, ModelRouter *router)
    : m_metrics(metrics)
    , m_router(router)
{
}

void FeedbackProcessor::setRouter(ModelRouter *router)
{
    m_router.store(router);
}

ProcessSummary FeedbackProcessor::processOnce(std::size_t batchSize, const std::optional<MetricLabels> &labels)
{
    const MetricLabels &metricLabels = labels ? *labels : m_metrics.defaultLabels();
    ProcessSummary summary;
    summary.enabled = enabled();
    summary.batchSize = batchSize;
    ModelRouter *router = m_router.load();
    // Every return goes through here, so the depth gauge is current whatever happened.
    const auto finish = [&](ProcessStatus status) {
        summary.status = status;
        summary.queueDepth = router ? router->queue().size() : 0;
        m_metrics.setQueueDepth(metricLabels, static_cast<double>(summary.queueDepth));
        return summary;
    };

    if (!summary.enabled)
        return finish(ProcessStatus::Disabled);
    if (!router)
        return finish(ProcessStatus::NoRouter);
    if (auto problem = rejectBatchSize(m_metrics, batchSize)) {
        summary.error = std::move(*problem);
        return finish(ProcessStatus::Error);
    }
    std::unique_lock running(m_running, std::try_to_lock);
    if (!running.owns_lock())
        return finish(ProcessStatus::Skipped);
    if (router->queue().size() == 0)
        return finish(ProcessStatus::Idle);

    const auto start = Clock::now();
    ProcessStatus status = ProcessStatus::Success;
    try {
        const auto result = router->processTrajectoryFeedback(batchSize, metricLabels);
        summary.processed = result.processed;
        summary.failed = result.failedTotal();
    } catch (const std::exception &error) {
        status = ProcessStatus::Error;
        summary.error = error.what();
    }
    summary.latencyMs = millisecondsSince(start);
    m_metrics.observeLatencyMs(metricLabels, summary.latencyMs);
    return finish(status);
}

// Unlike processOnce, a batch that throws ends the drain by propagating: there is no partial status to
// report it in, and the caller is an operator who needs to see the error.
DrainSummary FeedbackProcessor::drain(std::size_t limit, std::size_t batchSize,
                                      const std::function<bool(const DrainSummary &)> &progress)
{
    const MetricLabels &labels = m_metrics.defaultLabels();
    const auto start = Clock::now();
    DrainSummary summary;
    ModelRouter *router = m_router.load();
    if (auto problem = rejectBatchSize(m_metrics, batchSize))
        throw std::invalid_argument("drain: " + *problem);
    std::size_t taken = 0;
    while (router && taken < limit && router->queue().size() > 0) {
        FeedbackBatchResult result;
        {
            std::lock_guard running(m_running); // waits for a tick in flight rather than skipping
            const auto batchStart = Clock::now();
            result = router->processTrajectoryFeedback(std::min(batchSize, limit - taken), labels);
            m_metrics.observeLatencyMs(labels, millisecondsSince(batchStart));
        }
        const std::size_t items = result.processed + result.failedTotal();
        if (items == 0)
            break; // emptied by someone else between the size check and the pop
        taken += items;
        ++summary.batches;
        summary.processed += result.processed;
        summary.failed += result.failedTotal();
        summary.queueDepth = result.remaining;
        m_metrics.setQueueDepth(labels, static_cast<double>(result.remaining));
        summary.elapsedMs = millisecondsSince(start);
        if (progress && !progress(summary)) {
            summary.cancelled = true;
            break;
        }
    }
    summary.queueDepth = router ? router->queue().size() : 0;
    m_metrics.setQueueDepth(labels, static_cast<double>(summary.queueDepth));
    summary.elapsedMs = millisecondsSince(start);
    return summary;
}

std::size_t FeedbackProcessor::purge(const std::optional<MetricLabels> &labels, PurgeLimit limit)
{
    const MetricLabels &metricLabels = labels ? *labels : m_metrics.defaultLabels();
    ModelRouter *router = m_router.load();
    const std::size_t purged = router ? router->purgeQueue(limit) : 0;
    m_metrics.addPurged(metricLabels, purged);
    m_metrics.setQueueDepth(metricLabels, router ? static_cast<double>(router->queue().size()) : 0.0);
    return purged;
}

} // namespace rl
