#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <vector>

#include "core/TrajectoryFeedback.h"

namespace rl {

// Bounded multi-producer queue of feedback: a ring buffer under one mutex, O(1) push and pop. When full,
// a push drops the oldest item (the freshest feedback is worth most) and counts it. size() is lock-free
// so a UI or health endpoint never waits on the lock.
class FeedbackQueue {
public:
    static constexpr std::size_t kDefaultCapacity = 10000; // as the original's max_feedback_queue_size

    explicit FeedbackQueue(std::size_t capacity = kDefaultCapacity);

    // Returns the number of items dropped to make room (0 or 1).
    std::size_t push(TrajectoryFeedback item);
    // Moves up to max items, oldest first, onto the end of out; returns how many.
    std::size_t popBatch(std::size_t max, std::vector<TrajectoryFeedback> &out);
    std::vector<TrajectoryFeedback> peek(std::size_t n) const; // copies of the first n, oldest first
    std::size_t purge();                                      // discards everything, returns the count

    std::size_t size() const noexcept { return m_size.load(std::memory_order_relaxed); }
    std::size_t capacity() const;
    // Shrinking drops the oldest surplus, counted as dropped; returns how many.
    std::size_t setCapacity(std::size_t capacity);

    std::uint64_t pushedTotal() const noexcept { return m_pushed.load(std::memory_order_relaxed); }
    std::uint64_t droppedTotal() const noexcept { return m_dropped.load(std::memory_order_relaxed); }

private:
    mutable std::mutex m_mutex;
    std::vector<TrajectoryFeedback> m_ring; // capacity slots
    std::size_t m_head = 0;                 // index of the oldest item
    std::atomic<std::size_t> m_size{0};
    std::atomic<std::uint64_t> m_pushed{0};
    std::atomic<std::uint64_t> m_dropped{0};
};

} // namespace rl
