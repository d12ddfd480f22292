#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json_fwd.hpp>

namespace rl {

// What GET /health reports (the runbook checks .rl_feedback_enabled).
struct HealthState {
    bool rlFeedbackEnabled = false;
    bool trajectoryEvaluationEnabled = false;
    bool routerRegistered = false;
    bool loopRunning = false;
    std::size_t queueDepth = 0;
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

    // Keys as the issue names them: rl_feedback_enabled, trajectory_evaluation_enabled, router_registered,
    // loop_running, queue_depth, last_tick (ISO 8601 UTC or null), batch_size, interval_seconds, policy,
    // totals{routed, emitted, processed, failed, dropped, purged, evicted}.
    nlohmann::json toJson() const;
};

} // namespace rl
