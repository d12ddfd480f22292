#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json_fwd.hpp>

namespace rl {

// What GET /health reports (the runbook checks .rl_feedback_enabled).
// The journal as /health and the window show it.
struct JournalHealth {
    std::string directory;
    std::string sync;        // full, normal, off
    bool restoring = false;  // the journal is being read at start
    std::uint64_t bytes = 0; // the database and its write-ahead log
    std::uint64_t queuedRows = 0;
    std::uint64_t decisionLogRows = 0;
    std::optional<std::int64_t> lastCheckpointMs;
    std::string restored;  // what start-up restored, one line
    std::string lastError; // the latest write error, empty if none
    // Where every item ever accepted went, as committed: accepted = processed + failed + dropped + purged + queued.
    struct Totals {
        std::uint64_t accepted = 0, processed = 0, failed = 0, dropped = 0, purged = 0, queued = 0;
    } totals;
};

struct HealthState {
    bool rlFeedbackEnabled = false;
    bool trajectoryEvaluationEnabled = false;
    bool routerRegistered = false;
    bool loopRunning = false;
    std::size_t queueDepth = 0;
    std::size_t queueCapacity = 0;
    std::optional<std::int64_t> lastTickMs; // wall clock, ms since the epoch; null before the first tick
    std::size_t batchSize = 0;
    double intervalSeconds = 0.0;
    std::string policy;
    struct Totals {
        std::uint64_t routed = 0;
        std::uint64_t emitted = 0;
        std::uint64_t processed = 0;
        std::uint64_t failed = 0;
        std::uint64_t dropped = 0;
        std::uint64_t purged = 0;
        std::uint64_t evicted = 0;
    } totals;
    std::optional<JournalHealth> journal; // unset: the engine keeps nothing on disk (--ephemeral)

    // Keys as the issue names them: rl_feedback_enabled, trajectory_evaluation_enabled, router_registered,
    // loop_running, queue_depth, queue_capacity, last_tick (ISO 8601 UTC or null), batch_size, interval_seconds,
    // policy, totals{routed, emitted, processed, failed, dropped, purged, evicted}, journal (null, or
    // {directory, sync, restoring, bytes, queued_rows, decision_log_rows, last_checkpoint, restored, last_error,
    // totals{accepted, processed, failed, dropped, purged, queued}}).
    nlohmann::json toJson() const;
};

} // namespace rl
