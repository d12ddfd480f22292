#include <QtTest>

#include <string>
#include <vector>

#include "core/feedback/FeedbackQueue.h"

namespace {

rl::TrajectoryFeedback item(int n)
{
    rl::TrajectoryFeedback f;
    f.trajectoryId = "traj-" + std::to_string(n);
    f.modelId = "gpt-4";
    f.trajectoryLength = n;
    return f;
}

std::vector<int> lengths(const std::vector<rl::TrajectoryFeedback> &items)
{
    std::vector<int> out;
    for (const auto &f : items)
        out.push_back(f.trajectoryLength);
    return out;
}

std::vector<int> range(int from, int to)
{
    std::vector<int> out;
    for (int i = from; i < to; ++i)
        out.push_back(i);
    return out;
}

} // namespace

class TestFeedbackQueue : public QObject {
    Q_OBJECT

private slots:
    void fifoAcrossBlocks()
    {
        rl::FeedbackQueue queue(5000);
        QCOMPARE(queue.capacity(), std::size_t(5000));
        // Enough items to span several internal blocks, popped in uneven batches, refilled while draining.
        for (int i = 0; i < 1000; ++i)
            QCOMPARE(queue.push(item(i)), std::size_t(0));
        QCOMPARE(queue.size(), std::size_t(1000));
        std::vector<rl::TrajectoryFeedback> out;
        QCOMPARE(queue.popBatch(300, out), std::size_t(300));
        for (int i = 1000; i < 1700; ++i)
            queue.push(item(i));
        while (queue.popBatch(97, out) > 0) {
        }
        QCOMPARE(lengths(out), range(0, 1700));
        QCOMPARE(out[1234].trajectoryId, std::string("traj-1234"));
        QCOMPARE(queue.size(), std::size_t(0));
        QCOMPARE(queue.pushedTotal(), std::uint64_t(1700));
        QCOMPARE(queue.droppedTotal(), std::uint64_t(0));
        QCOMPARE(queue.popBatch(10, out), std::size_t(0));
    }

    void popBatchAppends()
    {
        rl::FeedbackQueue queue;
        for (int i = 0; i < 3; ++i)
            queue.push(item(i));
        std::vector<rl::TrajectoryFeedback> out{item(-1)};
        QCOMPARE(queue.popBatch(25, out), std::size_t(3));
        QCOMPARE(lengths(out), (std::vector<int>{-1, 0, 1, 2}));
    }

    void overflowDropsOldestAndCounts()
    {
        rl::FeedbackQueue queue(3);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(queue.push(item(i)), std::size_t(0));
        QCOMPARE(queue.push(item(3)), std::size_t(1));
        QCOMPARE(queue.push(item(4)), std::size_t(1));
        QCOMPARE(queue.size(), std::size_t(3));
        QCOMPARE(queue.droppedTotal(), std::uint64_t(2));
        QCOMPARE(queue.pushedTotal(), std::uint64_t(5));
        std::vector<rl::TrajectoryFeedback> out;
        queue.popBatch(10, out);
        QCOMPARE(lengths(out), (std::vector<int>{2, 3, 4}));
    }

    void overflowAtScaleKeepsTheNewest()
    {
        rl::FeedbackQueue queue(1000);
        for (int i = 0; i < 5000; ++i)
            queue.push(item(i));
        QCOMPARE(queue.size(), std::size_t(1000));
        QCOMPARE(queue.droppedTotal(), std::uint64_t(4000));
        std::vector<rl::TrajectoryFeedback> out;
        queue.popBatch(5000, out);
        QCOMPARE(lengths(out), range(4000, 5000));
    }

    void peekCopiesWithoutRemoving()
    {
        rl::FeedbackQueue queue;
        QVERIFY(queue.peek(5).empty());
        for (int i = 0; i < 600; ++i)
            queue.push(item(i));
        std::vector<rl::TrajectoryFeedback> out;
        queue.popBatch(250, out);
        QCOMPARE(lengths(queue.peek(3)), (std::vector<int>{250, 251, 252}));
        QCOMPARE(lengths(queue.peek(1000)), range(250, 600));
        QCOMPARE(queue.size(), std::size_t(350));
    }

    // What an operator counted (the pushes so far) is purged, whatever left meanwhile; never what came after.
    void purgeStopsAtTheMarkCounted()
    {
        rl::FeedbackQueue queue(8);
        for (int i = 0; i < 10; ++i) // two dropped: 2..9 queued
            queue.push(item(i));
        const std::uint64_t mark = queue.pushedTotal();
        std::vector<rl::TrajectoryFeedback> out;
        queue.popBatch(3, out);       // 5..9 left of what was counted
        for (int i = 10; i < 13; ++i) // arrive after the count
            queue.push(item(i));
        QCOMPARE(queue.purge({.max = 4, .pushedThrough = mark}), std::size_t(4));
        QCOMPARE(lengths(queue.peek(10)), (std::vector<int>{9, 10, 11, 12}));
        QCOMPARE(queue.purge({.pushedThrough = mark}), std::size_t(1));
        QCOMPARE(queue.purge({.pushedThrough = mark}), std::size_t(0));
        QCOMPARE(lengths(queue.peek(10)), (std::vector<int>{10, 11, 12}));
        QCOMPARE(queue.purge({.pushedThrough = 0}), std::size_t(0));
    }

    void purgeReturnsTheCount()
    {
        rl::FeedbackQueue queue;
        for (int i = 0; i < 700; ++i)
            queue.push(item(i));
        QCOMPARE(queue.purge(), std::size_t(700));
        QCOMPARE(queue.size(), std::size_t(0));
        QCOMPARE(queue.purge(), std::size_t(0));
        queue.push(item(7)); // usable afterwards
        QCOMPARE(lengths(queue.peek(5)), std::vector<int>{7});
        QCOMPARE(queue.droppedTotal(), std::uint64_t(0)); // a purge is not a drop
    }

    void setCapacity()
    {
        rl::FeedbackQueue queue(10);
        for (int i = 0; i < 8; ++i) {
            rl::TrajectoryFeedback journaled = item(i);
            journaled.seq = 100 + static_cast<std::uint64_t>(i);
            queue.push(journaled);
        }
        QCOMPARE(queue.setCapacity(20), std::size_t(0));
        QCOMPARE(queue.capacity(), std::size_t(20));
        QCOMPARE(queue.size(), std::size_t(8));
        rl::FeedbackQueue::SeqRange dropped;
        QCOMPARE(queue.setCapacity(5, &dropped), std::size_t(3));
        QCOMPARE(queue.droppedTotal(), std::uint64_t(3));
        QCOMPARE(dropped.first, std::uint64_t(100)); // the three oldest, for the journal
        QCOMPARE(dropped.last, std::uint64_t(102));
        QCOMPARE(lengths(queue.peek(10)), range(3, 8));
        QCOMPARE(queue.push(item(8)), std::size_t(1)); // full at the new bound
        QCOMPARE(lengths(queue.peek(10)), range(4, 9));
    }

    void zeroCapacityIsRefused()
    {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, rl::FeedbackQueue(0));
        rl::FeedbackQueue queue(4);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, queue.setCapacity(0));
        QCOMPARE(queue.capacity(), std::size_t(4));
    }
};

QTEST_GUILESS_MAIN(TestFeedbackQueue)
#include "tst_feedbackqueue.moc"
