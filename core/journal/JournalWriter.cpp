#include "core/journal/JournalWriter.h"

#include <algorithm>
#include <filesystem>
#include <stdexcept>

#include <pthread.h>
#include <sqlite3.h>

#include "core/journal/JournalStore.h"
#include "core/journal/SqliteDatabase.h"
#include "core/support/ThreadPriority.h"

namespace rl {

namespace {

using Clock = std::chrono::steady_clock;

// Rows per commit round. Big enough that a round's fixed cost (the commit, the meta rows, a wake-up) is
// small against its rows; small enough that one round's WAL frames and latency stay bounded (a few MB,
// tens of milliseconds) when the writer falls behind a burst.
constexpr std::size_t kRoundBudget = 65536;
// WAL frames (pages) after which the writer copies the WAL into the database between rounds. SQLite's own
// wal_autocheckpoint would do it inside COMMIT, holding back that commit's acknowledgements, so it is
// turned off (our WAL hook replaces it) and the writer checkpoints after the callbacks have run.
constexpr int kWalCheckpointFrames = 4096;
// How long a record nobody waits for (a decision, an outcome, a consumption, a checkpoint) may wait for
// others to share its commit. None is acknowledged; a crash loses those of the last linger and commit, and
// restore copes: a lost consumption is learned again from the journal, exactly as before.
constexpr auto kLinger = std::chrono::milliseconds(5);
constexpr auto kMaxBackoff = std::chrono::seconds(1);
constexpr int kAttemptsWhenStopping = 5; // 0.3 s of retries with the backoff below

std::chrono::milliseconds backoff(int failures)
{
    return std::min<std::chrono::milliseconds>(std::chrono::milliseconds(10 << std::min(failures, 7)), kMaxBackoff);
}

std::uint64_t fileSize(const std::string &path)
{
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    return error ? 0 : size;
}

} // namespace

JournalWriter::JournalWriter(std::unique_ptr<SqliteDatabase> db, const JournalOptions &options,
                             const JournalCounters &counters, std::uint64_t corruptSkipped)
    : m_options(options)
    , m_db(std::move(db))
    , m_store(std::make_unique<JournalStore>(*m_db, counters))
    , m_path(m_db->path())
    , m_nextSeq(counters.nextSeq)
    , m_nextCompaction(Clock::now() + options.compactionInterval)
{
    m_status.corruptSkipped = corruptSkipped;
    sqlite3_wal_hook(m_db->handle(), &JournalWriter::walHook, this);
    publish();
    m_thread = std::thread([this] { run(); });
}

JournalWriter::~JournalWriter()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    m_thread.join();
    sqlite3_wal_hook(m_db->handle(), nullptr, nullptr);
    m_store.reset(); // statements before the connection
}

int JournalWriter::walHook(void *self, sqlite3 *, const char *, int frames)
{
    static_cast<JournalWriter *>(self)->m_walFrames = frames; // runs inside the writer's COMMIT
    return SQLITE_OK;
}

std::int64_t JournalWriter::now() const
{
    if (m_options.clock)
        return m_options.clock();
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::uint64_t JournalWriter::appendFeedback(FeedbackGroup group)
{
    std::uint64_t firstSeq = 0;
    {
        std::lock_guard lock(m_mutex);
        firstSeq = group.firstSeq = m_nextSeq;
        m_nextSeq += group.ends.size();
        enqueue(std::move(group), true);
    }
    m_wake.notify_one();
    return firstSeq;
}

void JournalWriter::appendConsumption(JournalConsumption consumption)
{
    if (consumption.timeMs == 0)
        consumption.timeMs = now();
    {
        std::lock_guard lock(m_mutex);
        // Seqs below m_nextSeq have their items queued ahead of this record, so their rows exist by the time
        // it is applied; a later seq would be deleted before it was inserted, and stay queued for ever.
        if (consumption.firstSeq <= consumption.lastSeq && consumption.lastSeq >= m_nextSeq)
            throw std::invalid_argument("consumption of seqs " + std::to_string(consumption.firstSeq) + ".."
                                        + std::to_string(consumption.lastSeq) + " reaches past the last appended, "
                                        + std::to_string(m_nextSeq - 1));
        if (!enqueue(std::move(consumption), false))
            return;
    }
    m_wake.notify_one();
}

void JournalWriter::append(JournalRecord record)
{
    {
        std::lock_guard lock(m_mutex);
        if (!enqueue(std::move(record), false))
            return;
    }
    m_wake.notify_one();
}

bool JournalWriter::enqueue(JournalRecord record, bool hurry)
{
    // The writer sleeps until something arrives, then lingers on a timer: only the first record of a
    // linger, or one that hurries it, has to wake it.
    const bool wake = hurry || m_incoming.empty();
    if (m_incoming.empty())
        m_incomingSince = Clock::now();
    m_incoming.push_back(std::move(record));
    ++m_appended;
    m_hurry = m_hurry || hurry;
    return wake;
}

bool JournalWriter::flushFor(Clock::duration timeout)
{
    std::unique_lock lock(m_mutex);
    const std::uint64_t target = m_appended;
    if (m_finished < target) {
        m_hurry = true;
        m_wake.notify_one();
    }
    return m_progressed.wait_for(lock, timeout, [&] { return m_finished >= target; });
}

void JournalWriter::compactNow()
{
    std::unique_lock lock(m_mutex);
    const std::uint64_t ticket = ++m_compactAsked;
    m_wake.notify_one();
    m_progressed.wait(lock, [&] { return m_compactDone >= ticket; });
}

JournalStatus JournalWriter::status() const
{
    JournalStatus status;
    {
        std::lock_guard lock(m_statusMutex);
        status = m_status;
    }
    std::lock_guard lock(m_mutex);
    status.unwritten = m_appended - m_finished;
    return status;
}

std::uint64_t JournalWriter::nextSeq() const
{
    std::lock_guard lock(m_mutex);
    return m_nextSeq;
}

void JournalWriter::run()
{
#ifdef __linux__
    pthread_setname_np(pthread_self(), "rl-journal"); // so top -H and a debugger tell it apart
#endif
    deprioritizeThisThread();         // group commit absorbs the delay; the API's answers do not
    std::vector<JournalRecord> round; // kept across failed attempts, so nothing is lost or reordered
    std::size_t weight = 0;
    int failures = 0;
    int failuresWhileStopping = 0;
    for (;;) {
        bool compact = false;
        std::uint64_t compactTicket = 0;
        bool stopping = false;
        {
            std::unique_lock lock(m_mutex);
            if (round.empty())
                wait(lock, m_nextCompaction);
            if (m_stopping && m_incoming.empty() && round.empty())
                break;
            // A retried round takes in what arrived meanwhile, after its own records.
            while (!m_incoming.empty() && weight < kRoundBudget) {
                weight += recordWeight(m_incoming.front());
                round.push_back(std::move(m_incoming.front()));
                m_incoming.pop_front();
            }
            if (m_incoming.empty())
                m_hurry = false;
            compact = m_compactAsked > m_compactDone;
            compactTicket = m_compactAsked;
            stopping = m_stopping;
        }
        if (!round.empty()) {
            if (commit(round)) {
                failures = 0;
                acknowledge(round);
            } else if (!stopping || ++failuresWhileStopping < kAttemptsWhenStopping) {
                // Shutting down, the backoff restarts short: the few last attempts take a fraction of a second.
                const auto delay = stopping ? backoff(failuresWhileStopping) : backoff(++failures);
                std::unique_lock lock(m_mutex);
                m_wake.wait_for(lock, delay, [] { return false; });
                continue;
            }
            // Committed, or given up at shutdown (those items were never acknowledged): finished either way.
            {
                std::lock_guard lock(m_mutex);
                m_finished += round.size();
            }
            round.clear();
            weight = 0;
            m_progressed.notify_all();
        }
        housekeep(compact);
        if (compact) {
            {
                std::lock_guard lock(m_mutex);
                m_compactDone = compactTicket;
            }
            m_progressed.notify_all();
        }
    }
}

void JournalWriter::wait(std::unique_lock<std::mutex> &lock, Clock::time_point until)
{
    const auto urgent = [&] { return m_hurry || m_stopping || m_compactAsked > m_compactDone; };
    m_wake.wait_until(lock, until, [&] { return !m_incoming.empty() || urgent(); });
    if (!m_incoming.empty())
        m_wake.wait_until(lock, std::min(until, m_incomingSince + kLinger), urgent);
}

bool JournalWriter::commit(std::vector<JournalRecord> &round)
{
    try {
        m_store->begin();
        for (const JournalRecord &record : round) {
            if (const auto *group = std::get_if<FeedbackGroup>(&record))
                m_store->insertFeedback(group->firstSeq, group->bodies, group->ends);
            else if (const auto *decision = std::get_if<JournalDecision>(&record))
                m_store->insertDecision(*decision);
            else if (const auto *outcome = std::get_if<OutcomeRecord>(&record))
                m_store->recordOutcome(outcome->eventId, outcome->immediateReward);
            else if (const auto *consumption = std::get_if<JournalConsumption>(&record))
                m_store->consume(*consumption);
            else if (const auto *checkpoint = std::get_if<CheckpointRecord>(&record))
                m_store->insertCheckpoint(checkpoint->state, checkpoint->coversSeq, checkpoint->timeMs);
        }
        m_store->commit();
    } catch (const std::exception &error) {
        m_store->rollback();
        noteError(error);
        return false;
    }
    {
        std::lock_guard lock(m_statusMutex);
        ++m_status.commits;
    }
    publish();
    return true;
}

void JournalWriter::acknowledge(std::vector<JournalRecord> &round)
{
    for (JournalRecord &record : round) {
        auto *group = std::get_if<FeedbackGroup>(&record);
        if (!group || !group->onDurable)
            continue;
        try {
            group->onDurable(group->firstSeq);
        } catch (...) {
            // A callback must not throw; if one does, the writer and the other callbacks carry on.
        }
    }
}

void JournalWriter::housekeep(bool requested)
{
    try {
        if (m_walFrames >= kWalCheckpointFrames) {
            m_store->checkpointWal();
            m_walFrames = 0;
        }
        if (!requested && Clock::now() < m_nextCompaction)
            return;
        // On request, until nothing is left, and the freed space given back to the file system at once; on
        // schedule, one bounded step, the rest soon after.
        bool more = m_store->compactStep(now(), m_options);
        while (requested && more)
            more = m_store->compactStep(now(), m_options);
        if (requested) {
            m_store->checkpointWal(true);
            m_walFrames = 0;
        }
        m_nextCompaction = Clock::now() + (more ? std::chrono::milliseconds(100) : m_options.compactionInterval);
        publish();
    } catch (const std::exception &error) {
        m_store->rollback();
        noteError(error);
        m_nextCompaction = Clock::now() + std::chrono::seconds(1);
    }
}

void JournalWriter::noteError(const std::exception &error)
{
    std::lock_guard lock(m_statusMutex);
    ++m_status.writeErrors;
    m_status.lastError = error.what();
    m_status.lastErrorTimeMs = now();
}

void JournalWriter::publish()
{
    const JournalCounters &counters = m_store->committed();
    const std::uint64_t databaseBytes = fileSize(m_path);
    const std::uint64_t walBytes = fileSize(m_path + "-wal");
    std::lock_guard lock(m_statusMutex);
    m_status.databaseBytes = databaseBytes;
    m_status.walBytes = walBytes;
    m_status.queuedRows = counters.queued;
    m_status.decisionRows = counters.decisionRows;
    m_status.lastCheckpointTimeMs = counters.checkpointTimeMs;
    m_status.lastCheckpointSeq = counters.checkpointSeq;
    m_status.consumptionMismatches = counters.consumptionMismatches;
    m_status.totals = counters.totals();
}

} // namespace rl
