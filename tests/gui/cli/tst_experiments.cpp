#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include "RlstudioProcess.h"

namespace {

const QString kStream = QStringLiteral(RLSTUDIO_WORKLOAD_DIR "/learning_stream.csv");

} // namespace

// The experimenter's commands as a person runs them: `compare` with a sweep, resumed from its saved runs, and
// `replay --window` on a drifting stream `simulate-stream` made.
class TestExperiments : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void compareRanksAndResumes()
    {
        QVERIFY(m_dir.isValid());
        const QString saved = m_dir.filePath(QStringLiteral("runs.jsonl"));
        const QStringList arguments{QStringLiteral("compare"),
                                    QStringLiteral("--stream"),
                                    kStream,
                                    QStringLiteral("--policy"),
                                    QStringLiteral("linucb:alpha=0.5..1/2"),
                                    QStringLiteral("--policy"),
                                    QStringLiteral("seed"),
                                    QStringLiteral("--seeds"),
                                    QStringLiteral("3"),
                                    QStringLiteral("--rounds"),
                                    QStringLiteral("3000"),
                                    QStringLiteral("--save"),
                                    saved,
                                    QStringLiteral("--json")};
        const auto first = rltest::runRlstudio(arguments);
        QVERIFY2(first.exitCode == 0, first.standardError.constData());
        const QJsonObject result = QJsonDocument::fromJson(first.standardOutput).object();
        QCOMPARE(result.value(QStringLiteral("runs")).toInt(), 9);
        QCOMPARE(result.value(QStringLiteral("resumed_runs")).toInt(), 0);
        const QJsonArray specs = result.value(QStringLiteral("specs")).toArray();
        QCOMPARE(specs.size(), 3);
        QCOMPARE(specs.at(0).toObject().value(QStringLiteral("spec")).toString(), QStringLiteral("linucb:alpha=0.5"));
        QCOMPARE(specs.at(2).toObject().value(QStringLiteral("rank")).toInt(), 3); // seed learns slowest
        const QJsonArray regret = specs.at(0).toObject().value(QStringLiteral("regret")).toArray();
        const QJsonObject end = regret.last().toObject();
        QCOMPARE(end.value(QStringLiteral("round")).toInt(), 3000);
        QVERIFY(end.value(QStringLiteral("low")).toDouble() <= end.value(QStringLiteral("mean")).toDouble());
        QVERIFY(end.value(QStringLiteral("mean")).toDouble() <= end.value(QStringLiteral("high")).toDouble());

        // Again with the same file: nothing runs again, the same figures come out.
        const auto second = rltest::runRlstudio(arguments);
        QVERIFY2(second.exitCode == 0, second.standardError.constData());
        const QJsonObject again = QJsonDocument::fromJson(second.standardOutput).object();
        QCOMPARE(again.value(QStringLiteral("resumed_runs")).toInt(), 9);
        QCOMPARE(again.value(QStringLiteral("specs")), result.value(QStringLiteral("specs")));

        // The text table names every spec, best first.
        const auto table = rltest::runRlstudio(arguments.mid(0, arguments.size() - 1));
        QVERIFY2(table.exitCode == 0, table.standardError.constData());
        QVERIFY2(table.standardOutput.contains("9 runs read from"), table.standardOutput.constData());
        const QString text = QString::fromUtf8(table.standardOutput);
        QVERIFY2(text.contains(QRegularExpression(QStringLiteral("\\n +1 +linucb:alpha=0\\.5 "))), qPrintable(text));
        QVERIFY2(text.contains(QRegularExpression(QStringLiteral("\\n +3 +seed "))), qPrintable(text));
    }

    // The state a replay learned, saved, is a target evaluate takes as deployed: frozen, its own exploration.
    void savedStateIsATarget()
    {
        const QString state = m_dir.filePath(QStringLiteral("thompson.json"));
        const auto replay = rltest::runRlstudio({QStringLiteral("replay"), QStringLiteral("--stream"), kStream,
                                                 QStringLiteral("--policy"), QStringLiteral("thompson"),
                                                 QStringLiteral("--save-state"), state});
        QVERIFY2(replay.exitCode == 0, replay.standardError.constData());
        // A uniform log of the stream's first rows: every arm with its reward.
        QFile stream(kStream);
        QVERIFY(stream.open(QIODevice::ReadOnly));
        stream.readLine();
        const QString log = m_dir.filePath(QStringLiteral("uniform.csv"));
        QFile out(log);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write("x0,x1,x2,x3,x4,x5,x6,x7,x8,x9,action,propensity,reward\n");
        for (int i = 0; i < 800; ++i) {
            const QList<QByteArray> fields = stream.readLine().trimmed().split(',');
            out.write(fields.mid(1, 10).join(',') + ',' + QByteArray::number(i % 4) + ",0.25," + fields.at(11 + i % 4)
                      + '\n');
        }
        out.close();
        const auto evaluate =
            rltest::runRlstudio({QStringLiteral("evaluate"), QStringLiteral("--log"), log, QStringLiteral("--target"),
                                 state, QStringLiteral("--bootstrap"), QStringLiteral("50"), QStringLiteral("--json")});
        QVERIFY2(evaluate.exitCode == 0, evaluate.standardError.constData());
        const QJsonObject result = QJsonDocument::fromJson(evaluate.standardOutput).object();
        QCOMPARE(result.value(QStringLiteral("target_kind")).toString(),
                 QStringLiteral("thompson state after 20,000 updates"));
        // A learned policy earns more than the uniform logger's 0.5 or so.
        const double ips = result.value(QStringLiteral("estimates"))
                               .toArray()
                               .at(0)
                               .toObject()
                               .value(QStringLiteral("value"))
                               .toDouble();
        QVERIFY2(ips > 0.5, evaluate.standardOutput.constData());

        const auto bootstrapped =
            rltest::runRlstudio({QStringLiteral("evaluate"), QStringLiteral("--log"), log, QStringLiteral("--target"),
                                 QStringLiteral("linucb"), QStringLiteral("--bootstrap"), QStringLiteral("50")});
        QCOMPARE(bootstrapped.exitCode, 1);
        QVERIFY2(bootstrapped.standardError.contains("apply to a target file; linucb is a policy spec"),
                 bootstrapped.standardError.constData());

        const auto explored =
            rltest::runRlstudio({QStringLiteral("evaluate"), QStringLiteral("--log"), log, QStringLiteral("--target"),
                                 state, QStringLiteral("--target-epsilon"), QStringLiteral("0.1")});
        QCOMPARE(explored.exitCode, 1);
        QVERIFY2(explored.standardError.contains("a saved policy explores as it was deployed"),
                 explored.standardError.constData());
    }

    void replayWindowOnADriftingStream()
    {
        const QString dir = m_dir.filePath(QStringLiteral("drift"));
        const auto made =
            rltest::runRlstudio({QStringLiteral("simulate-stream"), QStringLiteral("--rounds"), QStringLiteral("4000"),
                                 QStringLiteral("--drift"), QStringLiteral("2000:99"), QStringLiteral("--out"), dir});
        QVERIFY2(made.exitCode == 0, made.standardError.constData());
        const auto replay =
            rltest::runRlstudio({QStringLiteral("replay"), QStringLiteral("--stream"),
                                 QDir(dir).filePath(QStringLiteral("learning_stream.csv")), QStringLiteral("--window"),
                                 QStringLiteral("3000:4000"), QStringLiteral("--json")});
        QVERIFY2(replay.exitCode == 0, replay.standardError.constData());
        const QJsonObject window =
            QJsonDocument::fromJson(replay.standardOutput).object().value(QStringLiteral("window")).toObject();
        QCOMPARE(window.value(QStringLiteral("from")).toInt(), 3000);
        QCOMPARE(window.value(QStringLiteral("to")).toInt(), 4000);
        const double share = window.value(QStringLiteral("optimal_share")).toDouble(-1);
        QVERIFY(share >= 0.0 && share <= 1.0);

        const auto beyond = rltest::runRlstudio({QStringLiteral("replay"), QStringLiteral("--stream"),
                                                 QDir(dir).filePath(QStringLiteral("learning_stream.csv")),
                                                 QStringLiteral("--window"), QStringLiteral("3000:5000")});
        QCOMPARE(beyond.exitCode, 2);
        QVERIFY2(
            beyond.standardError.contains("the window 3000:5000 is not a range of rounds within the stream's 4000"),
            beyond.standardError.constData());
    }
};

QTEST_GUILESS_MAIN(TestExperiments)
#include "tst_experiments.moc"
