#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <limits>
#include <memory>
#include <mutex>
#include <vector>

#include "core/feedback/TrajectoryFeedback.h"

namespace rl {

// Which items a purge may discard: at most max of the oldest, and none pushed after the pushedThrough-th
// push (FeedbackQueue::pushedTotal() when an operator counted them), so none that arrived after.
struct PurgeLimit {
    std::size_t max = std::numeric_limits<std::size_t>::max();
    std::uint64_t pushedThrough = std::numeric_limits<std::uint64_t>::max();
};

// Bounded multi-producer queue of feedback: a chain of fixed-size blocks under one mutex, O(1) push and
// pop, memory following the content rather than the capacity (a 1,000,000-item bound costs nothing until
// it fills). When full, a push drops the oldest item (the freshest feedback is worth most) and counts it.
// size() is lock-free so a UI or health endpoint never waits on the lock. Capacity is at least 1.
class FeedbackQueue {
public:
    static constexpr std::size_t kDefaultCapacity = 10000;  // as the original's max_feedback_queue_size
    static constexpr std::size_t kMaxCapacity = 10'000'000; // what --queue-capacity and the API accept

    // The journal's numbers of items removed together (TrajectoryFeedback::seq), the lowest and highest of
    // those that have one; both 0 when none had.
    struct SeqRange {
        std::uint64_t first = 0;
        std::uint64_t last = 0;
    };

    explicit FeedbackQueue(std::size_t capacity = kDefaultCapacity); // throws std::invalid_argument if 0

    // Returns the number of items dropped to make room (0 or 1), and their seqs in `dropped` if given.
    std::size_t push(TrajectoryFeedback item, SeqRange *dropped = nullptr);
    // Moves up to max items, oldest first, onto the end of out; returns how many.
    std::size_t popBatch(std::size_t max, std::vector<TrajectoryFeedback> &out);
    std::vector<TrajectoryFeedback> peek(std::size_t n) const; // copies of the first n, oldest first
    // Discards the oldest items the limit allows (all by default); returns how many.
    std::size_t purge(PurgeLimit limit = {}, SeqRange *purged = nullptr);

    std::size_t size() const noexcept { return m_size.load(std::memory_order_relaxed); }
    std::size_t capacity() const;
    // Shrinking drops the oldest surplus, counted as dropped; returns how many, and their seqs in `dropped`
    // if given. Throws if capacity is 0.
    std::size_t setCapacity(std::size_t capacity, SeqRange *dropped = nullptr);

    std::uint64_t pushedTotal() const noexcept { return m_pushed.load(std::memory_order_relaxed); }
    // The pushes so far and the depth at one instant (under the lock): a purge mark and the count it shows.
    struct Count {
        std::uint64_t pushedTotal = 0;
        std::size_t size = 0;
    };
    Count count() const;
    std::uint64_t droppedTotal() const noexcept { return m_dropped.load(std::memory_order_relaxed); }

private:
    static constexpr std::size_t kBlockSize = 256;
    using Block = std::array<TrajectoryFeedback, kBlockSize>;

    TrajectoryFeedback &frontLocked() { return (*m_blocks.front())[m_head]; }
    void popFrontLocked(); // forgets the oldest item, recycling its block once the block is used up
    // Forgets the n oldest, noting their seqs in removed if given.
    void removeFrontLocked(std::size_t n, SeqRange *removed);

    mutable std::mutex m_mutex;
    std::deque<std::unique_ptr<Block>> m_blocks; // the items in order, the oldest at m_head of the first
    std::unique_ptr<Block> m_spare;              // the last used-up block, so steady traffic never allocates
    std::size_t m_head = 0;
    std::size_t m_capacity;
    std::atomic<std::size_t> m_size{0};
    std::atomic<std::uint64_t> m_pushed{0};
    std::atomic<std::uint64_t> m_dropped{0};
};

} // namespace rl
