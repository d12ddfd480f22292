#pragma once

#include <QObject>
#include <QString>
#include <QThread>

#include "gui/EngineOptions.h"
#include "gui/EngineSnapshot.h"

namespace rl {

class EngineWorker;
class Metrics;

// The UI thread's handle on the engine: starts the worker thread, forwards commands as queued
// invocations (never waiting on the worker), and caches the latest snapshot it received, so readers on
// this thread (the window, /health) get the engine's state without touching a lock.
class EngineHost : public QObject {
    Q_OBJECT

public:
    explicit EngineHost(EngineOptions options, QObject *parent = nullptr);
    ~EngineHost() override; // stops the thread; the engine is destroyed on it

    Metrics &metrics() const { return m_metrics; } // thread-safe; valid for the host's lifetime
    const EngineSnapshot &latestSnapshot() const { return m_latest; }

    void processOnce();
    void drain();
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

private:
    template<typename Command>
    void post(Command &&command);
    void receive(const EngineSnapshot &snapshot);

    QThread m_thread;
    EngineWorker *m_worker; // lives on m_thread; deleted there when it finishes
    Metrics &m_metrics;
    EngineSnapshot m_latest;
};

} // namespace rl
