#pragma once

#include <cstddef>

#include <QObject>
#include <QString>

#include "gui/host/EngineSnapshot.h"

namespace rl {

class AlertSource;

// What the main window shows and operates, wherever the engine runs: in this process (EngineHost), in
// another rlstudio reached over its API (RemoteSource), or as Prometheus scraped it (PrometheusEngineSource). Snapshots
// arrive by signal on the window's thread; commands return at once and their outcome comes back as a snapshot,
// drainFinished or commandFailed. The window never knows which one it has, only what it can do (capabilities).
class SnapshotSource : public QObject {
    Q_OBJECT

public:
    struct Capabilities {
        bool control = true;         // commands at all (a Prometheus source only reads metrics)
        bool simulator = true;       // the simulated workload: its controls and the convergence comparison
        bool queueInspection = true; // the queue's first items
        bool cancelDrain = true;
        bool loopRestart = true;
        bool localSettings = true; // the window's saved tuning is this engine's (a remote one keeps its own)

        // An engine in another process: only what its control API offers, and its tuning its own.
        static Capabilities remote()
        {
            Capabilities capabilities;
            capabilities.simulator = capabilities.queueInspection = capabilities.cancelDrain = false;
            capabilities.loopRestart = capabilities.localSettings = false;
            return capabilities;
        }
    };

    using QObject::QObject;

    virtual Capabilities capabilities() const = 0;
    // Where the engine is, for the window's title and status bar; empty for this process.
    virtual QString remoteUrl() const { return {}; }
    virtual const EngineSnapshot &latestSnapshot() const = 0;
    // The alert rules' states: evaluated here on the snapshots, or as the source's own evaluator serves them.
    virtual AlertSource &alerts() = 0;

    virtual void processOnce() = 0;
    virtual void drain() = 0;
    virtual void cancelDrain() = 0;
    // Discards the queued items the operator saw in `seen`, never one that arrived after it was taken.
    virtual void purgeSeen(const EngineSnapshot &seen) = 0;
    virtual void setBatchSize(int batchSize) = 0;
    virtual void setIntervalSeconds(double seconds) = 0;
    virtual void setQueueCapacity(std::size_t capacity) = 0;
    virtual void setLoopEnabled(bool enabled) = 0;
    virtual void setEvaluationEnabled(bool enabled) = 0;
    virtual void setPolicy(const QString &name) = 0;
    virtual void resetPolicy() = 0;
    virtual void setEmissionRate(double itemsPerMinute) = 0;
    virtual void setSimulatorEnabled(bool enabled) = 0;
    // The simulated models' hidden rewards change now (WorkloadSimulator::drift).
    virtual void driftSimulator() = 0;
    virtual void startLoop() = 0;
    virtual void stopLoop() = 0;

Q_SIGNALS:
    void snapshotReady(const rl::EngineSnapshot &snapshot);
    void commandFailed(const QString &message);
    // A command's outcome worth the event log (a remote instance's answer); local ones show in snapshots.
    void commandDone(const QString &message);
    // A drain ended: emptied, cancelled or stopped by an error. latestSnapshot() already shows it.
    void drainFinished(const rl::DrainProgress &outcome);
    // A remote engine became reachable or not; message says why not. The embedded one never changes.
    void connectionChanged(bool reachable, const QString &message);
};

} // namespace rl
