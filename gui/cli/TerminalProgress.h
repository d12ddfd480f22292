#pragma once

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QString>

class QTextStream;

namespace rl {

// The progress line of a long one-shot command (replay, simulate-stream) on a terminal: redrawn in place at
// most ten times a second, and only when standard error is a terminal, so logs and pipes stay clean. While
// it lives, Ctrl+C (SIGINT) and SIGTERM do not kill the process but set cancelled(), which the command polls
// between steps to stop cleanly: its files are then left as they were.
class TerminalProgress {
    Q_DECLARE_TR_FUNCTIONS(TerminalProgress)

public:
    TerminalProgress(QTextStream &err, QString what);
    ~TerminalProgress(); // clears the line, restores the signal handlers
    TerminalProgress(const TerminalProgress &) = delete;
    TerminalProgress &operator=(const TerminalProgress &) = delete;

    // Shows done of total; returns false once cancelled.
    bool update(quint64 done, quint64 total);
    bool cancelled() const;

private:
    QTextStream &m_err;
    QString m_what;
    bool m_terminal;
    QElapsedTimer m_sinceDrawn;
    bool m_drawn = false;
};

} // namespace rl
