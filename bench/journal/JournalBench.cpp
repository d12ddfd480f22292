// rlstudio_journalbench: the journal's throughput and restore time, phase by phase, on a fresh directory.
//
//   rlstudio_journalbench [--items N] [--group N] [--decisions N] [--sync full|normal|off] [--dir DIR] [--keep]
//
// 1. append N feedback items in groups from one thread, timed until the last onDurable;
// 2. append the decisions (recent, so they are pending), timed until flush() returns;
// 3. restore N queued items and the pending decisions: after a crash (phases 1 and 2 run in a child process
//    that ends with _exit once flushed, leaving the WAL as kill -9 would), then again after a clean close;
// 4. consume the queue in batches of a group, each with a learned row per item, timed until flush() returns.

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
#include <thread>

#include <sys/wait.h>
#include <unistd.h>

#include "core/journal/Journal.h"

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

std::int64_t wallMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

rl::TrajectoryFeedback item(std::uint64_t n)
{
    rl::TrajectoryFeedback feedback;
    feedback.trajectoryId = "traj-" + std::to_string(n);
    feedback.modelId = n % 2 ? "claude-3-5-sonnet" : "gpt-4o-mini";
    feedback.accuracyScore = (n % 100) / 100.0;
    feedback.efficiencyScore = (n % 37) / 37.0;
    feedback.errorHandlingScore = (n % 11) / 11.0;
    feedback.overallScore = (n % 53) / 53.0;
    feedback.trajectoryLength = static_cast<int>(n % 40);
    feedback.success = n % 3 != 0;
    feedback.reasoning = "evaluated";
    feedback.timestampMs = 1700000000000 + static_cast<std::int64_t>(n);
    return feedback;
}

void printStatus(const char *when, const rl::JournalStatus &status)
{
    std::printf("  %-28s db %.1f MB, wal %.1f MB, queued %llu, decisions %llu, commits %llu, errors %llu\n", when,
                status.databaseBytes / 1e6, status.walBytes / 1e6, static_cast<unsigned long long>(status.queuedRows),
                static_cast<unsigned long long>(status.decisionRows), static_cast<unsigned long long>(status.commits),
                static_cast<unsigned long long>(status.writeErrors));
}

void appendFeedback(rl::Journal &journal, std::uint64_t items, std::uint64_t group)
{
    std::atomic<std::uint64_t> acknowledged{0};
    const auto start = Clock::now();
    for (std::uint64_t first = 0; first < items; first += group) {
        std::vector<rl::TrajectoryFeedback> batch;
        batch.reserve(group);
        for (std::uint64_t n = first; n < first + group; ++n)
            batch.push_back(item(n));
        journal.appendFeedback(std::move(batch), [&acknowledged, group](std::uint64_t) {
            acknowledged.fetch_add(group, std::memory_order_release);
        });
    }
    const double appended = secondsSince(start);
    while (acknowledged.load(std::memory_order_acquire) < items)
        std::this_thread::sleep_for(std::chrono::microseconds(200));
    const double seconds = secondsSince(start);
    std::printf("feedback appended   %9.0f items/s (appending took %.3f s), acknowledged %9.0f items/s (%.3f s)\n",
                items / appended, appended, items / seconds, seconds);
    printStatus("after feedback:", journal.status());
}

void appendDecisions(rl::Journal &journal, std::uint64_t decisions)
{
    const std::int64_t now = wallMs();
    const auto start = Clock::now();
    for (std::uint64_t n = 1; n <= decisions; ++n) {
        rl::JournalDecision decision;
        decision.eventId = n;
        decision.trajectoryId = "traj-" + std::to_string(n);
        decision.timeMs = now - static_cast<std::int64_t>(decisions - n) / 100;
        decision.arm = n % 4;
        decision.propensity = 0.25;
        decision.features.assign(10, 0.5);
        decision.probabilities.assign(4, 0.25);
        decision.policyVersion = "linucb@1";
        journal.appendDecision(std::move(decision));
    }
    journal.flush();
    const double seconds = secondsSince(start);
    std::printf("decisions           %9.0f /s (%.3f s)\n", decisions / seconds, seconds);
    printStatus("after decisions:", journal.status());
}

} // namespace

int main(int argc, char **argv)
{
    std::uint64_t items = 1000000;
    std::uint64_t group = 1000;
    std::uint64_t decisions = 100000;
    rl::SyncMode sync = rl::SyncMode::Normal;
    std::string dir;
    bool keep = false;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        const auto value = [&] { return i + 1 < argc ? std::string(argv[++i]) : std::string(); };
        if (arg == "--items")
            items = std::stoull(value());
        else if (arg == "--group")
            group = std::stoull(value());
        else if (arg == "--decisions")
            decisions = std::stoull(value());
        else if (arg == "--dir")
            dir = value();
        else if (arg == "--keep")
            keep = true;
        else if (arg == "--sync") {
            const std::string mode = value();
            sync = mode == "full" ? rl::SyncMode::Full : mode == "off" ? rl::SyncMode::Off : rl::SyncMode::Normal;
        } else {
            std::fprintf(stderr,
                         "usage: %s [--items N] [--group N] [--decisions N] [--sync full|normal|off] "
                         "[--dir DIR] [--keep]\n",
                         argv[0]);
            return 2;
        }
    }
    if (group == 0 || items % group != 0) {
        std::fprintf(stderr, "--items must be a multiple of --group\n");
        return 2;
    }
    if (dir.empty())
        dir = (std::filesystem::temp_directory_path() / ("rlstudio-journalbench-" + std::to_string(getpid()))).string();
    std::filesystem::remove_all(dir);

    rl::JournalOptions options;
    options.directory = dir;
    options.sync = sync;
    std::printf("journal bench in %s: %llu items in groups of %llu, %llu decisions, sync %s\n", dir.c_str(),
                static_cast<unsigned long long>(items), static_cast<unsigned long long>(group),
                static_cast<unsigned long long>(decisions),
                sync == rl::SyncMode::Full  ? "full"
                : sync == rl::SyncMode::Off ? "off"
                                            : "normal");

    std::fflush(stdout);
    const pid_t child = fork(); // before any thread exists
    if (child < 0) {
        std::perror("fork");
        return 1;
    }
    rl::RestoredJournal restored;
    std::unique_ptr<rl::Journal> journal;
    if (child == 0) {
        journal = rl::Journal::open(options, restored);
        appendFeedback(*journal, items, group);
        appendDecisions(*journal, decisions);
        std::fflush(stdout);
        std::_Exit(0); // no destructor, no close: the WAL stays as a crash leaves it
    }
    int status = 0;
    waitpid(child, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::fprintf(stderr, "the appending child failed\n");
        return 1;
    }

    // 3. Restore.
    for (const char *when : {"after a crash", "after a clean close"}) {
        const auto walBytes =
            std::filesystem::exists(dir + "/journal.db-wal") ? std::filesystem::file_size(dir + "/journal.db-wal") : 0;
        auto start = Clock::now();
        journal = rl::Journal::open(options, restored);
        const double seconds = secondsSince(start);
        std::printf("restore %-19s %.3f s: %zu queued, %zu pending, WAL %.1f MB before (%s)\n", when, seconds,
                    restored.queue.size(), restored.pending.size(), walBytes / 1e6, restored.note.c_str());
        if (std::string_view(when) == "after a crash") {
            start = Clock::now();
            journal.reset();
            std::printf("close               %.3f s\n", secondsSince(start));
        }
    }

    // 4. Consumption with learned rows.
    {
        const std::uint64_t firstSeq = restored.queue.empty() ? 1 : restored.queue.front().first;
        restored = rl::RestoredJournal{}; // frees the restored queue
        const auto start = Clock::now();
        for (std::uint64_t first = firstSeq; first < firstSeq + items; first += group) {
            rl::JournalConsumption consumption;
            consumption.firstSeq = first;
            consumption.lastSeq = first + group - 1;
            consumption.processed = group;
            consumption.learned.reserve(group);
            for (std::uint64_t seq = first; seq <= consumption.lastSeq; ++seq)
                consumption.learned.push_back({seq, seq, 0.5});
            journal->appendConsumption(std::move(consumption));
        }
        const double appended = secondsSince(start);
        journal->flush();
        const double seconds = secondsSince(start);
        std::printf("consumption         %9.0f items/s with a learned row each (%.3f s; appending %.3f s)\n",
                    items / seconds, seconds, appended);
        printStatus("after consumption:", journal->status());
        const auto compactStart = Clock::now();
        journal->compact();
        std::printf("compaction          %.3f s\n", secondsSince(compactStart));
        printStatus("after compaction:", journal->status());
        const auto totals = journal->status().totals;
        std::printf("totals              accepted %llu processed %llu queued %llu balanced %s\n",
                    static_cast<unsigned long long>(totals.accepted), static_cast<unsigned long long>(totals.processed),
                    static_cast<unsigned long long>(totals.queued), totals.balanced() ? "yes" : "NO");
    }
    journal.reset();
    if (!keep)
        std::filesystem::remove_all(dir);
    return 0;
}
