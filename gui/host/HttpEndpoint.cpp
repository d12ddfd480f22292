#include "gui/host/HttpEndpoint.h"

#include <QNetworkReply>
#include <QNetworkRequest>

namespace rl {

QUrl HttpEndpoint::url(const QUrl &base, const QString &path)
{
    QUrl url = base;
    QString prefix = url.path();
    if (prefix.endsWith(QLatin1Char('/')))
        prefix.chop(1);
    url.setPath(prefix + path);
    return url;
}

QString HttpEndpoint::noAnswer(const QNetworkReply &reply)
{
    return reply.error() == QNetworkReply::OperationCanceledError
               ? tr("no answer within %1 s").arg(reply.request().transferTimeout() / 1000)
               : reply.errorString();
}

} // namespace rl
