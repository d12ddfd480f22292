#pragma once

#include <cstdint>

#include <QMetaType>

#include "core/FeedbackProcessor.h"
#include "core/Health.h"
#include "core/WorkloadSimulator.h"

namespace rl {

// What the engine looks like at one moment; the worker sends copies to the UI thread, which never reads
// the engine itself. A plain value: later views add fields, not behaviour.
struct EngineSnapshot {
    HealthState health;
    SimulatorStats simulator;
    bool simulatorEnabled = false;
    double emissionRate = 0.0;      // simulator items per minute
    ProcessSummary lastProcess;     // the latest tick or one-shot
    std::int64_t wallTimeMs = 0;    // when taken, ms since the epoch
    double uptimeSeconds = 0.0;     // since the engine started
};

} // namespace rl

Q_DECLARE_METATYPE(rl::EngineSnapshot)
