#pragma once

#include <QByteArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QStringList>
#include <QUrl>

namespace rltest {

inline constexpr int kProcessTimeoutMs = 20000;

// The environment of a plain start: none of the engine's variables inherited from the caller, and no
// locale, so the messages tests read are the English ones.
QProcessEnvironment cleanEnvironment();

// The rlstudio executable, started with arguments, whose output a test follows as it arrives.
class RlstudioProcess {
public:
    explicit RlstudioProcess(const QStringList &arguments, const QProcessEnvironment &environment = cleanEnvironment());
    ~RlstudioProcess(); // SIGTERM, then waits

    // The URL from "rlstudio: listening on URL"; invalid if the process ended or said nothing in time.
    // Returns once /health says the engine is ready (router_registered), or the process ended, or in time.
    QUrl waitForListening();
    // Waits for standard error to contain text (beyond what earlier waits consumed); false on timeout.
    bool waitForError(const QString &text, int timeoutMs = kProcessTimeoutMs);

    QProcess &process() { return m_process; }
    const QByteArray &standardOutput() const { return m_out; }
    const QByteArray &standardError() const { return m_err; }

private:
    void read();

    QProcess m_process;
    QByteArray m_out;
    QByteArray m_err;
    qsizetype m_errConsumed = 0;
};

// Runs rlstudio (or program, given the arguments) to completion.
struct Finished {
    int exitCode = -1;
    QByteArray standardOutput;
    QByteArray standardError;
};
Finished runRlstudio(const QStringList &arguments, const QProcessEnvironment &environment = cleanEnvironment(),
                     const QString &program = QStringLiteral(RLSTUDIO_BINARY));

struct Reply {
    int status = 0;
    QByteArray contentType;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    QByteArray header(const QByteArray &name) const; // empty when absent
};
// One request; a body is sent with its content type, and any further headers.
Reply request(QNetworkAccessManager &network, const QUrl &url, const QByteArray &verb = "GET",
              const QByteArray &body = {}, const QByteArray &contentType = {},
              const QList<QPair<QByteArray, QByteArray>> &headers = {});

} // namespace rltest
