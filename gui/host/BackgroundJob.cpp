#include "gui/host/BackgroundJob.h"

#include <QDateTime>
#include <QMetaObject>
#include <QThread>

namespace rl {

namespace {

constexpr qint64 kProgressEveryMs = 100;

} // namespace

BackgroundJob::BackgroundJob(QObject *parent)
    : QObject(parent)
{
}

BackgroundJob::~BackgroundJob()
{
    if (m_thread) {
        m_cancelRequested = true;
        m_thread->wait();
        delete m_thread;
    }
}

bool BackgroundJob::launch(std::function<void()> work)
{
    if (m_thread)
        return false;
    m_cancelRequested = false;
    m_lastProgressMs = 0;
    m_thread = QThread::create([this, work = std::move(work)] {
        work();
        deliver([this] {
            m_thread->wait();
            delete m_thread;
            m_thread = nullptr;
            Q_EMIT ended();
        });
    });
    m_thread->start();
    return true;
}

void BackgroundJob::reportProgress(double fraction, const QString &stage)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (fraction < 1.0 && now - m_lastProgressMs < kProgressEveryMs)
        return;
    m_lastProgressMs = now;
    deliver([this, fraction, stage] { Q_EMIT progressed(fraction, stage); });
}

void BackgroundJob::reportFailure(const QString &message)
{
    deliver([this, message] { Q_EMIT failed(message); });
}

void BackgroundJob::deliver(std::function<void()> f)
{
    QMetaObject::invokeMethod(this, std::move(f), Qt::QueuedConnection);
}

} // namespace rl
