#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QObject>
#include <QString>

#include <nlohmann/json_fwd.hpp>

#include "core/loop/Health.h"
#include "gui/host/EngineEventDigest.h"
#include "gui/host/EngineOptions.h"
#include "gui/host/EngineSnapshot.h"

class QTimer;

namespace rl {

class EngineJournal;
class Journal;
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
    // Thread-safe: a number for the next drain request, in the order callers asked.
    std::uint64_t nextDrainRequest() { return m_drainRequests.fetch_add(1, std::memory_order_relaxed) + 1; }
    // Thread-safe: the router once the engine is ready to route (nullptr before and if it failed to start),
    // for producers on other threads (the HTTP server), which call only its thread-safe functions.
    ModelRouter *readyRouter() const { return m_readyRouter.load(std::memory_order_acquire); }

    using DrainWaiter = std::function<void(const DrainProgress &)>;
    // The loop's settings as PUT /v1/config and GET /v1/config show them.
    nlohmann::json configJson() const;

public Q_SLOTS:
    void start(); // builds the engine and its timers; call once, after the worker's thread has started

    ProcessSummary processOnce(); // the runbook's one-shot: one batch now, as an operator
    // The runbook's force drain: batches of 1,000 until it sees the queue empty (items emitted meanwhile
    // count too) or it is cancelled. It runs in slices and re-posts itself, so commands, ticks and snapshots
    // interleave; `request` is from nextDrainRequest() (see cancelDrains). While a drain runs, another
    // request joins it. `done`, if given, is called with the outcome when it ends.
    void drain(std::uint64_t request, DrainWaiter done = {});
    // The runbook's emergency purge: the oldest items the limit allows (all by default); returns how many.
    std::size_t purge(PurgeLimit limit = {});
    void setBatchSize(int batchSize);
    void setIntervalSeconds(double seconds);
    // Shrinking below the depth drops the oldest items, counted and journaled as dropped, and logged.
    void setQueueCapacity(std::size_t capacity);
    void setLoopEnabled(bool enabled); // the ENABLE_TRAJECTORY_FEEDBACK_LOOP flag: ticks start or stop
    void setProcessWhenFull(bool enabled);
    void setEvaluationEnabled(bool enabled);
    void setPolicy(const QString &name);
    void resetPolicy();
    void setEmissionRate(double itemsPerMinute);
    void setSimulatorEnabled(bool enabled);
    void driftSimulator();
    void startLoop(); // restarts the ticks and keeps the router and what it learned
    void stopLoop();
    void emitRequests(int count); // simulated requests now, whether or not the simulator runs

Q_SIGNALS:
    void snapshotReady(const rl::EngineSnapshot &snapshot);
    // The engine cannot run as asked (e.g. its journal cannot be opened): headless mode stops with this.
    void fatalError(const QString &message);
    void commandFailed(const QString &message);
    void drainFinished(const rl::DrainProgress &outcome); // after the snapshot that shows it

private:
    // Opens the journal and rebuilds the router from it; throws std::runtime_error naming the folder.
    void openJournal();
    void checkpoint();
    void closeJournal();
    // Runs batches while a full one is queued (LoopConfig::processWhenFull), in slices like a drain.
    void processFullBatches();
    void updateFullBatch(); // after the loop flag, the batch size or processWhenFull changed
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
    EngineEventDigest m_events;         // declared before the router, which reports to it, so it outlives it
    std::unique_ptr<Journal> m_journal; // before the router: see ~EngineWorker for the order
    std::unique_ptr<EngineJournal> m_journalRecorder; // the router's hook and feedback log when journaling
    JournalHealth m_journalHealth;
    QTimer *m_checkpointTimer = nullptr;
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
    std::vector<DrainWaiter> m_drainWaiters;
    std::atomic<std::uint64_t> m_drainRequests{0};
    std::atomic<ModelRouter *> m_readyRouter{nullptr};
    // Read by producers' threads: the batch size that wakes the loop (0: only the tick does), and whether a
    // wake is already posted, so a burst of items posts one.
    std::atomic<std::size_t> m_fullBatch{0};
    std::atomic<bool> m_wakePending{false};
    QElapsedTimer m_drainClock;
    std::atomic<std::uint64_t> m_drainsCancelledUpTo{0};
};

} // namespace rl
