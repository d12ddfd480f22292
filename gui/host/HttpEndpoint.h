#pragma once

#include <QCoreApplication>
#include <QString>
#include <QUrl>

class QNetworkReply;

namespace rl {

// What the two HTTP clients (PrometheusClient, ControlClient) share: where a path of a server's API is, and
// why a reply came back without an answer.
class HttpEndpoint {
    Q_DECLARE_TR_FUNCTIONS(HttpEndpoint)

public:
    // base's path (a prefix, with or without its trailing slash) followed by path.
    static QUrl url(const QUrl &base, const QString &path);
    // The network's error in words; a transfer timeout, which Qt reports as "Operation canceled", as one.
    static QString noAnswer(const QNetworkReply &reply);
};

} // namespace rl
