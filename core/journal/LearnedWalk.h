#pragma once

// Private to core/journal.

#include <cstdint>
#include <map>
#include <optional>

#include "core/journal/JournalRecords.h"
#include "core/journal/SqliteStatement.h"

namespace rl {

class SqliteDatabase;

// Joins decisions to their learning steps without an index on the steps: the caller walks the decisions in
// event order (up or down), and this walks the learned batches in the same order (by their indexed
// min_event_id going up, max_event_id going down), loading a batch just before the first decision it could
// hold comes up. Memory holds only the steps of batches that straddle the current decision.
class LearnedWalk {
public:
    enum class Direction { Up, Down };

    // Decisions below `limit` are never asked about, so their steps are not loaded.
    LearnedWalk(SqliteDatabase &db, Direction direction, std::uint64_t limit);

    // The step that learned from decision eventId, if any. Calls must follow the walk's direction.
    std::optional<JournalLearned> find(std::uint64_t eventId);
    std::uint64_t damagedBatches() const { return m_damaged; } // batches that failed their checksum

private:
    void load(); // the current batch's steps, then steps to the next batch

    Direction m_direction;
    std::uint64_t m_limit;
    SqliteStatement m_batches;
    bool m_more = false;
    std::uint64_t m_bound = 0; // the current batch's min (up) or max (down) event id
    std::map<std::uint64_t, JournalLearned> m_steps;
    std::uint64_t m_damaged = 0;
};

} // namespace rl
