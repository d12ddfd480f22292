#pragma once

#include <memory>
#include <string_view>

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QObject>
#include <QString>

#include "gui/EngineOptions.h"
#include "gui/EngineSnapshot.h"

class QTimer;

namespace rl {

class Metrics;
class ModelRouter;
class TrajectoryEvaluator;
class WorkloadSimulator;

Q_DECLARE_LOGGING_CATEGORY(lcEngine)

// The engine's home on its own thread: owns the core objects and drives them with timers. Its slots are
// called only through queued invocations (EngineHost), so every core call happens on this one thread and
// the UI thread never waits on an engine lock. State leaves only as EngineSnapshot copies.
class EngineWorker : public QObject {
    Q_OBJECT

public:
    explicit EngineWorker(EngineOptions options, QObject *parent = nullptr);
    ~EngineWorker() override;

    // Created with the worker, so the host can serve /metrics from the first moment; thread-safe.
    Metrics &metrics() const { return *m_metrics; }

public Q_SLOTS:
    void start(); // builds the engine and its timers; call once, after the worker's thread has started

    void processOnce(); // the runbook's one-shot: one batch now, as an operator
    void drain();       // the runbook's force drain, batches of 1,000
    void purge();       // the runbook's emergency purge
    void setBatchSize(int batchSize);
    void setIntervalSeconds(double seconds);
    void setLoopEnabled(bool enabled); // the ENABLE_TRAJECTORY_FEEDBACK_LOOP flag: ticks start or stop
    void setEvaluationEnabled(bool enabled);
    void setPolicy(const QString &name);
    void resetPolicy();
    void setEmissionRate(double itemsPerMinute);
    void setSimulatorEnabled(bool enabled);
    void startLoop(); // restarts the ticks and keeps the router and what it learned
    void stopLoop();
    void emitRequests(int count); // simulated requests now, whether or not the simulator runs

Q_SIGNALS:
    void snapshotReady(const rl::EngineSnapshot &snapshot);
    void commandFailed(const QString &message);

private:
    void tick();
    void advanceSimulator();
    void publishSnapshot();
    ProcessSummary runBatch();
    EngineSnapshot makeSnapshot() const;
    bool engineReady(const QString &action);
    void reject(std::string_view reason, const QString &message);

    EngineOptions m_options;
    std::unique_ptr<Metrics> m_metrics;
    // Declared so that they are destroyed in reverse: the simulator uses the evaluator and the router.
    std::unique_ptr<ModelRouter> m_router;
    std::unique_ptr<FeedbackProcessor> m_processor;
    std::unique_ptr<TrajectoryEvaluator> m_evaluator;
    std::unique_ptr<WorkloadSimulator> m_simulator;

    QTimer *m_tickTimer = nullptr;
    QTimer *m_simulatorTimer = nullptr;
    QTimer *m_snapshotTimer = nullptr;
    QElapsedTimer m_uptime;
    qint64 m_lastAdvanceNs = 0;
    qint64 m_lastSnapshotMs = 0;
    bool m_dirty = true; // something changed since the last snapshot
    ProcessSummary m_lastProcess;
    std::optional<std::int64_t> m_lastTickMs;
};

} // namespace rl
