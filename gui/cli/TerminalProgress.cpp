#include "gui/cli/TerminalProgress.h"

#include <atomic>
#include <csignal>

#include <unistd.h>

#include <QLocale>
#include <QTextStream>

namespace rl {

namespace {

constexpr qint64 kRedrawMs = 100;

std::atomic<bool> g_cancelled{false}; // lock-free, so the handler may set it
struct sigaction g_previousInt {};
struct sigaction g_previousTerm {};

void cancel(int)
{
    g_cancelled.store(true);
}

} // namespace

TerminalProgress::TerminalProgress(QTextStream &err, QString what)
    : m_err(err)
    , m_what(std::move(what))
    , m_terminal(::isatty(STDERR_FILENO) == 1)
{
    g_cancelled.store(false);
    struct sigaction action {};
    action.sa_handler = cancel;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGINT, &action, &g_previousInt);
    ::sigaction(SIGTERM, &action, &g_previousTerm);
}

TerminalProgress::~TerminalProgress()
{
    ::sigaction(SIGINT, &g_previousInt, nullptr);
    ::sigaction(SIGTERM, &g_previousTerm, nullptr);
    if (m_drawn)
        m_err << "\r\033[K" << Qt::flush; // back to the start of the line, cleared
}

bool TerminalProgress::update(quint64 done, quint64 total)
{
    if (m_terminal && (!m_drawn || m_sinceDrawn.hasExpired(kRedrawMs))) {
        const QLocale locale;
        const double percent = total == 0 ? 100.0 : 100.0 * static_cast<double>(done) / static_cast<double>(total);
        m_err << "\r\033[K"
              << tr("%1: %2 % (%3 of %4), Ctrl+C cancels")
                     .arg(m_what, locale.toString(percent, 'f', 0), locale.toString(done), locale.toString(total))
              << Qt::flush;
        m_drawn = true;
        m_sinceDrawn.start();
    }
    return !cancelled();
}

bool TerminalProgress::cancelled() const
{
    return g_cancelled.load();
}

} // namespace rl
