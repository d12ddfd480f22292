#include "core/routing/RoutingHistory.h"

#include <functional>
#include <stdexcept>
#include <string>

namespace rl {

namespace {

std::size_t checkedCapacity(std::size_t capacity)
{
    if (capacity == 0 || capacity > RoutingHistory::kMaxCapacity)
        throw std::invalid_argument("router history capacity " + std::to_string(capacity) + ": must be in [1, "
                                    + std::to_string(RoutingHistory::kMaxCapacity) + "]");
    return capacity;
}

std::chrono::seconds checkedAge(std::chrono::seconds maxAge)
{
    if (maxAge.count() <= 0)
        throw std::invalid_argument("router history max age " + std::to_string(maxAge.count())
                                    + " s: must be positive");
    return maxAge;
}

} // namespace

RoutingHistory::RoutingHistory(std::size_t capacity, std::chrono::seconds maxAge)
    : m_capacity(checkedCapacity(capacity))
    , m_maxAge(checkedAge(maxAge))
    , m_cells(kMinCells, 0)
{
}

std::uint64_t RoutingHistory::hashOf(std::string_view id)
{
    return std::hash<std::string_view>{}(id);
}

void RoutingHistory::prefetchCell(std::uint64_t hash) const
{
    __builtin_prefetch(&m_cells[hash & mask()]);
}

void RoutingHistory::prefetchEntry(std::uint64_t hash) const
{
    // The home cell holds the match nearly always (the table is at most half full).
    if (const std::uint64_t cell = m_cells[hash & mask()]) {
        const auto *address = reinterpret_cast<const char *>(&entry(indexOf(cell)));
        __builtin_prefetch(address);
        __builtin_prefetch(address + sizeof(Entry) - 1);
    }
}

RoutingHistory::Handle RoutingHistory::find(std::string_view id, std::uint64_t hash) const
{
    const auto fragment = static_cast<std::uint32_t>(hash);
    for (std::size_t position = fragment & mask();; position = (position + 1) & mask()) {
        const std::uint64_t cell = m_cells[position];
        if (!cell)
            return {};
        if (fragmentOf(cell) == fragment && entry(indexOf(cell)).decision.trajectoryId == id)
            return {position};
    }
}

RoutingDecision &RoutingHistory::decision(Handle handle)
{
    return entry(indexOf(m_cells[handle.cell])).decision;
}

void RoutingHistory::erase(Handle handle)
{
    eraseCell(handle.cell);
}

std::size_t RoutingHistory::insert(RoutingDecision decision)
{
    const std::uint64_t hash = hashOf(decision.trajectoryId);
    std::size_t evicted = 0;
    if (const Handle earlier = find(decision.trajectoryId, hash)) {
        eraseCell(earlier.cell);
        ++evicted;
    }
    if (m_size == m_capacity) {
        eraseOldest();
        ++evicted;
    }
    if ((m_size + 1) * 2 > m_cells.size())
        resize(m_cells.size() * 2);

    const std::uint32_t index = allocateEntry();
    Entry &added = entry(index);
    added.decision = std::move(decision);
    added.fragment = static_cast<std::uint32_t>(hash);
    added.older = m_newest;
    added.newer = kNone;
    (m_newest != kNone ? entry(m_newest).newer : m_oldest) = index;
    m_newest = index;
    place(pack(added.fragment, index));
    ++m_size;
    return evicted;
}

std::size_t RoutingHistory::evictExpired(Clock::time_point now)
{
    const auto cutoff = now - m_maxAge;
    std::size_t evicted = 0;
    while (m_oldest != kNone && entry(m_oldest).decision.decidedAt < cutoff) {
        eraseOldest();
        ++evicted;
    }
    return evicted;
}

std::uint32_t RoutingHistory::allocateEntry()
{
    if (m_free != kNone) {
        const std::uint32_t index = m_free;
        m_free = entry(index).newer;
        return index;
    }
    if ((m_fresh >> kChunkBits) == m_chunks.size())
        m_chunks.push_back(std::make_unique<Entry[]>(kChunkSize));
    return m_fresh++;
}

void RoutingHistory::place(std::uint64_t cell)
{
    std::size_t position = fragmentOf(cell) & mask();
    while (m_cells[position])
        position = (position + 1) & mask();
    m_cells[position] = cell;
}

void RoutingHistory::eraseCell(std::size_t position)
{
    const std::uint32_t index = indexOf(m_cells[position]);
    Entry &gone = entry(index);
    (gone.older != kNone ? entry(gone.older).newer : m_oldest) = gone.newer;
    (gone.newer != kNone ? entry(gone.newer).older : m_newest) = gone.older;
    gone.newer = m_free;
    m_free = index;

    // Backward-shift deletion: pull later cells of the probe run into the hole unless that would move
    // them before their home cell.
    const std::size_t m = mask();
    std::size_t hole = position;
    for (std::size_t next = (position + 1) & m; m_cells[next]; next = (next + 1) & m) {
        const std::size_t home = fragmentOf(m_cells[next]) & m;
        if (((next - home) & m) >= ((next - hole) & m)) {
            m_cells[hole] = m_cells[next];
            hole = next;
        }
    }
    m_cells[hole] = 0;

    if (--m_size == 0 && m_chunks.size() > 1) { // give a burst's memory back; keep one chunk for steady traffic
        m_chunks.resize(1);
        m_fresh = 0;
        m_free = kNone;
        std::vector<std::uint64_t>(kMinCells, 0).swap(m_cells);
    }
}

void RoutingHistory::eraseOldest()
{
    const std::uint32_t index = m_oldest;
    std::size_t position = entry(index).fragment & mask();
    while (m_cells[position] == 0 || indexOf(m_cells[position]) != index)
        position = (position + 1) & mask();
    eraseCell(position);
}

void RoutingHistory::resize(std::size_t cells)
{
    std::vector<std::uint64_t> old(cells, 0);
    old.swap(m_cells);
    for (const std::uint64_t cell : old) {
        if (cell)
            place(cell);
    }
}

} // namespace rl
