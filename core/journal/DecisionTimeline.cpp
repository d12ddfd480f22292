#include "core/journal/DecisionTimeline.h"

#include "core/journal/SqliteDatabase.h"

namespace rl {

DecisionTimeline::DecisionTimeline(SqliteDatabase &db)
    : m_first(db, "SELECT event_id, time_ms FROM decisions WHERE event_id >= ?1 ORDER BY event_id LIMIT 1")
    , m_bounds(db, "SELECT min(event_id), max(event_id) FROM decisions")
{
}

bool DecisionTimeline::firstFrom(std::uint64_t from, std::uint64_t &eventId, std::int64_t &timeMs)
{
    m_first.bind(1, from);
    const bool found = m_first.step();
    if (found) {
        eventId = static_cast<std::uint64_t>(m_first.columnInt(0));
        timeMs = m_first.columnInt(1);
        m_first.reset();
    }
    return found;
}

std::uint64_t DecisionTimeline::firstAtOrAfter(std::int64_t timeMs)
{
    if (!m_bounds.step())
        return 0;
    const bool empty = m_bounds.columnIsNull(0);
    std::uint64_t low = static_cast<std::uint64_t>(m_bounds.columnInt(0));
    std::uint64_t high = static_cast<std::uint64_t>(m_bounds.columnInt(1));
    m_bounds.reset();
    if (empty)
        return 0;
    std::uint64_t id = 0;
    std::int64_t time = 0;
    // at(x): the first decision from event id x on is at or after timeMs; false for every x up to the
    // boundary and true from there.
    const auto at = [&](std::uint64_t x) { return firstFrom(x, id, time) && time >= timeMs; };
    if (!at(high))
        return high + 1;
    while (low < high) {
        const std::uint64_t middle = low + (high - low) / 2;
        if (at(middle))
            high = middle;
        else
            low = middle + 1;
    }
    firstFrom(low, id, time);
    return id;
}

} // namespace rl
