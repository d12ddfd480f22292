#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

namespace rltest {

// A real Prometheus server (Debian's `prometheus`) for a test: its own configuration, storage and port in a
// temporary folder, stopped with the object. Its first scrape lands seconds after the start, so the waits
// poll its API; nothing sleeps.
class PrometheusProcess {
public:
    // The path of the prometheus executable, empty when it is not installed.
    static QString executable();

    // Scrapes targets (HOST:PORT) under job "rlstudio" every second, evaluating the rule files every second.
    PrometheusProcess(const QStringList &targets, const QStringList &ruleFiles);
    ~PrometheusProcess(); // stop()
    void stop();          // SIGTERM, then waits

    // Empty when the server did not become ready in time; then error() says why.
    const QUrl &url() const { return m_url; }
    QString error() const { return m_error; }

    // The API's `data` for a GET of path with query parameters; undefined when it fails.
    QJsonValue get(const QString &path, const QList<std::pair<QString, QString>> &parameters = {});
    // An instant query's result at unix time atSeconds.
    QJsonArray query(const QString &expression, double atSeconds);
    // Whether every target reports health `up`; waits up to timeoutMs for it.
    bool waitForTargetsUp(int count, int timeoutMs);

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    QNetworkAccessManager m_network;
    QUrl m_url;
    QString m_error;
};

} // namespace rltest
