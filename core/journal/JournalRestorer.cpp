#include "core/journal/JournalRestorer.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <limits>

#include "core/journal/Crc32c.h"
#include "core/journal/DecisionRow.h"
#include "core/journal/DecisionTimeline.h"
#include "core/journal/JournalCancelled.h"
#include "core/journal/JournalSchema.h"
#include "core/journal/LearnedWalk.h"
#include "core/journal/RecordCodec.h"
#include "core/journal/RestoredJournal.h"
#include "core/journal/SqliteDatabase.h"
#include "core/journal/SqliteStatement.h"

namespace rl {

namespace {

constexpr std::uint64_t kProgressEvery = 16384; // rows between progress calls

std::int64_t wallClockMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// An absent or empty file is a new journal; anything else must start with SQLite's header string.
bool looksLikeSqlite(const std::string &path)
{
    std::ifstream file(path, std::ios::binary);
    if (!file)
        return true;
    char header[16] = {};
    file.read(header, sizeof header);
    if (file.gcount() == 0)
        return true;
    return file.gcount() == sizeof header && std::memcmp(header, "SQLite format 3", 16) == 0;
}

std::string plural(std::uint64_t n, const char *one, const char *many)
{
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

} // namespace

std::string moveJournalAside(const std::string &path)
{
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &utc);
    std::string target = path + ".corrupt-" + stamp;
    for (int n = 2; std::filesystem::exists(target); ++n)
        target = path + ".corrupt-" + stamp + "-" + std::to_string(n);
    std::filesystem::rename(path, target);
    for (const char *suffix : {"-wal", "-shm"}) {
        std::error_code ignored; // absent unless the file was in use when it was damaged
        if (std::filesystem::exists(path + suffix))
            std::filesystem::rename(path + suffix, target + suffix, ignored);
    }
    return target;
}

JournalRestorer::JournalRestorer(const JournalOptions &options, Progress progress)
    : m_options(options)
    , m_progress(std::move(progress))
{
}

JournalRestorer::Opened JournalRestorer::restore(RestoredJournal &restored)
{
    const std::string path = m_options.directory + "/journal.db";
    std::string problem;
    if (!looksLikeSqlite(path)) {
        // Refused before SQLite opens it: SQLite would delete the -wal beside a file it cannot read, and the
        // pair is worth keeping for a post-mortem.
        problem = "not an SQLite database";
    } else {
        try {
            return read(path, restored);
        } catch (const SqliteError &error) {
            if (!error.unreadable())
                throw;
            problem = error.what();
        }
    }
    const std::string movedTo = moveJournalAside(path);
    restored = RestoredJournal{};
    m_done = m_total = m_reported = 0;
    Opened opened = read(path, restored);
    restored.note = "journal.db could not be read (" + problem + "); moved it to "
                    + std::filesystem::path(movedTo).filename().string() + " and started an empty journal";
    return opened;
}

JournalRestorer::Opened JournalRestorer::read(const std::string &path, RestoredJournal &restored)
{
    auto db = std::make_unique<SqliteDatabase>(path, SqliteDatabase::Mode::ReadWrite);
    configureJournalConnection(*db, m_options);
    ensureJournalSchema(*db);
    JournalCounters counters = loadJournalCounters(*db);

    readCheckpoint(*db, restored, counters);
    m_total = counters.queued + std::min<std::uint64_t>(counters.decisionRows, m_options.historyCapacity);
    advance(0);
    readRelearn(*db, restored, counters);
    readPending(*db, restored);
    std::vector<std::uint64_t> corrupt;
    readQueue(*db, counters.queued, restored, corrupt);
    const std::string repairs = repair(*db, restored, counters, corrupt);

    restored.totals = counters.totals();
    restored.nextSeq = counters.nextSeq;
    restored.nextEventId = std::max<std::uint64_t>(
        counters.nextEventId, static_cast<std::uint64_t>(db->queryInt("SELECT max(event_id) FROM decisions")) + 1);
    counters.nextEventId = restored.nextEventId;
    restored.corruptSkipped = corrupt.size();
    if (m_progress && !m_progress(m_total, m_total))
        throw JournalCancelled();

    if (restored.totals.accepted == 0 && counters.decisionRows == 0 && !restored.checkpoint) {
        restored.note = "started a new journal";
    } else {
        restored.note = "restored " + plural(restored.queue.size(), "queued item", "queued items") + ", "
                        + plural(restored.pending.size(), "pending decision", "pending decisions") + ", ";
        restored.note += restored.checkpoint ? "a checkpoint at seq " + std::to_string(restored.checkpointSeq)
                                             : std::string("no checkpoint");
        restored.note += " and " + plural(restored.relearn.size(), "step", "steps") + " to relearn";
    }
    if (restored.relearnMissing > 0)
        restored.note += "; " + plural(restored.relearnMissing, "step", "steps") + " to relearn lacked a decision";
    if (restored.damagedLearned > 0)
        restored.note +=
            "; " + plural(restored.damagedLearned, "damaged batch", "damaged batches") + " of learning steps skipped";
    restored.note += repairs;
    return Opened{std::move(db), counters};
}

void JournalRestorer::readCheckpoint(SqliteDatabase &db, RestoredJournal &restored, JournalCounters &counters)
{
    SqliteStatement select(db, "SELECT covers_seq, time_ms, crc, state FROM checkpoints ORDER BY id DESC");
    bool newest = true;
    while (select.step()) {
        const auto coversSeq = static_cast<std::uint64_t>(select.columnInt(0));
        const std::int64_t timeMs = select.columnInt(1);
        if (newest) {
            counters.checkpointSeq = coversSeq;
            counters.checkpointTimeMs = timeMs;
        }
        counters.keptCheckpointSeq = newest ? coversSeq : std::min(counters.keptCheckpointSeq, coversSeq);
        newest = false;
        if (restored.checkpoint)
            continue;
        const std::string_view state = select.columnText(3);
        if (crc32c(state.data(), state.size()) != static_cast<std::uint32_t>(select.columnInt(2)))
            continue;
        auto json = nlohmann::json::parse(state, nullptr, false);
        if (json.is_discarded())
            continue;
        restored.checkpoint = std::move(json);
        restored.checkpointSeq = coversSeq;
        restored.checkpointTimeMs = timeMs;
    }
    if (!newest && !restored.checkpoint)
        counters.keptCheckpointSeq = 0; // no intact checkpoint: relearning starts from the beginning
}

void JournalRestorer::readRelearn(SqliteDatabase &db, RestoredJournal &restored, JournalCounters &counters)
{
    // The batches holding steps after the checkpoint, found by their last seq; steps sorted by seq, as
    // batches from different threads may interleave.
    std::vector<JournalLearned> steps;
    SqliteStatement batches(db, "SELECT steps FROM learned WHERE last_seq > ?1");
    batches.bind(1, restored.checkpointSeq);
    while (batches.step()) {
        const auto decoded = decodeLearned(batches.columnBlob(0));
        if (!decoded) {
            ++restored.damagedLearned;
            continue;
        }
        for (const JournalLearned &step : *decoded) {
            if (step.seq > restored.checkpointSeq)
                steps.push_back(step);
        }
    }
    std::sort(steps.begin(), steps.end(), [](const auto &a, const auto &b) { return a.seq < b.seq; });
    // A seq is learned from once; a range consumed twice (counted as a mismatch) must not teach twice.
    steps.erase(std::unique(steps.begin(), steps.end(), [](const auto &a, const auto &b) { return a.seq == b.seq; }),
                steps.end());
    SqliteStatement decision(db,
                             "SELECT " + std::string(kDecisionColumnsOfD) + " FROM decisions d WHERE d.event_id = ?1");
    restored.relearn.reserve(steps.size());
    for (const JournalLearned &step : steps) {
        advance(1);
        if (decision.bind(1, step.eventId).step()) {
            restored.relearn.emplace_back(step, readDecision(decision, 0));
            decision.reset();
        } else {
            ++restored.relearnMissing;
        }
    }
    SqliteStatement floor(db, "SELECT min(min_event_id) FROM learned WHERE last_seq > ?1");
    floor.bind(1, counters.keptCheckpointSeq);
    if (floor.step() && !floor.columnIsNull(0))
        counters.relearnFloor = static_cast<std::uint64_t>(floor.columnInt(0));
    floor.reset();
}

void JournalRestorer::readPending(SqliteDatabase &db, RestoredJournal &restored)
{
    if (m_options.historyCapacity == 0)
        return;
    const std::int64_t now = m_options.clock ? m_options.clock() : wallClockMs();
    const std::int64_t cutoff = now - std::chrono::milliseconds(m_options.historyMaxAge).count();
    DecisionTimeline timeline(db);
    const std::uint64_t from = timeline.firstAtOrAfter(cutoff);
    // Newest first, so the newest historyCapacity are kept; the learned batches are walked alongside to
    // tell which were learned from.
    LearnedWalk learned(db, LearnedWalk::Direction::Down, from);
    SqliteStatement select(db, "SELECT " + std::string(kDecisionColumnsOfD)
                                   + " FROM decisions d WHERE d.event_id >= ?1 AND d.time_ms >= ?2"
                                     " ORDER BY d.event_id DESC");
    select.bind(1, from).bind(2, cutoff);
    while (restored.pending.size() < m_options.historyCapacity && select.step()) {
        advance(1);
        if (!learned.find(static_cast<std::uint64_t>(select.columnInt(0))))
            restored.pending.push_back(readDecision(select, 0));
    }
    select.reset();
    restored.damagedLearned += learned.damagedBatches();
    std::reverse(restored.pending.begin(), restored.pending.end());
}

void JournalRestorer::readQueue(SqliteDatabase &db, std::uint64_t expected, RestoredJournal &restored,
                                std::vector<std::uint64_t> &corrupt)
{
    restored.queue.reserve(expected);
    SqliteStatement select(db, "SELECT seq, body FROM feedback ORDER BY seq");
    while (select.step()) {
        advance(1);
        const auto seq = static_cast<std::uint64_t>(select.columnInt(0));
        if (auto feedback = decodeFeedback(select.columnBlob(1)))
            restored.queue.emplace_back(seq, std::move(*feedback));
        else
            corrupt.push_back(seq);
    }
}

std::string JournalRestorer::repair(SqliteDatabase &db, RestoredJournal &restored, JournalCounters &counters,
                                    const std::vector<std::uint64_t> &corrupt)
{
    std::string note;
    JournalCounters fixed = counters;
    // Corrupt rows cannot be processed: they leave the queue as dropped, so they are accounted for.
    fixed.dropped += corrupt.size();
    fixed.queued = restored.queue.size();
    std::uint64_t highest = restored.queue.empty() ? 0 : restored.queue.back().first;
    if (!corrupt.empty())
        highest = std::max(highest, corrupt.back());
    fixed.nextSeq = std::max(fixed.nextSeq, highest + 1);
    if (!corrupt.empty())
        note += "; removed " + plural(corrupt.size(), "corrupt feedback row", "corrupt feedback rows")
                + " (counted as dropped)";
    // The identity holds by construction; should the counters still disagree with the rows (a file edited by
    // hand), the difference is made explicit rather than carried forward.
    const JournalTotals totals = fixed.totals();
    const std::uint64_t accounted = totals.processed + totals.failed + totals.dropped + totals.purged + totals.queued;
    if (totals.accepted > accounted) {
        fixed.dropped += totals.accepted - accounted;
        note += "; " + plural(totals.accepted - accounted, "accepted item was", "accepted items were")
                + " unaccounted for (counted as dropped)";
    } else if (totals.accepted < accounted) {
        fixed.nextSeq += accounted - totals.accepted;
        note += "; counted " + std::to_string(accounted - totals.accepted) + " more items than were accepted";
    }
    if (corrupt.empty() && fixed.nextSeq == counters.nextSeq && fixed.dropped == counters.dropped
        && fixed.queued == counters.queued)
        return note;

    db.exec("BEGIN IMMEDIATE");
    try {
        SqliteStatement remove(db, "DELETE FROM feedback WHERE seq = ?1");
        for (std::uint64_t seq : corrupt)
            remove.bind(1, seq).run();
        SqliteStatement upsert(db, kJournalCounterUpsert);
        saveJournalCounters(upsert, fixed, counters);
        db.exec("COMMIT");
    } catch (...) {
        if (db.inTransaction())
            db.exec("ROLLBACK");
        throw;
    }
    counters = fixed;
    return note;
}

void JournalRestorer::advance(std::uint64_t rows)
{
    m_done += rows;
    if (!m_progress || (m_done - m_reported < kProgressEvery && m_done != 0))
        return;
    m_reported = m_done;
    if (!m_progress(m_done, std::max(m_total, m_done)))
        throw JournalCancelled();
}

} // namespace rl
