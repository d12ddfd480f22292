#include "gui/host/LogRouter.h"

#include <atomic>

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

void LogRouter::handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (g_previous)
        g_previous(type, context, message);
    if (LogRouter *router = g_router.load())
        Q_EMIT router->logged(QDateTime::currentDateTime(), type,
                              QString::fromUtf8(context.category ? context.category : "default"), message);
}

} // namespace rl
