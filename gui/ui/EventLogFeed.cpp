#include "gui/ui/EventLogFeed.h"

#include "gui/host/LogRouter.h"
#include "widgets/LogView.h"

namespace rl {

void feedEventLog(LogRouter &log, LogView &view)
{
    QObject::connect(
        &log, &LogRouter::logged, &view,
        [&view](const QDateTime &time, int type, const QString &category, const QString &message) {
            view.append({time, static_cast<QtMsgType>(type), category, message});
        },
        Qt::QueuedConnection);
    for (const LogRouter::Entry &entry : log.takeEarlyMessages())
        view.append({entry.time, static_cast<QtMsgType>(entry.type), entry.category, entry.message});
}

} // namespace rl
