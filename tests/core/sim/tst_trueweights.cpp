// A stream's true weights from meta.json, stationary or drifting; hostile files get clear errors.
#include <QtTest>

#include <QTemporaryDir>

#include <fstream>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "core/sim/TrueWeights.h"

namespace {

QString parseError(const std::string &text)
{
    try {
        rl::TrueWeights::parse(text, "meta.json");
    } catch (const std::exception &error) {
        return QString::fromUtf8(error.what());
    }
    return QStringLiteral("<parsed>");
}

} // namespace

class TstTrueWeights : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void badWeightsRejected_data()
    {
        QTest::addColumn<QString>("content");
        QTest::addColumn<QString>("message"); // after "meta.json: "
        QTest::newRow("no key") << R"({"arms": []})"
                                << "missing 'true_weights'";
        QTest::newRow("not array") << R"({"true_weights": 3})"
                                   << "true_weights must be an array of weight vectors, got 3";
        QTest::newRow("empty") << R"({"true_weights": []})"
                               << "true_weights must hold 1..64 weight vectors, one per arm";
        QTest::newRow("ragged") << R"({"true_weights": [[1, 2], [3]]})"
                                << "true_weights[1] has 1 entries, true_weights[0] has 2";
        QTest::newRow("text") << R"({"true_weights": [[1, "a"]]})"
                              << R"(true_weights[0][1]: expected a number, got "a")";
        QTest::newRow("huge") << R"({"true_weights": [[1, 1e300]]})"
                              << "true_weights[0][1]: 1e+300 is not a finite number within ±1e+100";
        QTest::newRow("invalid") << "{"
                                 << "not valid JSON: ";
        QTest::newRow("drift round") << R"({"true_weights": [[1]], "drift": [{"round": 0, "true_weights": [[2]]}]})"
                                     << "drift[0].round: 0 is not a round after the first";
        QTest::newRow("drift order") << R"({"true_weights": [[1]], "drift": [{"round": 5, "true_weights": [[2]]},
                                                    {"round": 5, "true_weights": [[3]]}]})"
                                     << "drift[1].round: 5 must be greater than 5 (the previous change's round, or 0)";
        QTest::newRow("drift shape")
            << R"({"true_weights": [[1], [2]], "drift": [{"round": 3, "true_weights": [[2]]}]})"
            << "drift[0].true_weights has 1 arms, true_weights has 2";
        QTest::newRow("drift missing") << R"({"true_weights": [[1]], "drift": [{"round": 3}]})"
                                       << "drift[0].true_weights: missing";
    }

    void badWeightsRejected()
    {
        QFETCH(QString, content);
        QFETCH(QString, message);
        const QString error = parseError(content.toStdString());
        QVERIFY2(error.startsWith(QStringLiteral("meta.json: ") + message), qPrintable(error));
    }

    // 60,000 nested arrays used to crash replay (the error message called dump() on them, recursing).
    void deepNestingIsRefusedBeforeParsing()
    {
        const std::string deep = R"({"true_weights": )" + std::string(60000, '[') + std::string(60000, ']') + "}";
        QCOMPARE(parseError(deep), QStringLiteral("meta.json: nested deeper than 32 levels at byte 49"));
    }

    void driftChangesTheWeightsInForce()
    {
        const auto weights = rl::TrueWeights::parse(
            R"({"true_weights": [[1], [2]], "drift": [{"round": 10, "true_weights": [[3], [4]]},
                                                       {"round": 20, "true_weights": [[5], [6]]}]})",
            "meta.json");
        QCOMPARE(weights.at(0)[1][0], 2.0);
        QCOMPARE(weights.at(9)[0][0], 1.0);
        QCOMPARE(weights.at(10)[0][0], 3.0);
        QCOMPARE(weights.at(19)[1][0], 4.0);
        QCOMPARE(weights.at(20)[0][0], 5.0);
        QCOMPARE(weights.at(1000000)[1][0], 6.0);
        // What toJson writes, parse reads back.
        const auto again = rl::TrueWeights::parse(weights.toJson().dump(), "again");
        QCOMPARE(again.toJson(), weights.toJson());
        QCOMPARE(rl::TrueWeights(std::vector<rl::FeatureVector>{{1.0}}).toJson().contains("drift"), false);
    }

    void loadNamesTheFile()
    {
        const QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("meta.json")).toStdString();
        std::ofstream(path) << R"({"true_weights": [[0.5, 0.5]]})";
        QCOMPARE(rl::TrueWeights::load(path).dimension(), std::size_t{2});
        try {
            rl::TrueWeights::load(dir.path().toStdString());
            QFAIL("a directory was read");
        } catch (const std::exception &error) {
            QCOMPARE(QString::fromUtf8(error.what()), dir.path() + QStringLiteral(": is a directory, not a file"));
        }
    }
};

QTEST_GUILESS_MAIN(TstTrueWeights)
#include "tst_trueweights.moc"
