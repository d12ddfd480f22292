#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <limits>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "core/feedback/FeedbackQueue.h"
#include "core/metrics/MetricLabels.h"

namespace rl {

class Metrics;
class ModelRouter;

enum class ProcessStatus { Disabled, Idle, Skipped, Success, Error, NoRouter };
std::string_view toString(ProcessStatus status);

// The original's process_rl_feedback_once() summary.
struct ProcessSummary {
    bool enabled = false;
    std::size_t batchSize = 0;
    std::size_t processed = 0;
    std::size_t failed = 0;
    std::size_t queueDepth = 0;
    double latencyMs = 0.0;
    ProcessStatus status = ProcessStatus::Idle;
    std::string error; // set when status is Error
    nlohmann::json toJson() const;
};

struct DrainSummary {
    std::size_t batches = 0;
    std::size_t processed = 0;
    std::size_t failed = 0;
    std::size_t queueDepth = 0;
    bool cancelled = false;
    double elapsedMs = 0.0;
    nlohmann::json toJson() const;
};

// One tick of the feedback loop, plus the runbook's manual operations. Every path meters: queue depth
// and batch latency here, processed/failed in the router.
// Status: disabled (loop flag off), no_router, idle (queue empty), skipped (another batch is already
// running, e.g. an operator's one-shot during a tick), success, error (the router threw).
class FeedbackProcessor {
public:
    explicit FeedbackProcessor(Metrics &metrics, ModelRouter *router = nullptr);

    void setRouter(ModelRouter *router); // nullptr: every call reports no_router
    ModelRouter *router() const { return m_router.load(); }
    void setEnabled(bool enabled) { m_enabled.store(enabled); }
    bool enabled() const { return m_enabled.load(); }

    ProcessSummary processOnce(std::size_t batchSize, const std::optional<MetricLabels> &labels = {});

    // The runbook's force drain: batches of batchSize until the queue is empty or limit items were
    // taken. Runs whether or not the loop flag is set (it is an operator's action). progress is called
    // after each batch; returning false cancels.
    DrainSummary drain(std::size_t limit = std::numeric_limits<std::size_t>::max(), std::size_t batchSize = 1000,
                       const std::function<bool(const DrainSummary &)> &progress = {});

    // Discards the oldest items the limit allows (the whole queue by default); returns the count, metered
    // as purged.
    std::size_t purge(const std::optional<MetricLabels> &labels = {}, PurgeLimit limit = {});

private:
    Metrics &m_metrics;
    std::atomic<ModelRouter *> m_router;
    std::atomic<bool> m_enabled{true};
    std::mutex m_running; // held while a batch runs; a second caller gets `skipped`
};

} // namespace rl
