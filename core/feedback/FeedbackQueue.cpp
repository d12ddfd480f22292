#include "core/feedback/FeedbackQueue.h"

#include <algorithm>
#include <stdexcept>

namespace rl {

namespace {

std::size_t checkedCapacity(std::size_t capacity)
{
    if (capacity == 0)
        throw std::invalid_argument("feedback queue capacity 0: must be at least 1");
    return capacity;
}

} // namespace

FeedbackQueue::FeedbackQueue(std::size_t capacity)
    : m_capacity(checkedCapacity(capacity))
{
}

void FeedbackQueue::popFrontLocked()
{
    if (++m_head == kBlockSize) {
        m_spare = std::move(m_blocks.front());
        m_blocks.pop_front();
        m_head = 0;
    }
}

void FeedbackQueue::removeFrontLocked(std::size_t n, SeqRange *removed)
{
    for (std::size_t i = 0; i < n; ++i) {
        if (removed) {
            const std::uint64_t seq = frontLocked().seq;
            if (seq != 0) {
                removed->first = removed->first == 0 ? seq : std::min(removed->first, seq);
                removed->last = std::max(removed->last, seq);
            }
        }
        popFrontLocked();
    }
}

std::size_t FeedbackQueue::push(TrajectoryFeedback item, SeqRange *dropped)
{
    std::lock_guard lock(m_mutex);
    std::size_t size = m_size.load(std::memory_order_relaxed);
    std::size_t droppedCount = 0;
    if (size == m_capacity) {
        removeFrontLocked(1, dropped);
        --size;
        droppedCount = 1;
    }
    const std::size_t position = m_head + size;
    if (position / kBlockSize == m_blocks.size())
        m_blocks.push_back(m_spare ? std::move(m_spare) : std::make_unique<Block>());
    (*m_blocks[position / kBlockSize])[position % kBlockSize] = std::move(item);
    m_size.store(size + 1, std::memory_order_relaxed);
    m_pushed.fetch_add(1, std::memory_order_relaxed);
    if (droppedCount)
        m_dropped.fetch_add(droppedCount, std::memory_order_relaxed);
    return droppedCount;
}

std::size_t FeedbackQueue::popBatch(std::size_t max, std::vector<TrajectoryFeedback> &out)
{
    out.reserve(out.size() + std::min(max, size())); // outside the lock; a hint only
    std::lock_guard lock(m_mutex);
    const std::size_t size = m_size.load(std::memory_order_relaxed);
    const std::size_t n = std::min(max, size);
    for (std::size_t i = 0; i < n; ++i) {
        out.push_back(std::move(frontLocked()));
        popFrontLocked();
    }
    m_size.store(size - n, std::memory_order_relaxed);
    return n;
}

std::vector<TrajectoryFeedback> FeedbackQueue::peek(std::size_t n) const
{
    std::lock_guard lock(m_mutex);
    const std::size_t count = std::min(n, m_size.load(std::memory_order_relaxed));
    std::vector<TrajectoryFeedback> items;
    items.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t position = m_head + i;
        items.push_back((*m_blocks[position / kBlockSize])[position % kBlockSize]);
    }
    return items;
}

std::size_t FeedbackQueue::purge(PurgeLimit limit, SeqRange *purged)
{
    std::lock_guard lock(m_mutex);
    const std::size_t size = m_size.load(std::memory_order_relaxed);
    // Items leave only from the front, so the pushes before the first still queued are those gone.
    const std::uint64_t gone = m_pushed.load(std::memory_order_relaxed) - size;
    std::size_t max = limit.max;
    if (limit.pushedThrough < gone + size)
        max = std::min<std::uint64_t>(max, limit.pushedThrough > gone ? limit.pushedThrough - gone : 0);
    if (max < size || purged) { // one by one, to read the seqs
        const std::size_t n = std::min(max, size);
        removeFrontLocked(n, purged);
        m_size.store(size - n, std::memory_order_relaxed);
        return n;
    }
    m_blocks.clear();
    m_spare.reset();
    m_head = 0;
    m_size.store(0, std::memory_order_relaxed);
    return size;
}

FeedbackQueue::Count FeedbackQueue::count() const
{
    std::lock_guard lock(m_mutex);
    return {m_pushed.load(std::memory_order_relaxed), m_size.load(std::memory_order_relaxed)};
}

std::size_t FeedbackQueue::capacity() const
{
    std::lock_guard lock(m_mutex);
    return m_capacity;
}

std::size_t FeedbackQueue::setCapacity(std::size_t capacity, SeqRange *dropped)
{
    checkedCapacity(capacity);
    std::lock_guard lock(m_mutex);
    m_capacity = capacity;
    const std::size_t size = m_size.load(std::memory_order_relaxed);
    const std::size_t surplus = size > capacity ? size - capacity : 0;
    removeFrontLocked(surplus, dropped);
    m_size.store(size - surplus, std::memory_order_relaxed);
    m_dropped.fetch_add(surplus, std::memory_order_relaxed);
    return surplus;
}

} // namespace rl
