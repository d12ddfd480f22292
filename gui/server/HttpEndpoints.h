#pragma once

#include <QHostAddress>
#include <QHttpServer>
#include <QObject>
#include <QString>

class QHttpServerRequest;
class QHttpServerResponse;
class QTcpServer;

namespace rl {

class EngineHost;

// GET /metrics (Prometheus text), GET /health (JSON), and the alert monitor's GET /api/v1/alerts and
// GET /api/v1/rules in the shape of Prometheus's HTTP API, served on the UI thread: /metrics reads the
// thread-safe registry, the others the host's cached snapshot and the monitor, so none waits on the engine.
// Other methods on these paths get 405, other paths 404; both are counted as rejected input.
class HttpEndpoints : public QObject {
    Q_OBJECT

public:
    explicit HttpEndpoints(EngineHost &host, QObject *parent = nullptr);
    ~HttpEndpoints() override;

    // Port 0 picks a free port. On failure errorString() says why, e.g. "cannot listen on
    // 127.0.0.1:8000: address in use".
    bool listen(const QHostAddress &address, quint16 port);
    QString errorString() const { return m_error; }
    QHostAddress address() const;
    quint16 port() const; // the actual port, once listening
    QString url() const;  // http://HOST:PORT
    // "rlstudio: listening on http://HOST:PORT", the line both modes print once listening.
    QString listeningLine() const;

private:
    QHttpServerResponse metrics(const QHttpServerRequest &request) const;
    QHttpServerResponse health(const QHttpServerRequest &request) const;
    QHttpServerResponse alerts(const QHttpServerRequest &request) const;
    QHttpServerResponse rules(const QHttpServerRequest &request) const;
    QHttpServerResponse methodNotAllowed(const QHttpServerRequest &request) const;

    EngineHost &m_host;
    QHttpServer m_server;
    QTcpServer *m_tcp = nullptr; // owned by m_server once bound
    QString m_error;
};

} // namespace rl
