#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/feedback/TrajectoryFeedback.h"
#include "core/journal/JournalRecords.h"

namespace rl {

// What Journal::open() found, for the engine to rebuild itself: restore the checkpoint's policy state, apply
// `relearn` to it in order, refill the router's history with `pending`, the queue with `queue`, the
// counters with `totals`, and number new decisions from nextEventId.
struct RestoredJournal {
    std::optional<nlohmann::json> checkpoint; // the newest intact policy state, if any
    std::uint64_t checkpointSeq = 0;          // every learned row with seq <= this is in the checkpoint
    std::int64_t checkpointTimeMs = 0;
    // Learning steps after the checkpoint, in seq order, each with its decision.
    std::vector<std::pair<JournalLearned, JournalDecision>> relearn;
    // Decisions not learned from, decided within historyMaxAge, the newest historyCapacity, oldest first,
    // with their immediate rewards.
    std::vector<JournalDecision> pending;
    // The queued feedback in seq order, each with its seq (consumption records name seqs).
    std::vector<std::pair<std::uint64_t, TrajectoryFeedback>> queue;
    JournalTotals totals;
    std::uint64_t nextSeq = 1; // the seq the next appended item gets: accepted + 1
    std::uint64_t nextEventId = 1;
    std::uint64_t corruptSkipped = 0;   // queued rows that failed their checksum: removed, counted as dropped
    std::uint64_t relearnMissing = 0;   // steps after the checkpoint whose decision is gone
    std::uint64_t damagedLearned = 0;   // batches of learning steps that failed their checksum, skipped
    std::uint64_t walFramesSkipped = 0; // frames of a torn or damaged log tail that recovery skipped
    std::string note;                   // one line: what was restored, repaired or moved aside
};

} // namespace rl
