#pragma once

// Private to core/journal: the writer thread.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "core/journal/JournalCounters.h"
#include "core/journal/JournalOptions.h"
#include "core/journal/JournalRecord.h"
#include "core/journal/JournalStatus.h"

struct sqlite3;

namespace rl {

class JournalStore;
class SqliteDatabase;

// Owns the write connection and the thread that commits. Appends from any thread go into an in-memory
// queue under one short lock; the thread takes everything queued (up to a budget) and commits it in one
// transaction, so a commit's cost is shared by all the records that arrived while the previous one ran
// (group commit), then runs the onDurable callbacks. A failed commit (disk full, I/O error, a lock) is
// rolled back, reported in status() and retried with backoff, its records kept and nothing acknowledged.
// Records nobody waits for (decisions, outcomes, consumption, checkpoints) linger a few milliseconds
// before their commit, so that a stream of routes costs a commit per linger, not a commit per route;
// feedback, a flush, compaction and stopping cut the linger short.
class JournalWriter {
public:
    JournalWriter(std::unique_ptr<SqliteDatabase> db, const JournalOptions &options, const JournalCounters &counters,
                  std::uint64_t corruptSkipped);
    // Commits everything appended; a commit still failing after a few seconds of retries is given up (its
    // items were never acknowledged). Then stops the thread.
    ~JournalWriter();
    JournalWriter(const JournalWriter &) = delete;
    JournalWriter &operator=(const JournalWriter &) = delete;

    // Assigns the group's seqs (returned: the first) and queues it.
    std::uint64_t appendFeedback(FeedbackGroup group);
    // Throws std::invalid_argument for a range reaching past the seqs assigned so far.
    void appendConsumption(JournalConsumption consumption);
    void append(JournalRecord record);

    bool flushFor(std::chrono::steady_clock::duration timeout); // false on timeout
    void compactNow();                                          // runs compaction until nothing is left
    JournalStatus status() const;
    std::uint64_t nextSeq() const;
    std::int64_t now() const; // the options' clock

private:
    void run();
    void wait(std::unique_lock<std::mutex> &lock, std::chrono::steady_clock::time_point until);
    bool enqueue(JournalRecord record, bool hurry); // with m_mutex held; true if the writer needs waking
    bool commit(std::vector<JournalRecord> &round);
    void acknowledge(std::vector<JournalRecord> &round);
    void housekeep(bool requested);
    void noteError(const std::exception &error);
    void publish();
    static int walHook(void *self, sqlite3 *db, const char *name, int frames);

    const JournalOptions m_options;
    std::unique_ptr<SqliteDatabase> m_db;
    std::unique_ptr<JournalStore> m_store;
    const std::string m_path;

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;       // the writer: records queued, compaction asked for, stop
    std::condition_variable m_progressed; // flush() and compactNow(): a round committed, compaction done
    std::deque<JournalRecord> m_incoming;
    std::uint64_t m_nextSeq;      // the next feedback seq to assign
    std::uint64_t m_appended = 0; // records appended, ever
    std::uint64_t m_finished = 0; // records committed (or given up at shutdown), a prefix of the appended
    std::uint64_t m_compactAsked = 0;
    std::uint64_t m_compactDone = 0;
    bool m_stopping = false;
    bool m_hurry = false; // someone waits on what is queued: feedback to acknowledge, or a flush
    std::chrono::steady_clock::time_point m_incomingSince; // when m_incoming last stopped being empty

    // Writer thread only.
    int m_walFrames = 0;
    std::chrono::steady_clock::time_point m_nextCompaction;

    mutable std::mutex m_statusMutex; // a short lock: status() copies, the writer replaces after each round
    JournalStatus m_status;

    std::thread m_thread; // last: starts once everything above is built
};

} // namespace rl
