#include "PrometheusProcess.h"

#include <QFile>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>

#include "RlstudioProcess.h"

namespace rltest {

QString PrometheusProcess::executable()
{
    return QStandardPaths::findExecutable(QStringLiteral("prometheus"));
}

PrometheusProcess::PrometheusProcess(const QStringList &targets, const QStringList &ruleFiles)
{
    QStringList quotedTargets, quotedRules;
    for (const QString &target : targets)
        quotedTargets << QLatin1Char('"') + target + QLatin1Char('"');
    for (const QString &file : ruleFiles)
        quotedRules << QStringLiteral("  - \"%1\"").arg(file);
    QFile config(m_dir.filePath(QStringLiteral("prometheus.yml")));
    if (!config.open(QIODevice::WriteOnly)) {
        m_error = config.errorString();
        return;
    }
    config.write(QStringLiteral("global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"
                                "rule_files:\n%1\n"
                                "scrape_configs:\n  - job_name: rlstudio\n    static_configs:\n"
                                "      - targets: [%2]\n")
                     .arg(quotedRules.join(QLatin1Char('\n')), quotedTargets.join(QStringLiteral(", ")))
                     .toUtf8());
    config.close();

    // A free port: Prometheus does not report the one it picks for port 0.
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    const QString address = QStringLiteral("127.0.0.1:%1").arg(port);
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.start(executable(),
                    {QStringLiteral("--config.file=") + config.fileName(),
                     QStringLiteral("--storage.tsdb.path=") + m_dir.filePath(QStringLiteral("data")),
                     QStringLiteral("--web.listen-address=") + address, QStringLiteral("--log.level=warn")});
    if (!m_process.waitForStarted(kProcessTimeoutMs)) {
        m_error = m_process.errorString();
        return;
    }
    const QUrl url(QStringLiteral("http://") + address);
    const QUrl ready = url.resolved(QUrl(QStringLiteral("/-/ready")));
    const bool isReady = QTest::qWaitFor(
        [&] { return m_process.state() != QProcess::Running || request(m_network, ready).status == 200; },
        kProcessTimeoutMs);
    if (isReady && m_process.state() == QProcess::Running)
        m_url = url;
    else
        m_error = QStringLiteral("prometheus did not start: ") + QString::fromUtf8(m_process.readAll());
}

PrometheusProcess::~PrometheusProcess()
{
    stop();
}

void PrometheusProcess::stop()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(kProcessTimeoutMs))
            m_process.kill();
    }
}

QJsonValue PrometheusProcess::get(const QString &path, const QList<std::pair<QString, QString>> &parameters)
{
    QStringList pairs;
    for (const auto &[name, value] : parameters)
        pairs << name + QLatin1Char('=') + QString::fromLatin1(QUrl::toPercentEncoding(value));
    QUrl url = m_url.resolved(QUrl(path));
    url.setQuery(pairs.join(QLatin1Char('&')), QUrl::StrictMode);
    const Reply reply = request(m_network, url);
    const QJsonObject answer = QJsonDocument::fromJson(reply.body).object();
    if (answer.value(QStringLiteral("status")).toString() != QStringLiteral("success")) {
        qWarning("%s: %s", qPrintable(url.toString()), reply.body.constData());
        return {};
    }
    return answer.value(QStringLiteral("data"));
}

QJsonArray PrometheusProcess::query(const QString &expression, double atSeconds)
{
    return get(QStringLiteral("/api/v1/query"),
               {{QStringLiteral("query"), expression}, {QStringLiteral("time"), QString::number(atSeconds, 'f', 3)}})
        .toObject()
        .value(QStringLiteral("result"))
        .toArray();
}

bool PrometheusProcess::waitForTargetsUp(int count, int timeoutMs)
{
    return QTest::qWaitFor(
        [&] {
            const QJsonArray targets =
                get(QStringLiteral("/api/v1/targets")).toObject().value(QStringLiteral("activeTargets")).toArray();
            int up = 0;
            for (const QJsonValue &target : targets)
                up += target.toObject().value(QStringLiteral("health")).toString() == QStringLiteral("up");
            return up == count;
        },
        timeoutMs);
}

} // namespace rltest
