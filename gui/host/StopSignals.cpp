#include "gui/host/StopSignals.h"

#include <array>
#include <cerrno>
#include <csignal>
#include <cstring>

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <QSocketNotifier>

namespace rl {

namespace {

// SIGHUP too: a closed terminal or a supervisor's reload ends the application cleanly.
constexpr std::array<int, 3> kStopSignals{SIGINT, SIGTERM, SIGHUP};

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

StopSignals::StopSignals(QObject *parent)
    : QObject(parent)
{
}

StopSignals::~StopSignals()
{
    restore();
}

bool StopSignals::install()
{
    if (m_installed)
        return true;
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, g_signalPipe.data()) != 0) {
        m_error = tr("cannot create the signal socket pair: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    // A handler must never block, even if signals pile up faster than the loop reads them.
    ::fcntl(g_signalPipe[0], F_SETFL, ::fcntl(g_signalPipe[0], F_GETFL) | O_NONBLOCK);
    m_notifier = new QSocketNotifier(g_signalPipe[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &StopSignals::onReadable);

    struct sigaction action {};
    action.sa_handler = writeSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (std::size_t i = 0; i < kStopSignals.size(); ++i)
        ::sigaction(kStopSignals[i], &action, &g_previousActions[i]);
    struct sigaction ignore {};
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    ::sigaction(SIGPIPE, &ignore, &g_previousPipeAction);
    m_installed = true;
    return true;
}

void StopSignals::restore()
{
    if (!m_installed)
        return;
    for (std::size_t i = 0; i < kStopSignals.size(); ++i)
        ::sigaction(kStopSignals[i], &g_previousActions[i], nullptr);
    ::sigaction(SIGPIPE, &g_previousPipeAction, nullptr);
    delete m_notifier;
    m_notifier = nullptr;
    for (int &fd : g_signalPipe) {
        ::close(fd);
        fd = -1;
    }
    m_installed = false;
}

void StopSignals::onReadable()
{
    char byte = 0;
    if (::read(g_signalPipe[1], &byte, 1) != 1)
        return;
    Q_EMIT received(byte == SIGINT   ? QStringLiteral("SIGINT")
                    : byte == SIGHUP ? QStringLiteral("SIGHUP")
                                     : QStringLiteral("SIGTERM"));
}

} // namespace rl
