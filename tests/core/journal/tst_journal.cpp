#include <QtTest>

#include <atomic>
#include <cmath>
#include <deque>
#include <mutex>
#include <random>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "JournalTesting.h"
#include "core/journal/Journal.h"
#include "core/journal/SqliteDatabase.h"

using namespace std::chrono_literals;
using rl::testing::decisionItem;
using rl::testing::feedbackItem;

namespace {

std::vector<rl::TrajectoryFeedback> items(std::uint64_t first, std::uint64_t last)
{
    std::vector<rl::TrajectoryFeedback> result;
    for (std::uint64_t n = first; n <= last; ++n)
        result.push_back(feedbackItem(n));
    return result;
}

// A processed batch of seqs first..last, each learned from decision seq + eventOffset.
rl::JournalConsumption processed(std::uint64_t first, std::uint64_t last, std::uint64_t eventOffset = 0)
{
    rl::JournalConsumption consumption;
    consumption.firstSeq = first;
    consumption.lastSeq = last;
    consumption.processed = last - first + 1;
    for (std::uint64_t seq = first; seq <= last; ++seq)
        consumption.learned.push_back({seq, seq + eventOffset, seq / 100.0});
    return consumption;
}

rl::JournalConsumption removed(std::uint64_t first, std::uint64_t last, bool purge)
{
    rl::JournalConsumption consumption;
    consumption.firstSeq = first;
    consumption.lastSeq = last;
    (purge ? consumption.purged : consumption.dropped) = last - first + 1;
    return consumption;
}

bool sameDecision(const rl::JournalDecision &a, const rl::JournalDecision &b)
{
    const bool rewards =
        std::isnan(a.immediateReward) ? std::isnan(b.immediateReward) : a.immediateReward == b.immediateReward;
    return a.eventId == b.eventId && a.trajectoryId == b.trajectoryId && a.timeMs == b.timeMs && a.arm == b.arm
           && a.propensity == b.propensity && a.features == b.features && a.probabilities == b.probabilities
           && a.policyVersion == b.policyVersion && rewards;
}

std::vector<std::uint64_t> seqsOf(const rl::RestoredJournal &restored)
{
    std::vector<std::uint64_t> seqs;
    for (const auto &[seq, item] : restored.queue)
        seqs.push_back(seq);
    return seqs;
}

std::vector<std::uint64_t> range(std::uint64_t first, std::uint64_t last)
{
    std::vector<std::uint64_t> values;
    for (std::uint64_t n = first; n <= last; ++n)
        values.push_back(n);
    return values;
}

} // namespace

class TestJournal : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    rl::testing::TestClock m_clock;
    int m_next = 0;

    // A fresh directory per test, with the test clock.
    rl::JournalOptions freshOptions()
    {
        rl::JournalOptions options;
        options.directory = (m_dir.path() + "/j" + QString::number(m_next++)).toStdString();
        options.clock = m_clock.function();
        return options;
    }

private slots:
    void everyRecordKindRoundTrips()
    {
        const auto options = freshOptions();
        const std::int64_t now = m_clock.ms();
        rl::RestoredJournal restored;
        {
            auto journal = rl::Journal::open(options, restored);
            QCOMPARE(restored.note, std::string("started a new journal"));
            QCOMPARE(restored.nextSeq, 1u);
            QCOMPARE(restored.nextEventId, 1u);
            QVERIFY(restored.queue.empty() && restored.pending.empty() && !restored.checkpoint);
            QCOMPARE(journal->appendFeedback(items(1, 3)), 1u);
            journal->appendDecision(decisionItem(1, now - 1000));
            journal->appendDecision(decisionItem(2, now - 500));
            journal->appendDecision(decisionItem(3, now - 100));
            journal->appendOutcome(2, 0.75);
            auto consumption = processed(1, 1);
            consumption.learned[0].reward = 0.9;
            journal->appendConsumption(consumption);
            journal->appendCheckpoint(R"({"policy":"linucb","n":1})", 1);
            journal->flush();
            const auto status = journal->status();
            QCOMPARE(status.queuedRows, 2u);
            QCOMPARE(status.decisionRows, 3u);
            QCOMPARE(status.lastCheckpointSeq, 1u);
            QCOMPARE(status.lastCheckpointTimeMs, now);
            QVERIFY(status.commits >= 1);
            QCOMPARE(status.unwritten, 0u);
            QCOMPARE(status.writeErrors, 0u);
            QVERIFY(status.databaseBytes + status.walBytes > 0);
            QCOMPARE(status.totals.accepted, 3u);
            QCOMPARE(status.totals.processed, 1u);
            QCOMPARE(status.totals.queued, 2u);
        }
        auto journal = rl::Journal::open(options, restored);
        QCOMPARE(seqsOf(restored), range(2, 3));
        QVERIFY(rl::testing::sameFeedback(restored.queue[0].second, feedbackItem(2)));
        QVERIFY(rl::testing::sameFeedback(restored.queue[1].second, feedbackItem(3)));
        QVERIFY(restored.checkpoint);
        QCOMPARE(*restored.checkpoint, nlohmann::json::parse(R"({"policy":"linucb","n":1})"));
        QCOMPARE(restored.checkpointSeq, 1u);
        QCOMPARE(restored.checkpointTimeMs, now);
        QVERIFY(restored.relearn.empty());
        QCOMPARE(restored.pending.size(), std::size_t(2)); // decision 1 was learned from
        auto withReward = decisionItem(2, now - 500);
        withReward.immediateReward = 0.75;
        QVERIFY(sameDecision(restored.pending[0], withReward));
        QVERIFY(sameDecision(restored.pending[1], decisionItem(3, now - 100)));
        QCOMPARE(restored.totals.accepted, 3u);
        QCOMPARE(restored.totals.processed, 1u);
        QCOMPARE(restored.totals.queued, 2u);
        QVERIFY(restored.totals.balanced());
        QCOMPARE(restored.nextSeq, 4u);
        QCOMPARE(restored.nextEventId, 4u);
        QCOMPARE(restored.corruptSkipped, 0u);

        std::vector<rl::JournalExportRow> rows;
        QCOMPARE(journal->exportDecisionLog([&](const rl::JournalExportRow &row) { rows.push_back(row); }), 3u);
        QCOMPARE(rows.size(), std::size_t(3));
        QVERIFY(sameDecision(rows[0].decision, decisionItem(1, now - 1000)));
        QVERIFY(rows[0].learned);
        QCOMPARE(rows[0].learned->seq, 1u);
        QCOMPARE(rows[0].learned->reward, 0.9);
        QVERIFY(!rows[1].learned && !rows[2].learned);
        QCOMPARE(rows[1].decision.immediateReward, 0.75);
        rows.clear();
        QCOMPARE(journal->exportDecisionLog([&](const rl::JournalExportRow &row) { rows.push_back(row); }, {}, 3), 1u);
        QCOMPARE(rows.at(0).decision.eventId, 3u);
    }

    void everySyncModeCommitsAndRestores_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("full") << int(rl::SyncMode::Full);
        QTest::newRow("normal") << int(rl::SyncMode::Normal);
        QTest::newRow("off") << int(rl::SyncMode::Off);
    }

    void everySyncModeCommitsAndRestores()
    {
        QFETCH(int, mode);
        auto options = freshOptions();
        options.sync = static_cast<rl::SyncMode>(mode);
        rl::RestoredJournal restored;
        {
            auto journal = rl::Journal::open(options, restored);
            std::atomic<int> durable{0};
            for (std::uint64_t group = 0; group < 20; ++group)
                journal->appendFeedback(items(group * 10 + 1, group * 10 + 10), [&](std::uint64_t) { ++durable; });
            journal->flush();
            QCOMPARE(durable.load(), 20);
        }
        auto journal = rl::Journal::open(options, restored);
        QCOMPARE(seqsOf(restored), range(1, 200));
    }

    void seqsContinueAcrossReopens()
    {
        const auto options = freshOptions();
        rl::RestoredJournal restored;
        {
            auto journal = rl::Journal::open(options, restored);
            QCOMPARE(journal->appendFeedback(items(1, 5)), 1u);
        }
        {
            auto journal = rl::Journal::open(options, restored);
            QCOMPARE(restored.nextSeq, 6u);
            QCOMPARE(journal->nextSeq(), 6u);
            QCOMPARE(journal->appendFeedback(items(6, 8)), 6u);
            journal->appendConsumption(processed(1, 8));
        }
        {
            // Every row consumed: the numbering still continues after the last seq handed out.
            auto journal = rl::Journal::open(options, restored);
            QVERIFY(restored.queue.empty());
            QCOMPARE(restored.nextSeq, 9u);
            QCOMPARE(journal->appendFeedback({}), 9u); // an empty group takes no seq
            QCOMPARE(journal->appendFeedback(items(9, 9)), 9u);
        }
        auto journal = rl::Journal::open(options, restored);
        QCOMPARE(seqsOf(restored), std::vector<std::uint64_t>{9});
        QCOMPARE(restored.totals.accepted, 9u);
        QCOMPARE(restored.totals.processed, 8u);
        QVERIFY(restored.totals.balanced());
    }

    void theIdentityHoldsWhateverOrderRemovalsArriveIn()
    {
        const auto options = freshOptions();
        rl::RestoredJournal restored;
        {
            auto journal = rl::Journal::open(options, restored);
            journal->appendFeedback(items(1, 100));
            // A producer's drop of later items lands before the worker's batch of earlier ones.
            journal->appendConsumption(removed(51, 60, false));
            rl::JournalConsumption batch;
            batch.firstSeq = 1;
            batch.lastSeq = 50;
            batch.processed = 45;
            batch.failed = {3, 1, 1};
            journal->appendConsumption(batch);
            journal->appendConsumption(removed(61, 100, true));
            // The same range again: nothing is left to remove, so nothing is counted twice.
            journal->appendConsumption(processed(1, 10));
            journal->flush();
            const auto totals = journal->status().totals;
            QCOMPARE(totals.accepted, 100u);
            QCOMPARE(totals.processed, 45u);
            QCOMPARE(totals.failed, 5u);
            QCOMPARE(totals.failedByReason, (std::array<std::uint64_t, rl::kFailureReasons>{3, 1, 1}));
            QCOMPARE(totals.dropped, 10u);
            QCOMPARE(totals.purged, 40u);
            QCOMPARE(totals.queued, 0u);
            QVERIFY(totals.balanced());
            QCOMPARE(journal->status().consumptionMismatches, 1u);

            // Undercounted: the rows removed are the truth, the difference counted as dropped.
            journal->appendFeedback(items(101, 110));
            rl::JournalConsumption under;
            under.firstSeq = 101;
            under.lastSeq = 110;
            under.processed = 7;
            journal->appendConsumption(under);
            journal->flush();
            QCOMPARE(journal->status().totals.dropped, 13u);
            QVERIFY(journal->status().totals.balanced());
        }
        auto journal = rl::Journal::open(options, restored);
        QVERIFY(restored.totals.balanced());
        QCOMPARE(restored.totals.accepted, 110u);
        QCOMPARE(restored.totals.processed, 52u);
        QCOMPARE(journal->status().consumptionMismatches, 2u);
    }

    void theIdentityHoldsAtEveryCommitUnderConcurrency()
    {
        const auto options = freshOptions();
        rl::RestoredJournal restored;
        auto journal = rl::Journal::open(options, restored);
        // The caller's queue: seqs assigned and pushed under one lock, so queue order is seq order.
        std::mutex queueMutex;
        std::deque<std::uint64_t> queue;
        std::atomic<bool> producing{true};
        std::atomic<bool> unbalanced{false};
        constexpr int kProducers = 3;
        constexpr int kGroups = 200;
        std::vector<std::thread> threads;
        for (int p = 0; p < kProducers; ++p) {
            threads.emplace_back([&, p] {
                std::mt19937 random(p);
                for (int g = 0; g < kGroups; ++g) {
                    const std::uint64_t size = 1 + random() % 20;
                    std::lock_guard lock(queueMutex);
                    const std::uint64_t first = journal->appendFeedback(items(1, size));
                    for (std::uint64_t seq = first; seq < first + size; ++seq)
                        queue.push_back(seq);
                }
            });
        }
        const auto consumer = [&](int seed) {
            std::mt19937 random(seed);
            for (;;) {
                rl::JournalConsumption consumption;
                {
                    std::lock_guard lock(queueMutex);
                    if (queue.empty()) {
                        if (!producing.load())
                            return;
                        continue;
                    }
                    const std::size_t take = std::min<std::size_t>(queue.size(), 1 + random() % 30);
                    consumption.firstSeq = queue.front();
                    consumption.lastSeq = queue[take - 1];
                    queue.erase(queue.begin(), queue.begin() + static_cast<std::ptrdiff_t>(take));
                    (random() % 4 == 0 ? consumption.dropped : consumption.processed) = take;
                }
                // Appended outside the lock: records of the two consumers arrive in either order.
                journal->appendConsumption(std::move(consumption));
            }
        };
        std::thread poller([&] {
            while (producing.load()) {
                if (!journal->status().totals.balanced())
                    unbalanced.store(true);
                std::this_thread::yield();
            }
        });
        std::thread consumerA(consumer, 1);
        std::thread consumerB(consumer, 2);
        for (auto &thread : threads)
            thread.join();
        producing.store(false);
        consumerA.join();
        consumerB.join();
        poller.join();
        journal->flush();
        QVERIFY(!unbalanced.load());
        const auto status = journal->status();
        QVERIFY(status.totals.balanced());
        QCOMPARE(status.totals.queued, 0u);
        QCOMPARE(status.consumptionMismatches, 0u);
        journal.reset();
        journal = rl::Journal::open(options, restored);
        QVERIFY(restored.queue.empty());
        QCOMPARE(restored.totals.accepted, status.totals.accepted);
        QVERIFY(restored.totals.balanced());
    }

    void restoresQueuePendingRelearnAndTotals()
    {
        auto options = freshOptions();
        const std::int64_t now = m_clock.ms();
        rl::RestoredJournal restored;
        {
            auto journal = rl::Journal::open(options, restored);
            // Decisions 1..10 two hours ago and never answered; 11..110 within the last two minutes. Feedback
            // seq s answers decision s + 10.
            for (std::uint64_t id = 1; id <= 10; ++id)
                journal->appendDecision(decisionItem(id, now - 7200000 + std::int64_t(id)));
            for (std::uint64_t id = 11; id <= 110; ++id)
                journal->appendDecision(decisionItem(id, now - 120000 + std::int64_t(id)));
            journal->appendFeedback(items(1, 100));
            auto first = processed(1, 38, 10);
            first.lastSeq = 40;
            first.failed[0] = 2; // seqs 39 and 40: missing history
            journal->appendConsumption(first);
            journal->appendCheckpoint(R"({"upTo":20})", 20);
            journal->appendConsumption(processed(41, 60, 10));
            journal->appendConsumption(removed(61, 65, false));
        }
        options.historyCapacity = 1000;
        auto journal = rl::Journal::open(options, restored);
        QCOMPARE(restored.checkpointSeq, 20u);
        QCOMPARE(*restored.checkpoint, nlohmann::json::parse(R"({"upTo":20})"));
        std::vector<std::uint64_t> relearnSeqs;
        for (const auto &[step, decision] : restored.relearn) {
            relearnSeqs.push_back(step.seq);
            QCOMPARE(step.eventId, step.seq + 10);
            QCOMPARE(decision.eventId, step.eventId);
            QCOMPARE(step.reward, step.seq / 100.0);
            QVERIFY(sameDecision(decision, decisionItem(step.eventId, now - 120000 + std::int64_t(step.eventId))));
        }
        auto expectedRelearn = range(21, 38);
        const auto later = range(41, 60);
        expectedRelearn.insert(expectedRelearn.end(), later.begin(), later.end());
        QCOMPARE(relearnSeqs, expectedRelearn);

        std::vector<std::uint64_t> pendingIds;
        for (const auto &decision : restored.pending)
            pendingIds.push_back(decision.eventId);
        auto expectedPending = std::vector<std::uint64_t>{49, 50}; // failed: not learned from
        const auto unanswered = range(71, 110);
        expectedPending.insert(expectedPending.end(), unanswered.begin(), unanswered.end());
        QCOMPARE(pendingIds, expectedPending); // 1..10 are past historyMaxAge

        QCOMPARE(seqsOf(restored), range(66, 100));
        for (const auto &[seq, item] : restored.queue)
            QVERIFY(rl::testing::sameFeedback(item, feedbackItem(seq)));
        QCOMPARE(restored.totals.accepted, 100u);
        QCOMPARE(restored.totals.processed, 58u);
        QCOMPARE(restored.totals.failed, 2u);
        QCOMPARE(restored.totals.failedByReason[0], 2u);
        QCOMPARE(restored.totals.dropped, 5u);
        QCOMPARE(restored.totals.purged, 0u);
        QCOMPARE(restored.totals.queued, 35u);
        QVERIFY(restored.totals.balanced());
        QCOMPARE(restored.nextEventId, 111u);

        // The history's bounds: the newest 25 only.
        journal.reset();
        options.historyCapacity = 25;
        journal = rl::Journal::open(options, restored);
        QCOMPARE(restored.pending.size(), std::size_t(25));
        QCOMPARE(restored.pending.front().eventId, 86u);
        QCOMPARE(restored.pending.back().eventId, 110u);
    }

    void aDamagedCheckpointFallsBackToTheOneBefore()
    {
        const auto options = freshOptions();
        const std::int64_t now = m_clock.ms();
        rl::RestoredJournal restored;
        {
            auto journal = rl::Journal::open(options, restored);
            for (std::uint64_t id = 1; id <= 30; ++id)
                journal->appendDecision(decisionItem(id, now - 1000 + std::int64_t(id)));
            journal->appendFeedback(items(1, 30));
            journal->appendConsumption(processed(1, 10));
            journal->appendCheckpoint(R"({"v":"A"})", 10);
            journal->appendConsumption(processed(11, 20));
            journal->appendCheckpoint(R"({"v":"B"})", 20);
            journal->appendConsumption(processed(21, 25));
        }
        const auto relearned = [&] {
            std::vector<std::uint64_t> seqs;
            for (const auto &[step, decision] : restored.relearn)
                seqs.push_back(step.seq);
            return seqs;
        };
        {
            auto journal = rl::Journal::open(options, restored);
            QCOMPARE(restored.checkpoint->at("v"), "B");
            QCOMPARE(restored.checkpointSeq, 20u);
            QCOMPARE(relearned(), range(21, 25));
        }
        {
            rl::SqliteDatabase db(options.directory + "/journal.db", rl::SqliteDatabase::Mode::ReadWrite);
            db.exec(R"(UPDATE checkpoints SET state = '{"v":"X"}' WHERE covers_seq = 20)");
        }
        auto journal = rl::Journal::open(options, restored);
        QCOMPARE(restored.checkpoint->at("v"), "A");
        QCOMPARE(restored.checkpointSeq, 10u);
        QCOMPARE(relearned(), range(11, 25));
        QCOMPARE(journal->status().lastCheckpointSeq, 20u); // the newest written, damaged or not

        // Only the two newest are kept.
        journal->appendCheckpoint(R"({"v":"C"})", 25);
        journal->flush();
        journal.reset();
        rl::SqliteDatabase db(options.directory + "/journal.db", rl::SqliteDatabase::Mode::ReadOnly);
        QCOMPARE(db.queryInt("SELECT count(*) FROM checkpoints"), 2);
    }

    void onDurableRunsInSeqOrderFromSeveralThreads()
    {
        const auto options = freshOptions();
        rl::RestoredJournal restored;
        auto journal = rl::Journal::open(options, restored);
        struct Acknowledged {
            std::uint64_t firstSeq;
            std::uint64_t size;
            int thread;
        };
        std::vector<Acknowledged> acknowledged; // written by the writer thread only
        std::vector<std::vector<std::uint64_t>> returned(4);
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&, t] {
                std::mt19937 random(t);
                for (int g = 0; g < 300; ++g) {
                    const std::uint64_t size = random() % 40; // some empty
                    returned[t].push_back(
                        journal->appendFeedback(items(1, size), [&acknowledged, size, t](std::uint64_t firstSeq) {
                            acknowledged.push_back({firstSeq, size, t});
                        }));
                }
            });
        }
        for (auto &thread : threads)
            thread.join();
        journal->flush(); // after this the callbacks of everything appended have run
        QCOMPARE(acknowledged.size(), std::size_t(1200));
        std::uint64_t next = 1;
        std::vector<std::size_t> perThread(4, 0);
        for (const auto &ack : acknowledged) {
            QCOMPARE(ack.firstSeq, next);
            next += ack.size;
            QCOMPARE(returned[ack.thread][perThread[ack.thread]++], ack.firstSeq);
        }
        QCOMPARE(journal->nextSeq(), next);
        QCOMPARE(journal->status().totals.accepted, next - 1);
    }

    void retentionCompactsTheDecisionLog()
    {
        auto options = freshOptions();
        // A retention shorter than the history's age: decisions still pending outlive it.
        options.decisionLogRetention = std::chrono::hours(1);
        options.historyMaxAge = std::chrono::hours(2);
        options.compactionInterval = std::chrono::hours(100); // only when asked
        const std::int64_t start = m_clock.ms();
        rl::RestoredJournal restored;
        auto journal = rl::Journal::open(options, restored);
        for (std::uint64_t id = 1; id <= 100; ++id)
            journal->appendDecision(decisionItem(id, start + std::int64_t(id) * 1000));
        journal->appendFeedback(items(1, 100));
        for (std::uint64_t first = 1; first <= 100; first += 10) {
            journal->appendConsumption(processed(first, first + 9));
            if (first + 9 == 50)
                journal->appendCheckpoint(R"({"upTo":50})", 50);
        }
        m_clock.advance(48 * 3600 * 1000);
        const std::int64_t now = m_clock.ms();
        journal->appendDecision(decisionItem(101, now - 3 * 3600 * 1000)); // unanswered, past both
        journal->appendDecision(decisionItem(102, now - 90 * 60 * 1000));  // unanswered, pending: kept
        journal->compact();
        // 1..50 are past the retention and in the checkpoint; from 51 on they are kept for relearning after it
        // (the log is cut at one event id, so 101 waits for the next checkpoint too).
        QCOMPARE(journal->status().decisionRows, 52u);
        std::vector<std::uint64_t> exported;
        journal->exportDecisionLog([&](const rl::JournalExportRow &row) {
            exported.push_back(row.decision.eventId);
            QCOMPARE(bool(row.learned), row.decision.eventId <= 100);
        });
        QCOMPARE(exported, range(51, 102));
        journal.reset();
        journal = rl::Journal::open(options, restored);
        QCOMPARE(restored.relearn.size(), std::size_t(50));
        QCOMPARE(restored.relearnMissing, 0u);
        QCOMPARE(restored.pending.size(), std::size_t(1));
        QCOMPARE(restored.pending[0].eventId, 102u);

        // Two checkpoints past seq 100: nothing is left to relearn, so the old decisions and every learned
        // batch can go; consumption records past the retention go too.
        journal->appendCheckpoint(R"({"upTo":100})", 100);
        journal->appendCheckpoint(R"({"upTo":100})", 100);
        journal->compact();
        QCOMPARE(journal->status().decisionRows, 1u);
        journal.reset();
        rl::SqliteDatabase db(options.directory + "/journal.db", rl::SqliteDatabase::Mode::ReadOnly);
        QCOMPARE(db.queryInt("SELECT count(*) FROM decisions"), 1);
        QCOMPARE(db.queryInt("SELECT count(*) FROM learned"), 0);
        QCOMPARE(db.queryInt("SELECT count(*) FROM consumption"), 0);
    }

    void compactionGivesSpaceBack()
    {
        const auto options = freshOptions();
        rl::RestoredJournal restored;
        auto journal = rl::Journal::open(options, restored);
        std::vector<rl::TrajectoryFeedback> batch;
        for (int n = 0; n < 30000; ++n) {
            auto item = feedbackItem(n);
            item.reasoning.assign(1000, 'r');
            batch.push_back(std::move(item));
        }
        journal->appendFeedback(std::move(batch));
        journal->flush();
        journal->compact(); // also checkpoints, so the file holds everything
        const auto full = journal->status().databaseBytes;
        QVERIFY2(full > 30000000, qPrintable(QString::number(full)));
        journal->appendConsumption(removed(1, 30000, true));
        journal->compact();
        const auto status = journal->status();
        QCOMPARE(status.queuedRows, 0u);
        QVERIFY2(status.databaseBytes < full / 2, qPrintable(QString::number(status.databaseBytes)));
    }

    void aLockedDatabaseIsRetriedAndAcknowledgedOnlyOnceCommitted()
    {
        const auto options = freshOptions();
        rl::RestoredJournal restored;
        auto journal = rl::Journal::open(options, restored);
        rl::SqliteDatabase other(options.directory + "/journal.db", rl::SqliteDatabase::Mode::ReadWrite);
        other.exec("BEGIN IMMEDIATE"); // holds the write lock, as a stuck disk would hold the writer
        std::atomic<bool> durable{false};
        journal->appendFeedback(items(1, 3), [&](std::uint64_t) { durable.store(true); });
        QTRY_VERIFY_WITH_TIMEOUT(journal->status().writeErrors > 0, 10000);
        QVERIFY(!durable.load());
        QVERIFY(!journal->status().lastError.empty());
        QVERIFY(journal->status().lastErrorTimeMs > 0);
        QVERIFY(!journal->flushFor(50ms));
        other.exec("ROLLBACK");
        QVERIFY(journal->flushFor(10s));
        QVERIFY(durable.load());
        QCOMPARE(journal->status().totals.queued, 3u);
    }

    void aFullDiskIsRetriedAndNeverAcknowledged()
    {
        auto options = freshOptions();
        options.maxDatabaseBytes = 1 << 20;
        rl::RestoredJournal restored;
        std::mutex ackMutex;
        std::vector<std::uint64_t> acknowledged;
        {
            auto journal = rl::Journal::open(options, restored);
            std::uint64_t n = 0;
            for (int group = 0; group < 400 && journal->status().writeErrors == 0; ++group) {
                std::vector<rl::TrajectoryFeedback> batch;
                for (int i = 0; i < 20; ++i) {
                    auto item = feedbackItem(++n);
                    item.reasoning.assign(500, 'r');
                    batch.push_back(std::move(item));
                }
                journal->appendFeedback(std::move(batch), [&](std::uint64_t first) {
                    std::lock_guard lock(ackMutex);
                    for (std::uint64_t seq = first; seq < first + 20; ++seq)
                        acknowledged.push_back(seq);
                });
                journal->flushFor(20ms);
            }
            const auto status = journal->status();
            QVERIFY(status.writeErrors > 0);
            QVERIFY2(status.lastError.find("full") != std::string::npos, status.lastError.c_str());
            QVERIFY(status.unwritten > 0);
            QVERIFY(status.totals.balanced());
        } // gives up the failing round after a few retries: it was never acknowledged
        options.maxDatabaseBytes = 0;
        auto journal = rl::Journal::open(options, restored);
        std::lock_guard lock(ackMutex);
        QVERIFY(!acknowledged.empty());
        QCOMPARE(seqsOf(restored), acknowledged);
        QVERIFY(restored.totals.balanced());
        QCOMPARE(restored.nextSeq, acknowledged.back() + 1);
    }

    void aConsumptionPastTheAppendedSeqsIsRefused()
    {
        const auto options = freshOptions();
        rl::RestoredJournal restored;
        auto journal = rl::Journal::open(options, restored);
        journal->appendFeedback(items(1, 3));
        bool refused = false;
        try {
            journal->appendConsumption(processed(2, 4));
        } catch (const std::invalid_argument &) {
            refused = true;
        }
        QVERIFY(refused);
        journal->appendConsumption(processed(1, 3));
        journal->flush();
        QCOMPARE(journal->status().totals.processed, 3u);
    }

    void aSecondJournalOnTheDirectoryIsRefused()
    {
        const auto options = freshOptions();
        rl::RestoredJournal restored;
        auto journal = rl::Journal::open(options, restored);
        rl::RestoredJournal second;
        bool refused = false;
        try {
            rl::Journal::open(options, second);
        } catch (const std::runtime_error &error) {
            refused = std::string(error.what()).find("in use") != std::string::npos;
        }
        QVERIFY(refused);
        journal.reset();
        QVERIFY(rl::Journal::open(options, second)); // released with the first
    }

    void progressIsReportedAndCancels()
    {
        auto options = freshOptions();
        rl::RestoredJournal restored;
        {
            auto journal = rl::Journal::open(options, restored);
            for (std::uint64_t id = 1; id <= 5000; ++id)
                journal->appendDecision(decisionItem(id, m_clock.ms()));
            journal->appendFeedback(items(1, 40000));
        }
        std::uint64_t lastDone = 0;
        std::uint64_t lastTotal = 0;
        int calls = 0;
        auto journal = rl::Journal::open(options, restored, [&](std::uint64_t done, std::uint64_t total) {
            if (done < lastDone || done > total)
                return false;
            lastDone = done;
            lastTotal = total;
            ++calls;
            return true;
        });
        QVERIFY(calls > 2);
        QCOMPARE(lastDone, lastTotal);
        QCOMPARE(lastTotal, 45000u);
        QCOMPARE(restored.queue.size(), std::size_t(40000));

        bool cancelled = false;
        try {
            journal->exportDecisionLog([](const rl::JournalExportRow &) {},
                                       [](std::uint64_t done, std::uint64_t) { return done < 4096; });
        } catch (const rl::JournalCancelled &) {
            cancelled = true;
        }
        QVERIFY(cancelled);
        journal.reset();

        cancelled = false;
        try {
            rl::Journal::open(options, restored, [](std::uint64_t done, std::uint64_t) { return done < 10000; });
        } catch (const rl::JournalCancelled &) {
            cancelled = true;
        }
        QVERIFY(cancelled);
        QVERIFY(rl::Journal::open(options, restored)); // nothing was changed or left locked
        QCOMPARE(restored.queue.size(), std::size_t(40000));
    }
};

QTEST_GUILESS_MAIN(TestJournal)
#include "tst_journal.moc"
