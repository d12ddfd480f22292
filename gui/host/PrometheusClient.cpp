#include "gui/host/PrometheusClient.h"

#include <cmath>
#include <limits>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QNetworkRequest>

#include "gui/host/HttpEndpoint.h"

namespace rl {

Q_LOGGING_CATEGORY(lcPrometheus, "rlstudio.prometheus")

namespace {

// Prometheus sends sample values as strings, NaN and ±Inf spelled out.
double sampleValue(const QJsonValue &value)
{
    const QString text = value.toString();
    if (text == QLatin1String("NaN"))
        return std::numeric_limits<double>::quiet_NaN();
    if (text == QLatin1String("+Inf"))
        return std::numeric_limits<double>::infinity();
    if (text == QLatin1String("-Inf"))
        return -std::numeric_limits<double>::infinity();
    bool ok = false;
    const double number = text.toDouble(&ok);
    return ok ? number : std::numeric_limits<double>::quiet_NaN();
}

PromLabels labelsOf(const QJsonObject &object)
{
    PromLabels labels;
    for (auto it = object.begin(); it != object.end(); ++it)
        labels.insert(it.key(), it.value().toString());
    return labels;
}

PromAlert alertOf(const QJsonObject &object)
{
    PromAlert alert;
    alert.labels = labelsOf(object.value(QLatin1String("labels")).toObject());
    alert.state = object.value(QLatin1String("state")).toString();
    alert.activeAt =
        QDateTime::fromString(object.value(QLatin1String("activeAt")).toString(), Qt::ISODateWithMs).toMSecsSinceEpoch()
        / 1000.0;
    alert.value = sampleValue(object.value(QLatin1String("value")));
    const QJsonObject annotations = object.value(QLatin1String("annotations")).toObject();
    alert.summary = annotations.value(QLatin1String("summary")).toString();
    alert.description = annotations.value(QLatin1String("description")).toString();
    return alert;
}

// The answer's data object, or the error it names.
template<typename T>
QJsonObject dataOf(const QByteArray &body, PromResult<T> &result)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (!document.isObject()) {
        result.error = PrometheusClient::tr("the answer is not the API's JSON (%1)").arg(parseError.errorString());
        return {};
    }
    const QJsonObject root = document.object();
    if (root.value(QLatin1String("status")).toString() != QLatin1String("success")) {
        const QString error = root.value(QLatin1String("error")).toString();
        result.error = error.isEmpty() ? PrometheusClient::tr("the answer's status is not \"success\"") : error;
        return {};
    }
    return root.value(QLatin1String("data")).toObject();
}

} // namespace

PrometheusClient::PrometheusClient(QUrl base, QObject *parent)
    : QObject(parent)
    , m_base(std::move(base))
    , m_network(this) // a child, so moving the client to another thread moves it too
{
    // One connection reused for every refresh; no cookies or caches to grow.
    m_network.setAutoDeleteReplies(true);
}

void PrometheusClient::send(const QString &path, const Parameters &parameters,
                            std::function<void(const QByteArray &, const QString &, int, qint64)> done)
{
    QUrl url = HttpEndpoint::url(m_base, path);
    // Encoded here, not by QUrlQuery, which leaves '+' as it is: a server reads that as a space, and PromQL
    // is full of them.
    QStringList pairs;
    for (const auto &[name, value] : parameters)
        pairs << name + QLatin1Char('=') + QString::fromLatin1(QUrl::toPercentEncoding(value));
    url.setQuery(pairs.join(QLatin1Char('&')), QUrl::StrictMode);
    QNetworkRequest request(url);
    request.setTransferTimeout(m_timeoutMs);
    request.setRawHeader("Accept", "application/json");
    if (!m_bearerToken.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_bearerToken);
    QElapsedTimer clock;
    clock.start();
    QNetworkReply *reply = m_network.get(request);
    connect(reply, &QNetworkReply::finished, this, [reply, clock, done = std::move(done)] {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        QString networkError;
        // An outage (no answer, or a server error) is retried with back-off; an answer that refuses the request
        // (a bad query: 400, 422; a missing endpoint: 404) is not one, and the parser says what it said. The
        // path only: the query is long, percent-encoded, and not the reader's business here.
        if (status == 0)
            networkError = HttpEndpoint::noAnswer(*reply);
        else if (status >= 500)
            networkError = tr("HTTP %1 from %2").arg(QString::number(status), reply->url().path());
        done(body, networkError, status, clock.elapsed());
    });
}

namespace {

// An answer handed to its handler: parsed, or the outage that kept it from coming.
template<typename T>
auto delivered(PromResult<T> (*parse)(const QByteArray &), std::function<void(const PromResult<T> &)> handler)
{
    return [parse, handler = std::move(handler)](const QByteArray &body, const QString &networkError, int status,
                                                 qint64 elapsedMs) {
        PromResult<T> result;
        if (networkError.isEmpty())
            result = parse(body);
        else
            result.error = networkError, result.unreachable = true;
        result.elapsedMs = elapsedMs;
        result.httpStatus = status;
        handler(result);
    };
}

} // namespace

void PrometheusClient::query(const QString &expression, double atSeconds,
                             std::function<void(const PromResult<std::vector<PromSample>> &)> handler)
{
    send(QStringLiteral("/api/v1/query"),
         {{QStringLiteral("query"), expression}, {QStringLiteral("time"), QString::number(atSeconds, 'f', 3)}},
         delivered(&PrometheusClient::parseVector, std::move(handler)));
}

void PrometheusClient::queryRange(const QString &expression, double startSeconds, double endSeconds, double stepSeconds,
                                  std::function<void(const PromResult<std::vector<PromSeries>> &)> handler)
{
    send(QStringLiteral("/api/v1/query_range"),
         {{QStringLiteral("query"), expression},
          {QStringLiteral("start"), QString::number(startSeconds, 'f', 3)},
          {QStringLiteral("end"), QString::number(endSeconds, 'f', 3)},
          {QStringLiteral("step"), QString::number(stepSeconds, 'f', 3)}},
         delivered(&PrometheusClient::parseMatrix, std::move(handler)));
}

void PrometheusClient::alerts(std::function<void(const PromResult<std::vector<PromAlert>> &)> handler)
{
    send(QStringLiteral("/api/v1/alerts"), {}, delivered(&PrometheusClient::parseAlerts, std::move(handler)));
}

void PrometheusClient::targets(std::function<void(const PromResult<std::vector<PromTarget>> &)> handler)
{
    send(QStringLiteral("/api/v1/targets"), {{QStringLiteral("state"), QStringLiteral("active")}},
         delivered(&PrometheusClient::parseTargets, std::move(handler)));
}

void PrometheusClient::rules(std::function<void(const PromResult<std::vector<PromRule>> &)> handler)
{
    send(QStringLiteral("/api/v1/rules"), {{QStringLiteral("type"), QStringLiteral("alert")}},
         delivered(&PrometheusClient::parseRules, std::move(handler)));
}

PromResult<std::vector<PromSample>> PrometheusClient::parseVector(const QByteArray &body)
{
    PromResult<std::vector<PromSample>> result;
    const QJsonObject data = dataOf(body, result);
    if (!result.ok())
        return result;
    const QString type = data.value(QLatin1String("resultType")).toString();
    if (type == QLatin1String("scalar")) {
        result.data.push_back({{}, sampleValue(data.value(QLatin1String("result")).toArray().at(1))});
        return result;
    }
    if (type != QLatin1String("vector")) {
        result.error = tr("expected an instant vector, got \"%1\"").arg(type);
        return result;
    }
    const QJsonArray samples = data.value(QLatin1String("result")).toArray();
    result.data.reserve(samples.size());
    for (const QJsonValue &sample : samples) {
        const QJsonObject object = sample.toObject();
        result.data.push_back({labelsOf(object.value(QLatin1String("metric")).toObject()),
                               sampleValue(object.value(QLatin1String("value")).toArray().at(1))});
    }
    return result;
}

PromResult<std::vector<PromSeries>> PrometheusClient::parseMatrix(const QByteArray &body)
{
    PromResult<std::vector<PromSeries>> result;
    const QJsonObject data = dataOf(body, result);
    if (!result.ok())
        return result;
    const QString type = data.value(QLatin1String("resultType")).toString();
    if (type != QLatin1String("matrix")) {
        result.error = tr("expected a range vector, got \"%1\"").arg(type);
        return result;
    }
    const QJsonArray series = data.value(QLatin1String("result")).toArray();
    result.data.reserve(series.size());
    for (const QJsonValue &entry : series) {
        const QJsonObject object = entry.toObject();
        PromSeries out{labelsOf(object.value(QLatin1String("metric")).toObject()), {}};
        const QJsonArray values = object.value(QLatin1String("values")).toArray();
        out.points.reserve(values.size());
        for (const QJsonValue &point : values) {
            const QJsonArray pair = point.toArray();
            out.points.emplace_back(pair.at(0).toDouble(), sampleValue(pair.at(1)));
        }
        result.data.push_back(std::move(out));
    }
    return result;
}

PromResult<std::vector<PromAlert>> PrometheusClient::parseAlerts(const QByteArray &body)
{
    PromResult<std::vector<PromAlert>> result;
    const QJsonObject data = dataOf(body, result);
    if (!result.ok())
        return result;
    const QJsonArray alerts = data.value(QLatin1String("alerts")).toArray();
    result.data.reserve(alerts.size());
    for (const QJsonValue &entry : alerts)
        result.data.push_back(alertOf(entry.toObject()));
    return result;
}

PromResult<std::vector<PromTarget>> PrometheusClient::parseTargets(const QByteArray &body)
{
    PromResult<std::vector<PromTarget>> result;
    const QJsonObject data = dataOf(body, result);
    if (!result.ok())
        return result;
    for (const QJsonValue &entry : data.value(QLatin1String("activeTargets")).toArray()) {
        const QJsonObject object = entry.toObject();
        result.data.push_back({labelsOf(object.value(QLatin1String("labels")).toObject()),
                               object.value(QLatin1String("health")).toString(),
                               object.value(QLatin1String("lastError")).toString()});
    }
    return result;
}

PromResult<std::vector<PromRule>> PrometheusClient::parseRules(const QByteArray &body)
{
    PromResult<std::vector<PromRule>> result;
    const QJsonObject data = dataOf(body, result);
    if (!result.ok())
        return result;
    for (const QJsonValue &groupEntry : data.value(QLatin1String("groups")).toArray()) {
        const QJsonObject group = groupEntry.toObject();
        for (const QJsonValue &ruleEntry : group.value(QLatin1String("rules")).toArray()) {
            const QJsonObject object = ruleEntry.toObject();
            if (object.value(QLatin1String("type")).toString() != QLatin1String("alerting"))
                continue;
            PromRule rule;
            rule.file = group.value(QLatin1String("file")).toString();
            rule.group = group.value(QLatin1String("name")).toString();
            rule.intervalSeconds = group.value(QLatin1String("interval")).toDouble();
            rule.name = object.value(QLatin1String("name")).toString();
            rule.query = object.value(QLatin1String("query")).toString();
            rule.forSeconds = object.value(QLatin1String("duration")).toDouble();
            rule.labels = labelsOf(object.value(QLatin1String("labels")).toObject());
            const QJsonObject annotations = object.value(QLatin1String("annotations")).toObject();
            rule.summary = annotations.value(QLatin1String("summary")).toString();
            rule.description = annotations.value(QLatin1String("description")).toString();
            rule.lastError = object.value(QLatin1String("lastError")).toString();
            for (const QJsonValue &alert : object.value(QLatin1String("alerts")).toArray())
                rule.alerts.push_back(alertOf(alert.toObject()));
            result.data.push_back(std::move(rule));
        }
    }
    return result;
}

} // namespace rl
