#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include "core/feedback/FailureReason.h"

namespace rl {

// The counters of one tenant and workspace, read together (Metrics::totals).
struct MetricTotals {
    std::uint64_t emitted = 0, processed = 0, dropped = 0, purged = 0;
    std::array<std::uint64_t, kFailureReasons> failedBy{}; // indexed by FailureReason

    std::uint64_t failedFor(FailureReason reason) const { return failedBy[static_cast<std::size_t>(reason)]; }
    std::uint64_t failed() const; // all reasons
};

inline std::uint64_t MetricTotals::failed() const
{
    std::uint64_t total = 0;
    for (const std::uint64_t n : failedBy)
        total += n;
    return total;
}

} // namespace rl
