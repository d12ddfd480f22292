#include "gui/server/HttpEndpoints.h"

#include <exception>
#include <memory>

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QLoggingCategory>
#include <QMetaEnum>
#include <QTcpServer>
#include <QUrlQuery>

#include <nlohmann/json.hpp>

#include "core/alerting/GoFormat.h"
#include "core/metrics/Metrics.h"
#include "gui/host/EngineHost.h"

namespace rl {

Q_LOGGING_CATEGORY(lcHttp, "rlstudio.http", QtInfoMsg)

namespace {

const QByteArray kPrometheusType = QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8");
const QByteArray kJsonType = QByteArrayLiteral("application/json");
const QByteArray kTextType = QByteArrayLiteral("text/plain; charset=utf-8");

QString hostText(const QHostAddress &address)
{
    return address.protocol() == QAbstractSocket::IPv6Protocol ? QStringLiteral("[%1]").arg(address.toString())
                                                               : address.toString();
}

QString describe(const QHttpServerRequest &request)
{
    return QStringLiteral("%1 %2").arg(QString::fromLatin1(QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(
                                           static_cast<int>(request.method()))),
                                       request.url().path());
}

} // namespace

HttpEndpoints::HttpEndpoints(EngineHost &host, QObject *parent)
    : QObject(parent)
    , m_host(host)
{
    m_server.route(QStringLiteral("/metrics"), [this](const QHttpServerRequest &request) { return metrics(request); });
    m_server.route(QStringLiteral("/health"), [this](const QHttpServerRequest &request) { return health(request); });
    m_server.route(QStringLiteral("/api/v1/alerts"),
                   [this](const QHttpServerRequest &request) { return alerts(request); });
    m_server.route(QStringLiteral("/api/v1/rules"),
                   [this](const QHttpServerRequest &request) { return rules(request); });
    m_server.setMissingHandler([this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        m_host.metrics().addRejected("http", "not_found");
        qCDebug(lcHttp).noquote() << describe(request) << "-> 404";
        responder.write(tr("not found: try /metrics, /health, /api/v1/alerts or /api/v1/rules\n").toUtf8(), kTextType,
                        QHttpServerResponder::StatusCode::NotFound);
    });
}

HttpEndpoints::~HttpEndpoints() = default;

bool HttpEndpoints::listen(const QHostAddress &address, quint16 port)
{
    auto tcp = std::make_unique<QTcpServer>();
    if (!tcp->listen(address, port)) {
        const QString reason =
            tcp->serverError() == QAbstractSocket::AddressInUseError ? tr("address in use") : tcp->errorString();
        m_error = tr("cannot listen on %1:%2: %3").arg(hostText(address)).arg(port).arg(reason);
        return false;
    }
    m_tcp = tcp.release();
    m_server.bind(m_tcp); // takes ownership
    m_error.clear();
    return true;
}

QHostAddress HttpEndpoints::address() const
{
    return m_tcp ? m_tcp->serverAddress() : QHostAddress();
}

quint16 HttpEndpoints::port() const
{
    return m_tcp ? m_tcp->serverPort() : 0;
}

QString HttpEndpoints::url() const
{
    return QStringLiteral("http://%1:%2").arg(hostText(address())).arg(port());
}

QString HttpEndpoints::listeningLine() const
{
    return tr("rlstudio: listening on %1").arg(url());
}

QHttpServerResponse HttpEndpoints::metrics(const QHttpServerRequest &request) const
{
    if (request.method() != QHttpServerRequest::Method::Get)
        return methodNotAllowed(request);
    try {
        return QHttpServerResponse(kPrometheusType, QByteArray::fromStdString(m_host.metrics().serialize()));
    } catch (const std::exception &error) {
        qCWarning(lcHttp).noquote() << tr("cannot serialize the metrics: %1").arg(QString::fromUtf8(error.what()));
        return QHttpServerResponse(kTextType, tr("cannot serialize the metrics\n").toUtf8(),
                                   QHttpServerResponder::StatusCode::InternalServerError);
    }
}

QHttpServerResponse HttpEndpoints::health(const QHttpServerRequest &request) const
{
    if (request.method() != QHttpServerRequest::Method::Get)
        return methodNotAllowed(request);
    return QHttpServerResponse(kJsonType, QByteArray::fromStdString(m_host.latestSnapshot().health.toJson().dump()));
}

QHttpServerResponse HttpEndpoints::alerts(const QHttpServerRequest &request) const
{
    if (request.method() != QHttpServerRequest::Method::Get)
        return methodNotAllowed(request);
    return QHttpServerResponse(kJsonType, QByteArray::fromStdString(m_host.alerts().alertsDocument().dump()));
}

QHttpServerResponse HttpEndpoints::rules(const QHttpServerRequest &request) const
{
    if (request.method() != QHttpServerRequest::Method::Get)
        return methodNotAllowed(request);
    const QString type = QUrlQuery(request.url()).queryItemValue(QStringLiteral("type")).toLower();
    if (!type.isEmpty() && type != u"alert" && type != u"record") {
        m_host.metrics().addRejected("http", "bad_query");
        // As Prometheus answers it.
        const nlohmann::json error{
            {"status", "error"},
            {"errorType", "bad_data"},
            {"error", "invalid parameter \"type\": not supported value " + goQuote(type.toStdString())}};
        return QHttpServerResponse(kJsonType, QByteArray::fromStdString(error.dump()),
                                   QHttpServerResponder::StatusCode::BadRequest);
    }
    return QHttpServerResponse(kJsonType,
                               QByteArray::fromStdString(m_host.alerts().rulesDocument(type.toStdString()).dump()));
}

QHttpServerResponse HttpEndpoints::methodNotAllowed(const QHttpServerRequest &request) const
{
    m_host.metrics().addRejected("http", "method_not_allowed");
    qCDebug(lcHttp).noquote() << describe(request) << "-> 405";
    QHttpServerResponse response(kTextType,
                                 tr("method not allowed: %1 accepts GET only\n").arg(request.url().path()).toUtf8(),
                                 QHttpServerResponder::StatusCode::MethodNotAllowed);
    response.setHeader(QByteArrayLiteral("Allow"), QByteArrayLiteral("GET"));
    return response;
}

} // namespace rl
