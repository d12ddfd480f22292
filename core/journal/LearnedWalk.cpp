#include "core/journal/LearnedWalk.h"

#include "core/journal/RecordCodec.h"

namespace rl {

LearnedWalk::LearnedWalk(SqliteDatabase &db, Direction direction, std::uint64_t limit)
    : m_direction(direction)
    , m_limit(limit)
    , m_batches(db, direction == Direction::Up
                        ? "SELECT min_event_id, steps FROM learned WHERE max_event_id >= ?1 ORDER BY min_event_id"
                        : "SELECT max_event_id, steps FROM learned WHERE max_event_id >= ?1 ORDER BY max_event_id DESC")
{
    m_batches.bind(1, limit);
    m_more = m_batches.step();
    if (m_more)
        m_bound = static_cast<std::uint64_t>(m_batches.columnInt(0));
}

void LearnedWalk::load()
{
    if (auto steps = decodeLearned(m_batches.columnBlob(1))) {
        for (const JournalLearned &step : *steps) {
            if (step.eventId >= m_limit)
                m_steps[step.eventId] = step;
        }
    } else {
        ++m_damaged;
    }
    m_more = m_batches.step();
    if (m_more)
        m_bound = static_cast<std::uint64_t>(m_batches.columnInt(0));
}

std::optional<JournalLearned> LearnedWalk::find(std::uint64_t eventId)
{
    if (m_direction == Direction::Up) {
        while (m_more && m_bound <= eventId)
            load();
        m_steps.erase(m_steps.begin(), m_steps.lower_bound(eventId)); // passed: never asked for again
    } else {
        while (m_more && m_bound >= eventId)
            load();
        m_steps.erase(m_steps.upper_bound(eventId), m_steps.end());
    }
    const auto found = m_steps.find(eventId);
    if (found == m_steps.end())
        return std::nullopt;
    JournalLearned step = found->second;
    m_steps.erase(found);
    return step;
}

} // namespace rl
