#include "RlstudioProcess.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace rltest {

QProcessEnvironment cleanEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name :
         {"ENABLE_TRAJECTORY_EVALUATION", "ENABLE_TRAJECTORY_FEEDBACK_LOOP", "RL_FEEDBACK_BATCH_SIZE",
          "RL_FEEDBACK_LOOP_INTERVAL_SECONDS", "RL_TENANT", "RL_WORKSPACE", "RL_DATA_DIR", "RL_JOURNAL_SYNC",
          "RL_FEEDBACK_QUEUE_CAPACITY", "RL_ROUTING_HISTORY_CAPACITY", "RL_FEEDBACK_OVERFLOW", "RL_API_TOKEN_FILE",
          "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "QT_MESSAGE_PATTERN"})
        environment.remove(QString::fromLatin1(name));
    // Each process its own application data folder, so journals never meet across tests or runs.
    static QTemporaryDir dataHomes;
    static int next = 0;
    environment.insert(QStringLiteral("XDG_DATA_HOME"), dataHomes.filePath(QString::number(++next)));
    return environment;
}

RlstudioProcess::RlstudioProcess(const QStringList &arguments, const QProcessEnvironment &environment)
{
    m_process.setProcessEnvironment(environment);
    m_process.start(QStringLiteral(RLSTUDIO_BINARY), arguments);
    m_process.waitForStarted(kProcessTimeoutMs);
}

RlstudioProcess::~RlstudioProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(kProcessTimeoutMs))
            m_process.kill();
    }
}

void RlstudioProcess::read()
{
    m_out += m_process.readAllStandardOutput();
    m_err += m_process.readAllStandardError();
}

QUrl RlstudioProcess::waitForListening()
{
    const QRegularExpression listening(QStringLiteral("rlstudio: listening on (http://\\S+)"));
    QUrl url;
    // True as soon as the URL is there or the process ended: url says which.
    static_cast<void>(QTest::qWaitFor(
        [&] {
            read();
            const QRegularExpressionMatch match = listening.match(QString::fromUtf8(m_out));
            if (match.hasMatch())
                url = QUrl(match.captured(1));
            return url.isValid() || m_process.state() == QProcess::NotRunning;
        },
        kProcessTimeoutMs));
    if (!url.isValid())
        return url;
    // The server listens at once; the engine takes a moment more (longer when it restores a journal), and
    // answers 503 meanwhile. Most tests want the engine, so wait for it; it may also never come.
    QNetworkAccessManager network;
    const QUrl health = url.resolved(QUrl(QStringLiteral("/health")));
    static_cast<void>(QTest::qWaitFor(
        [&] {
            const Reply reply = request(network, health);
            return m_process.state() == QProcess::NotRunning
                   || QJsonDocument::fromJson(reply.body).object().value(QStringLiteral("router_registered")).toBool();
        },
        kProcessTimeoutMs));
    return url;
}

bool RlstudioProcess::waitForError(const QString &text, int timeoutMs)
{
    const QByteArray wanted = text.toUtf8();
    bool found = false;
    static_cast<void>(QTest::qWaitFor(
        [&] {
            read();
            const qsizetype at = m_err.indexOf(wanted, m_errConsumed);
            if (at >= 0) {
                m_errConsumed = at + wanted.size();
                found = true;
            }
            return found || m_process.state() == QProcess::NotRunning;
        },
        timeoutMs));
    return found;
}

Finished runRlstudio(const QStringList &arguments, const QProcessEnvironment &environment, const QString &program)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    if (!process.waitForFinished(120000))
        qWarning("rlstudio %s did not finish", qPrintable(arguments.join(QLatin1Char(' '))));
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
            process.readAllStandardError()};
}

QByteArray Reply::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

Reply request(QNetworkAccessManager &network, const QUrl &url, const QByteArray &verb, const QByteArray &body,
              const QByteArray &contentType, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest message(url);
    if (!contentType.isEmpty())
        message.setRawHeader("Content-Type", contentType);
    for (const auto &[name, value] : headers)
        message.setRawHeader(name, value);
    QNetworkReply *reply =
        body.isNull() ? network.sendCustomRequest(message, verb) : network.sendCustomRequest(message, verb, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(kProcessTimeoutMs))
        qWarning("no reply from %s", qPrintable(url.toString()));
    Reply result{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                 reply->header(QNetworkRequest::ContentTypeHeader).toByteArray(), reply->readAll(),
                 reply->rawHeaderPairs()};
    reply->deleteLater();
    return result;
}

} // namespace rltest
