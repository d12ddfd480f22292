#include "core/journal/JournalStore.h"

#include <algorithm>
#include <limits>

#include <sqlite3.h>

#include "core/journal/Crc32c.h"
#include "core/journal/JournalOptions.h"
#include "core/journal/JournalRecords.h"
#include "core/journal/RecordCodec.h"
#include "core/journal/SqliteDatabase.h"

namespace rl {

namespace {

constexpr std::int64_t kCompactionChunk = 5000; // rows per table per step: a few milliseconds of work
constexpr std::int64_t kVacuumChunk = 2048;     // pages given back per step
// Free pages are given back once they are this many (8 MiB) and a quarter of the file: below that the
// queue's next burst reuses them, which is cheaper than giving them back and growing the file again.
constexpr std::int64_t kVacuumThreshold = 1024;
constexpr std::int64_t kNoEvent = std::numeric_limits<std::int64_t>::max();

constexpr std::string_view kDecisionColumns = "(event_id, trajectory_id, time_ms, arm, propensity, features, "
                                              "probabilities, policy_version, immediate_reward) "
                                              "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";

std::string sql(std::string_view head, std::string_view tail)
{
    return std::string(head).append(tail);
}

std::int64_t asKey(std::uint64_t value)
{
    return static_cast<std::int64_t>(std::min<std::uint64_t>(value, kNoEvent));
}

} // namespace

JournalStore::JournalStore(SqliteDatabase &db, const JournalCounters &counters)
    : m_db(db)
    , m_committed(counters)
    , m_working(counters)
    , m_begin(db, "BEGIN IMMEDIATE")
    , m_commit(db, "COMMIT")
    , m_rollback(db, "ROLLBACK")
    , m_insertFeedback(db, "INSERT INTO feedback(seq, body) VALUES(?1, ?2)")
    , m_insertDecision(db, sql("INSERT OR IGNORE INTO decisions", kDecisionColumns))
    , m_replaceDecision(db, sql("REPLACE INTO decisions", kDecisionColumns))
    , m_outcome(db, "UPDATE decisions SET immediate_reward = ?2 WHERE event_id = ?1")
    , m_deleteFeedback(db, "DELETE FROM feedback WHERE seq BETWEEN ?1 AND ?2")
    , m_insertLearned(db, "INSERT INTO learned(first_seq, last_seq, min_event_id, max_event_id, time_ms, steps) "
                          "VALUES(?1, ?2, ?3, ?4, ?5, ?6)")
    , m_insertConsumption(db, "INSERT INTO consumption(first_seq, last_seq, processed, failed_missing_history, "
                              "failed_invalid, failed_exception, dropped, purged, removed, time_ms) "
                              "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
    , m_insertCheckpoint(db, "INSERT INTO checkpoints(covers_seq, time_ms, crc, state) VALUES(?1, ?2, ?3, ?4)")
    , m_trimCheckpoints(db, "DELETE FROM checkpoints WHERE id NOT IN (SELECT id FROM checkpoints ORDER BY id DESC "
                            "LIMIT 2)")
    , m_oldestCheckpoint(db, "SELECT min(covers_seq) FROM checkpoints")
    , m_relearnFloor(db, "SELECT min(min_event_id) FROM learned WHERE last_seq > ?1")
    , m_upsertMeta(db, kJournalCounterUpsert)
    , m_deleteDecisions(db, "DELETE FROM decisions WHERE event_id IN (SELECT event_id FROM decisions WHERE "
                            "event_id < ?1 ORDER BY event_id LIMIT ?2)")
    , m_oldestDecision(db, "SELECT min(event_id) FROM decisions")
    , m_deleteLearned(db, "DELETE FROM learned WHERE id IN (SELECT id FROM learned WHERE max_event_id < ?1 AND "
                          "last_seq <= ?2 ORDER BY max_event_id LIMIT ?3)")
    , m_deleteConsumption(db, "DELETE FROM consumption WHERE id IN (SELECT id FROM consumption WHERE time_ms < ?1 "
                              "ORDER BY id LIMIT ?2)")
    , m_timeline(db)
{
}

void JournalStore::begin()
{
    m_working = m_committed;
    m_begin.run();
}

void JournalStore::insertFeedback(std::uint64_t firstSeq, std::string_view bodies,
                                  const std::vector<std::uint32_t> &ends)
{
    std::uint32_t start = 0;
    for (std::size_t i = 0; i < ends.size(); ++i) {
        m_insertFeedback.bind(1, firstSeq + i).bindBlob(2, bodies.substr(start, ends[i] - start)).run();
        start = ends[i];
    }
    m_working.queued += ends.size();
    m_working.nextSeq = std::max(m_working.nextSeq, firstSeq + ends.size());
}

void JournalStore::insertDecision(const JournalDecision &decision)
{
    const std::string features = encodeDoubles(decision.features);
    const std::string probabilities = encodeDoubles(decision.probabilities);
    const auto bindAll = [&](SqliteStatement &statement) {
        statement.bind(1, decision.eventId)
            .bindText(2, decision.trajectoryId)
            .bind(3, decision.timeMs)
            .bind(4, static_cast<std::uint64_t>(decision.arm))
            .bind(5, decision.propensity)
            .bindBlob(6, features)
            .bindBlob(7, probabilities)
            .bindText(8, decision.policyVersion)
            .bind(9, decision.immediateReward)
            .run();
    };
    bindAll(m_insertDecision);
    if (m_db.changes() == 1)
        ++m_working.decisionRows;
    else
        bindAll(m_replaceDecision); // the same event id again: the later record wins, the count stays
    m_working.nextEventId = std::max(m_working.nextEventId, decision.eventId + 1);
}

void JournalStore::recordOutcome(std::uint64_t eventId, double immediateReward)
{
    m_outcome.bind(1, eventId).bind(2, immediateReward).run();
}

void JournalStore::consume(const JournalConsumption &consumption)
{
    std::uint64_t removed = 0;
    if (consumption.firstSeq <= consumption.lastSeq) {
        m_deleteFeedback.bind(1, consumption.firstSeq).bind(2, consumption.lastSeq).run();
        removed = static_cast<std::uint64_t>(m_db.changes());
    }
    // The rows removed are the truth; counts that disagree (a range consumed twice, a miscount) are fitted
    // to them so the identity still holds, and the mismatch is counted for the operator.
    JournalConsumption counts = consumption;
    const std::uint64_t counted = counts.count();
    if (removed > counted) {
        counts.dropped += removed - counted;
    } else if (removed < counted) {
        std::uint64_t excess = counted - removed;
        const auto take = [&](std::uint64_t &n) {
            const std::uint64_t cut = std::min(n, excess);
            n -= cut;
            excess -= cut;
        };
        take(counts.dropped);
        take(counts.purged);
        for (auto reason = counts.failed.rbegin(); reason != counts.failed.rend(); ++reason)
            take(*reason);
        take(counts.processed);
    }
    if (removed != counted)
        ++m_working.consumptionMismatches;
    m_working.processed += counts.processed;
    for (std::size_t i = 0; i < counts.failed.size(); ++i)
        m_working.failed[i] += counts.failed[i];
    m_working.dropped += counts.dropped;
    m_working.purged += counts.purged;
    m_working.queued -= std::min(m_working.queued, removed);

    if (!consumption.learned.empty())
        insertLearned(consumption.learned, consumption.timeMs);
    m_insertConsumption.bind(1, consumption.firstSeq)
        .bind(2, consumption.lastSeq)
        .bind(3, counts.processed)
        .bind(4, counts.failed[0])
        .bind(5, counts.failed[1])
        .bind(6, counts.failed[2])
        .bind(7, counts.dropped)
        .bind(8, counts.purged)
        .bind(9, removed)
        .bind(10, consumption.timeMs)
        .run();
}

void JournalStore::insertLearned(const std::vector<JournalLearned> &learned, std::int64_t timeMs)
{
    std::uint64_t firstSeq = learned.front().seq;
    std::uint64_t lastSeq = firstSeq;
    std::uint64_t minEvent = learned.front().eventId;
    std::uint64_t maxEvent = minEvent;
    for (const JournalLearned &step : learned) {
        firstSeq = std::min(firstSeq, step.seq);
        lastSeq = std::max(lastSeq, step.seq);
        minEvent = std::min(minEvent, step.eventId);
        maxEvent = std::max(maxEvent, step.eventId);
    }
    const std::string steps = encodeLearned(learned);
    m_insertLearned.bind(1, firstSeq)
        .bind(2, lastSeq)
        .bind(3, asKey(minEvent))
        .bind(4, asKey(maxEvent))
        .bind(5, timeMs)
        .bindBlob(6, steps)
        .run();
    if (lastSeq > m_working.keptCheckpointSeq)
        m_working.relearnFloor = std::min(m_working.relearnFloor, minEvent);
}

void JournalStore::insertCheckpoint(std::string_view state, std::uint64_t coversSeq, std::int64_t timeMs)
{
    m_insertCheckpoint.bind(1, coversSeq)
        .bind(2, timeMs)
        .bind(3, static_cast<std::int64_t>(crc32c(state.data(), state.size())))
        .bindText(4, state)
        .run();
    // Two are kept: should the newest be damaged, restore falls back to the one before, so learned rows and
    // decisions are kept from the older one's seq on.
    m_trimCheckpoints.run();
    m_working.checkpointSeq = coversSeq;
    m_working.checkpointTimeMs = timeMs;
    m_oldestCheckpoint.step();
    m_working.keptCheckpointSeq = static_cast<std::uint64_t>(m_oldestCheckpoint.columnInt(0));
    m_oldestCheckpoint.reset();
    m_relearnFloor.bind(1, m_working.keptCheckpointSeq).step();
    m_working.relearnFloor = m_relearnFloor.columnIsNull(0) ? std::numeric_limits<std::uint64_t>::max()
                                                            : static_cast<std::uint64_t>(m_relearnFloor.columnInt(0));
    m_relearnFloor.reset();
}

void JournalStore::commit()
{
    saveJournalCounters(m_upsertMeta, m_working, m_committed);
    m_commit.run();
    m_committed = m_working;
}

void JournalStore::rollback() noexcept
{
    m_working = m_committed;
    if (!m_db.inTransaction())
        return;
    try {
        m_rollback.run();
    } catch (const SqliteError &) {
        // Nothing more to do: SQLite rolls back on the next BEGIN's failure or at close.
    }
}

bool JournalStore::compactStep(std::int64_t nowMs, const JournalOptions &options)
{
    begin();
    const auto keep = std::max<std::chrono::milliseconds>(options.decisionLogRetention, options.historyMaxAge);
    // Decisions still awaiting feedback are within historyMaxAge, so past the longer of the two nothing is
    // pending; decisions learned from after the oldest kept checkpoint are kept for relearning.
    const std::uint64_t bound = std::min(m_timeline.firstAtOrAfter(nowMs - keep.count()), m_working.relearnFloor);
    m_deleteDecisions.bind(1, asKey(bound)).bind(2, kCompactionChunk).run();
    const auto decisions = m_db.changes();
    m_working.decisionRows -= std::min<std::uint64_t>(m_working.decisionRows, decisions);

    m_oldestDecision.step();
    const std::int64_t oldestDecision = m_oldestDecision.columnIsNull(0) ? kNoEvent : m_oldestDecision.columnInt(0);
    m_oldestDecision.reset();
    m_deleteLearned.bind(1, oldestDecision).bind(2, asKey(m_working.keptCheckpointSeq)).bind(3, kCompactionChunk).run();
    const auto learned = m_db.changes();

    m_deleteConsumption.bind(1, nowMs - std::chrono::milliseconds(options.decisionLogRetention).count())
        .bind(2, kCompactionChunk)
        .run();
    const auto consumption = m_db.changes();

    bool vacuum = false;
    const auto freePages = m_db.queryInt("PRAGMA freelist_count");
    if (freePages >= kVacuumThreshold && freePages * 4 >= m_db.queryInt("PRAGMA page_count")) {
        m_db.exec("PRAGMA incremental_vacuum(" + std::to_string(kVacuumChunk) + ")");
        vacuum = freePages > kVacuumChunk;
    }
    commit();
    return decisions == kCompactionChunk || learned == kCompactionChunk || consumption == kCompactionChunk || vacuum;
}

void JournalStore::checkpointWal(bool truncate)
{
    const int mode = truncate ? SQLITE_CHECKPOINT_TRUNCATE : SQLITE_CHECKPOINT_PASSIVE;
    const int code = sqlite3_wal_checkpoint_v2(m_db.handle(), nullptr, mode, nullptr, nullptr);
    if (code != SQLITE_OK && code != SQLITE_BUSY)
        m_db.fail(code, "WAL checkpoint");
}

} // namespace rl
