#include "core/journal/Journal.h"

#include <filesystem>
#include <limits>
#include <stdexcept>

#include "core/journal/DirectoryLock.h"
#include "core/journal/JournalRecord.h"
#include "core/journal/JournalRestorer.h"
#include "core/journal/JournalWriter.h"
#include "core/journal/RecordCodec.h"
#include "core/journal/SqliteDatabase.h"
#include "core/journal/WalTail.h"

namespace rl {

std::unique_ptr<Journal> Journal::open(const JournalOptions &options, RestoredJournal &restored,
                                       const Progress &progress)
{
    if (options.directory.empty())
        throw std::invalid_argument("the journal needs a directory");
    std::filesystem::create_directories(options.directory);
    auto lock = std::make_unique<DirectoryLock>(options.directory);
    restored = RestoredJournal{};
    // Read before SQLite opens the database: its recovery skips a torn tail without a word.
    const WalTail tail = WalTail::inspect((std::filesystem::path(options.directory) / "journal.db-wal").string());
    JournalRestorer restorer(options, progress);
    auto opened = restorer.restore(restored);
    if (tail.skippedFrames > 0) {
        restored.walFramesSkipped = tail.skippedFrames;
        restored.note += "; skipped a torn write-ahead log tail: " + std::to_string(tail.skippedFrames) + " frames, "
                         + std::to_string(tail.skippedBytes) + " bytes after the last intact commit";
    }
    auto writer =
        std::make_unique<JournalWriter>(std::move(opened.db), options, opened.counters, restored.corruptSkipped);
    return std::unique_ptr<Journal>(new Journal(options.directory, std::move(lock), std::move(writer)));
}

Journal::Journal(std::string directory, std::unique_ptr<DirectoryLock> lock, std::unique_ptr<JournalWriter> writer)
    : m_directory(std::move(directory))
    , m_lock(std::move(lock))
    , m_writer(std::move(writer))
{
}

Journal::~Journal()
{
    m_writer.reset();
}

std::uint64_t Journal::appendFeedback(const std::vector<TrajectoryFeedback> &items,
                                      std::function<void(std::uint64_t firstSeq)> onDurable)
{
    // Encoded here, on the caller's thread, so the writer's time goes to SQLite alone.
    FeedbackGroup group;
    group.bodies.reserve(items.size() * 96);
    group.ends.reserve(items.size());
    for (const TrajectoryFeedback &item : items) {
        encodeFeedback(item, group.bodies);
        if (group.bodies.size() > std::numeric_limits<std::uint32_t>::max())
            throw std::length_error("a feedback group over 4 GiB");
        group.ends.push_back(static_cast<std::uint32_t>(group.bodies.size()));
    }
    group.onDurable = std::move(onDurable);
    return m_writer->appendFeedback(std::move(group));
}

void Journal::appendDecision(JournalDecision decision)
{
    m_writer->append(std::move(decision));
}

void Journal::appendOutcome(std::uint64_t eventId, double immediateReward)
{
    m_writer->append(OutcomeRecord{eventId, immediateReward});
}

void Journal::appendConsumption(JournalConsumption consumption)
{
    m_writer->appendConsumption(std::move(consumption));
}

void Journal::appendCheckpoint(std::string stateJson, std::uint64_t coversSeq)
{
    m_writer->append(CheckpointRecord{std::move(stateJson), coversSeq, m_writer->now()});
}

void Journal::flush()
{
    while (!m_writer->flushFor(std::chrono::hours(1))) {
    }
}

bool Journal::flushFor(std::chrono::milliseconds timeout)
{
    return m_writer->flushFor(timeout);
}

void Journal::compact()
{
    m_writer->compactNow();
}

JournalStatus Journal::status() const
{
    return m_writer->status();
}

std::uint64_t Journal::nextSeq() const
{
    return m_writer->nextSeq();
}

std::uint64_t Journal::exportDecisionLog(const JournalExport::Row &row, const JournalExport::Progress &progress,
                                         std::uint64_t fromEventId)
{
    flush();
    return JournalExport::decisionLog(m_directory, row, progress, fromEventId);
}

} // namespace rl
