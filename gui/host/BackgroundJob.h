#pragma once

#include <atomic>
#include <functional>
#include <memory>

#include <QObject>
#include <QString>

class QThread;

namespace rl {

// A long piece of work (an evaluation, a comparison) on a thread of its own, so the window stays live: its
// progress and its end come back as queued signals, and cancel() asks it to stop at its next check. One run
// at a time; the destructor cancels and waits for the run under way. Subclasses add the typed result signal.
class BackgroundJob : public QObject {
    Q_OBJECT

public:
    explicit BackgroundJob(QObject *parent = nullptr);
    ~BackgroundJob() override;

    bool running() const { return m_thread != nullptr; }
    void cancel() { m_cancelRequested = true; }

Q_SIGNALS:
    void progressed(double fraction, const QString &stage); // fraction in [0, 1] of the whole run
    void failed(const QString &message);                    // also after a cancel: "cancelled"
    void ended();                                           // after the result, a failure or a cancel

protected:
    // Runs work on a new thread; false if a run is under way. work reports through the functions below,
    // callable from its thread.
    bool launch(std::function<void()> work);
    bool cancelRequested() const { return m_cancelRequested; }
    // Throttled to about ten a second, the last one always sent.
    void reportProgress(double fraction, const QString &stage);
    void reportFailure(const QString &message);
    // Runs f on the job's own thread (the UI's), queued: how a subclass emits its typed result.
    void deliver(std::function<void()> f);

private:
    QThread *m_thread = nullptr;
    std::atomic<bool> m_cancelRequested = false;
    std::atomic<qint64> m_lastProgressMs = 0;
};

} // namespace rl
