#pragma once

// Private to core/journal: what waits in the writer's queue.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <variant>
#include <vector>

#include "core/journal/JournalRecords.h"

namespace rl {

// Feedback items already encoded (on the appending thread, so the writer only copies bytes into SQLite):
// item i is bodies[ends[i - 1], ends[i]).
struct FeedbackGroup {
    std::uint64_t firstSeq = 0;
    std::string bodies;
    std::vector<std::uint32_t> ends;
    std::function<void(std::uint64_t firstSeq)> onDurable;
};

struct OutcomeRecord {
    std::uint64_t eventId = 0;
    double immediateReward = 0.0;
};

struct CheckpointRecord {
    std::string state;
    std::uint64_t coversSeq = 0;
    std::int64_t timeMs = 0;
};

using JournalRecord = std::variant<FeedbackGroup, JournalDecision, OutcomeRecord, JournalConsumption, CheckpointRecord>;

// About how many rows a record writes: what a commit round is budgeted in.
inline std::size_t recordWeight(const JournalRecord &record)
{
    if (const auto *group = std::get_if<FeedbackGroup>(&record))
        return group->ends.size() + 1;
    if (const auto *consumption = std::get_if<JournalConsumption>(&record))
        return consumption->learned.size() + 1;
    return 1;
}

} // namespace rl
