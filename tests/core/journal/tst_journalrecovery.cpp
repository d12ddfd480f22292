#include <QtTest>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <stdexcept>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include "JournalTesting.h"
#include "core/journal/Journal.h"
#include "core/journal/SqliteDatabase.h"
#include "core/journal/SqliteStatement.h"

using rl::testing::feedbackItem;

namespace {

namespace fs = std::filesystem;

std::vector<rl::TrajectoryFeedback> items(std::uint64_t first, std::uint64_t last)
{
    std::vector<rl::TrajectoryFeedback> result;
    for (std::uint64_t n = first; n <= last; ++n)
        result.push_back(feedbackItem(n));
    return result;
}

// What every restore must satisfy when items are only ever consumed from the head: the identity, the queue
// a contiguous run ending at the last accepted seq, every item intact, and every seq before the queue
// consumed exactly once. Returns an empty string or the first problem.
std::string consistencyProblem(const rl::RestoredJournal &restored)
{
    const auto &totals = restored.totals;
    if (!totals.balanced())
        return "totals do not balance";
    if (totals.accepted != restored.nextSeq - 1)
        return "accepted " + std::to_string(totals.accepted) + " but next seq " + std::to_string(restored.nextSeq);
    if (totals.queued != restored.queue.size())
        return "queued count differs from the queue";
    for (std::size_t i = 0; i < restored.queue.size(); ++i) {
        const auto &[seq, item] = restored.queue[i];
        if (seq != restored.queue.front().first + i)
            return "a gap in the queue at seq " + std::to_string(seq);
        if (!rl::testing::sameFeedback(item, feedbackItem(seq)))
            return "item " + std::to_string(seq) + " differs";
    }
    if (!restored.queue.empty() && restored.queue.back().first != totals.accepted)
        return "the queue does not end at the last accepted seq";
    const std::uint64_t consumed = restored.queue.empty() ? totals.accepted : restored.queue.front().first - 1;
    if (totals.processed + totals.failed + totals.dropped + totals.purged != consumed)
        return "consumed " + std::to_string(consumed) + " items but counted otherwise";
    for (std::size_t i = 1; i < restored.relearn.size(); ++i) {
        if (restored.relearn[i].first.seq <= restored.relearn[i - 1].first.seq)
            return "relearn out of order";
    }
    if (restored.relearnMissing != 0 || restored.damagedLearned != 0 || restored.corruptSkipped != 0)
        return "damage reported: " + restored.note;
    return {};
}

// The crash child on a pipe, started with posix_spawn and killed with SIGKILL. Not QProcess: its fork
// starts threads in the child before exec, which ThreadSanitizer refuses.
class CrashChild {
public:
    explicit CrashChild(const std::vector<std::string> &arguments)
    {
        int pipe[2];
        if (::pipe2(pipe, O_CLOEXEC) != 0)
            throw std::runtime_error("pipe");
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, pipe[1], STDOUT_FILENO);
        std::vector<char *> argv;
        for (const std::string &argument : arguments)
            argv.push_back(const_cast<char *>(argument.c_str()));
        argv.push_back(nullptr);
        const int error = posix_spawn(&m_pid, argv[0], &actions, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        ::close(pipe[1]);
        m_fd = pipe[0];
        if (error != 0)
            throw std::runtime_error("cannot start " + arguments[0]);
    }
    ~CrashChild()
    {
        if (m_pid > 0)
            killAndWait();
        ::close(m_fd);
    }

    // Reads what the child printed, waiting up to timeoutMs for something.
    void read(int timeoutMs)
    {
        pollfd ready{m_fd, POLLIN, 0};
        if (::poll(&ready, 1, timeoutMs) <= 0)
            return;
        char buffer[65536];
        const ssize_t n = ::read(m_fd, buffer, sizeof buffer);
        if (n > 0)
            m_output.append(buffer, static_cast<std::size_t>(n));
    }
    // SIGKILL, then everything it wrote before dying; true if it died of the signal.
    bool killAndWait()
    {
        ::kill(m_pid, SIGKILL);
        int status = 0;
        ::waitpid(m_pid, &status, 0);
        m_pid = -1;
        char buffer[65536];
        ssize_t n;
        while ((n = ::read(m_fd, buffer, sizeof buffer)) > 0)
            m_output.append(buffer, static_cast<std::size_t>(n));
        return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
    }
    const std::string &output() const { return m_output; }

private:
    pid_t m_pid = -1;
    int m_fd = -1;
    std::string m_output;
};

void copyTruncated(const fs::path &from, const fs::path &to, std::uintmax_t size)
{
    fs::copy_file(from, to, fs::copy_options::overwrite_existing);
    fs::resize_file(to, size);
}

} // namespace

class TestJournalRecovery : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_next = 0;

    rl::JournalOptions freshOptions()
    {
        rl::JournalOptions options;
        options.directory = (m_dir.path() + "/j" + QString::number(m_next++)).toStdString();
        return options;
    }

private slots:
    void aTornWalTailRestoresAConsistentPrefix()
    {
        const auto options = freshOptions();
        const fs::path snapshot = m_dir.path().toStdString() + "/snapshot";
        fs::create_directories(snapshot);
        rl::RestoredJournal restored;
        {
            auto journal = rl::Journal::open(options, restored);
            std::uint64_t consumedUpTo = 0;
            for (std::uint64_t group = 0; group < 12; ++group) {
                const std::uint64_t first = group * 50 + 1;
                for (std::uint64_t id = first; id < first + 50; ++id)
                    journal->appendDecision(rl::testing::decisionItem(id, 1700000000000));
                journal->appendFeedback(items(first, first + 49));
                if (group % 3 == 2) { // 30 more from the head, learned from
                    rl::JournalConsumption consumption;
                    consumption.firstSeq = consumedUpTo + 1;
                    consumption.lastSeq = consumedUpTo + 30;
                    consumption.processed = 30;
                    for (std::uint64_t seq = consumption.firstSeq; seq <= consumption.lastSeq; ++seq)
                        consumption.learned.push_back({seq, seq, 0.25});
                    consumedUpTo = consumption.lastSeq;
                    journal->appendConsumption(consumption);
                }
                journal->flush(); // a commit per group, so the WAL holds many commit points
            }
            // Copied while the writer is open, as a crash would leave them (no checkpoint has run).
            for (const char *name : {"journal.db", "journal.db-wal"})
                fs::copy_file(fs::path(options.directory) / name, snapshot / name);
        }
        const auto walSize = fs::file_size(snapshot / "journal.db-wal");
        QVERIFY(walSize > 100000);
        QCOMPARE((walSize - 32) % (24 + 8192), 0u); // whole frames of 8 KiB pages
        // Inside the header, then at every frame boundary (so at every commit point) and inside every frame.
        constexpr std::uintmax_t kHeader = 32;
        constexpr std::uintmax_t kFrame = 24 + 8192; // frame header + page
        std::vector<std::uintmax_t> offsets{0, 16};
        for (std::uintmax_t at = kHeader; at < walSize; at += kFrame) {
            offsets.push_back(at);
            offsets.push_back(std::min(walSize, at + 24 + (at * 7919) % 8192));
        }
        offsets.push_back(walSize - 1);
        offsets.push_back(walSize);
        std::uint64_t previous = 0;
        for (const auto offset : offsets) {
            rl::JournalOptions torn;
            torn.directory = (m_dir.path() + "/torn" + QString::number(offset)).toStdString();
            fs::create_directories(torn.directory);
            fs::copy_file(snapshot / "journal.db", fs::path(torn.directory) / "journal.db");
            copyTruncated(snapshot / "journal.db-wal", fs::path(torn.directory) / "journal.db-wal", offset);
            auto journal = rl::Journal::open(torn, restored);
            QVERIFY2(restored.note.find("moved") == std::string::npos,
                     (std::to_string(offset) + ": " + restored.note).c_str());
            const std::string problem = consistencyProblem(restored);
            QVERIFY2(problem.empty(), (std::to_string(offset) + ": " + problem).c_str());
            QVERIFY(restored.totals.accepted >= previous); // a longer log never restores less
            QCOMPARE(restored.totals.accepted % 50, 0u);   // whole commits only
            // Cut inside a frame: that frame, and any after the last whole commit, are said and counted.
            const bool insideAFrame = offset > kHeader && (offset - kHeader) % kFrame != 0 && offset < walSize;
            if (insideAFrame) {
                QVERIFY2(restored.walFramesSkipped > 0, std::to_string(offset).c_str());
                QVERIFY(restored.note.find("skipped a torn write-ahead log tail") != std::string::npos);
            }
            previous = restored.totals.accepted;
            journal.reset();
            fs::remove_all(torn.directory);
        }
        QCOMPARE(previous, 600u);
    }

    void aCorruptFeedbackRowIsSkippedAndCounted()
    {
        const auto options = freshOptions();
        rl::RestoredJournal restored;
        rl::Journal::open(options, restored)->appendFeedback(items(1, 10));
        {
            rl::SqliteDatabase db(options.directory + "/journal.db", rl::SqliteDatabase::Mode::ReadWrite);
            std::string body;
            {
                rl::SqliteStatement select(db, "SELECT body FROM feedback WHERE seq = 4");
                QVERIFY(select.step());
                const auto blob = select.columnBlob(0);
                body.assign(reinterpret_cast<const char *>(blob.data()), blob.size());
                select.reset();
            }
            body[body.size() / 2] ^= 0x04; // one bit, as a bad sector or a stray write would
            rl::SqliteStatement update(db, "UPDATE feedback SET body = ?1 WHERE seq = 4");
            update.bindBlob(1, body).run();
        }
        {
            auto journal = rl::Journal::open(options, restored);
            std::vector<std::uint64_t> seqs;
            for (const auto &[seq, item] : restored.queue)
                seqs.push_back(seq);
            QCOMPARE(seqs, (std::vector<std::uint64_t>{1, 2, 3, 5, 6, 7, 8, 9, 10}));
            QCOMPARE(restored.corruptSkipped, 1u);
            QVERIFY2(restored.note.find("1 corrupt feedback row") != std::string::npos, restored.note.c_str());
            QCOMPARE(restored.totals.dropped, 1u);
            QCOMPARE(restored.totals.queued, 9u);
            QVERIFY(restored.totals.balanced());
            QCOMPARE(journal->status().corruptSkipped, 1u);
            // A batch across the gap names its seqs: 3..5 removes the two rows left.
            rl::JournalConsumption batch;
            batch.firstSeq = 3;
            batch.lastSeq = 5;
            batch.processed = 2;
            journal->appendConsumption(batch);
            journal->flush();
            QCOMPARE(journal->status().consumptionMismatches, 0u);
        }
        auto journal = rl::Journal::open(options, restored);
        QCOMPARE(restored.corruptSkipped, 0u); // removed for good the first time
        QCOMPARE(restored.totals.dropped, 1u);
        QCOMPARE(restored.totals.processed, 2u);
        QCOMPARE(restored.queue.size(), std::size_t(7));
        QVERIFY(restored.totals.balanced());
    }

    void aGarbageFileIsMovedAsideAndAFreshJournalStarted()
    {
        const auto options = freshOptions();
        fs::create_directories(options.directory);
        std::string garbage(65536, '\0');
        std::mt19937 random(5);
        for (char &c : garbage)
            c = static_cast<char>(random());
        std::ofstream(options.directory + "/journal.db", std::ios::binary) << garbage;
        std::ofstream(options.directory + "/journal.db-wal", std::ios::binary) << garbage.substr(0, 1000);
        rl::RestoredJournal restored;
        {
            auto journal = rl::Journal::open(options, restored);
            QVERIFY2(restored.note.find("moved it to journal.db.corrupt-") != std::string::npos, restored.note.c_str());
            QVERIFY(restored.queue.empty());
            QCOMPARE(restored.nextSeq, 1u);
            journal->appendFeedback(items(1, 3));
        }
        int corrupt = 0;
        for (const auto &entry : fs::directory_iterator(options.directory)) {
            const std::string name = entry.path().filename().string();
            if (name.rfind("journal.db.corrupt-", 0) == 0) {
                ++corrupt;
                if (name.find("-wal") == std::string::npos)
                    QCOMPARE(fs::file_size(entry.path()), std::uintmax_t(65536)); // kept as it was
            }
        }
        QCOMPARE(corrupt, 2); // the file and its WAL
        auto journal = rl::Journal::open(options, restored);
        QCOMPARE(restored.queue.size(), std::size_t(3));
        QVERIFY(restored.note.find("moved") == std::string::npos);
    }

    void aJournalOfAnotherSchemaIsMovedAside()
    {
        const auto options = freshOptions();
        fs::create_directories(options.directory);
        {
            rl::SqliteDatabase db(options.directory + "/journal.db", rl::SqliteDatabase::Mode::ReadWrite);
            db.exec("CREATE TABLE feedback(x); PRAGMA user_version=99");
        }
        rl::RestoredJournal restored;
        auto journal = rl::Journal::open(options, restored);
        QVERIFY2(restored.note.find("schema version 99") != std::string::npos, restored.note.c_str());
        QVERIFY2(restored.note.find("moved it to") != std::string::npos, restored.note.c_str());
    }

    void aJournalMissingATableIsMovedAside()
    {
        const auto options = freshOptions();
        rl::RestoredJournal restored;
        rl::Journal::open(options, restored)->appendFeedback(items(1, 3));
        {
            rl::SqliteDatabase db(options.directory + "/journal.db", rl::SqliteDatabase::Mode::ReadWrite);
            db.exec("DROP TABLE learned");
        }
        auto journal = rl::Journal::open(options, restored);
        QVERIFY2(restored.note.find("has no table learned") != std::string::npos, restored.note.c_str());
        QVERIFY(restored.queue.empty());
    }

    void aTruncatedDatabaseIsNeverFatal()
    {
        const auto options = freshOptions();
        rl::RestoredJournal restored;
        {
            auto journal = rl::Journal::open(options, restored);
            journal->appendFeedback(items(1, 20000));
            journal->compact(); // checkpoints: the rows are in journal.db itself
        }
        const std::string path = options.directory + "/journal.db";
        fs::resize_file(path, fs::file_size(path) / 2);
        auto journal = rl::Journal::open(options, restored);
        QVERIFY(restored.totals.balanced());
        journal->appendFeedback(items(1, 1));
        QVERIFY(journal->flushFor(std::chrono::seconds(10)) || journal->status().writeErrors > 0);
    }

    // The child appends as an engine would and is killed with SIGKILL at a random moment, 24 times over the
    // same journal: every seq whose onDurable ran must be restored or counted, and each restore consistent.
    void everyAcknowledgedItemSurvivesKill9()
    {
        const auto options = freshOptions();
        std::mt19937 random(20240607);
        std::uint64_t expectedNextSeq = 1;
        std::uint64_t acknowledgedTotal = 0;
        for (int run = 0; run < 24; ++run) {
            CrashChild child({JOURNAL_CRASH_CHILD, options.directory, std::to_string(run)});
            // Most runs are killed while appending; every fourth may die during open.
            if (run % 4 != 0) {
                for (int waited = 0; child.output().find('\n') == std::string::npos && waited < 20000; waited += 50)
                    child.read(50);
            }
            const int lifetime = static_cast<int>(random() % 250);
            for (int waited = 0; waited < lifetime; waited += 10)
                child.read(10); // so a full pipe never stalls the child
            QVERIFY(child.killAndWait());
            const QByteArray output = QByteArray::fromStdString(child.output());

            std::vector<std::pair<std::uint64_t, std::uint64_t>> acknowledged;
            for (const QByteArray &line : output.split('\n')) {
                const auto words = line.split(' ');
                if (words.value(0) == "open")
                    QCOMPARE(words.value(1).toULongLong(), expectedNextSeq); // continues where the last restore did
                else if (words.value(0) == "ack" && words.size() == 3)
                    acknowledged.emplace_back(words[1].toULongLong(), words[2].toULongLong());
            }
            rl::RestoredJournal restored;
            auto journal = rl::Journal::open(options, restored);
            const std::string problem = consistencyProblem(restored);
            QVERIFY2(problem.empty(), ("run " + std::to_string(run) + ": " + problem).c_str());
            for (const auto &[first, count] : acknowledged) {
                // Accepted (seq < nextSeq) and, the queue being a contiguous tail, queued or counted.
                QVERIFY2(first + count <= restored.nextSeq,
                         ("run " + std::to_string(run) + ": acknowledged seq " + std::to_string(first + count - 1)
                          + " lost, next seq " + std::to_string(restored.nextSeq))
                             .c_str());
                acknowledgedTotal += count;
            }
            expectedNextSeq = restored.nextSeq;
        }
        QVERIFY(acknowledgedTotal > 1000);
    }
};

QTEST_GUILESS_MAIN(TestJournalRecovery)
#include "tst_journalrecovery.moc"
