#pragma once

// Private to core/journal.

#include <cstdint>

#include "core/journal/SqliteStatement.h"

namespace rl {

class SqliteDatabase;

// Finds where in the decision log a moment falls, without an index on time: decision times are taken as
// decisions are made, so they do not decrease in event order, and a binary search over event ids (about 30
// primary-key lookups) finds the boundary. An index on time_ms would cost every decision insert to save
// those 30 lookups at open and at compaction. A wall clock stepped back only blurs the boundary by the step.
class DecisionTimeline {
public:
    explicit DecisionTimeline(SqliteDatabase &db);

    // The smallest event id decided at or after timeMs; one past the newest when none is, 0 when the log is
    // empty.
    std::uint64_t firstAtOrAfter(std::int64_t timeMs);

private:
    // The first decision at or after event id `from`: whether there is one, its id and time.
    bool firstFrom(std::uint64_t from, std::uint64_t &eventId, std::int64_t &timeMs);

    SqliteStatement m_first;
    SqliteStatement m_bounds;
};

} // namespace rl
