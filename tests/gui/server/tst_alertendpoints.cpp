#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTest>

#include "RlstudioProcess.h"

using rltest::request;
using rltest::RlstudioProcess;

namespace {

// The state of an alert in GET /api/v1/alerts, empty when it is not listed (inactive).
QString alertState(QNetworkAccessManager &network, const QUrl &base, const QString &name)
{
    const rltest::Reply reply = request(network, base.resolved(QUrl(QStringLiteral("/api/v1/alerts"))));
    const QJsonObject document = QJsonDocument::fromJson(reply.body).object();
    if (reply.status != 200 || document.value(QLatin1String("status")).toString() != u"success")
        return QStringLiteral("<bad reply %1: %2>").arg(reply.status).arg(QString::fromUtf8(reply.body));
    for (const QJsonValue &alert :
         document.value(QLatin1String("data")).toObject().value(QLatin1String("alerts")).toArray()) {
        const QJsonObject object = alert.toObject();
        if (object.value(QLatin1String("labels")).toObject().value(QLatin1String("alertname")).toString() == name)
            return object.value(QLatin1String("state")).toString();
    }
    return {};
}

} // namespace

class TestAlertEndpoints : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // The demonstration: with the loop off and 6,000 requests a minute the queue grows, and at ×60
    // RLFeedbackQueueDepthHigh (avg depth > 25 for 15m) goes pending, then fires 15 s later.
    void queueDepthHighPendsThenFiresInHeadlessMode()
    {
        QElapsedTimer clock;
        clock.start();
        RlstudioProcess rlstudio({QStringLiteral("--headless"), QStringLiteral("--listen"),
                                  QStringLiteral("127.0.0.1:0"), QStringLiteral("--disable-loop"),
                                  QStringLiteral("--rate"), QStringLiteral("6000"), QStringLiteral("--time-scale"),
                                  QStringLiteral("60")});
        const QUrl base = rlstudio.waitForListening();
        QVERIFY2(base.isValid(), rlstudio.standardError().constData());
        QNetworkAccessManager network;
        const QString rule = QStringLiteral("RLFeedbackQueueDepthHigh");

        QVERIFY2(rlstudio.waitForError(QStringLiteral("rlstudio.alerts: alert RLFeedbackQueueDepthHigh (ticket) is "
                                                      "pending"),
                                       60000),
                 rlstudio.standardError().constData());
        QCOMPARE(alertState(network, base, rule), QStringLiteral("pending")); // for 15 s: time enough to ask
        QVERIFY2(rlstudio.waitForError(QStringLiteral("rlstudio.alerts: alert RLFeedbackQueueDepthHigh (ticket) is "
                                                      "firing"),
                                       60000),
                 rlstudio.standardError().constData());
        QCOMPARE(alertState(network, base, rule), QStringLiteral("firing"));
        QVERIFY2(clock.elapsed() < 60000, qPrintable(QString::number(clock.elapsed())));
    }

    // --rules evaluates the operator's files instead of the shipped rules, or beside them when "shipped" is
    // named; what the in-app evaluator cannot run is said at start, and a file promtool rejects stops it.
    void operatorsRuleFiles()
    {
        const QString recording = QStringLiteral(RLSTUDIO_SOURCE_DIR "/tests/rules/check/12-valid-recording-rules.yml");
        RlstudioProcess rlstudio({QStringLiteral("--headless"), QStringLiteral("--listen"),
                                  QStringLiteral("127.0.0.1:0"), QStringLiteral("--rules"), QStringLiteral("shipped"),
                                  QStringLiteral("--rules"), recording});
        const QUrl base = rlstudio.waitForListening();
        QVERIFY2(base.isValid(), rlstudio.standardError().constData());
        QVERIFY2(rlstudio.waitForError(recording
                                       + QStringLiteral(":5: rule job:rl_feedback_processed:rate5m: a "
                                                        "recording rule is not supported by the in-app "
                                                        "evaluator; the rule is skipped")),
                 rlstudio.standardError().constData());
        QNetworkAccessManager network;
        const auto reply = request(network, base.resolved(QUrl(QStringLiteral("/api/v1/rules"))));
        const QJsonArray groups =
            QJsonDocument::fromJson(reply.body).object()[QLatin1String("data")][QLatin1String("groups")].toArray();
        QCOMPARE(groups.size(), 2);
        QCOMPARE(groups[0].toObject()[QLatin1String("file")].toString(), QStringLiteral("rl_feedback_alerts.yml"));
        QCOMPARE(groups[1].toObject()[QLatin1String("file")].toString(), recording);
        QCOMPARE(groups[1].toObject()[QLatin1String("rules")].toArray().size(), 1); // the alerting rule

        const rltest::Finished invalid = rltest::runRlstudio(
            {QStringLiteral("--headless"), QStringLiteral("--rules"),
             QStringLiteral(RLSTUDIO_SOURCE_DIR "/tests/rules/check/17-invalid-unknown-field.yml")});
        QCOMPARE(invalid.exitCode, 2);
        QVERIFY2(invalid.standardError.contains("17-invalid-unknown-field.yml:7: rule Failures: field \"severity\" is "
                                                "not allowed in a rule"),
                 invalid.standardError.constData());
    }

    // GET /api/v1/rules has Prometheus's fields, and its type filter and errors.
    void rulesDocumentHasPrometheusFields()
    {
        RlstudioProcess rlstudio({QStringLiteral("--headless"), QStringLiteral("--listen"),
                                  QStringLiteral("127.0.0.1:0"), QStringLiteral("--time-scale"),
                                  QStringLiteral("600")});
        const QUrl base = rlstudio.waitForListening();
        QVERIFY(base.isValid());
        QNetworkAccessManager network;
        // Evaluated every 30 s / 600 = 50 ms: soon "ok" rather than "unknown".
        QVERIFY(rlstudio.waitForError(QStringLiteral("engine started")));
        QJsonObject rule;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto reply = request(network, base.resolved(QUrl(QStringLiteral("/api/v1/rules"))));
                const QJsonArray groups = QJsonDocument::fromJson(reply.body)
                                              .object()
                                              .value(QLatin1String("data"))
                                              .toObject()
                                              .value(QLatin1String("groups"))
                                              .toArray();
                rule = groups.first().toObject().value(QLatin1String("rules")).toArray().first().toObject();
                return rule.value(QLatin1String("health")).toString() == u"ok";
            }(),
            rltest::kProcessTimeoutMs);
        for (const char *key : {"state", "name", "query", "duration", "labels", "annotations", "alerts", "health",
                                "lastError", "evaluationTime", "lastEvaluation", "type"})
            QVERIFY2(rule.contains(QLatin1String(key)), key);
        QCOMPARE(rule.value(QLatin1String("name")).toString(), QStringLiteral("RLFeedbackProcessingFailures"));
        QCOMPARE(rule.value(QLatin1String("type")).toString(), QStringLiteral("alerting"));
        QCOMPARE(rule.value(QLatin1String("duration")).toDouble(), 600.0);

        const auto records = request(network, base.resolved(QUrl(QStringLiteral("/api/v1/rules?type=record"))));
        const QJsonObject recordGroup = QJsonDocument::fromJson(records.body)
                                            .object()[QLatin1String("data")][QLatin1String("groups")][0]
                                            .toObject();
        QCOMPARE(recordGroup.value(QLatin1String("rules")).toArray().size(), 0);
        QCOMPARE(recordGroup.value(QLatin1String("interval")).toDouble(), 30.0);
        QCOMPARE(recordGroup.value(QLatin1String("file")).toString(), QStringLiteral("rl_feedback_alerts.yml"));

        const auto bad = request(network, base.resolved(QUrl(QStringLiteral("/api/v1/rules?type=x"))));
        QCOMPARE(bad.status, 400);
        const QJsonObject error = QJsonDocument::fromJson(bad.body).object();
        QCOMPARE(error.value(QLatin1String("errorType")).toString(), QStringLiteral("bad_data"));
        QCOMPARE(error.value(QLatin1String("error")).toString(),
                 QStringLiteral("invalid parameter \"type\": not supported value \"x\"")); // Prometheus's words
        QCOMPARE(request(network, base.resolved(QUrl(QStringLiteral("/api/v1/alerts"))), "POST").status, 405);
    }
};

QTEST_GUILESS_MAIN(TestAlertEndpoints)
#include "tst_alertendpoints.moc"
