#pragma once

#include <QObject>
#include <QString>

class QSocketNotifier;

namespace rl {

// SIGINT, SIGTERM and SIGHUP turned into a queued Qt signal, so that `kill` or a closed terminal ends the
// application through its event loop, with its clean-up (the journal closed, the window's settings saved),
// not by the default action. SIGPIPE is ignored: a status line written to a reader that has gone must
// fail, not kill the process. One instance at a time; the previous handlers come back when it is destroyed.
class StopSignals : public QObject {
    Q_OBJECT

public:
    explicit StopSignals(QObject *parent = nullptr);
    ~StopSignals() override;

    // Installs the handlers; false (and errorString()) if the self-pipe cannot be made.
    bool install();
    QString errorString() const { return m_error; }

Q_SIGNALS:
    void received(const QString &name); // "SIGINT", "SIGTERM" or "SIGHUP"

private:
    void restore();
    void onReadable();

    QSocketNotifier *m_notifier = nullptr;
    bool m_installed = false;
    QString m_error;
};

} // namespace rl
