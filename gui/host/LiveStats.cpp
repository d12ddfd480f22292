#include "gui/host/LiveStats.h"

#include <algorithm>
#include <cmath>

namespace rl {

namespace {

constexpr qint64 kRollingWindowMs = static_cast<qint64>(LiveStats::kRollingWindowSeconds * 1000.0);
constexpr double kFloorEvidenceSeconds = 30.0; // a third of it must hold several ticks at the usual intervals

// Nearest-rank percentile of an unsorted copy.
double percentile(std::vector<double> values, double p)
{
    const auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(values.size()))) - 1;
    const auto nth = values.begin() + static_cast<std::ptrdiff_t>(std::min(rank, values.size() - 1));
    std::nth_element(values.begin(), nth, values.end());
    return *nth;
}

} // namespace

void LiveStats::add(const EngineSnapshot &snapshot)
{
    const qint64 now = snapshot.wallTimeMs;
    const HealthState::Totals &totals = snapshot.health.totals;
    if (!m_points.empty()) {
        const Point &last = m_points.back();
        if (snapshot.seriesEpoch != m_epoch || totals.processed < last.processed || totals.failed < last.failed
            || totals.emitted < last.emitted || totals.dropped < last.dropped
            || snapshot.failedException < last.exceptions)
            clear();
    }
    m_epoch = snapshot.seriesEpoch;
    m_points.push_back({now, totals.processed, totals.failed, totals.emitted, snapshot.failedException, totals.dropped,
                        static_cast<double>(snapshot.health.queueDepth)});
    for (const double ms : snapshot.batchLatenciesMs)
        m_latencies.push_back({now, ms});
    while (m_points.size() > 1 && m_points.front().timeMs < now - kRollingWindowMs)
        m_points.pop_front();
    while (!m_latencies.empty() && m_latencies.front().timeMs < now - kRollingWindowMs)
        m_latencies.pop_front();
    m_current = compute(now);
}

void LiveStats::clear()
{
    m_points.clear();
    m_latencies.clear();
    m_current = {};
}

const LiveStats::Point &LiveStats::oldestWithin(double seconds, qint64 nowMs) const
{
    const auto limit = nowMs - static_cast<qint64>(seconds * 1000.0);
    const auto it = std::lower_bound(m_points.begin(), m_points.end(), limit,
                                     [](const Point &point, qint64 time) { return point.timeMs < time; });
    return it == m_points.end() ? m_points.back() : *it;
}

LiveSample LiveStats::compute(qint64 nowMs) const
{
    LiveSample sample;
    sample.timeMs = nowMs;
    const Point &newest = m_points.back();
    sample.queueDepth = newest.depth;

    const Point *start = &oldestWithin(kRateWindowSeconds, nowMs);
    if (start == &newest && m_points.size() > 1)
        start = &m_points[m_points.size() - 2]; // sparser than the window: the last interval
    const Point &rateStart = *start;
    const double rateSeconds = static_cast<double>(newest.timeMs - rateStart.timeMs) / 1000.0;
    if (rateSeconds > 0.0) {
        sample.processedPerSecond = static_cast<double>(newest.processed - rateStart.processed) / rateSeconds;
        sample.failedPerSecond = static_cast<double>(newest.failed - rateStart.failed) / rateSeconds;
        sample.emittedPerSecond = static_cast<double>(newest.emitted - rateStart.emitted) / rateSeconds;
        sample.droppedPerSecond = static_cast<double>(newest.dropped - rateStart.dropped) / rateSeconds;
    }

    const Point &oldest = m_points.front();
    const auto processed = static_cast<double>(newest.processed - oldest.processed);
    const auto failed = static_cast<double>(newest.failed - oldest.failed);
    if (processed + failed > 0.0)
        sample.successRate = processed / (processed + failed);
    sample.recentExceptions = newest.exceptions - oldest.exceptions;
    sample.recentDropped = newest.dropped - oldest.dropped;
    sample.rollingWindowSeconds = static_cast<double>(newest.timeMs - oldest.timeMs) / 1000.0;
    if (sample.rollingWindowSeconds > 0.0) {
        sample.rollingAttemptedPerSecond = (processed + failed) / sample.rollingWindowSeconds;
        sample.rollingEmittedPerSecond =
            static_cast<double>(newest.emitted - oldest.emitted) / sample.rollingWindowSeconds;
    }

    if (!m_latencies.empty()) {
        std::vector<double> values;
        values.reserve(m_latencies.size());
        for (const Latency &latency : m_latencies)
            values.push_back(latency.ms);
        sample.latencyMaxMs = *std::max_element(values.begin(), values.end());
        sample.latencyP50Ms = percentile(values, 0.50);
        sample.latencyP95Ms = percentile(std::move(values), 0.95);
    }

    if (sample.rollingWindowSeconds >= kFloorEvidenceSeconds) {
        const qint64 span = newest.timeMs - oldest.timeMs;
        double oldFloor = newest.depth, newFloor = newest.depth;
        for (const Point &point : m_points) {
            if (point.timeMs - oldest.timeMs <= span / 3)
                oldFloor = std::min(oldFloor, point.depth);
            if (newest.timeMs - point.timeMs <= span / 3)
                newFloor = std::min(newFloor, point.depth);
        }
        sample.queueFloorRise = newFloor - oldFloor;
    }
    return sample;
}

} // namespace rl
