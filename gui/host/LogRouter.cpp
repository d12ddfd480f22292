#include "gui/host/LogRouter.h"

#include <atomic>
#include <utility>

namespace rl {

namespace {

std::atomic<LogRouter *> g_router{nullptr};
QtMessageHandler g_previous = nullptr;

} // namespace

LogRouter::LogRouter(QObject *parent)
    : QObject(parent)
{
    Q_ASSERT(!g_router.load());
    g_router.store(this);
    g_previous = qInstallMessageHandler(&LogRouter::handle);
}

LogRouter::~LogRouter()
{
    qInstallMessageHandler(g_previous);
    g_router.store(nullptr);
}

QList<LogRouter::Entry> LogRouter::takeEarlyMessages()
{
    std::lock_guard lock(m_mutex);
    m_keeping = false;
    return std::exchange(m_early, {});
}

void LogRouter::handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (g_previous)
        g_previous(type, context, message);
    LogRouter *router = g_router.load();
    if (!router)
        return;
    Entry entry{QDateTime::currentDateTime(), type, QString::fromUtf8(context.category ? context.category : "default"),
                message};
    std::lock_guard lock(router->m_mutex);
    if (router->m_keeping) {
        if (router->m_early.size() == kEarlyMessages)
            router->m_early.removeFirst();
        router->m_early.append(std::move(entry));
        return;
    }
    Q_EMIT router->logged(entry.time, entry.type, entry.category, entry.message);
}

} // namespace rl
