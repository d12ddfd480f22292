#pragma once

// Private to core/journal: the journal's running numbers.

#include <array>
#include <cstdint>
#include <limits>

#include "core/feedback/FailureReason.h"
#include "core/journal/JournalRecords.h"

namespace rl {

class SqliteDatabase;
class SqliteStatement;

// The numbers the writer keeps as it commits. The persistent ones live in the meta table, written in the
// same transaction as the rows they count, so they and the rows never disagree after a crash.
struct JournalCounters {
    // Persistent (meta).
    std::uint64_t nextSeq = 1;
    std::uint64_t nextEventId = 1;
    std::uint64_t processed = 0;
    std::array<std::uint64_t, kFailureReasons> failed{};
    std::uint64_t dropped = 0;
    std::uint64_t purged = 0;
    std::uint64_t queued = 0;
    std::uint64_t decisionRows = 0;
    std::uint64_t consumptionMismatches = 0;
    // Derived at open from the checkpoints and learned tables, kept up to date by the writer.
    std::uint64_t checkpointSeq = 0;     // the newest checkpoint's
    std::int64_t checkpointTimeMs = 0;   // 0: none
    std::uint64_t keptCheckpointSeq = 0; // the oldest kept checkpoint's: learned rows above it are kept
    // The smallest event id learned from above keptCheckpointSeq: decisions from it on are kept for relearning.
    std::uint64_t relearnFloor = std::numeric_limits<std::uint64_t>::max();

    JournalTotals totals() const;
};

// Reads the persistent counters; absent keys keep their defaults.
JournalCounters loadJournalCounters(SqliteDatabase &db);
// Writes the persistent counters that differ from `before` with `upsert` (key ?1, value ?2).
void saveJournalCounters(SqliteStatement &upsert, const JournalCounters &counters, const JournalCounters &before);
// The upsert saveJournalCounters expects.
inline constexpr const char *kJournalCounterUpsert =
    "INSERT INTO meta(key, value) VALUES(?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value";

} // namespace rl
