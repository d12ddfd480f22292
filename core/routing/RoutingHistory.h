#pragma once

// Private to core/*.cpp: the router's memory of its decisions.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <string_view>
#include <vector>

#include "core/routing/RoutingDecision.h"

namespace rl {

// Routing decisions by trajectory id, bounded by count and age, oldest first. Built for the feedback hot
// path at a million pending decisions: an open-addressing table (linear probing, backward-shift deletion,
// no tombstones) over entries kept in fixed-size chunks, so a lookup costs about two cache misses, both of
// which a caller working through a batch can prefetch ahead. Entries are threaded in decision order, so
// eviction of the oldest is O(1). Memory follows the high-water mark and is given back when the history
// empties. Not thread-safe: the router serialises access.
class RoutingHistory {
public:
    using Clock = std::chrono::steady_clock;
    static constexpr std::size_t kMaxCapacity = std::size_t(1) << 30;

    // A decision found by find(); valid until the next insert or erase.
    struct Handle {
        std::size_t cell = std::numeric_limits<std::size_t>::max();
        explicit operator bool() const { return cell != std::numeric_limits<std::size_t>::max(); }
    };

    // Throws std::invalid_argument for a capacity outside [1, kMaxCapacity] or a non-positive age.
    RoutingHistory(std::size_t capacity, std::chrono::seconds maxAge);

    // Remembers a decision, newest; returns how many it pushed out: an earlier decision under the same id,
    // and the oldest when the history was full.
    std::size_t insert(RoutingDecision decision);
    // Forgets the decisions made before now - maxAge; returns how many.
    std::size_t evictExpired(Clock::time_point now);

    static std::uint64_t hashOf(std::string_view id);
    // Hints that find(.., hash) is coming: call prefetchCell for a run of hashes, then prefetchEntry for
    // the same run, then find them, so the misses overlap instead of queueing.
    void prefetchCell(std::uint64_t hash) const;
    void prefetchEntry(std::uint64_t hash) const;
    Handle find(std::string_view id, std::uint64_t hash) const;
    Handle find(std::string_view id) const { return find(id, hashOf(id)); }
    RoutingDecision &decision(Handle handle);
    void erase(Handle handle);

    std::size_t size() const { return m_size; }

private:
    static constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
    static constexpr std::size_t kChunkBits = 12; // 4096 entries a chunk
    static constexpr std::size_t kChunkSize = std::size_t(1) << kChunkBits;
    static constexpr std::size_t kMinCells = 1024;

    struct Entry {
        RoutingDecision decision;
        std::uint32_t fragment = 0;  // the low 32 bits of the id's hash, as in its cell
        std::uint32_t older = kNone; // decision order; `newer` also links the free entries
        std::uint32_t newer = kNone;
    };

    // A cell is 0 (empty) or fragment << 32 | (entry index + 1). The home cell is fragment & mask.
    static std::uint64_t pack(std::uint32_t fragment, std::uint32_t index)
    {
        return std::uint64_t(fragment) << 32 | (std::uint64_t(index) + 1);
    }
    static std::uint32_t fragmentOf(std::uint64_t cell) { return std::uint32_t(cell >> 32); }
    static std::uint32_t indexOf(std::uint64_t cell) { return std::uint32_t(cell) - 1; }

    Entry &entry(std::uint32_t index) { return m_chunks[index >> kChunkBits][index & (kChunkSize - 1)]; }
    const Entry &entry(std::uint32_t index) const { return m_chunks[index >> kChunkBits][index & (kChunkSize - 1)]; }
    std::size_t mask() const { return m_cells.size() - 1; }
    std::uint32_t allocateEntry();
    void place(std::uint64_t cell);
    void eraseCell(std::size_t cell);
    void eraseOldest();
    void resize(std::size_t cells);

    const std::size_t m_capacity;
    const std::chrono::seconds m_maxAge;
    std::vector<std::uint64_t> m_cells;
    std::vector<std::unique_ptr<Entry[]>> m_chunks;
    std::uint32_t m_fresh = 0;    // entries below this have been used at least once
    std::uint32_t m_free = kNone; // a freed entry, linked through `newer`
    std::uint32_t m_oldest = kNone;
    std::uint32_t m_newest = kNone;
    std::size_t m_size = 0;
};

} // namespace rl
