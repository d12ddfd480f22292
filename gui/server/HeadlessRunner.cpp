#include "gui/server/HeadlessRunner.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstring>

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QScopeGuard>
#include <QSocketNotifier>
#include <QTextStream>
#include <QTime>
#include <QTimer>

#include "gui/host/EngineHost.h"
#include "gui/server/ApiService.h"

namespace rl {

Q_LOGGING_CATEGORY(lcHeadless, "rlstudio.headless", QtInfoMsg)

namespace {

// SIGHUP too: a closed terminal or a supervisor's reload ends the server cleanly, not by the default action.
constexpr std::array<int, 3> kStopSignals{SIGINT, SIGTERM, SIGHUP};
constexpr double kHeadlessSnapshotsPerSecond = 5.0;

// The self-pipe: the handler writes the signal number to [0], the event loop reads it from [1].
std::array<int, 2> g_signalPipe{-1, -1};
std::array<struct sigaction, kStopSignals.size()> g_previousActions{};
struct sigaction g_previousPipeAction {};

// Async-signal-safe: one write and nothing else.
void writeSignal(int signal)
{
    const int savedErrno = errno;
    const char byte = static_cast<char>(signal);
    [[maybe_unused]] const ssize_t written = ::write(g_signalPipe[0], &byte, 1);
    errno = savedErrno;
}

} // namespace

HeadlessRunner::HeadlessRunner(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    // Only /health and the status line read snapshots here; no window repaints from them.
    m_options.engine.snapshotsPerSecond = std::min(m_options.engine.snapshotsPerSecond, kHeadlessSnapshotsPerSecond);
}

HeadlessRunner::~HeadlessRunner()
{
    restoreSignalHandlers();
}

int HeadlessRunner::run(QTextStream &out, QTextStream &err)
{
    // Log lines carry the time, like the status lines, unless the user chose a pattern.
    if (!qEnvironmentVariableIsSet("QT_MESSAGE_PATTERN"))
        qSetMessagePattern(QStringLiteral("%{time HH:mm:ss}  %{if-category}%{category}: %{endif}%{message}"));
    // Before anything starts: a SIGTERM during start-up still shuts down cleanly (the journal is closed).
    if (!installSignalHandlers(err))
        return 1;
    // Declared first, destroyed last: the API's threads use the host until they are stopped.
    EngineHost host(m_options.engine, m_options.alerts);
    m_host = &host;
    const auto forget = qScopeGuard([this] { m_host = nullptr; });
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
    const int code = QCoreApplication::exec();
    restoreSignalHandlers();
    return code;
}

bool HeadlessRunner::installSignalHandlers(QTextStream &err)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, g_signalPipe.data()) != 0) {
        err << tr("rlstudio: cannot create the signal socket pair: %1")
                   .arg(QString::fromLocal8Bit(std::strerror(errno)))
            << Qt::endl;
        return false;
    }
    // A handler must never block, even if signals pile up faster than the loop reads them.
    ::fcntl(g_signalPipe[0], F_SETFL, ::fcntl(g_signalPipe[0], F_GETFL) | O_NONBLOCK);
    m_signalNotifier = new QSocketNotifier(g_signalPipe[1], QSocketNotifier::Read, this);
    connect(m_signalNotifier, &QSocketNotifier::activated, this, &HeadlessRunner::onSignal);

    struct sigaction action {};
    action.sa_handler = writeSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (std::size_t i = 0; i < kStopSignals.size(); ++i)
        ::sigaction(kStopSignals[i], &action, &g_previousActions[i]);
    // Standard output may be a pipe whose reader has gone (`rlstudio --headless | head -1`): a status line
    // must then fail to be written, not kill the server.
    struct sigaction ignore {};
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    ::sigaction(SIGPIPE, &ignore, &g_previousPipeAction);
    m_handlersInstalled = true;
    return true;
}

void HeadlessRunner::restoreSignalHandlers()
{
    if (!m_handlersInstalled)
        return;
    for (std::size_t i = 0; i < kStopSignals.size(); ++i)
        ::sigaction(kStopSignals[i], &g_previousActions[i], nullptr);
    ::sigaction(SIGPIPE, &g_previousPipeAction, nullptr);
    delete m_signalNotifier;
    m_signalNotifier = nullptr;
    for (int &fd : g_signalPipe) {
        ::close(fd);
        fd = -1;
    }
    m_handlersInstalled = false;
}

void HeadlessRunner::onSignal()
{
    char byte = 0;
    if (::read(g_signalPipe[1], &byte, 1) != 1)
        return;
    const QString name = byte == SIGINT   ? QStringLiteral("SIGINT")
                         : byte == SIGHUP ? QStringLiteral("SIGHUP")
                                          : QStringLiteral("SIGTERM");
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
