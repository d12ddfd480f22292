#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <QMetaType>

#include "core/loop/FeedbackProcessor.h"
#include "core/loop/Health.h"
#include "core/sim/WorkloadSimulator.h"

namespace rl {

// One catalogue model as the comparison sees it.
struct ModelView {
    std::string name;
    std::uint64_t picks = 0;      // selections since the comparison (re)started
    double estimatedReward = 0.0; // the live policy's estimate, averaged over recent simulated contexts
    double trueReward = 0.0;      // the hidden truth over the same contexts (simulation only)
};

// One queued item, for the runbook's queue inspection.
struct QueueItemView {
    std::string trajectoryId;
    std::string modelId;
    double overallScore = 0.0;
    bool success = false;
    std::int64_t timestampMs = 0;

    friend bool operator==(const QueueItemView &, const QueueItemView &) = default;
};

// The runbook's force drain: while active, its progress; afterwards its outcome, until the next one starts.
struct DrainProgress {
    bool started = false; // a drain has run (a default value means none yet)
    bool active = false;
    bool cancelled = false;
    std::uint64_t processed = 0, failed = 0, batches = 0;
    std::size_t startDepth = 0, remaining = 0;
};

// What the engine looks like at one moment; the worker sends copies to the UI thread, which never reads
// the engine itself. A plain value: later views add fields, not behaviour.
struct EngineSnapshot {
    HealthState health;
    // False where only the metrics are known (a Prometheus source): the loop's settings, flags, policy, queue
    // capacity and ticks in `health` are not, and are shown as unknown rather than as their zero values.
    bool settingsKnown = true;
    SimulatorStats simulator;
    bool simulatorEnabled = false;
    double emissionRate = 0.0;  // simulator items per minute
    ProcessSummary lastProcess; // the latest tick or one-shot
    // When taken, ms since the epoch: the wall clock, except that it never goes back (it runs on steadily
    // when the system clock is set back), so rates and the alert rules' windows hold.
    std::int64_t wallTimeMs = 0;
    double uptimeSeconds = 0.0; // since the engine started (a remote one: since the window reached it)
    // The totals are comparable only between snapshots of one epoch: a sum over instances starts a new one
    // when an instance comes or goes, so its jump is not read as traffic.
    std::uint64_t seriesEpoch = 0;

    std::vector<double>
        batchLatenciesMs; // every processed batch's latency since the previous snapshot (cap 4096, newest kept)
    std::uint64_t failedMissingHistory = 0, failedInvalid = 0, failedException = 0; // totals by reason
    std::vector<ModelView> models; // one per catalogue model, in catalogue order
    double liveRegret = 0.0;       // cumulative regret of the live policy since the comparison (re)started
    double baselineRegret = 0.0; // the same for the original `seed` policy run as a shadow on the same simulated stream
    std::uint64_t comparisonRequests = 0; // requests since the comparison (re)started
    std::vector<QueueItemView> queueHead; // the first 20 items, oldest first (copies; cheap)
    std::size_t queueCapacity = 0;
    std::uint64_t queuePushedTotal = 0; // items ever queued, read before the depth: marks what a purge may take
    DrainProgress drain;
};

} // namespace rl

Q_DECLARE_METATYPE(rl::EngineSnapshot)
Q_DECLARE_METATYPE(rl::DrainProgress)
