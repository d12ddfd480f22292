// journal_crashchild DIR SEED: appends to the journal in DIR for ever, as an engine would (a decision per
// item, feedback in groups, batches consumed from the head with their learning steps, drops, checkpoints),
// printing "open <nextSeq>" once restored and "ack <firstSeq> <count>" from each onDurable. The recovery
// test kills it with SIGKILL at random points and checks that every acknowledged seq survived.

#include <chrono>
#include <cstdio>
#include <cstring>
#include <deque>
#include <random>
#include <string>
#include <thread>

#include <unistd.h>

#include "JournalTesting.h"
#include "core/journal/Journal.h"

namespace {

// One write(2) per line: whole lines reach the pipe even when the process dies right after.
void say(const std::string &line)
{
    const std::string text = line + "\n";
    if (::write(STDOUT_FILENO, text.data(), text.size()) < 0)
        std::_Exit(3);
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s DIR SEED\n", argv[0]);
        return 2;
    }
    rl::JournalOptions options;
    options.directory = argv[1];
    std::mt19937_64 random(std::stoull(argv[2]));
    rl::RestoredJournal restored;
    auto journal = rl::Journal::open(options, restored);
    std::deque<std::uint64_t> queue;
    for (const auto &[seq, item] : restored.queue)
        queue.push_back(seq);
    say("open " + std::to_string(restored.nextSeq));
    std::uint64_t learnedUpTo = restored.checkpointSeq;
    const auto now = [] {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::system_clock::now().time_since_epoch())
            .count();
    };
    for (;;) {
        const std::uint64_t size = 1 + random() % 200;
        const std::uint64_t first = journal->nextSeq(); // one appending thread: this is the seq it gets
        std::vector<rl::TrajectoryFeedback> items;
        for (std::uint64_t seq = first; seq < first + size; ++seq) {
            journal->appendDecision(rl::testing::decisionItem(seq, now()));
            items.push_back(rl::testing::feedbackItem(seq));
        }
        if (journal->appendFeedback(
                std::move(items),
                [size](std::uint64_t firstSeq) { say("ack " + std::to_string(firstSeq) + " " + std::to_string(size)); })
            != first)
            return 4;
        for (std::uint64_t seq = first; seq < first + size; ++seq)
            queue.push_back(seq);

        if (random() % 3 == 0) {
            const std::size_t take = std::min<std::size_t>(queue.size(), 1 + random() % 400);
            rl::JournalConsumption consumption;
            consumption.firstSeq = queue.front();
            consumption.lastSeq = queue[take - 1];
            if (random() % 4 == 0) {
                consumption.dropped = take;
            } else {
                consumption.processed = take;
                for (std::size_t i = 0; i < take; ++i)
                    consumption.learned.push_back({queue[i], queue[i], 0.5});
                learnedUpTo = consumption.lastSeq;
            }
            queue.erase(queue.begin(), queue.begin() + static_cast<std::ptrdiff_t>(take));
            journal->appendConsumption(std::move(consumption));
        }
        if (random() % 20 == 0)
            journal->appendCheckpoint("{\"upTo\":" + std::to_string(learnedUpTo) + "}", learnedUpTo);
        if (random() % 4 == 0)
            std::this_thread::sleep_for(std::chrono::microseconds(random() % 3000));
    }
}
