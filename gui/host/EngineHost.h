#pragma once

#include <cstdint>

#include <QObject>
#include <QString>
#include <QThread>

#include "gui/host/AlertMonitor.h"
#include "gui/host/EngineOptions.h"
#include "gui/host/EngineSnapshot.h"

namespace rl {

class EngineWorker;
class Metrics;

// The UI thread's handle on the engine: starts the worker thread, forwards commands as queued
// invocations (never waiting on the worker), and caches the latest snapshot it received, so readers on
// this thread (the window, /health) get the engine's state without touching a lock. Its alert monitor
// evaluates the alert rules on every snapshot, in the window and headless alike.
class EngineHost : public QObject {
    Q_OBJECT

public:
    explicit EngineHost(EngineOptions options, AlertMonitor::Options alerts = {}, QObject *parent = nullptr);
    ~EngineHost() override; // stops the thread; the engine is destroyed on it

    Metrics &metrics() const { return m_metrics; } // thread-safe; valid for the host's lifetime
    const EngineSnapshot &latestSnapshot() const { return m_latest; }
    AlertMonitor &alerts() { return m_alerts; }

    void processOnce();
    // The runbook's force drain, batches of 1,000 until the worker sees the queue empty: items emitted
    // meanwhile count too. Snapshots show its progress in `drain` (at least one shows it running),
    // drainFinished its outcome. Ignored while one runs.
    void drain();
    // Stops the running drain, or one requested and not yet started, at its next batch boundary. Takes
    // effect without waiting for the worker: a flag the worker reads between batches.
    void cancelDrain();
    void purge();
    void setBatchSize(int batchSize);
    void setIntervalSeconds(double seconds);
    void setLoopEnabled(bool enabled);
    void setEvaluationEnabled(bool enabled);
    void setPolicy(const QString &name);
    void resetPolicy();
    void setEmissionRate(double itemsPerMinute);
    void setSimulatorEnabled(bool enabled);
    void startLoop();
    void stopLoop();
    void emitRequests(int count);

Q_SIGNALS:
    void snapshotReady(const rl::EngineSnapshot &snapshot);
    void commandFailed(const QString &message);
    // A drain ended: emptied, cancelled or stopped by an error. latestSnapshot() already shows it.
    void drainFinished(const rl::DrainProgress &outcome);

private:
    template<typename Command>
    void post(Command &&command);
    void receive(const EngineSnapshot &snapshot);

    QThread m_thread;
    EngineWorker *m_worker; // lives on m_thread; deleted there when it finishes
    Metrics &m_metrics;
    EngineSnapshot m_latest;
    AlertMonitor m_alerts;
    std::uint64_t m_drainRequests = 0; // numbers the drains, so a cancel applies to those before it
};

} // namespace rl
