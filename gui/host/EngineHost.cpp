#include "gui/host/EngineHost.h"

#include <utility>

#include <QDateTime>

#include <nlohmann/json.hpp>

#include "gui/host/EngineWorker.h"

namespace rl {

namespace {

// What /health and the window show until the worker's first snapshot: the configuration, no router yet.
EngineSnapshot initialSnapshot(const EngineOptions &options)
{
    EngineSnapshot snapshot;
    snapshot.health.rlFeedbackEnabled = options.loop.loopEnabled;
    snapshot.health.trajectoryEvaluationEnabled = options.loop.evaluationEnabled;
    snapshot.health.batchSize = options.loop.batchSize;
    snapshot.health.intervalSeconds = options.loop.intervalSeconds;
    snapshot.health.policy = options.policy;
    snapshot.emissionRate = options.emissionRate;
    snapshot.simulatorEnabled = options.simulatorEnabled;
    if (options.journal) {
        JournalHealth journal;
        journal.directory = options.journal->directory;
        journal.restoring = true; // until the worker's first snapshot
        snapshot.health.journal = journal;
    }
    snapshot.wallTimeMs = QDateTime::currentMSecsSinceEpoch();
    return snapshot;
}

} // namespace

EngineHost::EngineHost(EngineOptions options, AlertMonitor::Options alerts, QObject *parent)
    : SnapshotSource(parent)
    , m_worker(new EngineWorker(options))
    , m_metrics(m_worker->metrics())
    , m_latest(initialSnapshot(options))
    , m_alerts(std::move(alerts))
{
    qRegisterMetaType<EngineSnapshot>();
    qRegisterMetaType<DrainProgress>();
    m_thread.setObjectName(QStringLiteral("rlstudio-engine"));
    m_worker->moveToThread(&m_thread);
    // finished is emitted on the worker thread, whose last act is to run this deferred delete.
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &EngineWorker::snapshotReady, this, &EngineHost::receive, Qt::QueuedConnection);
    connect(m_worker, &EngineWorker::commandFailed, this, &EngineHost::commandFailed, Qt::QueuedConnection);
    connect(m_worker, &EngineWorker::fatalError, this, &EngineHost::fatalError, Qt::QueuedConnection);
    connect(m_worker, &EngineWorker::drainFinished, this, &EngineHost::drainFinished, Qt::QueuedConnection);
    m_thread.start();
    post([worker = m_worker] { worker->start(); });
    publish();
}

EngineHost::~EngineHost()
{
    m_thread.quit();
    m_thread.wait();
}

template<typename Command>
void EngineHost::post(Command &&command)
{
    QMetaObject::invokeMethod(m_worker, std::forward<Command>(command), Qt::QueuedConnection);
}

void EngineHost::receive(const EngineSnapshot &snapshot)
{
    m_latest = snapshot;
    m_alerts.record(m_latest); // first, so a receiver of the snapshot sees the alerts evaluated on it
    publish();
    Q_EMIT snapshotReady(m_latest);
}

void EngineHost::publish()
{
    auto documents = std::make_shared<PublishedDocuments>();
    documents->health = m_latest.health.toJson().dump();
    documents->alerts = m_alerts.alertsDocument().dump();
    documents->rules = m_alerts.rulesDocument().dump();
    documents->recordRules = m_alerts.rulesDocument("record").dump();
    std::lock_guard lock(m_documentsMutex);
    m_documents = std::move(documents);
}

std::shared_ptr<const PublishedDocuments> EngineHost::documents() const
{
    std::lock_guard lock(m_documentsMutex);
    return m_documents;
}

ModelRouter *EngineHost::router() const
{
    return m_worker->readyRouter();
}

void EngineHost::submit(std::function<void(EngineWorker &)> command)
{
    post([worker = m_worker, command = std::move(command)] { command(*worker); });
}

void EngineHost::processOnce()
{
    post([worker = m_worker] { worker->processOnce(); });
}

void EngineHost::drain()
{
    m_drainRequest = m_worker->nextDrainRequest();
    post([worker = m_worker, request = m_drainRequest] { worker->drain(request); });
}

void EngineHost::cancelDrain()
{
    m_worker->cancelDrains(m_drainRequest); // the worker outlives this call: it is deleted when m_thread ends
}

void EngineHost::purge(std::uint64_t pushedThrough)
{
    post([worker = m_worker, pushedThrough] { worker->purge({.pushedThrough = pushedThrough}); });
}

void EngineHost::setBatchSize(int batchSize)
{
    post([worker = m_worker, batchSize] { worker->setBatchSize(batchSize); });
}

void EngineHost::setQueueCapacity(std::size_t capacity)
{
    post([worker = m_worker, capacity] { worker->setQueueCapacity(capacity); });
}

void EngineHost::setIntervalSeconds(double seconds)
{
    post([worker = m_worker, seconds] { worker->setIntervalSeconds(seconds); });
}

void EngineHost::setLoopEnabled(bool enabled)
{
    post([worker = m_worker, enabled] { worker->setLoopEnabled(enabled); });
}

void EngineHost::setEvaluationEnabled(bool enabled)
{
    post([worker = m_worker, enabled] { worker->setEvaluationEnabled(enabled); });
}

void EngineHost::setPolicy(const QString &name)
{
    post([worker = m_worker, name] { worker->setPolicy(name); });
}

void EngineHost::resetPolicy()
{
    post([worker = m_worker] { worker->resetPolicy(); });
}

void EngineHost::setEmissionRate(double itemsPerMinute)
{
    post([worker = m_worker, itemsPerMinute] { worker->setEmissionRate(itemsPerMinute); });
}

void EngineHost::setSimulatorEnabled(bool enabled)
{
    post([worker = m_worker, enabled] { worker->setSimulatorEnabled(enabled); });
}

void EngineHost::driftSimulator()
{
    post([worker = m_worker] { worker->driftSimulator(); });
}

void EngineHost::startLoop()
{
    post([worker = m_worker] { worker->startLoop(); });
}

void EngineHost::stopLoop()
{
    post([worker = m_worker] { worker->stopLoop(); });
}

void EngineHost::emitRequests(int count)
{
    post([worker = m_worker, count] { worker->emitRequests(count); });
}

} // namespace rl
