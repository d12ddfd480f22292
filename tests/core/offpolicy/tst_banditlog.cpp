// Reading a decision log: both formats `rlstudio export` writes (so a log exported from a journal
// evaluates as written), a CSV of the issue's minimal columns in any order, and every malformed line an
// error naming the file, line and problem.
#include <QTest>

#include "core/journal/DecisionLogFormat.h"
#include "core/offpolicy/BanditLog.h"

using rl::BanditLog;
using rl::DecisionLogFormat;

namespace {

rl::JournalExportRow exported(std::uint64_t id, std::size_t arm, double reward)
{
    rl::JournalExportRow row;
    row.decision.eventId = id;
    row.decision.timeMs = 1'800'000'000'000;
    row.decision.arm = arm;
    row.decision.probabilities = {0.2, 0.5, 0.3};
    row.decision.propensity = row.decision.probabilities[arm];
    row.decision.features = {1.0, -0.25};
    row.decision.policyVersion = "linucb@3";
    row.learned = rl::JournalLearned{id, id, reward};
    return row;
}

std::string exportedLog(DecisionLogFormat::Kind kind)
{
    std::string text = DecisionLogFormat::header(kind, 2, 3);
    text += DecisionLogFormat::line(kind, exported(1, 1, 0.75));
    text += DecisionLogFormat::line(kind, exported(2, 2, 0.25));
    return text;
}

// The error parse() throws, or "" when it throws none.
QString errorOf(const std::string &text, std::size_t arms = 0)
{
    try {
        BanditLog::parse(text, "log.csv", arms);
    } catch (const std::exception &error) {
        return QString::fromUtf8(error.what());
    }
    return {};
}

} // namespace

class TstBanditLog : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void readsWhatExportWrites_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("csv") << static_cast<int>(DecisionLogFormat::Kind::Csv);
        QTest::newRow("dsjson") << static_cast<int>(DecisionLogFormat::Kind::Dsjson);
    }
    void readsWhatExportWrites()
    {
        QFETCH(int, kind);
        const BanditLog log = BanditLog::parse(exportedLog(static_cast<DecisionLogFormat::Kind>(kind)), "log", 3);
        QCOMPARE(log.rounds.size(), std::size_t(2));
        QCOMPARE(log.dimension, std::size_t(2));
        QCOMPARE(log.arms, std::size_t(3));
        QCOMPARE(log.rounds[0].action, std::size_t(1));
        QCOMPARE(log.rounds[0].propensity, 0.5);
        QCOMPARE(log.rounds[0].reward, 0.75);
        QCOMPARE(log.rounds[1].action, std::size_t(2));
        QCOMPARE(log.rounds[1].features, (std::vector<double>{1.0, -0.25}));
        QCOMPARE(log.rounds[1].logging, (std::vector<double>{0.2, 0.5, 0.3}));
    }

    void readsTheMinimalColumnsInAnyOrder()
    {
        const BanditLog log =
            BanditLog::parse("reward,x0,action,x1,propensity\n0.5,1,0,2,0.25\n\n1,3,1,4,0.75\n", "l", 0);
        QCOMPARE(log.rounds.size(), std::size_t(2));
        QCOMPARE(log.arms, std::size_t(0));
        QCOMPARE(log.rounds[1].features, (std::vector<double>{3.0, 4.0}));
        QCOMPARE(log.rounds[1].action, std::size_t(1));
        QVERIFY(log.rounds[1].logging.empty());
    }

    void malformedLinesAreNamed_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("arms");
        QTest::addColumn<QString>("error");
        const QByteArray header = "x0,action,propensity,reward\n";
        QTest::newRow("zero propensity") << header + "1,0,0.5,1\n1,0,0,1\n"
                                         << 0 << QStringLiteral("log.csv:3:5: propensity 0 is not in [1e-12, 1]");
        QTest::newRow("propensity above 1") << header + "1,0,1.5,1\n"
                                            << 0 << QStringLiteral("log.csv:2:5: propensity 1.5 is not in [1e-12, 1]");
        QTest::newRow("unknown action") << header + "1,0,0.5,1\n1,4,0.5,1\n"
                                        << 3
                                        << QStringLiteral("log.csv:3:3: action 4 is not one of the target's 3 arms");
        QTest::newRow("fractional action")
            << header + "1,0.5,0.5,1\n"
            << 0 << QStringLiteral("log.csv:2:3: column 'action': expected an arm from 0, got 0.5");
        QTest::newRow("not a number") << header + "1,0,0.5,lots\n"
                                      << 0
                                      << QStringLiteral(
                                             "log.csv:2:9: column 'reward': expected a finite number, got 'lots'");
        QTest::newRow("short row") << header + "1,0,0.5\n"
                                   << 0 << QStringLiteral("log.csv:2:8: row has 3 columns, expected 4");
        QTest::newRow("no reward column") << QByteArray("x0,action,propensity\n1,0,1\n") << 0
                                          << QStringLiteral("log.csv:1:21: the header has no 'reward' column");
        QTest::newRow("unknown column") << QByteArray("x0,action,bogus\n") << 0
                                        << QStringLiteral(
                                               "log.csv:1:11: unexpected header column 'bogus', expected x1, "
                                               "action, propensity, reward or p0");
        QTest::newRow("distribution sum") << QByteArray("x0,action,propensity,reward,p0,p1\n1,0,0.5,1,0.5,0.6\n") << 0
                                          << QStringLiteral("log.csv:2:18: p0..p1 sum to 1.1, not 1");
        QTest::newRow("propensity not the logged one")
            << QByteArray("x0,action,propensity,reward,p0,p1\n1,0,0.4,1,0.5,0.5\n") << 0
            << QStringLiteral("log.csv:2:18: propensity 0.4 differs from p0 = 0.5");
        QTest::newRow("propensity beside p") << QByteArray("x0,action,propensity,reward,p0,p1\n1,1,1e-9,1,1,0\n") << 0
                                             << QStringLiteral("log.csv:2:15: propensity 1e-09 differs from p1 = 0");
        QTest::newRow("dsjson negative action")
            << QByteArray(R"({"_label_Action":-2,"_label_probability":1,"_label_cost":-1,"c":{"x":{"x0":1}},"a":[1],)"
                          R"("p":[1]})"
                          "\n")
            << 0 << QStringLiteral("log.csv:1: _label_Action: -2 is not one of the line's actions 1..1");
        QTest::newRow("empty") << QByteArray() << 0
                               << QStringLiteral("log.csv:1:1: empty file, expected a header with x0.., action, "
                                                 "propensity, reward");
        QTest::newRow("dsjson missing field")
            << QByteArray("{\"_label_Action\":1}\n") << 0 << QStringLiteral("log.csv:1: _label_probability: missing");
        QTest::newRow("dsjson not json") << QByteArray("{oops\n") << 0 << QStringLiteral("log.csv:1: not valid JSON: ");
        QTest::newRow("dsjson action twice") << QByteArray(
            R"({"_label_Action":1,"_label_probability":0.5,"_label_cost":-1,"c":{"x":{"x0":1}},"a":[1,1],)"
            R"("p":[0.5,0.5]})"
            "\n") << 0 << QStringLiteral("log.csv:1: a: action 1 is listed twice");
        QTest::newRow("dsjson zero propensity") << QByteArray(
            R"({"_label_Action":1,"_label_probability":0,"_label_cost":-1,"c":{"x":{"x0":1}},"a":[1],"p":[1]})"
            "\n") << 0 << QStringLiteral("log.csv:1: _label_probability: propensity 0 is not in [1e-12, 1]");
    }
    void malformedLinesAreNamed()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, arms);
        QFETCH(QString, error);
        const QString actual = errorOf(text.toStdString(), static_cast<std::size_t>(arms));
        QVERIFY2(actual == error || (error.endsWith(QStringLiteral(": ")) && actual.startsWith(error)),
                 qPrintable(actual));
    }
};

QTEST_GUILESS_MAIN(TstBanditLog)
#include "tst_banditlog.moc"
