#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>

#include "RlstudioProcess.h"

namespace {

const QByteArray kJson = "application/json";

QByteArray feedback(int i, const QString &model, double score)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("trajectory_id"), QStringLiteral("e-%1").arg(i)},
                                     {QStringLiteral("model_id"), model},
                                     {QStringLiteral("accuracy_score"), score},
                                     {QStringLiteral("efficiency_score"), score},
                                     {QStringLiteral("error_handling_score"), score},
                                     {QStringLiteral("overall_score"), score}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

// `rlstudio export`: the decision log of a running instance's journal, rewards joined, as DSJSON and CSV;
// `rlstudio evaluate` reads both as written and estimates the same from either.
class TestExport : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void exportsTheRewardedDecisions()
    {
        QVERIFY(m_dir.isValid());
        const QString data = m_dir.filePath(QStringLiteral("data"));
        rltest::RlstudioProcess rlstudio({QStringLiteral("--headless"), QStringLiteral("--listen"),
                                          QStringLiteral("127.0.0.1:0"), QStringLiteral("--status-every"),
                                          QStringLiteral("0"), QStringLiteral("--no-simulator"),
                                          QStringLiteral("--disable-loop"), QStringLiteral("--data-dir"), data});
        const QUrl base = rlstudio.waitForListening();
        QVERIFY2(base.isValid(), rlstudio.standardError().constData());
        QNetworkAccessManager network;
        const auto post = [&](const char *path, const QByteArray &body) {
            return rltest::request(network, base.resolved(QUrl(QString::fromLatin1(path))), "POST", body, kJson);
        };
        // Five decisions, three of them rewarded and learned.
        QList<QJsonObject> decisions;
        for (int i = 0; i < 5; ++i)
            decisions.append(QJsonDocument::fromJson(
                                 post("/v1/route", QStringLiteral(R"({"trajectory_id":"e-%1"})").arg(i).toUtf8()).body)
                                 .object());
        for (int i = 0; i < 3; ++i)
            QCOMPARE(post("/v1/feedback",
                          feedback(i, decisions[i].value(QStringLiteral("model_id")).toString(), 0.25 * (i + 1)))
                         .status,
                     202);
        QCOMPARE(post("/v1/loop/drain", {}).status, 200);

        // While it runs: the export reads its own snapshot.
        const QString csvPath = m_dir.filePath(QStringLiteral("log.csv"));
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto run = rltest::runRlstudio({QStringLiteral("export"), QStringLiteral("--data-dir"), data,
                                                      QStringLiteral("--format"), QStringLiteral("csv"),
                                                      QStringLiteral("--out"), csvPath});
                return run.exitCode == 0 && run.standardOutput.contains("3 decisions with a reward");
            }(),
            rltest::kProcessTimeoutMs);
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csv.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 4);
        QCOMPARE(lines[0], QByteArray("event_id,timestamp_ms,policy_version,x0,x1,x2,x3,x4,x5,action,propensity,reward,"
                                      "p0,p1,p2,p3"));
        const QList<QByteArray> second = lines[2].split(',');
        QCOMPARE(second.size(), 16);
        QCOMPARE(second[0], decisions[1].value(QStringLiteral("event_id")).toString().toUtf8());
        QCOMPARE(second[9].toInt(), decisions[1].value(QStringLiteral("arm")).toInt());
        QCOMPARE(second[11].toDouble(), 0.5); // all four scores 0.5, no outcome: the reward is 0.5

        const QString dsjsonPath = m_dir.filePath(QStringLiteral("log.json"));
        const auto run = rltest::runRlstudio(
            {QStringLiteral("export"), QStringLiteral("--data-dir"), data, QStringLiteral("--out"), dsjsonPath});
        QCOMPARE(run.exitCode, 0);
        QFile dsjson(dsjsonPath);
        QVERIFY(dsjson.open(QIODevice::ReadOnly));
        const QList<QByteArray> events = dsjson.readAll().trimmed().split('\n');
        QCOMPARE(events.size(), 3);
        const QJsonObject first = QJsonDocument::fromJson(events[0]).object();
        QCOMPARE(first.value(QStringLiteral("EventId")).toString(),
                 decisions[0].value(QStringLiteral("event_id")).toString());
        QCOMPARE(first.value(QStringLiteral("_label_cost")).toDouble(), -0.25);
        QCOMPARE(first.value(QStringLiteral("_labelIndex")).toInt(), decisions[0].value(QStringLiteral("arm")).toInt());
        QCOMPARE(first.value(QStringLiteral("_label_Action")).toInt(),
                 first.value(QStringLiteral("_labelIndex")).toInt() + 1);
        QCOMPARE(first.value(QStringLiteral("a")).toArray().at(0).toInt(),
                 first.value(QStringLiteral("_label_Action")).toInt());
        QCOMPARE(first.value(QStringLiteral("p")).toArray().size(), 4);
        QCOMPARE(first.value(QStringLiteral("c")).toObject().value(QStringLiteral("x")).toObject().size(), 6);
        QVERIFY(first.value(QStringLiteral("Timestamp")).toString().endsWith(QLatin1Char('Z')));
    }

    void evaluateReadsBothFormats()
    {
        // A target for the six features and four models of the default catalogue.
        const QString target = m_dir.filePath(QStringLiteral("meta.json"));
        QFile meta(target);
        QVERIFY(meta.open(QIODevice::WriteOnly));
        meta.write(R"({"true_weights": [[1,0,0,0,0,0],[0,1,0,0,0,0],[0,0,1,0,0,0],[0,0,0,1,0,0]]})");
        meta.close();
        QMap<QString, double> ips;
        for (const QString &name : {QStringLiteral("log.csv"), QStringLiteral("log.json")}) {
            const auto run = rltest::runRlstudio(
                {QStringLiteral("evaluate"), QStringLiteral("--log"), m_dir.filePath(name), QStringLiteral("--target"),
                 target, QStringLiteral("--bootstrap"), QStringLiteral("50"), QStringLiteral("--json")});
            QVERIFY2(run.exitCode == 0, run.standardError.constData());
            const QJsonObject result = QJsonDocument::fromJson(run.standardOutput).object();
            QCOMPARE(result.value(QStringLiteral("rows")).toInt(), 3);
            const QJsonArray estimates = result.value(QStringLiteral("estimates")).toArray();
            QCOMPARE(estimates.size(), 6);
            QCOMPARE(estimates.at(0).toObject().value(QStringLiteral("estimator")).toString(), QStringLiteral("ips"));
            ips.insert(name, estimates.at(0).toObject().value(QStringLiteral("value")).toDouble());
        }
        QCOMPARE(ips.value(QStringLiteral("log.csv")), ips.value(QStringLiteral("log.json")));

        // A malformed line: the file and line named, exit 1.
        const QString bad = m_dir.filePath(QStringLiteral("bad.csv"));
        QFile badFile(bad);
        QVERIFY(badFile.open(QIODevice::WriteOnly));
        badFile.write("x0,x1,x2,x3,x4,x5,action,propensity,reward\n0,0,0,0,0,0,1,0.25,1\n0,0,0,0,0,0,9,0.25,1\n");
        badFile.close();
        const auto refused = rltest::runRlstudio(
            {QStringLiteral("evaluate"), QStringLiteral("--log"), bad, QStringLiteral("--target"), target});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.standardError.contains(bad.toUtf8() + ":3:13: action 9 is not one of the target's 4 arms"),
                 refused.standardError.constData());
        const auto unnamed = rltest::runRlstudio({QStringLiteral("evaluate"), QStringLiteral("--estimators"),
                                                  QStringLiteral("ips,magic"), QStringLiteral("--log"), bad,
                                                  QStringLiteral("--target"), target});
        QCOMPARE(unnamed.exitCode, 2);
        QVERIFY2(unnamed.standardError.contains("magic is not one of ips, snips, dm, dr, sndr, switch-dr"),
                 unnamed.standardError.constData());
    }

    void badArgumentsSayWhatIsWrong()
    {
        const auto missing = rltest::runRlstudio({QStringLiteral("export"), QStringLiteral("--data-dir"),
                                                  m_dir.filePath(QStringLiteral("none")), QStringLiteral("--out"),
                                                  m_dir.filePath(QStringLiteral("x.csv"))});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.standardError.contains("no journal in"), missing.standardError.constData());
        const auto format =
            rltest::runRlstudio({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("parquet"),
                                 QStringLiteral("--out"), QStringLiteral("x")});
        QCOMPARE(format.exitCode, 2);
        QVERIFY2(format.standardError.contains("--format=\"parquet\" is not dsjson or csv"),
                 format.standardError.constData());
        const auto out = rltest::runRlstudio({QStringLiteral("export")});
        QCOMPARE(out.exitCode, 2);
        QVERIFY(out.standardError.contains("export needs --out FILE"));
    }
};

QTEST_GUILESS_MAIN(TestExport)
#include "tst_export.moc"
