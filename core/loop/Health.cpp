#include "core/loop/Health.h"

#include <array>
#include <chrono>
#include <cstdio>

#include <nlohmann/json.hpp>

namespace rl {

namespace {

// "2024-06-01T12:34:56.789Z". Civil-calendar arithmetic rather than gmtime: thread-safe and no time_t range.
std::string isoUtc(std::int64_t epochMs)
{
    using namespace std::chrono;
    const sys_time<milliseconds> time{milliseconds(epochMs)};
    const auto day = floor<days>(time);
    const year_month_day date{day};
    const hh_mm_ss clock{time - day};
    std::array<char, 40> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                  static_cast<int>(clock.hours().count()), static_cast<int>(clock.minutes().count()),
                  static_cast<int>(clock.seconds().count()), static_cast<int>(clock.subseconds().count()));
    return buffer.data();
}

} // namespace

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
