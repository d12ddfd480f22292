#pragma once

#include <functional>
#include <vector>

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QMap>
#include <QNetworkAccessManager>
#include <QObject>
#include <QString>
#include <QUrl>

namespace rl {

Q_DECLARE_LOGGING_CATEGORY(lcPrometheus)

using PromLabels = QMap<QString, QString>;

// One element of an instant vector.
struct PromSample {
    PromLabels labels;
    double value = 0.0; // NaN as Prometheus sends it ("NaN")
};

// One series of a range query, its points in time order.
struct PromSeries {
    PromLabels labels;
    std::vector<std::pair<double, double>> points; // (unix seconds, value)
};

// One alert of /api/v1/alerts.
struct PromAlert {
    PromLabels labels;
    QString state;         // pending or firing
    double activeAt = 0.0; // unix seconds
    double value = 0.0;
    QString summary;     // the summary annotation, if any
    QString description; // the description annotation as rendered for this alert, if any
};

// One alerting rule of /api/v1/rules with its group's file and interval, and its pending and firing alerts.
struct PromRule {
    QString file, group, name;
    double intervalSeconds = 0.0; // the group's
    QString query;
    double forSeconds = 0.0;
    PromLabels labels;
    QString summary, description; // the annotations as written, templates unexpanded
    QString lastError;
    std::vector<PromAlert> alerts;
};

// One scrape target of /api/v1/targets.
struct PromTarget {
    PromLabels labels; // the target's (job, instance)
    QString health;    // up, down or unknown
    QString lastError; // why the last scrape failed; empty when it did not
};

// The outcome of one request: the data, or what went wrong. unreachable tells a network failure (retry
// later) from an answer that refused the request (a bad query: retrying will not help).
template<typename T>
struct PromResult {
    T data{};
    QString error; // empty on success
    bool unreachable = false;
    int httpStatus = 0; // 0: no answer
    qint64 elapsedMs = 0;
    bool ok() const { return error.isEmpty(); }
};

// Prometheus's HTTP API (https://prometheus.io/docs/prometheus/latest/querying/api/) over
// QNetworkAccessManager, on the thread the client lives on: nothing blocks, every request has a timeout,
// and each answer comes to its handler on that thread, parsed. It works against any server that speaks the
// API, Prometheus itself or rlstudio's /api/v1/alerts.
class PrometheusClient : public QObject {
    Q_OBJECT

public:
    static constexpr int kDefaultTimeoutMs = 10000;

    explicit PrometheusClient(QUrl base, QObject *parent = nullptr);

    const QUrl &baseUrl() const { return m_base; }
    void setTimeoutMs(int timeoutMs) { m_timeoutMs = timeoutMs; }
    // Sent with every request (a remote rlstudio off loopback asks for it on every path); none by default.
    void setBearerToken(const QByteArray &token) { m_bearerToken = token; }

    // /api/v1/query at unix time atSeconds; the result must be an instant vector (or a scalar, as one sample).
    void query(const QString &expression, double atSeconds,
               std::function<void(const PromResult<std::vector<PromSample>> &)> handler);
    // /api/v1/query_range from start to end in steps of stepSeconds.
    void queryRange(const QString &expression, double startSeconds, double endSeconds, double stepSeconds,
                    std::function<void(const PromResult<std::vector<PromSeries>> &)> handler);
    // /api/v1/alerts.
    void alerts(std::function<void(const PromResult<std::vector<PromAlert>> &)> handler);
    // /api/v1/targets?state=active: every scrape target with its health and last error.
    void targets(std::function<void(const PromResult<std::vector<PromTarget>> &)> handler);
    // /api/v1/rules?type=alert: every alerting rule with its state, the inactive ones too.
    void rules(std::function<void(const PromResult<std::vector<PromRule>> &)> handler);

    // The parsers, public for the tests: data is the whole answer's body.
    static PromResult<std::vector<PromSample>> parseVector(const QByteArray &body);
    static PromResult<std::vector<PromSeries>> parseMatrix(const QByteArray &body);
    static PromResult<std::vector<PromAlert>> parseAlerts(const QByteArray &body);
    static PromResult<std::vector<PromRule>> parseRules(const QByteArray &body);
    static PromResult<std::vector<PromTarget>> parseTargets(const QByteArray &body);

private:
    // Sends a request and hands the reply's body (or the failure) to done, once.
    using Parameters = std::vector<std::pair<QString, QString>>;
    void
    send(const QString &path, const Parameters &parameters,
         std::function<void(const QByteArray &body, const QString &networkError, int status, qint64 elapsedMs)> done);

    QUrl m_base;
    QNetworkAccessManager m_network;
    int m_timeoutMs = kDefaultTimeoutMs;
    QByteArray m_bearerToken;
};

} // namespace rl
