#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/feedback/TrajectoryFeedback.h"
#include "core/journal/JournalCancelled.h"
#include "core/journal/JournalExport.h"
#include "core/journal/JournalOptions.h"
#include "core/journal/JournalRecords.h"
#include "core/journal/JournalStatus.h"
#include "core/journal/RestoredJournal.h"

namespace rl {

class DirectoryLock;
class JournalWriter;

// The feedback loop made durable: accepted feedback, routing decisions, what each queued item became, and
// the policy's checkpoints, in one SQLite database (WAL mode) in a directory. Appends are thread-safe and
// never wait for the disk: a dedicated writer thread commits everything appended while its previous commit
// ran in one transaction, then acknowledges the feedback in it (onDurable). After kill -9, open() gives back
// the queue, the pending decisions, the policy (checkpoint + relearn) and the totals, with
// accepted = processed + failed + dropped + purged + queued, and every acknowledged item either still queued
// or counted once.
//
// The queue order must be the seq order: a caller that appends from several threads assigns seqs and
// pushes into its queue under one lock (appendFeedback returns the first seq), and names removals by seq
// (JournalConsumption). Write errors (a full disk) never throw from appends: they show in status(), the
// writer retries, and onDurable waits until the items are committed.
//
// Costs to plan for: appends never wait, so while the disk stalls the backlog grows in memory
// (status().unwritten counts it, for the caller to push back on). Relearning, and the decisions kept for
// it, grow with the learning steps since the older of the two latest checkpoints: checkpoint the policy
// regularly. Restore reads the decisions of the last historyMaxAge, newest first, until it has found
// historyCapacity not yet learned from.
class Journal {
public:
    using Progress = std::function<bool(std::uint64_t done, std::uint64_t total)>;

    // Opens or creates DIR/journal.db (creating DIR) and restores it into `restored`. A database SQLite
    // cannot read (damaged, not a database, another schema version) is moved aside to
    // journal.db.corrupt-<UTC time>, reported in restored.note, and an empty journal started. progress(done,
    // total) is called while rows are read; returning false throws JournalCancelled. Throws
    // std::runtime_error when the directory is locked by another process or cannot be written.
    static std::unique_ptr<Journal> open(const JournalOptions &options, RestoredJournal &restored,
                                         const Progress &progress = {});
    // Commits everything appended (retrying a failing commit for a few seconds) and stops the writer. Not to
    // be called while another thread appends.
    ~Journal();
    Journal(const Journal &) = delete;
    Journal &operator=(const Journal &) = delete;

    // Gives the items consecutive seqs (returned: the first) and queues them. onDurable(firstSeq) runs on the
    // writer thread once the transaction holding them has committed, callbacks in seq order; it must be
    // quick, must not throw, and must not call flush() or compact() (they wait for the writer).
    // The items are encoded before it returns: the caller keeps them (e.g. to queue them in onDurable).
    std::uint64_t appendFeedback(const std::vector<TrajectoryFeedback> &items,
                                 std::function<void(std::uint64_t firstSeq)> onDurable = {});
    void appendDecision(JournalDecision decision);
    void appendOutcome(std::uint64_t eventId, double immediateReward); // the decision's immediate reward
    // Throws std::invalid_argument for a range reaching past the seqs appended so far.
    void appendConsumption(JournalConsumption consumption);
    // The policy's state covering every learned seq <= coversSeq. Append it after the consumption records
    // holding those learning steps.
    void appendCheckpoint(std::string stateJson, std::uint64_t coversSeq);

    void flush();                                     // waits until everything appended before the call is committed
    bool flushFor(std::chrono::milliseconds timeout); // the same, false on timeout (a disk stays full)
    void compact(); // runs retention compaction to the end now, rather than in steps now and then

    JournalStatus status() const;  // thread-safe, a short lock
    std::uint64_t nextSeq() const; // the seq the next appended item gets
    const std::string &directory() const { return m_directory; }

    // The decision log joined with learned rewards, in event order (JournalExport::decisionLog), after a
    // flush.
    std::uint64_t exportDecisionLog(const JournalExport::Row &row, const JournalExport::Progress &progress = {},
                                    std::uint64_t fromEventId = 0);

private:
    Journal(std::string directory, std::unique_ptr<DirectoryLock> lock, std::unique_ptr<JournalWriter> writer);

    const std::string m_directory;
    std::unique_ptr<DirectoryLock> m_lock; // released after the writer has stopped
    std::unique_ptr<JournalWriter> m_writer;
};

} // namespace rl
