#include <cmath>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include "RlstudioProcess.h"

using rltest::runRlstudio;

namespace {

const QString kStream = QStringLiteral(RLSTUDIO_WORKLOAD_DIR "/learning_stream.csv");
const QString kMeta = QStringLiteral(RLSTUDIO_WORKLOAD_DIR "/meta.json");
const QByteArray kToken = "load-test-token-0123456789";

QStringList load(const QString &url, const QStringList &extra = {})
{
    return QStringList{QStringLiteral("load"), QStringLiteral("--url"), url, QStringLiteral("--stream"), kStream}
           + extra;
}

// A port nothing listens on: the system's pick, closed again.
quint16 closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

// The stream's models, as meta.json names its arms, routed on the stream's 10 features.
bool writeCatalogue(const QString &path)
{
    QFile meta(kMeta);
    if (!meta.open(QIODevice::ReadOnly))
        return false;
    QJsonArray models;
    for (const QJsonValue &arm :
         QJsonDocument::fromJson(meta.readAll()).object().value(QLatin1String("arms")).toArray())
        models.append(QJsonObject{{QStringLiteral("id"), arm.toString()},
                                  {QStringLiteral("provider"), QStringLiteral("test")},
                                  {QStringLiteral("max_tokens"), 8192},
                                  {QStringLiteral("cost_per_1k_tokens"), 0.01},
                                  {QStringLiteral("average_latency_ms"), 1000},
                                  {QStringLiteral("accuracy_score"), 0.9},
                                  {QStringLiteral("reliability_score"), 0.95}});
    QFile catalogue(path);
    return models.size() == 4 && catalogue.open(QIODevice::WriteOnly)
           && catalogue.write(
                  QJsonDocument(QJsonObject{{QStringLiteral("dimension"), 10}, {QStringLiteral("models"), models}})
                      .toJson())
                  > 0;
}

// A headless server that keeps nothing on disk and learns from feedback as soon as it arrives.
QStringList serverArguments(const QStringList &extra)
{
    return QStringList{QStringLiteral("--headless"),
                       QStringLiteral("--ephemeral"),
                       QStringLiteral("--listen"),
                       QStringLiteral("127.0.0.1:0"),
                       QStringLiteral("--no-simulator"),
                       QStringLiteral("--status-every"),
                       QStringLiteral("0"),
                       QStringLiteral("--interval"),
                       QStringLiteral("0.01"),
                       QStringLiteral("--batch-size"),
                       QStringLiteral("1000")}
           + extra;
}

QJsonObject parsed(const QByteArray &output)
{
    return QJsonDocument::fromJson(output).object();
}

} // namespace

// `rlstudio load`: its flags, an unreachable target, and whole runs against a real headless rlstudio.
class TestLoadCommand : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void badFlagsNameTheFlag_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const QString url = QStringLiteral("http://127.0.0.1:1");
        const QStringList runFor = {QStringLiteral("--concurrency"), QStringLiteral("2"), QStringLiteral("--duration"),
                                    QStringLiteral("5")};
        QTest::newRow("no url") << QStringList{QStringLiteral("load"), QStringLiteral("--stream"), kStream} + runFor
                                << QStringLiteral("load needs --url URL");
        QTest::newRow("no stream") << QStringList{QStringLiteral("load"), QStringLiteral("--url"), url} + runFor
                                   << QStringLiteral("load needs --stream FILE.csv");
        QTest::newRow("no concurrency") << load(url, {QStringLiteral("--duration"), QStringLiteral("5")})
                                        << QStringLiteral("load needs --concurrency C");
        QTest::newRow("no duration") << load(url, {QStringLiteral("--concurrency"), QStringLiteral("2")})
                                     << QStringLiteral("load needs --duration SECONDS");
        QTest::newRow("https") << load(QStringLiteral("https://example.org"), runFor)
                               << QStringLiteral("--url=\"https://example.org\" is not an http:// URL");
        QTest::newRow("no host") << load(QStringLiteral("http://"), runFor)
                                 << QStringLiteral("--url=\"http://\" is not an http:// URL");
        QTest::newRow("password") << load(QStringLiteral("http://user:secret@127.0.0.1:1"), runFor)
                                  << QStringLiteral("--url holds a user name or password");
        QTest::newRow("concurrency 0") << load(url, {QStringLiteral("--concurrency"), QStringLiteral("0"),
                                                     QStringLiteral("--duration"), QStringLiteral("5")})
                                       << QStringLiteral("--concurrency=\"0\" is not an integer in 1..1024");
        QTest::newRow("concurrency text") << load(url, {QStringLiteral("--concurrency"), QStringLiteral("many"),
                                                        QStringLiteral("--duration"), QStringLiteral("5")})
                                          << QStringLiteral("--concurrency=\"many\" is not an integer in 1..1024");
        QTest::newRow("duration") << load(url, {QStringLiteral("--concurrency"), QStringLiteral("2"),
                                                QStringLiteral("--duration"), QStringLiteral("-1")})
                                  << QStringLiteral("--duration=\"-1\" is not a number of seconds in 0.1..86400");
        QTest::newRow("rounds") << load(url, runFor + QStringList{QStringLiteral("--rounds"), QStringLiteral("0")})
                                << QStringLiteral("--rounds=\"0\" is not an integer in 1..100000000");
        QTest::newRow("feedback batch") << load(
            url, runFor + QStringList{QStringLiteral("--feedback-batch"), QStringLiteral("10001")})
                                        << QStringLiteral("--feedback-batch=\"10001\" is not an integer in 1..10000");
        QTest::newRow("token file") << load(
            url, runFor + QStringList{QStringLiteral("--token-file"), QStringLiteral("/nonexistent/token")})
                                    << QStringLiteral("--token-file=\"/nonexistent/token\" cannot be used");
        QTest::newRow("stream") << QStringList{QStringLiteral("load"), QStringLiteral("--url"), url,
                                               QStringLiteral("--stream"), QStringLiteral("/nonexistent/stream.csv")}
                                       + runFor
                                << QStringLiteral("/nonexistent/stream.csv");
        QTest::newRow("weights") << load(url, runFor + QStringList{QStringLiteral("--weights"), kStream})
                                 << QStringLiteral("learning_stream.csv: not valid JSON");
        QTest::newRow("positional") << load(url, runFor + QStringList{QStringLiteral("now")})
                                    << QStringLiteral("unknown command \"now\"");
    }

    // Usage errors stop with 2 before anything is sent, naming the flag and its value.
    void badFlagsNameTheFlag()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const rltest::Finished run = runRlstudio(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(QString::fromUtf8(run.standardError).contains(message), run.standardError.constData());
        QVERIFY(!run.standardError.contains("secret"));
        QVERIFY(run.standardOutput.isEmpty());
    }

    void tokenFileFromTheEnvironmentIsNamed()
    {
        QProcessEnvironment environment = rltest::cleanEnvironment();
        environment.insert(QStringLiteral("RL_API_TOKEN_FILE"), QStringLiteral("/nonexistent/token"));
        const rltest::Finished run = runRlstudio(
            load(QStringLiteral("http://127.0.0.1:1"), {QStringLiteral("--concurrency"), QStringLiteral("1"),
                                                        QStringLiteral("--duration"), QStringLiteral("1")}),
            environment);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.standardError.contains("RL_API_TOKEN_FILE=\"/nonexistent/token\" cannot be used"),
                 run.standardError.constData());
    }

    void unreachableTargetExitsWithOne()
    {
        const quint16 port = closedPort();
        QVERIFY(port != 0);
        const QString url = QStringLiteral("http://127.0.0.1:%1").arg(port);
        const rltest::Finished run = runRlstudio(load(url, {QStringLiteral("--concurrency"), QStringLiteral("4"),
                                                            QStringLiteral("--duration"), QStringLiteral("5")}));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.standardError.contains("rlstudio load: cannot reach " + url.toUtf8() + ": Connection refused"),
                 run.standardError.constData());
        QVERIFY(run.standardOutput.isEmpty());
    }

    // The whole loop against rlstudio routing the stream's models: every round routed, its feedback accepted
    // and learned from, so the regret is far below a random router's.
    void routesTheStreamAndReportsRegret()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString catalogue = dir.filePath(QStringLiteral("catalogue.json"));
        QVERIFY(writeCatalogue(catalogue));
        QFile token(dir.filePath(QStringLiteral("token")));
        QVERIFY(token.open(QIODevice::WriteOnly) && token.write(kToken + '\n') > 0);
        token.close();
        rltest::RlstudioProcess server(serverArguments(
            {QStringLiteral("--catalogue"), catalogue, QStringLiteral("--token-file"), token.fileName()}));
        const QUrl base = server.waitForListening();
        QVERIFY2(base.isValid(), server.standardError().constData());

        const QString url = base.toString(QUrl::StripTrailingSlash);
        const rltest::Finished run = runRlstudio(
            load(url, {QStringLiteral("--weights"), kMeta, QStringLiteral("--concurrency"), QStringLiteral("4"),
                       QStringLiteral("--duration"), QStringLiteral("60"), QStringLiteral("--rounds"),
                       QStringLiteral("2000"), QStringLiteral("--feedback-batch"), QStringLiteral("10"),
                       // Paced like a service, so the loop's 10 ms ticks keep up even on busy cores.
                       QStringLiteral("--rate"), QStringLiteral("2000"), QStringLiteral("--token-file"),
                       token.fileName(), QStringLiteral("--json")}));
        QVERIFY2(run.exitCode == 0, run.standardError.constData());
        const QByteArray &output = run.standardOutput;
        QVERIFY2(!output.contains(kToken), "the token was printed");
        const QJsonObject report = parsed(output);
        QCOMPARE(report.value(QLatin1String("rounds_planned")).toInt(), 2000);
        QCOMPARE(report.value(QLatin1String("cancelled")).toBool(true), false);
        QCOMPARE(report.value(QLatin1String("connect_failures")).toObject().value(QLatin1String("count")).toInt(-1), 0);

        const QJsonObject route = report.value(QLatin1String("route")).toObject();
        QCOMPARE(route.value(QLatin1String("sent")).toInt(), 2000);
        QCOMPARE(route.value(QLatin1String("ok")).toInt(), 2000);
        QCOMPARE(route.value(QLatin1String("items")).toInt(), 2000);
        QCOMPARE(route.value(QLatin1String("failed")).toInt(-1), 0);
        QVERIFY2(route.value(QLatin1String("errors")).toObject().isEmpty(), output.constData());
        QVERIFY(route.value(QLatin1String("requests_per_second")).toDouble() > 0.0);
        const QJsonObject latency = route.value(QLatin1String("latency_ms")).toObject();
        const double p50 = latency.value(QLatin1String("p50")).toDouble();
        QVERIFY2(p50 > 0.0 && p50 <= latency.value(QLatin1String("p99")).toDouble()
                     && latency.value(QLatin1String("p99")).toDouble()
                            <= latency.value(QLatin1String("max")).toDouble(),
                 output.constData());

        const QJsonObject feedback = report.value(QLatin1String("feedback")).toObject();
        QCOMPARE(feedback.value(QLatin1String("items_sent")).toInt(), 2000);
        QCOMPARE(feedback.value(QLatin1String("items_accepted")).toInt(), 2000);
        QCOMPARE(feedback.value(QLatin1String("items_rejected")).toInt(-1), 0);
        QCOMPARE(feedback.value(QLatin1String("sent")).toInt(), feedback.value(QLatin1String("ok")).toInt());
        QVERIFY(feedback.value(QLatin1String("sent")).toInt() >= 200); // batches of 10, a partial one per connection
        QVERIFY2(feedback.value(QLatin1String("errors")).toObject().isEmpty(), output.constData());

        // A random router's expected regret over these 2,000 rounds is about 133.
        const QJsonObject regret = report.value(QLatin1String("regret")).toObject();
        QCOMPARE(regret.value(QLatin1String("rounds")).toInt(), 2000);
        QVERIFY(regret.value(QLatin1String("regret_at_1k")).isDouble());
        QVERIFY(regret.value(QLatin1String("regret_at_5k")).isNull());
        const double regretEnd = regret.value(QLatin1String("regret_end")).toDouble(-1.0);
        QVERIFY2(regretEnd > 0.0 && regretEnd < 66.0, output.constData());
        const double share = regret.value(QLatin1String("optimal_share")).toDouble(-1.0);
        QVERIFY2(share > 0.25 && share <= 1.0, output.constData());

        // The text report, on a second run: the server has learned, and says nothing went wrong.
        const rltest::Finished text =
            runRlstudio(load(url, {QStringLiteral("--weights"), kMeta, QStringLiteral("--concurrency"),
                                   QStringLiteral("2"), QStringLiteral("--duration"), QStringLiteral("60"),
                                   QStringLiteral("--rounds"), QStringLiteral("300")}));
        QVERIFY2(text.exitCode == 0, text.standardError.constData());
        for (const char *line : {"300 of 300 rounds", "route ", "feedback ", "300 of 300 items accepted", "errors",
                                 "cumulative regret at the end", "optimal picks in all 300 rounds"})
            QVERIFY2(text.standardOutput.contains(line), text.standardOutput.constData());
        QVERIFY2(text.standardOutput.contains("none"), text.standardOutput.constData());
    }

    // SIGTERM (or Ctrl+C) stops the run early: what is queued is still posted, and the report covers it.
    // The end-to-end check: learning through the API, one round at a time and a batch as soon as an
    // item is queued, ends within 10 % of replaying the same stream through the same policy in process. The
    // loop learns after the feedback's answer, so rounds are paced (half a millisecond apart, still
    // far faster than LLM calls): unpaced, on busy cores, a round could be routed before the last was learned.
    void learningThroughTheApiMatchesReplay()
    {
        const rltest::Finished replay =
            runRlstudio({QStringLiteral("replay"), QStringLiteral("--stream"), kStream, QStringLiteral("--json")});
        QVERIFY2(replay.exitCode == 0, replay.standardError.constData());
        const double replayed = parsed(replay.standardOutput).value(QLatin1String("regret_end")).toDouble(-1.0);
        QVERIFY(replayed > 0.0);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString catalogue = dir.filePath(QStringLiteral("catalogue.json"));
        QVERIFY(writeCatalogue(catalogue));
        rltest::RlstudioProcess server(
            serverArguments({QStringLiteral("--catalogue"), catalogue, QStringLiteral("--batch-size"),
                             QStringLiteral("1"), QStringLiteral("--process-when-full")}));
        const QUrl base = server.waitForListening();
        QVERIFY2(base.isValid(), server.standardError().constData());
        const rltest::Finished run =
            runRlstudio(load(base.toString(QUrl::StripTrailingSlash),
                             {QStringLiteral("--weights"), kMeta, QStringLiteral("--concurrency"), QStringLiteral("1"),
                              QStringLiteral("--rate"), QStringLiteral("2000"), QStringLiteral("--duration"),
                              QStringLiteral("120"), QStringLiteral("--json")}));
        QVERIFY2(run.exitCode == 0, run.standardError.constData());
        const QJsonObject regret = parsed(run.standardOutput).value(QLatin1String("regret")).toObject();
        QCOMPARE(regret.value(QLatin1String("rounds")).toInt(), 20000);
        const double learned = regret.value(QLatin1String("regret_end")).toDouble(-1.0);
        qInfo("regret after 20,000 rounds: %.1f through the API, %.1f replayed", learned, replayed);
        QVERIFY2(std::abs(learned - replayed) <= 0.1 * replayed, run.standardOutput.constData());
    }

    void stopsWhenInterruptedAndStillReports()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString catalogue = dir.filePath(QStringLiteral("catalogue.json"));
        QVERIFY(writeCatalogue(catalogue));
        rltest::RlstudioProcess server(serverArguments({QStringLiteral("--catalogue"), catalogue}));
        const QUrl base = server.waitForListening();
        QVERIFY2(base.isValid(), server.standardError().constData());

        QProcess run;
        run.setProcessEnvironment(rltest::cleanEnvironment());
        run.start(QStringLiteral(RLSTUDIO_BINARY),
                  load(base.toString(QUrl::StripTrailingSlash),
                       {QStringLiteral("--concurrency"), QStringLiteral("2"), QStringLiteral("--duration"),
                        QStringLiteral("600"), QStringLiteral("--rounds"), QStringLiteral("100000000"),
                        QStringLiteral("--feedback-batch"), QStringLiteral("50"), QStringLiteral("--json")}));
        QVERIFY(run.waitForStarted());
        // Stopped mid-run: once the server has routed some of it.
        QNetworkAccessManager network;
        const QUrl health = base.resolved(QUrl(QStringLiteral("/health")));
        QTRY_VERIFY_WITH_TIMEOUT(QJsonDocument::fromJson(rltest::request(network, health).body)
                                         .object()
                                         .value(QLatin1String("totals"))
                                         .toObject()
                                         .value(QLatin1String("routed"))
                                         .toInt()
                                     > 100,
                                 rltest::kProcessTimeoutMs);
        run.terminate();
        QVERIFY(run.waitForFinished(rltest::kProcessTimeoutMs));
        QCOMPARE(run.exitStatus(), QProcess::NormalExit);
        QCOMPARE(run.exitCode(), 1);
        const QByteArray output = run.readAllStandardOutput();
        const QJsonObject report = parsed(output);
        QCOMPARE(report.value(QLatin1String("cancelled")).toBool(), true);
        const int routed = report.value(QLatin1String("route")).toObject().value(QLatin1String("ok")).toInt();
        QVERIFY2(routed > 0, output.constData());
        const QJsonObject feedback = report.value(QLatin1String("feedback")).toObject();
        QCOMPARE(feedback.value(QLatin1String("items_sent")).toInt(), routed);
        QCOMPARE(feedback.value(QLatin1String("items_accepted")).toInt(), routed);
    }

    // A server that cannot take the stream's features answers 400 to every round: the report counts them by
    // status with the first body, and no feedback is sent for rounds without a decision.
    void countsErrorsByStatus()
    {
        rltest::RlstudioProcess server(serverArguments({})); // the built-in catalogue: 6 features
        const QUrl base = server.waitForListening();
        QVERIFY2(base.isValid(), server.standardError().constData());

        const rltest::Finished run = runRlstudio(
            load(base.toString(QUrl::StripTrailingSlash),
                 {QStringLiteral("--concurrency"), QStringLiteral("2"), QStringLiteral("--duration"),
                  QStringLiteral("60"), QStringLiteral("--rounds"), QStringLiteral("50"), QStringLiteral("--json")}));
        QVERIFY2(run.exitCode == 0, run.standardError.constData());
        const QJsonObject report = parsed(run.standardOutput);
        const QJsonObject route = report.value(QLatin1String("route")).toObject();
        QCOMPARE(route.value(QLatin1String("sent")).toInt(), 50);
        QCOMPARE(route.value(QLatin1String("ok")).toInt(-1), 0);
        const QJsonObject badRequest =
            route.value(QLatin1String("errors")).toObject().value(QLatin1String("400")).toObject();
        QCOMPARE(badRequest.value(QLatin1String("count")).toInt(), 50);
        QVERIFY2(badRequest.value(QLatin1String("first")).toString().contains(QLatin1String("features")),
                 run.standardOutput.constData());
        QCOMPARE(report.value(QLatin1String("feedback")).toObject().value(QLatin1String("sent")).toInt(-1), 0);
        QVERIFY(!report.contains(QLatin1String("regret"))); // not asked for
    }
};

QTEST_GUILESS_MAIN(TestLoadCommand)
#include "tst_loadcommand.moc"
