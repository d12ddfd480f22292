#include "gui/server/HeadlessRunner.h"

#include <algorithm>
#include <climits>

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QScopeGuard>
#include <QTextStream>
#include <QTime>
#include <QTimer>

#include "gui/host/EngineHost.h"
#include "gui/host/StopSignals.h"
#include "gui/server/ApiService.h"

namespace rl {

Q_LOGGING_CATEGORY(lcHeadless, "rlstudio.headless", QtInfoMsg)

namespace {

constexpr double kHeadlessSnapshotsPerSecond = 5.0;

} // namespace

HeadlessRunner::HeadlessRunner(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    // Only /health and the status line read snapshots here; no window repaints from them.
    m_options.engine.snapshotsPerSecond = std::min(m_options.engine.snapshotsPerSecond, kHeadlessSnapshotsPerSecond);
}

HeadlessRunner::~HeadlessRunner() = default;

int HeadlessRunner::run(QTextStream &out, QTextStream &err)
{
    // Log lines carry the time, like the status lines, unless the user chose a pattern.
    if (!qEnvironmentVariableIsSet("QT_MESSAGE_PATTERN"))
        qSetMessagePattern(QStringLiteral("%{time HH:mm:ss}  %{if-category}%{category}: %{endif}%{message}"));
    // Before anything starts: a SIGTERM during start-up still shuts down cleanly (the journal is closed).
    StopSignals stopSignals;
    if (!stopSignals.install()) {
        err << QStringLiteral("rlstudio: ") << stopSignals.errorString() << Qt::endl;
        return 1;
    }
    // Declared first, destroyed last: the API's threads use the host until they are stopped.
    EngineHost host(m_options.engine, m_options.alerts);
    m_host = &host;
    const auto forget = qScopeGuard([this] { m_host = nullptr; });
    connect(&stopSignals, &StopSignals::received, this, &HeadlessRunner::onSignal);
    connect(&host, &EngineHost::fatalError, this, [&err](const QString &message) {
        err << QStringLiteral("rlstudio: ") << message << Qt::endl;
        QCoreApplication::exit(1);
    });
    ApiService api(host, m_options.api);
    if (!api.listen()) {
        err << QStringLiteral("rlstudio: ") << api.errorString() << Qt::endl;
        return 1;
    }
    out << api.listeningLine() << Qt::endl;

    QTimer status;
    if (m_options.statusEverySeconds > 0.0) {
        connect(&status, &QTimer::timeout, this, [this, &out, &host] { printStatus(out, host); });
        status.start(static_cast<int>(m_options.statusEverySeconds * 1000.0));
    }
    return QCoreApplication::exec();
}

void HeadlessRunner::onSignal(const QString &name)
{
    // What becomes of the queue: kept in the journal for the next start, or lost with --ephemeral.
    const std::size_t queued = m_host ? m_host->latestSnapshot().health.queueDepth : 0;
    const int count = static_cast<int>(std::min<std::size_t>(queued, INT_MAX));
    qCInfo(lcHeadless).noquote() << (m_options.engine.journal
                                         ? tr("received %1, shutting down: %Ln queued item(s) stay in the journal",
                                              nullptr, count)
                                         : tr("received %1, shutting down: %Ln queued item(s) discarded (--ephemeral)",
                                              nullptr, count))
                                        .arg(name);
    QCoreApplication::exit(0);
}

void HeadlessRunner::printStatus(QTextStream &out, const EngineHost &host) const
{
    const EngineSnapshot &snapshot = host.latestSnapshot();
    const HealthState &health = snapshot.health;
    const std::uint64_t attempted = health.totals.processed + health.totals.failed;
    const QString success =
        attempted == 0
            ? QStringLiteral("-")
            : QString::number(100.0 * static_cast<double>(health.totals.processed) / static_cast<double>(attempted),
                              'f', 1);
    out << tr("%1  queue %2  processed %3  failed %4  emitted %5  success %6%  last batch %7 ms  policy %8  regret %9")
               .arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")))
               .arg(health.queueDepth)
               .arg(health.totals.processed)
               .arg(health.totals.failed)
               .arg(health.totals.emitted)
               .arg(success)
               .arg(snapshot.lastProcess.latencyMs, 0, 'f', 3)
               .arg(QString::fromStdString(health.policy))
               .arg(snapshot.simulator.cumulativeRegret, 0, 'f', 2)
        << Qt::endl;
}

} // namespace rl
