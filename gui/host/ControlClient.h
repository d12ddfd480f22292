#pragma once

#include <functional>

#include <nlohmann/json.hpp>

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

namespace rl {

// One rlstudio's HTTP API (docs/api.md) with its bearer token: the control requests, each answered once on
// the client's thread with a sentence for the event log ("URL: purged 40 items") or the reason it failed,
// and plain GETs for the polls. Nothing blocks; a drain waits for the server without a timeout.
class ControlClient : public QObject {
    Q_OBJECT

public:
    static constexpr int kTimeoutMs = 10000;

    // ok: the instance did it; message: what it said, or why not; result: its JSON answer.
    using Done = std::function<void(bool ok, const QString &message, const nlohmann::json &result)>;
    using Answer = std::function<void(int status, const QByteArray &body)>; // status 0: the network failed

    ControlClient(QUrl url, QByteArray token, QObject *parent = nullptr);

    const QUrl &url() const { return m_url; }
    QString name() const { return m_url.toDisplayString(); }

    void get(const QString &path, Answer answer);
    void processOnce(Done done);
    void drain(Done done);
    void purge(std::size_t count, Done done); // at most count of the oldest items, never newer ones
    void putConfig(const nlohmann::json &settings, Done done);
    void resetPolicy(Done done);

    // Why a request failed, in words: the network's error, a refused token, the server's "error".
    QString failureText(int status, const QByteArray &body) const;

private:
    void send(const QByteArray &verb, const QString &path, const QByteArray &body, int timeoutMs, Answer answer);
    // A control request: its JSON answer, or the failure, and the sentence success makes of it.
    void control(const QByteArray &verb, const QString &path, const nlohmann::json &body, int timeoutMs,
                 std::function<QString(const nlohmann::json &)> said, Done done);

    QUrl m_url;
    QByteArray m_token;
    QNetworkAccessManager m_network;
};

} // namespace rl
