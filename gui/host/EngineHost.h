#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>

#include <QObject>
#include <QString>
#include <QThread>

#include "gui/host/AlertMonitor.h"
#include "gui/host/EngineOptions.h"
#include "gui/host/EngineSnapshot.h"
#include "gui/host/PublishedDocuments.h"
#include "gui/host/SnapshotSource.h"

namespace rl {

class EngineWorker;
class Metrics;
class ModelRouter;

// The UI thread's handle on the engine in this process: starts the worker thread, forwards commands as queued
// invocations (never waiting on the worker), and caches the latest snapshot it received, so readers on
// this thread (the window, /health) get the engine's state without touching a lock. Its alert monitor
// evaluates the alert rules on every snapshot, in the window and headless alike.
class EngineHost : public SnapshotSource {
    Q_OBJECT

public:
    explicit EngineHost(EngineOptions options, AlertMonitor::Options alerts = {}, QObject *parent = nullptr);
    ~EngineHost() override; // stops the thread; the engine is destroyed on it

    Metrics &metrics() const { return m_metrics; } // thread-safe; valid for the host's lifetime
    Capabilities capabilities() const override { return {}; }
    const EngineSnapshot &latestSnapshot() const override { return m_latest; }
    AlertMonitor &alerts() override { return m_alerts; }

    // For other threads (the HTTP server's), all thread-safe. The router once the engine is ready
    // (nullptr before), valid until the host is destroyed: stop those threads first.
    ModelRouter *router() const;
    // The latest documents, rendered after each snapshot.
    std::shared_ptr<const PublishedDocuments> documents() const;
    // Runs command on the worker thread, after what was posted before; it may answer its caller from there.
    void submit(std::function<void(EngineWorker &)> command);

    void processOnce() override;
    // The runbook's force drain, batches of 1,000 until the worker sees the queue empty: items emitted
    // meanwhile count too. Snapshots show its progress in `drain` (at least one shows it running),
    // drainFinished its outcome. Ignored while one runs.
    void drain() override;
    // Stops the running drain, or one requested and not yet started, at its next batch boundary. Takes
    // effect without waiting for the worker: a flag the worker reads between batches.
    void cancelDrain() override;
    // Discards the queued items an operator saw: those of the first pushedThrough pushes still queued
    // (EngineSnapshot::queuePushedTotal), never one that arrived after; all of them by default.
    void purge(std::uint64_t pushedThrough = std::numeric_limits<std::uint64_t>::max());
    void purgeSeen(const EngineSnapshot &seen) override { purge(seen.queuePushedTotal); }
    void setBatchSize(int batchSize) override;
    void setIntervalSeconds(double seconds) override;
    void setQueueCapacity(std::size_t capacity) override; // see EngineWorker::setQueueCapacity
    void setLoopEnabled(bool enabled) override;
    void setEvaluationEnabled(bool enabled) override;
    void setPolicy(const QString &name) override;
    void resetPolicy() override;
    void setEmissionRate(double itemsPerMinute) override;
    void setSimulatorEnabled(bool enabled) override;
    void driftSimulator() override;
    void startLoop() override;
    void stopLoop() override;
    void emitRequests(int count);

Q_SIGNALS:
    // The engine could not start as asked (its journal cannot be opened); it runs without a router.
    void fatalError(const QString &message);

private:
    template<typename Command>
    void post(Command &&command);
    void receive(const EngineSnapshot &snapshot);
    void publish();

    QThread m_thread;
    EngineWorker *m_worker; // lives on m_thread; deleted there when it finishes
    Metrics &m_metrics;
    EngineSnapshot m_latest;
    AlertMonitor m_alerts;
    std::uint64_t m_drainRequest = 0;    // the latest drain asked for here, so a cancel applies to those before it
    mutable std::mutex m_documentsMutex; // held for a pointer copy only
    std::shared_ptr<const PublishedDocuments> m_documents;
};

} // namespace rl
