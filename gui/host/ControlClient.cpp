#include "gui/host/ControlClient.h"

#include <QNetworkReply>
#include <QNetworkRequest>

#include "gui/host/HttpEndpoint.h"

namespace rl {

ControlClient::ControlClient(QUrl url, QByteArray token, QObject *parent)
    : QObject(parent)
    , m_url(std::move(url))
    , m_token(std::move(token))
    , m_network(this)
{
    m_network.setAutoDeleteReplies(true);
}

void ControlClient::send(const QByteArray &verb, const QString &path, const QByteArray &body, int timeoutMs,
                         Answer answer)
{
    QNetworkRequest message(HttpEndpoint::url(m_url, path));
    message.setTransferTimeout(timeoutMs);
    if (!m_token.isEmpty())
        message.setRawHeader("Authorization", "Bearer " + m_token);
    if (!body.isNull())
        message.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply =
        body.isNull() ? m_network.sendCustomRequest(message, verb) : m_network.sendCustomRequest(message, verb, body);
    connect(reply, &QNetworkReply::finished, this, [reply, answer = std::move(answer)] {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer(status, status ? reply->readAll() : HttpEndpoint::noAnswer(*reply).toUtf8());
    });
}

void ControlClient::get(const QString &path, Answer answer)
{
    send("GET", path, {}, kTimeoutMs, std::move(answer));
}

QString ControlClient::failureText(int status, const QByteArray &body) const
{
    if (status == 0)
        return tr("%1: %2").arg(name(), QString::fromUtf8(body));
    if (status == 401)
        return tr("%1 refused the token (HTTP 401): give its API token with --token-file").arg(name());
    // rlstudio's errors are {"error": {"status", "reason", "message"}}; another service's may be a string.
    QString detail;
    const nlohmann::json answer = nlohmann::json::parse(body.toStdString(), nullptr, false);
    if (answer.is_object() && answer.contains("error")) {
        const nlohmann::json &error = answer["error"];
        if (error.is_string())
            detail = QString::fromStdString(error.get<std::string>());
        else if (error.is_object() && error.contains("message") && error["message"].is_string())
            detail = QString::fromStdString(error["message"].get<std::string>());
    }
    return tr("%1 answered HTTP %2: %3")
        .arg(name(), QString::number(status), detail.isEmpty() ? QString::fromUtf8(body.left(200)) : detail);
}

void ControlClient::control(const QByteArray &verb, const QString &path, const nlohmann::json &body, int timeoutMs,
                            std::function<QString(const nlohmann::json &)> said, Done done)
{
    send(verb, path, QByteArray::fromStdString(body.dump()), timeoutMs,
         [this, said = std::move(said), done = std::move(done)](int status, const QByteArray &answer) {
             if (status != 200) {
                 done(false, failureText(status, answer), nlohmann::json());
                 return;
             }
             const nlohmann::json result = nlohmann::json::parse(answer.toStdString(), nullptr, false);
             if (!result.is_object()) {
                 done(false, tr("%1 answered with something other than the API's JSON").arg(name()), nlohmann::json());
                 return;
             }
             // A field of an unexpected type (another service's API) is not worth a failure: it was done.
             QString sentence;
             try {
                 sentence = said(result);
             } catch (const nlohmann::json::exception &) {
                 sentence = tr("%1: done").arg(name());
             }
             done(true, sentence, result);
         });
}

void ControlClient::processOnce(Done done)
{
    control(
        "POST", QStringLiteral("/v1/loop/process-once"), nlohmann::json::object(), kTimeoutMs,
        [this](const nlohmann::json &result) {
            return tr("%1: processed %2, failed %3, %4 left")
                .arg(name())
                .arg(result.value("processed", 0))
                .arg(result.value("failed", 0))
                .arg(result.value("remaining", 0));
        },
        std::move(done));
}

void ControlClient::drain(Done done)
{
    // The server answers when its queue is empty: no timeout.
    control(
        "POST", QStringLiteral("/v1/loop/drain"), nlohmann::json::object(), 0,
        [this](const nlohmann::json &result) {
            return tr("%1: drained %2 items (%3 failed), %4 left")
                .arg(name())
                .arg(result.value("processed", std::uint64_t(0)) + result.value("failed", std::uint64_t(0)))
                .arg(result.value("failed", 0))
                .arg(result.value("remaining", 0));
        },
        std::move(done));
}

void ControlClient::purge(std::size_t count, Done done)
{
    control(
        "POST", QStringLiteral("/v1/loop/purge"), {{"count", count}}, kTimeoutMs,
        [this](const nlohmann::json &result) {
            return tr("%1: purged %2 items").arg(name()).arg(result.value("purged", 0));
        },
        std::move(done));
}

void ControlClient::putConfig(const nlohmann::json &settings, Done done)
{
    control(
        "PUT", QStringLiteral("/v1/config"), settings, kTimeoutMs,
        [this, asked = QString::fromStdString(settings.dump())](const nlohmann::json &) {
            return tr("%1: set %2").arg(name(), asked);
        },
        std::move(done));
}

void ControlClient::resetPolicy(Done done)
{
    control(
        "POST", QStringLiteral("/v1/policy/reset"), nlohmann::json::object(), kTimeoutMs,
        [this](const nlohmann::json &) { return tr("%1: policy reset").arg(name()); }, std::move(done));
}

} // namespace rl
