#pragma once

// Private to core/journal: the writer's SQL.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/journal/DecisionTimeline.h"
#include "core/journal/JournalCounters.h"
#include "core/journal/SqliteStatement.h"

namespace rl {

class SqliteDatabase;
struct JournalConsumption;
struct JournalDecision;
struct JournalLearned;
struct JournalOptions;

// Applies records to the database inside one transaction at a time, with statements prepared once, and
// keeps the counters that go with them: `working` while a transaction is open, `committed` once it is.
// Single-threaded: the writer thread owns it.
class JournalStore {
public:
    JournalStore(SqliteDatabase &db, const JournalCounters &counters);

    const JournalCounters &committed() const { return m_committed; }

    void begin();
    // Items firstSeq, firstSeq + 1, ...: item i's body is bodies[ends[i - 1], ends[i]).
    void insertFeedback(std::uint64_t firstSeq, std::string_view bodies, const std::vector<std::uint32_t> &ends);
    void insertDecision(const JournalDecision &decision);
    void recordOutcome(std::uint64_t eventId, double immediateReward);
    void consume(const JournalConsumption &consumption);
    void insertCheckpoint(std::string_view state, std::uint64_t coversSeq, std::int64_t timeMs);
    // Writes the changed counters and commits; throws SqliteError, after which rollback() must be called.
    void commit();
    // Abandons the open transaction, if SQLite has not already, and the working counters with it.
    void rollback() noexcept;

    // One bounded step of retention compaction, in its own transaction: decisions past the retention (and
    // not needed for relearning), learned rows whose decisions are gone and which a checkpoint covers,
    // consumption records past the retention, and free pages given back to the file system. Returns true
    // when there is more to do.
    bool compactStep(std::int64_t nowMs, const JournalOptions &options);

    // Copies finished WAL pages into the database file. Passive: never waits for a reader. Truncating: also
    // empties the WAL file, waiting (the busy timeout) for readers to let go.
    void checkpointWal(bool truncate = false);

private:
    void insertLearned(const std::vector<JournalLearned> &learned, std::int64_t timeMs);

    SqliteDatabase &m_db;
    JournalCounters m_committed;
    JournalCounters m_working;
    SqliteStatement m_begin;
    SqliteStatement m_commit;
    SqliteStatement m_rollback;
    SqliteStatement m_insertFeedback;
    SqliteStatement m_insertDecision;
    SqliteStatement m_replaceDecision;
    SqliteStatement m_outcome;
    SqliteStatement m_deleteFeedback;
    SqliteStatement m_insertLearned;
    SqliteStatement m_insertConsumption;
    SqliteStatement m_insertCheckpoint;
    SqliteStatement m_trimCheckpoints;
    SqliteStatement m_oldestCheckpoint;
    SqliteStatement m_relearnFloor;
    SqliteStatement m_upsertMeta;
    SqliteStatement m_deleteDecisions;
    SqliteStatement m_oldestDecision;
    SqliteStatement m_deleteLearned;
    SqliteStatement m_deleteConsumption;
    DecisionTimeline m_timeline;
};

} // namespace rl
