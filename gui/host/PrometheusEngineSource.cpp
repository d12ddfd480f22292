#include "gui/host/PrometheusEngineSource.h"

#include <algorithm>
#include <cmath>

#include <QDateTime>

namespace rl {

namespace {

double nowSeconds()
{
    return static_cast<double>(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
}

// An instance as the operator knows it from the table: its address, and the tenant and workspace when it
// reports several (as the original service can).
QString nameOf(const FleetInstance &row, const std::vector<FleetInstance> &all)
{
    const bool shared = std::count_if(all.begin(), all.end(),
                                      [&](const FleetInstance &other) { return other.instance == row.instance; })
                        > 1;
    if (!shared)
        return row.instance;
    return QStringLiteral("%1 (%2/%3)").arg(row.instance, row.tenant, row.workspace);
}

QString namesOf(const std::vector<FleetInstance> &rows)
{
    QStringList names;
    for (const FleetInstance &row : rows)
        names << nameOf(row, rows);
    return names.join(QStringLiteral(", "));
}

} // namespace

PrometheusEngineSource::PrometheusEngineSource(Options options, QObject *parent)
    : SnapshotSource(parent)
    , m_query(options.selector)
    , m_instances(options.instances)
    , m_instanceNames(namesOf(options.instances))
    // Short, for the title and the status bar; the alerts panel names the Prometheus server.
    , m_name(options.instances.size() <= 2
                 ? tr("%1 via Prometheus").arg(m_instanceNames)
                 : tr("%n instance(s) via Prometheus", nullptr, static_cast<int>(options.instances.size())))
    , m_client(options.prometheus, this)
    , m_alerts(tr("Prometheus at %1").arg(options.prometheus.toDisplayString()), this)
{
    m_alerts.setFilter([rows = options.instances](const PromLabels &labels) {
        return std::any_of(rows.begin(), rows.end(),
                           [&](const FleetInstance &row) { return FleetQuery::concerns(labels, row); });
    });
    // Prometheus may evaluate rules of everything it scrapes: those about rlstudio's metrics are shown.
    m_alerts.setRuleFilter([](const PromRule &rule) { return FleetQuery::readsOurMetrics(rule.query); });
    m_latest.settingsKnown = false;
    m_client.setTimeoutMs(static_cast<int>(std::max(options.refreshSeconds, 2.0) * 1000.0));
    m_refresh.setInterval(static_cast<int>(options.refreshSeconds * 1000.0));
    connect(&m_refresh, &QTimer::timeout, this, &PrometheusEngineSource::refresh);
    m_opened.start();
    m_refresh.start();
    QTimer::singleShot(0, this, &PrometheusEngineSource::refresh);
}

SnapshotSource::Capabilities PrometheusEngineSource::capabilities() const
{
    Capabilities capabilities = Capabilities::remote();
    capabilities.control = false; // the metrics only
    return capabilities;
}

void PrometheusEngineSource::refresh()
{
    const double at = nowSeconds();
    if (!m_queryOut) {
        m_queryOut = true;
        m_client.query(
            m_query.totalsExpression(m_instances), at, [this](const PromResult<std::vector<PromSample>> &answer) {
                m_queryOut = false;
                if (!answer.ok()) {
                    setReachable(false,
                                 tr("Prometheus at %1: %2").arg(m_client.baseUrl().toDisplayString(), answer.error));
                    return;
                }
                publish(MetricSums::fromSamples(answer.data));
            });
    }
    if (!m_rulesOut) {
        m_rulesOut = true;
        m_client.rules([this](const PromResult<std::vector<PromRule>> &answer) {
            m_rulesOut = false;
            if (answer.ok())
                m_alerts.update(answer.data, nowSeconds());
            else
                m_alerts.setUnavailable(answer.error);
        });
    }
}

void PrometheusEngineSource::publish(const MetricSums &sums)
{
    // A failed scrape leaves Prometheus without current series for the instance (they go stale): the last
    // figures stay, and the status says why; summed with others, the sums leave it out, and say so.
    const QString &instances = m_instanceNames;
    const bool down = sums.byName.count("up") && sums("up") == 0.0;
    if (!sums.byName.count("members")) {
        setReachable(false, down ? tr("%1 is down: Prometheus's last scrape failed").arg(instances)
                                 : tr("Prometheus has no current rlstudio series for %1").arg(instances));
        return;
    }
    if (down)
        setReachable(
            false, tr("one of %1 is down: Prometheus's last scrape failed, and the sums leave it out").arg(instances));
    else
        setReachable(true, {});
    // Each scrape once, at its time: a refresh between two scrapes has nothing new, and rates between
    // refreshes would swing between nothing and twice the truth.
    const auto scrapedMs = static_cast<std::int64_t>(std::llround(sums("scraped") * 1000.0));
    if (scrapedMs <= m_latest.wallTimeMs)
        return;
    // An instance that came or went moves the sums by its whole count: not traffic, a new epoch.
    const bool sameMembers = m_previous && (*m_previous)("members") == sums("members");
    EngineSnapshot snapshot;
    snapshot.settingsKnown = false;
    snapshot.wallTimeMs = scrapedMs;
    snapshot.uptimeSeconds = static_cast<double>(m_opened.elapsed()) / 1000.0;
    snapshot.seriesEpoch = m_latest.seriesEpoch + (m_previous && !sameMembers ? 1 : 0);
    snapshot.health.queueDepth = static_cast<std::size_t>(std::max(0.0, sums("rl_feedback_queue_depth")));
    snapshot.health.totals = sums.totals();
    snapshot.lastProcess.queueDepth = snapshot.health.queueDepth;
    sums.fill(snapshot, sameMembers ? m_previous : std::nullopt);
    m_previous = sums;
    m_latest = std::move(snapshot);
    Q_EMIT snapshotReady(m_latest);
}

void PrometheusEngineSource::setReachable(bool reachable, const QString &message)
{
    if (m_reachable == reachable && m_reason == message)
        return; // said once, not every refresh
    m_reachable = reachable;
    m_reason = message;
    Q_EMIT connectionChanged(reachable, message);
}

void PrometheusEngineSource::readOnly()
{
    Q_EMIT commandFailed(tr("%1 is read-only: Prometheus has the metrics, not the control API. Operate the "
                            "instances from the fleet view's Operate menu.")
                             .arg(m_name));
}

} // namespace rl
