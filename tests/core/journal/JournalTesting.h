#pragma once

// Helpers shared by the journal's tests and its crash child: deterministic items, and a clock tests move.

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "core/feedback/TrajectoryFeedback.h"
#include "core/journal/JournalOptions.h"
#include "core/journal/JournalRecords.h"

namespace rl::testing {

// The item a test appends as number n: every field depends on n, so a restored item can be checked field
// by field, and the strings vary in length (empty, short, past the small-string buffer, non-ASCII).
inline TrajectoryFeedback feedbackItem(std::uint64_t n)
{
    TrajectoryFeedback item;
    item.trajectoryId = "traj-" + std::to_string(n);
    item.modelId = n % 3 == 0 ? "gpt-4o-mini" : "claude-3-5-sonnet-20241022";
    item.accuracyScore = (n % 101) / 100.0;
    item.efficiencyScore = (n % 37) / 36.0;
    item.errorHandlingScore = (n % 11) / 10.0;
    item.overallScore = (n % 53) / 52.0;
    item.trajectoryLength = static_cast<int>(n % 40) - (n % 7 == 0 ? 100 : 0);
    item.success = n % 2 == 0;
    item.reasoning = n % 5 == 0 ? std::string() : "évalué n°" + std::to_string(n) + std::string(n % 60, 'x');
    item.timestampMs = 1700000000000 + static_cast<std::int64_t>(n) * (n % 2 ? 1 : -1);
    return item;
}

inline bool sameFeedback(const TrajectoryFeedback &a, const TrajectoryFeedback &b)
{
    return a.trajectoryId == b.trajectoryId && a.modelId == b.modelId && a.accuracyScore == b.accuracyScore
           && a.efficiencyScore == b.efficiencyScore && a.errorHandlingScore == b.errorHandlingScore
           && a.overallScore == b.overallScore && a.trajectoryLength == b.trajectoryLength && a.success == b.success
           && a.reasoning == b.reasoning && a.timestampMs == b.timestampMs;
}

// A decision numbered eventId, decided at timeMs.
inline JournalDecision decisionItem(std::uint64_t eventId, std::int64_t timeMs)
{
    JournalDecision decision;
    decision.eventId = eventId;
    decision.trajectoryId = "traj-" + std::to_string(eventId);
    decision.timeMs = timeMs;
    decision.arm = eventId % 4;
    decision.propensity = 0.25 + (eventId % 3) * 0.1;
    decision.features = {1.0, double(eventId), -0.5, 1e-300};
    decision.probabilities = {0.25, 0.25, 0.25, 0.25};
    decision.policyVersion = "linucb@" + std::to_string(eventId % 2);
    return decision;
}

// A wall clock a test sets and advances; shared so options copied into the journal still follow it.
struct TestClock {
    std::shared_ptr<std::atomic<std::int64_t>> now = std::make_shared<std::atomic<std::int64_t>>(1700000000000);

    std::function<std::int64_t()> function() const
    {
        return [now = now] { return now->load(); };
    }
    void advance(std::int64_t ms) { now->fetch_add(ms); }
    std::int64_t ms() const { return now->load(); }
};

} // namespace rl::testing
