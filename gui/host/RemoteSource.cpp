#include "gui/host/RemoteSource.h"

#include <cmath>

#include <nlohmann/json.hpp>

#include <QDateTime>

#include "gui/host/LoggingCategories.h"

namespace rl {

namespace {

std::optional<std::int64_t> isoMs(const nlohmann::json &json, const char *key)
{
    if (const auto at = json.find(key); at != json.end() && at->is_string()) {
        const QDateTime time = QDateTime::fromString(QString::fromStdString(at->get<std::string>()), Qt::ISODateWithMs);
        if (time.isValid())
            return time.toMSecsSinceEpoch();
    }
    return std::nullopt;
}

// The remote's journal as its /health says (null: it keeps nothing on disk), so the window does not call a
// journaled instance ephemeral.
std::optional<JournalHealth> journalOf(const nlohmann::json &json)
{
    const auto found = json.find("journal");
    if (found == json.end() || !found->is_object())
        return std::nullopt;
    JournalHealth journal;
    journal.directory = found->value("directory", std::string());
    journal.sync = found->value("sync", std::string());
    journal.restoring = found->value("restoring", false);
    journal.bytes = found->value("bytes", std::uint64_t(0));
    journal.queuedRows = found->value("queued_rows", std::uint64_t(0));
    journal.decisionLogRows = found->value("decision_log_rows", std::uint64_t(0));
    journal.lastCheckpointMs = isoMs(*found, "last_checkpoint");
    journal.restored = found->value("restored", std::string());
    journal.lastError = found->value("last_error", std::string());
    if (const auto totals = found->find("totals"); totals != found->end() && totals->is_object()) {
        journal.totals.accepted = totals->value("accepted", std::uint64_t(0));
        journal.totals.processed = totals->value("processed", std::uint64_t(0));
        journal.totals.failed = totals->value("failed", std::uint64_t(0));
        journal.totals.dropped = totals->value("dropped", std::uint64_t(0));
        journal.totals.purged = totals->value("purged", std::uint64_t(0));
        journal.totals.queued = totals->value("queued", std::uint64_t(0));
    }
    return journal;
}

HealthState healthOf(const nlohmann::json &json)
{
    HealthState health;
    health.rlFeedbackEnabled = json.value("rl_feedback_enabled", false);
    health.trajectoryEvaluationEnabled = json.value("trajectory_evaluation_enabled", false);
    health.routerRegistered = json.value("router_registered", false);
    health.loopRunning = json.value("loop_running", false);
    health.queueDepth = json.value("queue_depth", std::size_t(0));
    health.queueCapacity = json.value("queue_capacity", std::size_t(0));
    health.batchSize = json.value("batch_size", std::size_t(0));
    health.intervalSeconds = json.value("interval_seconds", 0.0);
    health.policy = json.value("policy", std::string());
    health.lastTickMs = isoMs(json, "last_tick");
    if (const auto totals = json.find("totals"); totals != json.end() && totals->is_object()) {
        health.totals.routed = totals->value("routed", std::uint64_t(0));
        health.totals.emitted = totals->value("emitted", std::uint64_t(0));
        health.totals.processed = totals->value("processed", std::uint64_t(0));
        health.totals.failed = totals->value("failed", std::uint64_t(0));
        health.totals.dropped = totals->value("dropped", std::uint64_t(0));
        health.totals.purged = totals->value("purged", std::uint64_t(0));
        health.totals.evicted = totals->value("evicted", std::uint64_t(0));
    }
    health.journal = journalOf(json);
    return health;
}

} // namespace

RemoteSource::RemoteSource(Options options, QObject *parent)
    : SnapshotSource(parent)
    , m_client(options.url, options.token, this)
    , m_rules(options.url, this)
    , m_alerts(options.url.toDisplayString(), this)
{
    m_rules.setTimeoutMs(static_cast<int>(std::max(options.pollSeconds, 5.0) * 1000.0));
    m_rules.setBearerToken(options.token);
    m_poll.setInterval(static_cast<int>(options.pollSeconds * 1000.0));
    connect(&m_poll, &QTimer::timeout, this, &RemoteSource::poll);
    m_connected.start();
    m_poll.start();
    QTimer::singleShot(0, this, &RemoteSource::poll);
}

SnapshotSource::Capabilities RemoteSource::capabilities() const
{
    return Capabilities::remote();
}

void RemoteSource::poll()
{
    if (m_pollsOut > 0)
        return; // the previous poll is still out: no pile-up on a slow server
    m_pollsOut = 2;
    m_health.clear();
    m_metrics.clear();
    const auto collect = [this](QByteArray &into) {
        return [this, &into](int status, const QByteArray &body) {
            if (status == 200)
                into = body;
            else if (m_reachable != false) { // said once, not every poll
                m_reachable = false;
                Q_EMIT connectionChanged(false, m_client.failureText(status, body));
            }
            if (--m_pollsOut == 0 && !m_health.isEmpty() && !m_metrics.isEmpty())
                publish();
        };
    };
    m_client.get(QStringLiteral("/health"), collect(m_health));
    m_client.get(QStringLiteral("/metrics"), collect(m_metrics));
    pollRules();
}

void RemoteSource::pollRules()
{
    if (m_rulesOut)
        return;
    m_rulesOut = true;
    m_rules.rules([this](const PromResult<std::vector<PromRule>> &answer) {
        m_rulesOut = false;
        if (answer.ok())
            m_alerts.update(answer.data, static_cast<double>(QDateTime::currentMSecsSinceEpoch()) / 1000.0);
        else if (answer.httpStatus == 404) // a service of the API without alert rules (the original's)
            m_alerts.setUnavailable(tr("%1 serves no alert states (no /api/v1/rules)").arg(remoteUrl()));
        else
            m_alerts.setUnavailable(tr("%1/api/v1/rules: %2").arg(remoteUrl(), answer.error));
    });
}

void RemoteSource::publish()
{
    EngineSnapshot snapshot;
    try {
        snapshot.health = healthOf(nlohmann::json::parse(m_health.toStdString()));
    } catch (const nlohmann::json::exception &error) {
        // Not rlstudio's /health (another service, a proxy's error page): said once, the last snapshot kept.
        if (m_reachable != false) {
            m_reachable = false;
            Q_EMIT connectionChanged(
                false,
                tr("%1/health is not the health document: %2").arg(remoteUrl(), QString::fromUtf8(error.what())));
        }
        return;
    }
    if (m_reachable != true) {
        m_reachable = true;
        Q_EMIT connectionChanged(true, {});
    }
    snapshot.wallTimeMs = std::max<std::int64_t>(QDateTime::currentMSecsSinceEpoch(), m_latest.wallTimeMs);
    snapshot.uptimeSeconds = static_cast<double>(m_connected.elapsed()) / 1000.0;
    snapshot.queueCapacity = snapshot.health.queueCapacity;
    snapshot.lastProcess.enabled = snapshot.health.rlFeedbackEnabled;
    snapshot.lastProcess.batchSize = snapshot.health.batchSize;
    snapshot.lastProcess.queueDepth = snapshot.health.queueDepth;
    MetricSums sums = MetricSums::fromExposition(m_metrics);
    sums.fill(snapshot, m_previousSums);
    m_previousSums = std::move(sums);
    if (m_drain.active) {
        m_drain.remaining = snapshot.health.queueDepth;
        m_drain.processed = snapshot.health.totals.processed - m_drainStartProcessed;
        m_drain.failed = snapshot.health.totals.failed - m_drainStartFailed;
    }
    snapshot.drain = m_drain;
    m_latest = std::move(snapshot);
    Q_EMIT snapshotReady(m_latest);
}

ControlClient::Done RemoteSource::reported()
{
    return [this](bool ok, const QString &message, const nlohmann::json &) {
        if (!ok) {
            Q_EMIT commandFailed(message);
            return;
        }
        Q_EMIT commandDone(message);
        poll();
    };
}

void RemoteSource::processOnce()
{
    m_client.processOnce(reported());
}

void RemoteSource::drain()
{
    if (m_drain.active)
        return;
    m_drain = DrainProgress{};
    m_drain.started = m_drain.active = true;
    m_drain.startDepth = m_drain.remaining = m_latest.health.queueDepth;
    m_drainStartProcessed = m_latest.health.totals.processed;
    m_drainStartFailed = m_latest.health.totals.failed;
    // The polls show the progress meanwhile.
    m_client.drain([this](bool ok, const QString &message, const nlohmann::json &result) {
        m_drain.active = false;
        if (ok) {
            try {
                m_drain.processed = result.value("processed", std::uint64_t(0));
                m_drain.failed = result.value("failed", std::uint64_t(0));
                m_drain.remaining = result.value("remaining", std::size_t(0));
                m_drain.cancelled = result.value("cancelled", false);
            } catch (const nlohmann::json::exception &) {
                m_drain.remaining = m_latest.health.queueDepth; // its figures unreadable: what the polls saw
            }
            Q_EMIT commandDone(message);
        } else {
            // Stopped, not finished: a gradual recovery must not go on to its next step.
            m_drain.cancelled = true;
            m_drain.remaining = m_latest.health.queueDepth;
            Q_EMIT commandFailed(message);
        }
        m_latest.drain = m_drain;
        Q_EMIT drainFinished(m_drain);
    });
}

void RemoteSource::cancelDrain()
{
    unsupported(tr("cancelling a drain"));
}

void RemoteSource::purgeSeen(const EngineSnapshot &seen)
{
    // The depth the operator confirmed: the server takes at most that many of the oldest, never newer ones.
    m_client.purge(seen.health.queueDepth, reported());
}

void RemoteSource::putConfig(const char *key, const nlohmann::json &value)
{
    m_client.putConfig({{key, value}}, reported());
}

void RemoteSource::setBatchSize(int batchSize)
{
    putConfig("batch_size", batchSize);
}

void RemoteSource::setIntervalSeconds(double seconds)
{
    putConfig("interval_seconds", seconds);
}

void RemoteSource::setQueueCapacity(std::size_t capacity)
{
    putConfig("queue_capacity", capacity);
}

void RemoteSource::setLoopEnabled(bool enabled)
{
    putConfig("loop_enabled", enabled);
}

void RemoteSource::setEvaluationEnabled(bool enabled)
{
    putConfig("evaluation_enabled", enabled);
}

void RemoteSource::setPolicy(const QString &name)
{
    putConfig("policy", name.toStdString());
}

void RemoteSource::resetPolicy()
{
    m_client.resetPolicy(reported());
}

void RemoteSource::unsupported(const QString &what)
{
    Q_EMIT commandFailed(tr("%1 does not offer %2 over its API").arg(remoteUrl(), what));
}

void RemoteSource::setEmissionRate(double)
{
    unsupported(tr("the simulator"));
}

void RemoteSource::setSimulatorEnabled(bool)
{
    unsupported(tr("the simulator"));
}

void RemoteSource::driftSimulator()
{
    unsupported(tr("the simulator"));
}

void RemoteSource::startLoop()
{
    unsupported(tr("restarting the loop"));
}

void RemoteSource::stopLoop()
{
    unsupported(tr("restarting the loop"));
}

} // namespace rl
