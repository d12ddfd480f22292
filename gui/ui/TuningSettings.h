#pragma once

#include <QCoreApplication>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QVariant>

#include "gui/host/AlertMonitor.h"
#include "gui/host/EngineOptions.h"
#include "gui/host/EngineSnapshot.h"

namespace rl {

// The engine settings the window keeps between runs (QSettings, group "tuning"): batch size, interval,
// emission rate, policy, the three switches and the alerts' time scale. A flag or an environment variable
// that sets one wins over the saved value, and the window says so; the value it set is not saved over the
// operator's unless the operator changes it in the window.
class TuningSettings {
    Q_DECLARE_TR_FUNCTIONS(TuningSettings)

public:
    enum class Key { BatchSize, Interval, EmissionRate, Policy, Evaluation, Loop, Simulator, TimeScale };

    struct Override {
        QString source; // how it was set, e.g. "--batch-size 5000" or "RL_FEEDBACK_BATCH_SIZE=5000"
        QVariant value; // the value it set, as save() compares it
    };
    using Overrides = QMap<Key, Override>;

    // The saved values not overridden go into the options; returns a line for each override that differs
    // from a saved value ("--batch-size 5000 is used instead of the saved 25").
    static QStringList apply(EngineOptions &engine, AlertMonitor::Options &alerts, const Overrides &overrides);
    // Saves what the engine runs now; a value as its override set it keeps the saved one.
    static void save(const EngineSnapshot &snapshot, double timeScale, const Overrides &overrides);
    static void clear(); // Restore defaults: nothing saved any more

    // The value of a key in a snapshot (the time scale is the alert monitor's), or in start-up options.
    static QVariant current(Key key, const EngineSnapshot &snapshot, double timeScale);
    static QVariant valueIn(Key key, const EngineOptions &engine, const AlertMonitor::Options &alerts);
};

} // namespace rl
