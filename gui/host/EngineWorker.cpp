#include "gui/host/EngineWorker.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <exception>

#include <QDateTime>
#include <QLocale>
#include <QTimer>

#include <nlohmann/json.hpp>

#include "core/feedback/FailureReason.h"
#include "core/journal/Journal.h"
#include "core/loop/FeedbackProcessor.h"
#include "core/loop/TrajectoryEvaluator.h"
#include "core/metrics/Metrics.h"
#include "core/routing/ModelRouter.h"
#include "core/sim/WorkloadSimulator.h"
#include "core/support/NumberFormat.h"
#include "gui/host/EngineJournal.h"

namespace rl {

// Info by default: each tick logs at debug, which QT_LOGGING_RULES="rlstudio.engine.debug=true" turns on.
Q_LOGGING_CATEGORY(lcEngine, "rlstudio.engine", QtInfoMsg)

namespace {

constexpr int kSimulatorPeriodMs = 100;
constexpr qint64 kIdleSnapshotPeriodMs = 1000; // an idle engine still refreshes its clock once a second
constexpr int kMaxEmitRequests = 1000000;
constexpr std::size_t kDrainBatch = 1000; // as the runbook's force drain
// A drain slice ends after this much work, so the worker's other events wait at most about this long.
constexpr qint64 kDrainSliceMs = 8;
constexpr std::size_t kMaxLatencies = 4096; // per snapshot, newest kept: a stalled receiver costs no memory
constexpr std::size_t kQueueHeadItems = 20;
constexpr qint64 kEventLogPeriodMs = 1000; // failures and drops are summed up at most once a second
// The policy's state is saved this often while it learns: a restart relearns at most this much from the log.
constexpr int kCheckpointPeriodMs = 5000;

const char *syncName(SyncMode mode)
{
    switch (mode) {
    case SyncMode::Full:
        return "full";
    case SyncMode::Normal:
        return "normal";
    case SyncMode::Off:
        break;
    }
    return "off";
}

int intervalMs(double seconds)
{
    return static_cast<int>(std::llround(seconds * 1000.0));
}

} // namespace

EngineWorker::EngineWorker(EngineOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_metrics(std::make_unique<Metrics>(m_options.loop.labels))
{
}

EngineWorker::~EngineWorker()
{
    m_readyRouter.store(nullptr, std::memory_order_release);
    closeJournal();
}

void EngineWorker::openJournal()
{
    JournalOptions options = *m_options.journal;
    const RouterConfig router;
    options.historyCapacity = m_options.historyCapacity.value_or(router.historyCapacity); // restore as the router keeps
    options.historyMaxAge = router.historyMaxAge;
    m_journalHealth.directory = options.directory;
    m_journalHealth.sync = syncName(options.sync);
    qCInfo(lcEngine).noquote() << tr("journal: %1 (sync %2)")
                                      .arg(QString::fromStdString(options.directory),
                                           QString::fromUtf8(m_journalHealth.sync.c_str()));
    RestoredJournal restored;
    try {
        m_journal = Journal::open(options, restored);
        m_journalRecorder = std::make_unique<EngineJournal>(*m_journal, m_events);
        // Hook first, so items the restored queue cannot hold are recorded as dropped.
        m_router->setHook(m_journalRecorder.get());
        m_router->setFeedbackLog(m_journalRecorder.get());
        m_journalHealth.restored = EngineJournal::restore(restored, *m_router, *m_metrics, m_options.loop.labels);
    } catch (const std::exception &error) {
        m_router->setFeedbackLog(nullptr);
        m_router->setHook(&m_events);
        m_journalRecorder.reset();
        m_journal.reset();
        throw std::runtime_error("cannot use the journal in " + options.directory + ": " + error.what());
    }
    qCInfo(lcEngine).noquote() << tr("journal: %1").arg(QString::fromStdString(m_journalHealth.restored));
    m_checkpointTimer = new QTimer(this);
    m_checkpointTimer->setInterval(kCheckpointPeriodMs);
    connect(m_checkpointTimer, &QTimer::timeout, this, [this] {
        if (m_journalRecorder->checkpointDue())
            checkpoint();
    });
    m_checkpointTimer->start();
}

void EngineWorker::checkpoint()
{
    if (m_journalRecorder && m_router)
        m_journalRecorder->checkpoint(*m_router);
}

// Everything appended is committed and queued, the policy saved, then the journal closed; what the router
// does after that is not recorded (it is being destroyed).
void EngineWorker::closeJournal()
{
    if (!m_journal)
        return;
    m_journal->flush();
    if (m_journalRecorder->checkpointDue())
        checkpoint();
    m_router->setFeedbackLog(nullptr);
    m_router->setHook(&m_events);
    m_journal.reset();
    m_journalRecorder.reset();
}

void EngineWorker::start()
{
    m_uptime.start();
    m_wallOriginMs = QDateTime::currentMSecsSinceEpoch();
    m_processor = std::make_unique<FeedbackProcessor>(*m_metrics);
    m_processor->setEnabled(m_options.loop.loopEnabled);
    try {
        RouterConfig routerConfig;
        routerConfig.policy = m_options.policy;
        if (m_options.seed)
            routerConfig.policyConfig.seed = *m_options.seed;
        routerConfig.queueCapacity = m_options.queueCapacity.value_or(routerConfig.queueCapacity);
        routerConfig.historyCapacity = m_options.historyCapacity.value_or(routerConfig.historyCapacity);
        m_router = std::make_unique<ModelRouter>(m_options.catalogue.value_or(ModelCatalogue::defaults()), *m_metrics,
                                                 routerConfig);
        m_router->setHook(&m_events);
        if (m_options.journal)
            openJournal();
        m_evaluator = std::make_unique<TrajectoryEvaluator>(*m_metrics, m_router.get());
        SimulatorConfig simulatorConfig;
        if (m_options.seed)
            simulatorConfig.seed = *m_options.seed;
        simulatorConfig.itemsPerMinute = m_options.emissionRate;
        m_simulator = std::make_unique<WorkloadSimulator>(*m_router, *m_evaluator, simulatorConfig);
    } catch (const std::exception &error) {
        // Start-up validation should have caught this. Without a router the engine still reports its state,
        // and every command that needs one says so.
        m_simulator.reset();
        m_evaluator.reset();
        m_router.reset();
        const QString message = tr("cannot start the engine: %1").arg(QString::fromStdString(error.what()));
        reject("engine", message);
        Q_EMIT fatalError(message);
    }
    if (!m_evaluator)
        m_evaluator = std::make_unique<TrajectoryEvaluator>(*m_metrics, nullptr);
    m_evaluator->setEnabled(m_options.loop.evaluationEnabled);
    m_processor->setRouter(m_router.get());

    m_tickTimer = new QTimer(this);
    m_tickTimer->setTimerType(Qt::PreciseTimer);
    m_tickTimer->setInterval(intervalMs(m_options.loop.intervalSeconds));
    connect(m_tickTimer, &QTimer::timeout, this, &EngineWorker::tick);

    m_simulatorTimer = new QTimer(this);
    m_simulatorTimer->setInterval(kSimulatorPeriodMs);
    connect(m_simulatorTimer, &QTimer::timeout, this, &EngineWorker::advanceSimulator);

    m_snapshotTimer = new QTimer(this);
    m_snapshotTimer->setInterval(std::max(1, static_cast<int>(std::lround(1000.0 / m_options.snapshotsPerSecond))));
    connect(m_snapshotTimer, &QTimer::timeout, this, &EngineWorker::publishSnapshot);

    if (m_router && m_options.loop.loopEnabled)
        m_tickTimer->start();
    if (m_router && m_options.simulatorEnabled) {
        m_lastAdvanceNs = m_uptime.nsecsElapsed();
        m_simulatorTimer->start();
    }
    m_snapshotTimer->start();
    m_events.setOnQueued([this](std::size_t depth) {
        const std::size_t full = m_fullBatch.load(std::memory_order_relaxed);
        if (full != 0 && depth >= full && !m_wakePending.exchange(true))
            QMetaObject::invokeMethod(this, &EngineWorker::processFullBatches, Qt::QueuedConnection);
    });
    updateFullBatch();
    m_readyRouter.store(m_router.get(), std::memory_order_release);
    if (!m_router) { // said already, as a fatal error
        publishSnapshot();
        return;
    }
    if (const std::string restored = m_router->policyName(); restored != m_options.policy) {
        // The journal's checkpoint wins over the flag: what was learned is kept, and the operator is told.
        qCWarning(lcEngine).noquote() << tr("the journal holds what policy %1 learned; it is kept, not the %2 asked "
                                            "for (switch the policy to start afresh)")
                                             .arg(QString::fromStdString(restored),
                                                  QString::fromStdString(m_options.policy));
        m_options.policy = restored;
    }

    qCInfo(lcEngine).noquote() << tr("engine started: policy %1, batch size %2, interval %3 s, loop %4, "
                                     "evaluation %5, simulator %6 (%7 items/min)")
                                      .arg(QString::fromStdString(m_options.policy))
                                      .arg(m_options.loop.batchSize)
                                      .arg(m_options.loop.intervalSeconds)
                                      .arg(m_options.loop.loopEnabled ? tr("on") : tr("off"))
                                      .arg(m_options.loop.evaluationEnabled ? tr("on") : tr("off"))
                                      .arg(m_simulatorTimer->isActive() ? tr("on") : tr("off"))
                                      .arg(m_options.emissionRate);
    publishSnapshot();
}

ProcessSummary EngineWorker::processOnce()
{
    if (!engineReady(tr("process a batch")))
        return {};
    const ProcessSummary summary = runBatch();
    if (summary.status == ProcessStatus::Disabled) {
        // The original's process_once checks the flag too; an operator must learn why nothing happened.
        const QString why = tr("Process once did nothing: the feedback loop flag (ENABLE_TRAJECTORY_FEEDBACK_LOOP) is "
                               "off. Turn it on, or use Drain, which runs whatever the flag says.");
        qCWarning(lcEngine).noquote() << why;
        Q_EMIT commandFailed(why);
        return summary;
    }
    qCInfo(lcEngine).noquote() << tr("one-shot processing: %1, %2 processed, %3 failed, %4 remaining")
                                      .arg(QString::fromUtf8(toString(summary.status)))
                                      .arg(summary.processed)
                                      .arg(summary.failed)
                                      .arg(summary.queueDepth);
    return summary;
}

void EngineWorker::drain(std::uint64_t request, DrainWaiter done)
{
    if (!engineReady(tr("drain the queue"))) {
        if (done)
            done(m_drain);
        return;
    }
    if (done)
        m_drainWaiters.push_back(std::move(done));
    if (m_drain.active) {
        qCInfo(lcEngine).noquote() << tr("force drain already running: %1 remaining").arg(m_drain.remaining);
        return;
    }
    m_drainRequest = request;
    m_drain = DrainProgress{};
    m_drain.started = m_drain.active = true;
    m_drain.startDepth = m_drain.remaining = m_router->queue().size();
    m_drainClock.start();
    qCInfo(lcEngine).noquote() << tr("force drain started: %1 queued").arg(m_drain.startDepth);
    // Queued before anyone can learn of the drain, so a command sent in reaction to it comes after a slice.
    QMetaObject::invokeMethod(this, &EngineWorker::continueDrain, Qt::QueuedConnection);
    // Shown at once, so every drain appears in a snapshot as running even if it ends within one period.
    m_dirty = true;
    publishSnapshot();
}

void EngineWorker::continueDrain()
{
    QElapsedTimer slice;
    slice.start();
    while (!slice.hasExpired(kDrainSliceMs)) {
        if (m_drainsCancelledUpTo.load(std::memory_order_relaxed) >= m_drainRequest)
            return finishDrain(true);
        if (m_router->queue().size() == 0)
            return finishDrain(false);
        DrainSummary batch; // one batch: limit and batch size are equal
        try {
            batch = m_processor->drain(kDrainBatch, kDrainBatch);
        } catch (const std::exception &error) { // the router threw; the operator needs to see it
            const QString message = tr("force drain stopped: %1").arg(QString::fromStdString(error.what()));
            qCWarning(lcEngine).noquote() << message;
            Q_EMIT commandFailed(message);
            return finishDrain(false);
        }
        if (batch.batches > 0)
            recordLatency(batch.elapsedMs);
        m_drain.processed += batch.processed;
        m_drain.failed += batch.failed;
        m_drain.batches += batch.batches;
        m_drain.remaining = batch.queueDepth;
        m_dirty = true;
    }
    // Behind whatever was posted meanwhile: commands, snapshots and ticks run between slices.
    QMetaObject::invokeMethod(this, &EngineWorker::continueDrain, Qt::QueuedConnection);
}

void EngineWorker::finishDrain(bool cancelled)
{
    m_drain.active = false;
    m_drain.cancelled = cancelled;
    m_drain.remaining = m_router->queue().size();
    const QString outcome = tr("%1 processed, %2 failed in %3 batches, %4 remaining (%5 ms)")
                                .arg(m_drain.processed)
                                .arg(m_drain.failed)
                                .arg(m_drain.batches)
                                .arg(m_drain.remaining)
                                .arg(static_cast<double>(m_drainClock.nsecsElapsed()) / 1e6, 0, 'f', 1);
    qCInfo(lcEngine).noquote() << (cancelled ? tr("force drain cancelled: %1") : tr("force drain: %1")).arg(outcome);
    // The snapshot first, so a receiver of drainFinished already has it as the host's latest.
    m_dirty = true;
    publishSnapshot();
    Q_EMIT drainFinished(m_drain);
    for (const DrainWaiter &waiter : std::exchange(m_drainWaiters, {}))
        waiter(m_drain);
}

std::size_t EngineWorker::purge(PurgeLimit limit)
{
    if (!engineReady(tr("purge the queue")))
        return 0;
    const std::size_t discarded = m_processor->purge({}, limit);
    m_dirty = true;
    qCInfo(lcEngine).noquote()
        << tr("purged the queue: %1 items discarded, %2 remaining").arg(discarded).arg(m_router->queue().size());
    return discarded;
}

nlohmann::json EngineWorker::configJson() const
{
    return {{"loop_enabled", m_options.loop.loopEnabled},
            {"evaluation_enabled", m_options.loop.evaluationEnabled},
            {"batch_size", m_options.loop.batchSize},
            {"interval_seconds", m_options.loop.intervalSeconds},
            {"process_when_full", m_options.loop.processWhenFull},
            {"policy", m_router ? m_router->policyName() : m_options.policy},
            {"queue_capacity", m_router ? m_router->queue().capacity()
                                        : m_options.queueCapacity.value_or(FeedbackQueue::kDefaultCapacity)}};
}

void EngineWorker::setQueueCapacity(std::size_t capacity)
{
    if (capacity < 1 || capacity > FeedbackQueue::kMaxCapacity) {
        reject("queue_capacity", tr("%1 is not in 1..%2").arg(capacity).arg(FeedbackQueue::kMaxCapacity));
        return;
    }
    if (!engineReady(tr("change the queue capacity")))
        return;
    m_options.queueCapacity = capacity;
    const std::size_t dropped = m_router->setQueueCapacity(capacity);
    m_dirty = true;
    if (dropped)
        qCWarning(lcEngine).noquote()
            << tr("queue capacity set to %L1: the %L2 oldest queued items were dropped (counted as dropped)")
                   .arg(capacity)
                   .arg(dropped);
    else
        qCInfo(lcEngine).noquote() << tr("queue capacity set to %L1").arg(capacity);
}

void EngineWorker::setBatchSize(int batchSize)
{
    try {
        m_options.loop.batchSize = parseBatchSize("batch size", std::to_string(batchSize));
    } catch (const ConfigError &error) {
        reject("batch_size", QString::fromStdString(error.what()));
        return;
    }
    updateFullBatch();
    m_dirty = true;
    qCInfo(lcEngine).noquote() << tr("batch size set to %1").arg(batchSize);
}

void EngineWorker::setIntervalSeconds(double seconds)
{
    try {
        m_options.loop.intervalSeconds =
            parseIntervalSeconds("interval", formatNumber(seconds)); // round-trips: the parser judges the exact value
    } catch (const ConfigError &error) {
        reject("interval", QString::fromStdString(error.what()));
        return;
    }
    m_tickTimer->setInterval(intervalMs(seconds)); // restarts a running timer, so the new period applies now
    m_dirty = true;
    qCInfo(lcEngine).noquote() << tr("loop interval set to %1 s").arg(seconds);
}

void EngineWorker::setLoopEnabled(bool enabled)
{
    m_processor->setEnabled(enabled);
    m_options.loop.loopEnabled = enabled;
    updateFullBatch();
    if (enabled && m_router)
        m_tickTimer->start();
    else
        m_tickTimer->stop();
    m_dirty = true;
    qCInfo(lcEngine).noquote() << (enabled ? tr("feedback loop enabled") : tr("feedback loop disabled"));
}

void EngineWorker::setEvaluationEnabled(bool enabled)
{
    m_evaluator->setEnabled(enabled);
    m_options.loop.evaluationEnabled = enabled;
    m_dirty = true;
    qCInfo(lcEngine).noquote() << (enabled ? tr("trajectory evaluation enabled")
                                           : tr("trajectory evaluation disabled"));
}

void EngineWorker::setPolicy(const QString &name)
{
    if (!engineReady(tr("change the policy")))
        return;
    try {
        m_router->setPolicy(name.toStdString());
    } catch (const std::exception &error) {
        reject("policy", QString::fromStdString(error.what()));
        return;
    }
    m_simulator->restartComparison();
    checkpoint(); // the journal's state is now this fresh policy: nothing learned before applies
    m_options.policy = name.toStdString();
    m_dirty = true;
    qCInfo(lcEngine).noquote() << tr("policy set to %1, learning from scratch").arg(name);
}

void EngineWorker::resetPolicy()
{
    if (!engineReady(tr("reset the policy")))
        return;
    m_router->resetPolicy();
    m_simulator->restartComparison();
    checkpoint();
    m_dirty = true;
    qCInfo(lcEngine).noquote() << tr("policy %1 reset").arg(QString::fromStdString(m_router->policyName()));
}

void EngineWorker::setEmissionRate(double itemsPerMinute)
{
    if (!engineReady(tr("change the emission rate")))
        return;
    if (!std::isfinite(itemsPerMinute) || itemsPerMinute < 0.0 || itemsPerMinute > EngineOptions::kMaxEmissionRate) {
        reject("emission_rate", tr("emission rate %1 is not a number of items per minute in 0..%2")
                                    .arg(itemsPerMinute)
                                    .arg(EngineOptions::kMaxEmissionRate));
        return;
    }
    m_simulator->setRate(itemsPerMinute);
    m_options.emissionRate = itemsPerMinute;
    m_dirty = true;
    qCInfo(lcEngine).noquote() << tr("emission rate set to %1 items/min").arg(itemsPerMinute);
}

void EngineWorker::driftSimulator()
{
    if (!engineReady(tr("change the simulated models")))
        return;
    m_simulator->drift();
    m_dirty = true;
    qCInfo(lcEngine).noquote() << tr("simulator: the models' hidden rewards changed (drift)");
}

void EngineWorker::setSimulatorEnabled(bool enabled)
{
    if (!engineReady(tr("switch the simulator")))
        return;
    if (enabled && !m_simulatorTimer->isActive()) {
        m_lastAdvanceNs = m_uptime.nsecsElapsed(); // no burst for the time it was off
        m_simulatorTimer->start();
    } else if (!enabled) {
        m_simulatorTimer->stop();
    }
    m_options.simulatorEnabled = enabled;
    m_dirty = true;
    qCInfo(lcEngine).noquote() << (enabled ? tr("simulator started") : tr("simulator stopped"));
}

void EngineWorker::startLoop()
{
    if (!engineReady(tr("start the loop")))
        return;
    if (!m_processor->enabled()) {
        reject("loop_disabled", tr("cannot start the loop: the feedback loop is disabled "
                                   "(ENABLE_TRAJECTORY_FEEDBACK_LOOP); enable it first"));
        return;
    }
    m_tickTimer->start();
    m_dirty = true;
    qCInfo(lcEngine).noquote() << tr("feedback loop started (router and learned state kept)");
}

void EngineWorker::stopLoop()
{
    m_tickTimer->stop();
    m_dirty = true;
    qCInfo(lcEngine).noquote() << tr("feedback loop stopped");
}

void EngineWorker::emitRequests(int count)
{
    if (!engineReady(tr("emit requests")))
        return;
    if (count < 1 || count > kMaxEmitRequests) {
        reject("emit_count",
               tr("cannot emit %1 requests: the count must be in 1..%2").arg(count).arg(kMaxEmitRequests));
        return;
    }
    const std::size_t emitted = m_simulator->emit(static_cast<std::size_t>(count));
    m_dirty = true;
    qCInfo(lcEngine).noquote() << tr("emitted %1 simulated requests").arg(emitted);
}

void EngineWorker::updateFullBatch()
{
    const bool on = m_router && m_options.loop.processWhenFull && m_options.loop.loopEnabled;
    m_fullBatch.store(on ? m_options.loop.batchSize : 0, std::memory_order_relaxed);
}

void EngineWorker::processFullBatches()
{
    m_wakePending.store(false);
    QElapsedTimer slice;
    slice.start();
    while (m_fullBatch.load(std::memory_order_relaxed) != 0 && !m_drain.active
           && m_router->queue().size() >= m_options.loop.batchSize) {
        if (slice.hasExpired(kDrainSliceMs)) { // still full: after what was posted meanwhile
            if (!m_wakePending.exchange(true))
                QMetaObject::invokeMethod(this, &EngineWorker::processFullBatches, Qt::QueuedConnection);
            return;
        }
        runBatch();
    }
}

void EngineWorker::setProcessWhenFull(bool enabled)
{
    m_options.loop.processWhenFull = enabled;
    updateFullBatch();
    m_dirty = true;
    qCInfo(lcEngine).noquote() << (enabled ? tr("a full batch is processed at once") : tr("batches wait for the tick"));
}

void EngineWorker::tick()
{
    const ProcessSummary summary = runBatch();
    qCDebug(lcEngine).noquote() << QStringLiteral("tick: %1, %2 processed, %3 failed, %4 queued, %5 ms")
                                       .arg(QString::fromUtf8(toString(summary.status)))
                                       .arg(summary.processed)
                                       .arg(summary.failed)
                                       .arg(summary.queueDepth)
                                       .arg(summary.latencyMs, 0, 'f', 3);
}

ProcessSummary EngineWorker::runBatch()
{
    m_lastProcess = m_processor->processOnce(m_options.loop.batchSize);
    m_lastTickMs = QDateTime::currentMSecsSinceEpoch();
    m_dirty = true;
    if (m_lastProcess.status == ProcessStatus::Success) // the other statuses ran no batch
        recordLatency(m_lastProcess.latencyMs);
    if (m_lastProcess.status == ProcessStatus::Error)
        qCWarning(lcEngine).noquote()
            << tr("feedback batch failed: %1").arg(QString::fromStdString(m_lastProcess.error));
    return m_lastProcess;
}

void EngineWorker::advanceSimulator()
{
    const qint64 now = m_uptime.nsecsElapsed();
    const double seconds = static_cast<double>(now - m_lastAdvanceNs) / 1e9;
    m_lastAdvanceNs = now;
    if (m_simulator->advance(seconds) > 0)
        m_dirty = true;
}

void EngineWorker::publishSnapshot()
{
    const qint64 now = m_uptime.elapsed();
    if (!m_dirty && now - m_lastSnapshotMs < kIdleSnapshotPeriodMs)
        return;
    m_dirty = false;
    m_lastSnapshotMs = now;
    // The processor sets the gauge on each tick; between ticks the simulator keeps filling the queue.
    if (m_router)
        m_metrics->setQueueDepth(m_options.loop.labels, static_cast<double>(m_router->queue().size()));
    if (now - m_lastEventLogMs >= kEventLogPeriodMs) {
        logEvents(static_cast<double>(now - m_lastEventLogMs) / 1000.0);
        m_lastEventLogMs = now;
    }
    Q_EMIT snapshotReady(takeSnapshot());
}

void EngineWorker::logEvents(double seconds)
{
    const EngineEventDigest::Digest digest = m_events.take();
    // "<what>: <count>; the last: <message>", or empty when nothing failed for this reason.
    const auto summary = [&digest](FailureReason reason, const QString &what) {
        const EngineEventDigest::Failures &f = digest.failures[static_cast<std::size_t>(reason)];
        return f.count == 0
                   ? QString()
                   : tr("%1: %L2; the last: %3").arg(what).arg(f.count).arg(QString::fromStdString(f.lastMessage));
    };
    if (const QString line = summary(FailureReason::Exception, tr("exceptions while learning from feedback"));
        !line.isEmpty())
        qCWarning(lcEngine).noquote() << line;
    if (const QString line = summary(FailureReason::Invalid, tr("invalid feedback items")); !line.isEmpty())
        qCWarning(lcEngine).noquote() << line;
    if (const QString line = summary(FailureReason::MissingHistory, tr("feedback matching no routing decision"));
        !line.isEmpty())
        qCInfo(lcEngine).noquote() << line;
    if (digest.dropped > 0 && m_router)
        qCWarning(lcEngine).noquote() << tr("dropped %Ln feedback item(s) in the last %1 s: the queue is full "
                                            "(capacity %L2)",
                                            nullptr, static_cast<int>(std::min<std::uint64_t>(digest.dropped, INT_MAX)))
                                             .arg(QLocale().toString(seconds, 'f', 1))
                                             .arg(m_router->queue().capacity());
}

void EngineWorker::recordLatency(double ms)
{
    if (m_batchLatenciesMs.size() == kMaxLatencies)
        m_batchLatenciesMs.erase(m_batchLatenciesMs.begin());
    m_batchLatenciesMs.push_back(ms);
}

void EngineWorker::refreshQueueHead()
{
    const FeedbackQueue &queue = m_router->queue();
    // Read before peeking: a push in between only makes the next snapshot copy again.
    const std::pair key{queue.pushedTotal(), queue.size()};
    if (key == m_queueHeadKey)
        return;
    m_queueHeadKey = key;
    m_queueHead.clear();
    for (const TrajectoryFeedback &item : queue.peek(kQueueHeadItems))
        m_queueHead.push_back({item.trajectoryId, item.modelId, item.overallScore, item.success, item.timestampMs});
}

EngineSnapshot EngineWorker::takeSnapshot()
{
    const MetricLabels &labels = m_options.loop.labels;
    EngineSnapshot snapshot;
    HealthState &health = snapshot.health;
    health.rlFeedbackEnabled = m_processor->enabled();
    health.trajectoryEvaluationEnabled = m_evaluator->enabled();
    health.routerRegistered = m_processor->router() != nullptr;
    health.loopRunning = m_tickTimer->isActive();
    const FeedbackQueue::Count counted = m_router ? m_router->queue().count() : FeedbackQueue::Count{};
    snapshot.queuePushedTotal = counted.pushedTotal; // the purge mark of the depth shown
    health.queueDepth = counted.size;
    health.queueCapacity = m_router ? m_router->queue().capacity() : 0;
    health.lastTickMs = m_lastTickMs;
    health.batchSize = m_options.loop.batchSize;
    health.intervalSeconds = m_options.loop.intervalSeconds;
    health.policy = m_router ? m_router->policyName() : m_options.policy;
    health.totals.routed = m_router ? m_router->routedTotal() : 0;
    if (m_journal) {
        const JournalStatus status = m_journal->status();
        m_journalHealth.bytes = status.databaseBytes + status.walBytes;
        m_journalHealth.queuedRows = status.queuedRows;
        m_journalHealth.decisionLogRows = status.decisionRows;
        if (status.lastCheckpointTimeMs > 0)
            m_journalHealth.lastCheckpointMs = status.lastCheckpointTimeMs;
        m_journalHealth.lastError = status.lastError;
        const JournalTotals &totals = status.totals;
        m_journalHealth.totals = {totals.accepted, totals.processed, totals.failed,
                                  totals.dropped,  totals.purged,    totals.queued};
        health.journal = m_journalHealth;
    }
    health.totals.evicted = m_router ? m_router->evictedTotal() : 0;
    const MetricTotals totals = m_metrics->totals(labels);
    health.totals.emitted = totals.emitted;
    health.totals.processed = totals.processed;
    health.totals.failed = totals.failed();
    health.totals.dropped = totals.dropped;
    health.totals.purged = totals.purged;
    snapshot.failedMissingHistory = totals.failedFor(FailureReason::MissingHistory);
    snapshot.failedInvalid = totals.failedFor(FailureReason::Invalid);
    snapshot.failedException = totals.failedFor(FailureReason::Exception);

    if (m_router) {
        const SimulatorStats &stats = m_simulator->stats();
        snapshot.simulator = stats;
        snapshot.liveRegret = stats.cumulativeRegret;
        snapshot.baselineRegret = stats.baselineRegret;
        snapshot.comparisonRequests = stats.requests;
        // 20-40 µs for 500 contexts x 4 models (Release, 2 busy cores): cheap enough for every snapshot.
        const std::vector<ArmRewards> rewards = m_simulator->recentRewards();
        snapshot.models.reserve(rewards.size());
        for (std::size_t arm = 0; arm < rewards.size(); ++arm)
            snapshot.models.push_back(
                {m_router->catalogue().at(arm).id, stats.picks[arm], rewards[arm].estimated, rewards[arm].truth});
        refreshQueueHead();
        snapshot.queueHead = m_queueHead;
        snapshot.queueCapacity = m_router->queue().capacity();
    }
    snapshot.batchLatenciesMs = std::move(m_batchLatenciesMs);
    m_batchLatenciesMs.clear(); // moved-from: valid but unspecified
    snapshot.drain = m_drain;
    snapshot.simulatorEnabled = m_options.simulatorEnabled; // the switch: its timer is off while the engine cannot run
    snapshot.emissionRate = m_options.emissionRate;
    snapshot.lastProcess = m_lastProcess;
    // Steady, but following the wall clock forward (a suspend stops the monotonic clock): never back.
    const qint64 elapsed = m_uptime.elapsed();
    m_wallOriginMs = std::max(m_wallOriginMs, QDateTime::currentMSecsSinceEpoch() - elapsed);
    snapshot.wallTimeMs = m_wallOriginMs + elapsed;
    snapshot.uptimeSeconds = static_cast<double>(m_uptime.nsecsElapsed()) / 1e9;
    return snapshot;
}

bool EngineWorker::engineReady(const QString &action)
{
    if (m_router) // and so the simulator: start() makes both or neither
        return true;
    reject("no_router", tr("cannot %1: the engine has no router").arg(action));
    return false;
}

void EngineWorker::reject(std::string_view reason, const QString &message)
{
    m_metrics->addRejected("operator", reason);
    qCWarning(lcEngine).noquote() << message;
    Q_EMIT commandFailed(message);
}

} // namespace rl
