#include "gui/cli/LatencyRecorder.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace rl {

std::size_t LatencyRecorder::bucketOf(std::uint64_t nanoseconds)
{
    if (nanoseconds < kSub)
        return nanoseconds; // exact below 128 ns
    const unsigned shift = static_cast<unsigned>(std::bit_width(nanoseconds)) - 1 - kSubBits;
    return (shift + 1) * kSub + ((nanoseconds >> shift) - kSub);
}

std::uint64_t LatencyRecorder::middleOf(std::size_t bucket)
{
    if (bucket < kSub)
        return bucket;
    const std::size_t shift = bucket / kSub - 1;
    const std::uint64_t low = (kSub + bucket % kSub) << shift;
    return low + ((std::uint64_t(1) << shift) >> 1);
}

void LatencyRecorder::record(Duration latency)
{
    const std::uint64_t nanoseconds = static_cast<std::uint64_t>(std::max<Duration::rep>(latency.count(), 0));
    ++m_buckets[bucketOf(nanoseconds)];
    ++m_count;
    m_max = std::max(m_max, nanoseconds);
}

LatencyRecorder::Duration LatencyRecorder::quantile(double q) const
{
    if (m_count == 0)
        return Duration::zero();
    // The rank-th smallest value, 1-based, as nearest-rank percentiles are defined.
    const auto rank = std::max<std::uint64_t>(
        1, static_cast<std::uint64_t>(std::ceil(std::clamp(q, 0.0, 1.0) * static_cast<double>(m_count))));
    if (rank == m_count)
        return Duration(m_max); // known exactly
    std::uint64_t seen = 0;
    for (std::size_t bucket = 0; bucket < kBuckets; ++bucket) {
        seen += m_buckets[bucket];
        if (seen >= rank)
            return Duration(std::min(middleOf(bucket), m_max));
    }
    return Duration(m_max);
}

} // namespace rl
