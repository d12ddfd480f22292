#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "RlstudioProcess.h"
#include "core/loop/LoopConfig.h"

using rltest::cleanEnvironment;
using rltest::Reply;
using rltest::request;
using rltest::runRlstudio;

namespace {

constexpr int kTimeoutMs = rltest::kProcessTimeoutMs;

} // namespace

class TestHeadless : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void servesMetricsAndHealthAndStopsOnSigterm();
    void invalidEnvironmentStopsStartup();
    void replayPrintsJson();
    void benchPrintsJson();
    void simulatedStreamReplaysWithItsDrift();
    void replayRefusesWhatIsNotAStream();
    void outOfMemoryNamesTheFile();
    void langAndSystemLocaleTranslateHelpAndErrors();
};

void TestHeadless::servesMetricsAndHealthAndStopsOnSigterm()
{
    rltest::RlstudioProcess rlstudio({QStringLiteral("--headless"), QStringLiteral("--listen"),
                                      QStringLiteral("127.0.0.1:0"), QStringLiteral("--interval"),
                                      QStringLiteral("0.2"), QStringLiteral("--rate"), QStringLiteral("600")});
    // The first line names the port the system picked.
    const QUrl base = rlstudio.waitForListening();
    QVERIFY2(base.isValid(), rlstudio.standardError().constData());
    QCOMPARE(base.host(), QStringLiteral("127.0.0.1"));
    QVERIFY(base.port() > 0);

    QNetworkAccessManager network;
    const Reply metrics = request(network, base.resolved(QUrl(QStringLiteral("/metrics"))));
    QCOMPARE(metrics.status, 200);
    QVERIFY2(metrics.contentType.startsWith("text/plain; version=0.0.4"), metrics.contentType.constData());
    QVERIFY(metrics.body.contains("rl_feedback_processed_total{"));
    QVERIFY2(metrics.body.contains(R"(rl_feedback_queue_depth{tenant="default",workspace="default"})"),
             metrics.body.constData());

    const Reply health = request(network, base.resolved(QUrl(QStringLiteral("/health"))));
    QCOMPARE(health.status, 200);
    QVERIFY2(health.contentType.startsWith("application/json"), health.contentType.constData());
    QJsonParseError error;
    const QJsonObject object = QJsonDocument::fromJson(health.body, &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    for (const char *key : {"rl_feedback_enabled", "trajectory_evaluation_enabled", "router_registered", "loop_running",
                            "queue_depth", "last_tick", "batch_size", "interval_seconds", "policy", "totals"})
        QVERIFY2(object.contains(QLatin1String(key)), key);
    QCOMPARE(object.value(QLatin1String("rl_feedback_enabled")).toBool(), true);
    QCOMPARE(object.value(QLatin1String("interval_seconds")).toDouble(), 0.2);
    QCOMPARE(object.value(QLatin1String("policy")).toString(), QStringLiteral("adaptive"));
    const QJsonObject totals = object.value(QLatin1String("totals")).toObject();
    for (const char *key : {"routed", "emitted", "processed", "failed", "dropped", "purged", "evicted"})
        QVERIFY2(totals.contains(QLatin1String(key)), key);

    QCOMPARE(request(network, base.resolved(QUrl(QStringLiteral("/nowhere")))).status, 404);
    QCOMPARE(request(network, base.resolved(QUrl(QStringLiteral("/metrics"))), "POST").status, 405);
    const Reply after = request(network, base.resolved(QUrl(QStringLiteral("/metrics"))));
    QVERIFY2(after.body.contains(R"(rl_input_rejected_total{reason="not_found",source="api"} 1)"),
             after.body.constData());

    // A second instance on the same port says why it cannot start.
    const rltest::Finished second = runRlstudio(
        {QStringLiteral("--headless"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(base.port())});
    QVERIFY(second.exitCode > 0);
    const QByteArray &secondError = second.standardError;
    QVERIFY2(secondError.contains("cannot listen on 127.0.0.1:" + QByteArray::number(base.port()) + ": address in use"),
             secondError.constData());

    QProcess &process = rlstudio.process();
    process.terminate(); // SIGTERM
    QVERIFY(process.waitForFinished(5000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    // It says what becomes of the queue: with the journal (the default), nothing is lost.
    const QByteArray log = process.readAllStandardError();
    QVERIFY2(
        QRegularExpression(QStringLiteral("received SIGTERM, shutting down: \\d+ queued items? stays? in the journal"))
            .match(QString::fromUtf8(rlstudio.standardError() + log))
            .hasMatch(),
        (rlstudio.standardError() + log).constData());
}

void TestHeadless::invalidEnvironmentStopsStartup()
{
    QProcess process;
    QProcessEnvironment environment = cleanEnvironment();
    environment.insert(QStringLiteral("RL_FEEDBACK_BATCH_SIZE"), QStringLiteral("abc"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(RLSTUDIO_BINARY),
                  {QStringLiteral("--headless"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
    QVERIFY(process.waitForFinished(kTimeoutMs));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 2);
    const QByteArray errors = process.readAllStandardError();
    QVERIFY2(errors.contains("RL_FEEDBACK_BATCH_SIZE"), errors.constData());
    QVERIFY2(errors.contains("abc"), errors.constData());
    QVERIFY2(errors.contains(QByteArray::number(qulonglong(rl::LoopConfig::kMaxBatchSize))), errors.constData());
    QVERIFY(process.readAllStandardOutput().isEmpty());
}

void TestHeadless::replayPrintsJson()
{
    const rltest::Finished replay =
        runRlstudio({QStringLiteral("replay"), QStringLiteral("--stream"),
                     QStringLiteral(RLSTUDIO_WORKLOAD_DIR "/learning_stream.csv"), QStringLiteral("--policy"),
                     QStringLiteral("linucb"), QStringLiteral("--json")});
    QVERIFY2(replay.exitCode == 0, replay.standardError.constData());
    const QByteArray &output = replay.standardOutput;
    const QJsonObject result = QJsonDocument::fromJson(output).object();
    QCOMPARE(result.value(QLatin1String("rounds")).toInt(), 20000);
    const double regretEnd = result.value(QLatin1String("regret_end")).toDouble(-1.0);
    QVERIFY2(regretEnd >= 0.0 && regretEnd <= 40.0, output.constData());

    const rltest::Finished missing =
        runRlstudio({QStringLiteral("replay"), QStringLiteral("--stream"), QStringLiteral("/nonexistent/stream.csv")});
    QCOMPARE(missing.exitCode, 2);
    QVERIFY(missing.standardError.contains("/nonexistent/stream.csv"));
}

void TestHeadless::benchPrintsJson()
{
    const rltest::Finished bench = runRlstudio(
        {QStringLiteral("bench"), QStringLiteral("--depth"), QStringLiteral("1000"), QStringLiteral("--json")});
    QVERIFY2(bench.exitCode == 0, bench.standardError.constData());
    const QByteArray &output = bench.standardOutput;
    const QJsonObject result = QJsonDocument::fromJson(output).object();
    QVERIFY2(result.value(QLatin1String("items_per_second")).toDouble() > 0.0, output.constData());
    QCOMPARE(result.value(QLatin1String("items")).toInt(), 1000);
}

// simulate-stream writes what replay reads, the same for the same seed; with drift, regret is measured
// against the weights in force, so a policy that cannot forget (plain LinUCB) pays for the change.
void TestHeadless::simulatedStreamReplaysWithItsDrift()
{
    const QTemporaryDir dir;
    const auto simulate = [&dir](const QString &name, const QStringList &extra) {
        return runRlstudio(QStringList{QStringLiteral("simulate-stream"), QStringLiteral("--rounds"),
                                       QStringLiteral("6000"), QStringLiteral("--seed"), QStringLiteral("3"),
                                       QStringLiteral("--out"), dir.filePath(name)}
                           + extra);
    };
    const rltest::Finished stationary = simulate(QStringLiteral("a"), {});
    QVERIFY2(stationary.exitCode == 0, stationary.standardError.constData());
    QVERIFY(simulate(QStringLiteral("b"), {}).exitCode == 0);
    QFile a(dir.filePath(QStringLiteral("a/learning_stream.csv")));
    QFile b(dir.filePath(QStringLiteral("b/learning_stream.csv")));
    QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
    QCOMPARE(a.readAll(), b.readAll()); // deterministic for a seed
    QVERIFY(simulate(QStringLiteral("d"), {QStringLiteral("--drift"), QStringLiteral("3000:11")}).exitCode == 0);

    const auto regret = [&dir](const QString &name) {
        const rltest::Finished replay =
            runRlstudio({QStringLiteral("replay"), QStringLiteral("--stream"),
                         dir.filePath(name + QStringLiteral("/learning_stream.csv")), QStringLiteral("--policy"),
                         QStringLiteral("linucb"), QStringLiteral("--json")});
        return QJsonDocument::fromJson(replay.standardOutput).object().value(QLatin1String("regret_end")).toDouble(-1);
    };
    const double steady = regret(QStringLiteral("a"));
    const double drifting = regret(QStringLiteral("d"));
    QVERIFY2(steady >= 0 && drifting > 2 * steady, qPrintable(QStringLiteral("%1 vs %2").arg(steady).arg(drifting)));
}

// Each input defect gets an exit status of 2 and a message naming the file and what it is.
void TestHeadless::replayRefusesWhatIsNotAStream()
{
    const QTemporaryDir dir;
    const auto error = [](const QString &stream) {
        const rltest::Finished replay =
            runRlstudio({QStringLiteral("replay"), QStringLiteral("--stream"), stream, QStringLiteral("--weights"),
                         QStringLiteral(RLSTUDIO_WORKLOAD_DIR "/meta.json")});
        return replay.exitCode == 2 ? QString::fromUtf8(replay.standardError).trimmed() : QStringLiteral("<accepted>");
    };
    QCOMPARE(error(dir.path()), QStringLiteral("rlstudio replay: %1: is a directory, not a file").arg(dir.path()));
    QCOMPARE(error(QStringLiteral("/dev/zero")),
             QStringLiteral("rlstudio replay: /dev/zero: is a device, not a regular file"));
    QFile huge(dir.filePath(QStringLiteral("huge.csv")));
    QVERIFY(huge.open(QIODevice::WriteOnly));
    huge.write("t,x0,x1,x2,x3,x4,x5,x6,x7,x8,x9,r0,r1,r2,r3\n0,1e308,0,0,0,0,0,0,0,0,0,0,0,0,0\n");
    huge.close();
    QCOMPARE(error(huge.fileName()), QStringLiteral("rlstudio replay: %1:2:3: column 'x0': 1e308 is beyond ±1e+100, "
                                                    "where products of such values overflow")
                                         .arg(huge.fileName()));
}

// Under a memory limit the message used to be a bare "std::bad_alloc". The limits that leave too little
// depend on the libraries' sizes, so a range is tried: every run that fails must name the file and what
// ran short, and at least one must fail that way.
void TestHeadless::outOfMemoryNamesTheFile()
{
    const QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("s"));
    QCOMPARE(runRlstudio({QStringLiteral("simulate-stream"), QStringLiteral("--rounds"), QStringLiteral("100000"),
                          QStringLiteral("--out"), out})
                 .exitCode,
             0);
    const QString stream = out + QStringLiteral("/learning_stream.csv");
    int refused = 0;
    for (int kilobytes = 95000; kilobytes <= 215000; kilobytes += 15000) {
        const rltest::Finished replay = runRlstudio(
            {QStringLiteral("-c"), QStringLiteral("ulimit -v %1 && exec \"$0\" replay --stream \"$1\"").arg(kilobytes),
             QStringLiteral(RLSTUDIO_BINARY), stream},
            cleanEnvironment(), QStringLiteral("/bin/sh"));
        if (replay.exitCode == 127)
            continue; // too little even to load the libraries
        const QString error = QString::fromUtf8(replay.standardError).trimmed();
        if (replay.exitCode != 0) {
            QVERIFY2(error.startsWith(QStringLiteral("rlstudio replay: %1: not enough memory").arg(stream)),
                     qPrintable(QStringLiteral("ulimit -v %1: %2").arg(kilobytes).arg(error)));
            ++refused;
        }
    }
    QVERIFY(refused > 0);
}

void TestHeadless::langAndSystemLocaleTranslateHelpAndErrors()
{
    const rltest::Finished help =
        runRlstudio({QStringLiteral("--lang"), QStringLiteral("de"), QStringLiteral("--help")});
    const QString text = QString::fromUtf8(help.standardOutput);
    QCOMPARE(help.exitCode, 0);
    QVERIFY2(text.contains(QStringLiteral("Ohne Fenster ausführen")), qPrintable(text));

    // Without --lang, the system locale chooses.
    QProcessEnvironment german = cleanEnvironment();
    german.insert(QStringLiteral("LANG"), QStringLiteral("de_DE.UTF-8"));
    const rltest::Finished system = runRlstudio({QStringLiteral("--help")}, german);
    QVERIFY(QString::fromUtf8(system.standardOutput).contains(QStringLiteral("Ohne Fenster ausführen")));

    const rltest::Finished invalid = runRlstudio(
        {QStringLiteral("--lang=de"), QStringLiteral("--headless"), QStringLiteral("--seed"), QStringLiteral("x")});
    QCOMPARE(invalid.exitCode, 2);
    const QString errors = QString::fromUtf8(invalid.standardError);
    QVERIFY2(errors.contains(QStringLiteral("--seed")) && errors.contains(QStringLiteral("keine ganze Zahl")),
             qPrintable(errors));
}

QTEST_GUILESS_MAIN(TestHeadless)
#include "tst_headless.moc"
