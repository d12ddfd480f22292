#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <vector>

#include <QtGlobal>

#include "gui/host/EngineSnapshot.h"

namespace rl {

// What the charts, tiles and checklist show at one moment, derived from the snapshot stream.
struct LiveSample {
    qint64 timeMs = 0; // wall clock, ms since the epoch
    double queueDepth = 0.0;
    double processedPerSecond = 0.0; // over the rate window
    double failedPerSecond = 0.0;
    double emittedPerSecond = 0.0;
    double droppedPerSecond = 0.0;          // items a full queue dropped, over the rate window
    double rollingWindowSeconds = 0.0;      // how much history the rolling figures below cover (up to 60 s)
    double rollingAttemptedPerSecond = 0.0; // processed + failed, over the rolling window
    double rollingEmittedPerSecond = 0.0;
    std::optional<double>
        successRate; // processed / (processed + failed) over the rolling window; none without attempts
    std::optional<double> latencyP50Ms; // batches of the rolling window
    std::optional<double> latencyP95Ms;
    std::optional<double> latencyMaxMs;
    // How much the queue's floor rose: the lowest depth in the newest third of the rolling window minus
    // the lowest in its oldest third. A loop that keeps up empties the queue every tick, so a saw-tooth
    // keeps its floor; a queue the loop falls behind raises it. Unset until the window spans 30 s.
    std::optional<double> queueFloorRise;
    std::uint64_t recentExceptions = 0; // failures with reason exception in the rolling window
    std::uint64_t recentDropped = 0;    // items a full queue dropped in the rolling window
};

// Turns cumulative totals into rates and batch latencies into percentiles, like the dashboard's
// rate(...[w]) and histogram_quantile, but over the exact values the worker reports. Rates span the rate
// window, or the last two snapshots where they are further apart (a remote source's scrapes). Totals that
// go back (a restart) or a new series epoch start the figures afresh. One owner (UI thread).
class LiveStats {
public:
    static constexpr double kRateWindowSeconds = 10.0;
    static constexpr double kRollingWindowSeconds = 60.0;

    void add(const EngineSnapshot &snapshot);
    LiveSample current() const { return m_current; }
    void clear();

private:
    struct Point {
        qint64 timeMs;
        std::uint64_t processed;
        std::uint64_t failed;
        std::uint64_t emitted;
        std::uint64_t exceptions;
        std::uint64_t dropped;
        double depth;
    };
    struct Latency {
        qint64 timeMs;
        double ms;
    };

    LiveSample compute(qint64 nowMs) const;
    const Point &oldestWithin(double seconds, qint64 nowMs) const;

    std::deque<Point> m_points;      // the rolling window, oldest first
    std::deque<Latency> m_latencies; // the rolling window's batches
    std::uint64_t m_epoch = 0;       // of the points
    LiveSample m_current;
};

} // namespace rl
