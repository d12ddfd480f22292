#include "core/loop/Health.h"

#include <nlohmann/json.hpp>

#include "core/support/IsoTime.h"

namespace rl {

namespace {

nlohmann::json journalJson(const JournalHealth &journal)
{
    return {{"directory", journal.directory},
            {"sync", journal.sync},
            {"restoring", journal.restoring},
            {"bytes", journal.bytes},
            {"queued_rows", journal.queuedRows},
            {"decision_log_rows", journal.decisionLogRows},
            {"last_checkpoint",
             journal.lastCheckpointMs ? nlohmann::json(isoUtc(*journal.lastCheckpointMs)) : nlohmann::json(nullptr)},
            {"restored", journal.restored},
            {"last_error", journal.lastError},
            {"totals",
             {{"accepted", journal.totals.accepted},
              {"processed", journal.totals.processed},
              {"failed", journal.totals.failed},
              {"dropped", journal.totals.dropped},
              {"purged", journal.totals.purged},
              {"queued", journal.totals.queued}}}};
}

} // namespace

nlohmann::json HealthState::toJson() const
{
    return {
        {"rl_feedback_enabled", rlFeedbackEnabled},
        {"trajectory_evaluation_enabled", trajectoryEvaluationEnabled},
        {"router_registered", routerRegistered},
        {"loop_running", loopRunning},
        {"queue_depth", queueDepth},
        {"queue_capacity", queueCapacity},
        {"last_tick", lastTickMs ? nlohmann::json(isoUtc(*lastTickMs)) : nlohmann::json(nullptr)},
        {"batch_size", batchSize},
        {"interval_seconds", intervalSeconds},
        {"policy", policy},
        {"totals",
         {
             {"routed", totals.routed},
             {"emitted", totals.emitted},
             {"processed", totals.processed},
             {"failed", totals.failed},
             {"dropped", totals.dropped},
             {"purged", totals.purged},
             {"evicted", totals.evicted},
         }},
        {"journal", journal ? journalJson(*journal) : nlohmann::json(nullptr)},
    };
}

} // namespace rl
