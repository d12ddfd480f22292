#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QObject>
#include <QString>

#include "gui/host/EngineEventDigest.h"
#include "gui/host/EngineOptions.h"
#include "gui/host/EngineSnapshot.h"

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
    // Thread-safe, called directly by the host: cancels the drains it requested up to `request`, whether
    // running or still queued, at the next batch boundary. Never waits.
    void cancelDrains(std::uint64_t request) { m_drainsCancelledUpTo.store(request, std::memory_order_relaxed); }

public Q_SLOTS:
    void start(); // builds the engine and its timers; call once, after the worker's thread has started

    void processOnce(); // the runbook's one-shot: one batch now, as an operator
    // The runbook's force drain: batches of 1,000 until it sees the queue empty (items emitted meanwhile
    // count too) or it is cancelled. It runs in slices and re-posts itself, so commands, ticks and snapshots
    // interleave; `request` is the host's number for it (see cancelDrains). Ignored while a drain runs.
    void drain(std::uint64_t request);
    void purge(); // the runbook's emergency purge
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
    void drainFinished(const rl::DrainProgress &outcome); // after the snapshot that shows it

private:
    void tick();
    void advanceSimulator();
    void publishSnapshot();
    // What the router reported as going wrong in the last `seconds`, a line per kind.
    void logEvents(double seconds);
    ProcessSummary runBatch();
    void continueDrain();
    void finishDrain(bool cancelled);
    void recordLatency(double ms);
    EngineSnapshot takeSnapshot(); // takes the latencies recorded since the previous one
    void refreshQueueHead();
    bool engineReady(const QString &action);
    void reject(std::string_view reason, const QString &message);

    EngineOptions m_options;
    std::unique_ptr<Metrics> m_metrics;
    EngineEventDigest m_events; // declared before the router, which reports to it, so it outlives it
    // Declared so that they are destroyed in reverse: the simulator uses the evaluator and the router.
    std::unique_ptr<ModelRouter> m_router;
    std::unique_ptr<FeedbackProcessor> m_processor;
    std::unique_ptr<TrajectoryEvaluator> m_evaluator;
    std::unique_ptr<WorkloadSimulator> m_simulator;

    QTimer *m_tickTimer = nullptr;
    QTimer *m_simulatorTimer = nullptr;
    QTimer *m_snapshotTimer = nullptr;
    QElapsedTimer m_uptime;
    qint64 m_wallOriginMs = 0; // snapshots' time is this plus m_uptime: the wall clock, never going back
    qint64 m_lastAdvanceNs = 0;
    qint64 m_lastSnapshotMs = 0;
    qint64 m_lastEventLogMs = 0;
    bool m_dirty = true; // something changed since the last snapshot
    ProcessSummary m_lastProcess;
    std::optional<std::int64_t> m_lastTickMs;
    std::vector<double> m_batchLatenciesMs; // since the previous snapshot

    // The queue head is copied again only when the queue changed: pushes move pushedTotal, anything
    // else that changes the content moves size.
    std::vector<QueueItemView> m_queueHead;
    std::pair<std::uint64_t, std::size_t> m_queueHeadKey{0, 0};

    DrainProgress m_drain;
    std::uint64_t m_drainRequest = 0; // the running or latest drain's number
    QElapsedTimer m_drainClock;
    std::atomic<std::uint64_t> m_drainsCancelledUpTo{0};
};

} // namespace rl
