#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>

#include "RlstudioProcess.h"

using rltest::Reply;

namespace {

const QByteArray kJson = "application/json";
const QByteArray kNdjson = "application/x-ndjson";
const QByteArray kToken = "0123456789abcdef-test-token";

QJsonObject object(const Reply &reply)
{
    return QJsonDocument::fromJson(reply.body).object();
}

QByteArray item(const QString &trajectory, const QString &model, double accuracy = 0.9)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("trajectory_id"), trajectory},
                                     {QStringLiteral("model_id"), model},
                                     {QStringLiteral("accuracy_score"), accuracy},
                                     {QStringLiteral("efficiency_score"), 0.5},
                                     {QStringLiteral("error_handling_score"), 1.0},
                                     {QStringLiteral("overall_score"), 0.7}})
        .toJson(QJsonDocument::Compact);
}

// An error body names its status and reason.
bool isError(const Reply &reply, int status, const QString &reason)
{
    const QJsonObject error = object(reply).value(QStringLiteral("error")).toObject();
    return reply.status == status && error.value(QStringLiteral("status")).toInt() == status
           && error.value(QStringLiteral("reason")).toString() == reason;
}

} // namespace

// Every endpoint of docs/api.md and every error status, against a real headless instance.
class TestApi : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<rltest::RlstudioProcess> m_rlstudio;
    QNetworkAccessManager m_network;
    QUrl m_base;

    Reply call(const QString &path, const QByteArray &verb = "GET", const QByteArray &body = {},
               const QByteArray &type = kJson, const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        return rltest::request(m_network, m_base.resolved(QUrl(path)), verb, body, body.isNull() ? QByteArray() : type,
                               headers);
    }
    QList<QPair<QByteArray, QByteArray>> bearer() const { return {{"Authorization", "Bearer " + kToken}}; }
    double metric(const QByteArray &series)
    {
        for (const QByteArray &line : call(QStringLiteral("/metrics")).body.split('\n'))
            if (line.startsWith(series + ' '))
                return line.mid(series.size() + 1).toDouble();
        return 0.0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QFile token(m_dir.filePath(QStringLiteral("token")));
        QVERIFY(token.open(QIODevice::WriteOnly));
        token.write(kToken + "\n");
        token.close();
        // The loop and the simulator off: what is queued stays queued until a test processes it.
        m_rlstudio = std::make_unique<rltest::RlstudioProcess>(
            QStringList{QStringLiteral("--headless"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                        QStringLiteral("--status-every"), QStringLiteral("0"), QStringLiteral("--no-simulator"),
                        QStringLiteral("--disable-loop"), QStringLiteral("--queue-capacity"), QStringLiteral("5"),
                        QStringLiteral("--overflow"), QStringLiteral("reject"), QStringLiteral("--body-limit"),
                        QStringLiteral("4096"), QStringLiteral("--token-file"), token.fileName()});
        m_base = m_rlstudio->waitForListening();
        QVERIFY2(m_base.isValid(), m_rlstudio->standardError().constData());
        QVERIFY(m_rlstudio->standardOutput().contains("control requests need the token"));
    }

    void routeAnswersWithTheWholeDecision()
    {
        const Reply reply = call(QStringLiteral("/v1/route"), "POST",
                                 R"({"complexity":"complex","token_estimate":4200,"quality_requirement":0.9,
                                     "latency_requirement_ms":3000,"cost_budget_usd":0.5,"trajectory_id":"r-1"})");
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.contentType.startsWith("application/json"));
        const QJsonObject decision = object(reply);
        QCOMPARE(decision.value(QStringLiteral("trajectory_id")).toString(), QStringLiteral("r-1"));
        QVERIFY(!decision.value(QStringLiteral("event_id")).toString().isEmpty());
        const QJsonArray probabilities = decision.value(QStringLiteral("probabilities")).toArray();
        QCOMPARE(probabilities.size(), 4);
        const int arm = decision.value(QStringLiteral("arm")).toInt();
        QCOMPARE(decision.value(QStringLiteral("propensity")).toDouble(), probabilities.at(arm).toDouble());
        QCOMPARE(decision.value(QStringLiteral("fallbacks")).toArray().size(), 3);
        QCOMPARE(decision.value(QStringLiteral("policy")).toString(), QStringLiteral("adaptive"));
        QVERIFY(decision.value(QStringLiteral("policy_version")).toString().contains(QLatin1Char('.')));
        QVERIFY(decision.contains(QStringLiteral("expected_reward")));
        QVERIFY(decision.contains(QStringLiteral("model_id")));

        // Generated ids are unique; event ids increase.
        const QJsonObject a = object(call(QStringLiteral("/v1/route"), "POST", "{}"));
        const QJsonObject b =
            object(call(QStringLiteral("/v1/route"), "POST", R"({"features":[1,0.5,0.5,0.5,0.5,1]})"));
        QVERIFY(a.value(QStringLiteral("trajectory_id")) != b.value(QStringLiteral("trajectory_id")));
        QVERIFY(a.value(QStringLiteral("event_id")).toString().toULongLong()
                < b.value(QStringLiteral("event_id")).toString().toULongLong());
    }

    void routeErrorsNameTheField()
    {
        QVERIFY(isError(call(QStringLiteral("/v1/route"), "POST", "{nope"), 400, QStringLiteral("malformed_json")));
        const Reply count = call(QStringLiteral("/v1/route"), "POST", R"({"features":[1,2]})");
        QVERIFY(isError(count, 400, QStringLiteral("invalid_field")));
        QCOMPARE(object(count)[QStringLiteral("error")][QStringLiteral("field")].toString(),
                 QStringLiteral("features"));
        QVERIFY(isError(call(QStringLiteral("/v1/route"), "POST", "{}", "text/plain"), 415,
                        QStringLiteral("unsupported_media_type")));
    }

    void feedbackAcceptsNdjsonPartially()
    {
        call(QStringLiteral("/v1/route"), "POST", R"({"trajectory_id":"f-1"})");
        const QByteArray body = item(QStringLiteral("f-1"), QStringLiteral("gpt-4")) + '\n'
                                + item(QStringLiteral("f-2"), QStringLiteral("gpt-9")) + '\n'
                                + item(QStringLiteral("f-3"), QStringLiteral("gpt-4"), 2.0) + '\n';
        const Reply reply = call(QStringLiteral("/v1/feedback"), "POST", body, kNdjson);
        QCOMPARE(reply.status, 202);
        const QJsonObject answer = object(reply);
        QCOMPARE(answer.value(QStringLiteral("accepted")).toInt(), 1);
        const QJsonArray rejected = answer.value(QStringLiteral("rejected")).toArray();
        QCOMPARE(rejected.size(), 2);
        QCOMPARE(rejected.at(0)[QStringLiteral("line")].toInt(), 2);
        QVERIFY(rejected.at(0)[QStringLiteral("reason")].toString().contains(QStringLiteral("not in the catalogue")));
        QCOMPARE(rejected.at(1)[QStringLiteral("line")].toInt(), 3);
        QVERIFY(rejected.at(1)[QStringLiteral("reason")].toString().contains(QStringLiteral("outside [0, 1]")));
        QVERIFY(metric(R"(rl_input_rejected_total{reason="invalid_feedback",source="api"})") >= 2.0);

        // One object, refused: 400 with the same body.
        const Reply single =
            call(QStringLiteral("/v1/feedback"), "POST", item(QStringLiteral("x"), QStringLiteral("gpt-9")));
        QCOMPARE(single.status, 400);
        QCOMPARE(object(single).value(QStringLiteral("accepted")).toInt(), 0);
        // Too large a body: refused before it is read.
        QVERIFY(isError(call(QStringLiteral("/v1/feedback"), "POST", QByteArray(5000, ' '), kNdjson), 413,
                        QStringLiteral("payload_too_large")));
    }

    void outcomeRecordsOrSaysWhyNot()
    {
        call(QStringLiteral("/v1/route"), "POST", R"({"trajectory_id":"o-1"})");
        const Reply recorded =
            call(QStringLiteral("/v1/outcome"), "POST", R"({"trajectory_id":"o-1","immediate_reward":0.8})");
        QCOMPARE(recorded.status, 200);
        QCOMPARE(object(recorded).value(QStringLiteral("recorded")).toBool(), true);
        QVERIFY(
            isError(call(QStringLiteral("/v1/outcome"), "POST", R"({"trajectory_id":"nobody","immediate_reward":1})"),
                    404, QStringLiteral("not_found")));
        const Reply missing = call(QStringLiteral("/v1/outcome"), "POST", R"({"trajectory_id":"o-1"})");
        QVERIFY(isError(missing, 400, QStringLiteral("invalid_field")));
        QCOMPARE(object(missing)[QStringLiteral("error")][QStringLiteral("field")].toString(),
                 QStringLiteral("immediate_reward"));
    }

    void controlNeedsTheTokenOnLoopback()
    {
        QCOMPARE(call(QStringLiteral("/health")).status, 200); // reads need none here
        const Reply without = call(QStringLiteral("/v1/config"), "PUT", R"({"batch_size":7})");
        QVERIFY(isError(without, 401, QStringLiteral("unauthorized")));
        QCOMPARE(without.header("WWW-Authenticate"), QByteArray("Bearer"));
        QVERIFY(isError(call(QStringLiteral("/v1/loop/purge"), "POST", R"({"count":1})", kJson,
                             {{"Authorization", "Bearer 0123456789abcdef-test-tokeN"}}),
                        401, QStringLiteral("unauthorized")));
        QVERIFY(!m_rlstudio->standardOutput().contains(kToken));
        QVERIFY(!m_rlstudio->standardError().contains(kToken));
    }

    void configChangesAndAnswersTheSettings()
    {
        const Reply changed =
            call(QStringLiteral("/v1/config"), "PUT",
                 R"({"batch_size":7,"interval_seconds":2.5,"evaluation_enabled":false})", kJson, bearer());
        QCOMPARE(changed.status, 200);
        const QJsonObject settings = object(changed);
        QCOMPARE(settings.value(QStringLiteral("batch_size")).toInt(), 7);
        QCOMPARE(settings.value(QStringLiteral("interval_seconds")).toDouble(), 2.5);
        QCOMPARE(settings.value(QStringLiteral("evaluation_enabled")).toBool(), false);
        QCOMPARE(settings.value(QStringLiteral("loop_enabled")).toBool(), false);
        QCOMPARE(object(call(QStringLiteral("/v1/config"), "GET", {}, {}, bearer())), settings);
        QVERIFY(isError(call(QStringLiteral("/v1/config"), "PUT", R"({"batch_size":0})", kJson, bearer()), 400,
                        QStringLiteral("invalid_field")));
        QVERIFY(isError(call(QStringLiteral("/v1/config"), "PUT", R"({"policy":"oracle"})", kJson, bearer()), 400,
                        QStringLiteral("invalid_field")));
    }

    // The capacity changes at run time; shrinking below the depth drops the oldest, counted as dropped.
    void queueCapacityChangesAtRunTime()
    {
        call(QStringLiteral("/v1/loop/purge"), "POST", R"({"count":1000})", kJson, bearer());
        QByteArray four;
        for (int i = 0; i < 4; ++i)
            four += item(QStringLiteral("c-%1").arg(i), QStringLiteral("gpt-4")) + '\n';
        QCOMPARE(call(QStringLiteral("/v1/feedback"), "POST", four, kNdjson).status, 202);
        const QJsonObject before = object(call(QStringLiteral("/health")));
        const Reply shrunk = call(QStringLiteral("/v1/config"), "PUT", R"({"queue_capacity":3})", kJson, bearer());
        QCOMPARE(shrunk.status, 200);
        QCOMPARE(object(shrunk).value(QStringLiteral("queue_capacity")).toInt(), 3);
        QJsonObject after; // /health is the latest published snapshot's: a moment behind
        QTRY_COMPARE_WITH_TIMEOUT(
            (after = object(call(QStringLiteral("/health")))).value(QStringLiteral("queue_capacity")).toInt(), 3,
            10000);
        QCOMPARE(after.value(QStringLiteral("queue_depth")).toInt(), 3);
        QVERIFY(isError(call(QStringLiteral("/v1/config"), "PUT", R"({"queue_capacity":0})", kJson, bearer()), 400,
                        QStringLiteral("invalid_field")));
        const auto dropped = [](const QJsonObject &health) {
            return health.value(QStringLiteral("totals")).toObject().value(QStringLiteral("dropped")).toInt();
        };
        QCOMPARE(dropped(after) - dropped(before), 1);
        QCOMPARE(call(QStringLiteral("/v1/config"), "PUT", R"({"queue_capacity":5})", kJson, bearer()).status, 200);
    }

    void queueFullIsRejectedWithRetryAfter()
    {
        // Capacity 5: fill it, then one more does not fit.
        QByteArray five;
        for (int i = 0; i < 5; ++i)
            five += item(QStringLiteral("q-%1").arg(i), QStringLiteral("gpt-4")) + '\n';
        call(QStringLiteral("/v1/loop/purge"), "POST", R"({"count":1000})", kJson, bearer());
        QCOMPARE(call(QStringLiteral("/v1/feedback"), "POST", five, kNdjson).status, 202);
        const Reply full =
            call(QStringLiteral("/v1/feedback"), "POST", item(QStringLiteral("q-5"), QStringLiteral("gpt-4")));
        QVERIFY(isError(full, 503, QStringLiteral("queue_full")));
        QCOMPARE(full.header("Retry-After"), QByteArray("1"));
        QVERIFY(metric(R"(rl_input_rejected_total{reason="queue_full",source="api"})") >= 1.0);
    }

    void purgeDiscardsOnlyWhatWasConfirmed()
    {
        QTRY_COMPARE(object(call(QStringLiteral("/health"))).value(QStringLiteral("queue_depth")).toInt(), 5);
        const Reply purged = call(QStringLiteral("/v1/loop/purge"), "POST", R"({"count":3})", kJson, bearer());
        QCOMPARE(purged.status, 200);
        QCOMPARE(object(purged).value(QStringLiteral("purged")).toInt(), 3);
        QTRY_COMPARE(object(call(QStringLiteral("/health"))).value(QStringLiteral("queue_depth")).toInt(), 2);
        QVERIFY(isError(call(QStringLiteral("/v1/loop/purge"), "POST", "{}", kJson, bearer()), 400,
                        QStringLiteral("invalid_field")));
    }

    void processOnceAndDrainReportTheirWork()
    {
        const Reply once = call(QStringLiteral("/v1/loop/process-once"), "POST", {}, {}, bearer());
        QCOMPARE(once.status, 200);
        QVERIFY(object(once).contains(QStringLiteral("processed")));
        const Reply drained = call(QStringLiteral("/v1/loop/drain"), "POST", {}, {}, bearer());
        QCOMPARE(drained.status, 200);
        QCOMPARE(object(drained).value(QStringLiteral("remaining")).toInt(), 0);
        QCOMPARE(object(drained).value(QStringLiteral("cancelled")).toBool(), false);
    }

    void stateAndResetShowThePolicy()
    {
        const QJsonObject state = object(call(QStringLiteral("/v1/state")));
        QCOMPARE(state.value(QStringLiteral("policy")).toString(), QStringLiteral("adaptive"));
        QVERIFY(state.value(QStringLiteral("state")).isObject());
        const Reply reset = call(QStringLiteral("/v1/policy/reset"), "POST", {}, {}, bearer());
        QCOMPARE(reset.status, 200);
        const QString before = state.value(QStringLiteral("policy_version")).toString();
        const QString after = object(reset).value(QStringLiteral("policy_version")).toString();
        QCOMPARE(after, QStringLiteral("%1.0").arg(before.section(QLatin1Char('.'), 0, 0).toInt() + 1));
    }

    void protocolErrors()
    {
        const Reply notFound = call(QStringLiteral("/v1/nothing-here"));
        QVERIFY(isError(notFound, 404, QStringLiteral("not_found")));
        QVERIFY(!notFound.body.contains("nothing-here")); // the path is not echoed
        const Reply wrongMethod = call(QStringLiteral("/v1/route"));
        QVERIFY(isError(wrongMethod, 405, QStringLiteral("method_not_allowed")));
        QCOMPARE(wrongMethod.header("Allow"), QByteArray("POST"));
        QVERIFY(metric(R"(rl_input_rejected_total{reason="method_not_allowed",source="api"})") >= 1.0);
    }

    void tokenIsRequiredOffLoopback()
    {
        const auto refused = rltest::runRlstudio(
            {QStringLiteral("--headless"), QStringLiteral("--listen"), QStringLiteral("0.0.0.0:0")});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.standardError.contains("--token-file"), refused.standardError.constData());
    }
};

QTEST_GUILESS_MAIN(TestApi)
#include "tst_api.moc"
