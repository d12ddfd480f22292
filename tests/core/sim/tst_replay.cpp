#include <QtTest>

#include <QElapsedTimer>
#include <QTemporaryDir>

#include <fstream>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "core/bandit/Policy.h"
#include "core/sim/Replay.h"

namespace {

const std::string kWorkload = RLSTUDIO_WORKLOAD_DIR;

rl::PolicyConfig configFor(const rl::LearningStream &stream)
{
    rl::PolicyConfig c;
    c.arms = stream.arms;
    c.dimension = stream.dimension;
    return c;
}

template<class E, class F>
QString errorMessage(F &&f)
{
    try {
        f();
    } catch (const E &e) {
        return QString::fromUtf8(e.what());
    }
    return QStringLiteral("<no exception thrown>");
}

} // namespace

class TstReplay : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void loadsReferenceStream();
    void policiesMeetRegretTargets_data();
    void policiesMeetRegretTargets();
    void plainLinUcbReproducesReference();
    void regretAccountingOnTinyStream();
    void malformedCsvRejected_data();
    void malformedCsvRejected();
    void acceptsCrlfAndSpaces();
    void badTrueWeightsRejected_data();
    void badTrueWeightsRejected();
    void mismatchedShapesRejected();

private:
    QString write(const QString &name, const std::string &content);

    QTemporaryDir m_dir;
    rl::LearningStream m_stream;
    std::vector<rl::FeatureVector> m_weights;
};

void TstReplay::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QElapsedTimer timer;
    timer.start();
    m_stream = rl::LearningStream::load(kWorkload + "/learning_stream.csv");
    m_weights = rl::loadTrueWeights(kWorkload + "/meta.json");
    qInfo("loaded learning_stream.csv and meta.json in %lld ms", static_cast<long long>(timer.elapsed()));
}

QString TstReplay::write(const QString &name, const std::string &content)
{
    const QString path = m_dir.filePath(name);
    std::ofstream(path.toStdString(), std::ios::binary) << content;
    return path;
}

void TstReplay::loadsReferenceStream()
{
    QCOMPARE(m_stream.dimension, std::size_t{10});
    QCOMPARE(m_stream.arms, std::size_t{4});
    QCOMPARE(m_stream.rounds(), std::size_t{20000});
    QCOMPARE(m_stream.rewards.size(), std::size_t{80000});
    // Row t=0: x0 = 0.815795101172795, r3 = 0.7814565059316804 (first data line of the CSV).
    QCOMPARE(m_stream.contexts.front(), 0.815795101172795);
    QCOMPARE(m_stream.rewards[3], 0.7814565059316804);
    QCOMPARE(m_weights.size(), std::size_t{4});
    QCOMPARE(m_weights.front().size(), std::size_t{10});
    QCOMPARE(m_weights[0][0], 0.1318879445951659);
}

void TstReplay::policiesMeetRegretTargets_data()
{
    QTest::addColumn<QString>("policy");
    QTest::addColumn<double>("maxRegret"); // at 20k rounds; 0 = no target, run and report
    QTest::newRow("linucb") << "linucb" << 40.0;
    QTest::newRow("thompson") << "thompson" << 60.0;
    QTest::newRow("egreedy") << "egreedy" << 0.0;
    QTest::newRow("seed") << "seed" << 0.0;
}

void TstReplay::policiesMeetRegretTargets()
{
    QFETCH(QString, policy);
    QFETCH(double, maxRegret);
    const auto p = rl::makePolicy(policy.toStdString(), configFor(m_stream));
    QElapsedTimer timer;
    timer.start();
    const auto result = rl::runReplay(*p, m_stream, m_weights);
    const auto ms = timer.nsecsElapsed() / 1e6;
    qInfo("%s: %s, %.1f ms", qPrintable(policy), result.toJson().dump().c_str(), ms);

    QCOMPARE(result.rounds, std::size_t{20000});
    QCOMPARE(p->updates(), std::uint64_t{20000});
    QVERIFY(0.0 <= result.regretAt1k && result.regretAt1k <= result.regretAt5k
            && result.regretAt5k <= result.regretEnd);
    // Uniform random picks expect 1,329.6 (README); every policy must do better than that.
    QVERIFY(result.regretEnd < 1329.6);
    if (maxRegret > 0.0) {
        QVERIFY2(result.regretEnd <= maxRegret, qPrintable(QString::number(result.regretEnd)));
        QVERIFY(result.optimalShareLast1k >= 0.9);
    }
}

void TstReplay::plainLinUcbReproducesReference()
{
    // README: plain LinUCB, alpha 1, ridge 1: 16.3 / 25.6 / 37.6, 92.5 % optimal in the last 1k.
    auto c = configFor(m_stream);
    c.alpha = 1.0;
    c.ridge = 1.0;
    const auto p = rl::makePolicy("linucb", c);
    const auto r = rl::runReplay(*p, m_stream, m_weights);
    QVERIFY2(std::abs(r.regretAt1k - 16.3) < 0.05, qPrintable(QString::number(r.regretAt1k)));
    QVERIFY2(std::abs(r.regretAt5k - 25.6) < 0.05, qPrintable(QString::number(r.regretAt5k)));
    QVERIFY2(std::abs(r.regretEnd - 37.6) < 0.05, qPrintable(QString::number(r.regretEnd)));
    QCOMPARE(r.optimalShareLast1k, 0.925);
}

void TstReplay::regretAccountingOnTinyStream()
{
    // Three rounds of x = 1, all rewards 0: LinUCB with alpha 0 sees equal scores and always picks arm 0.
    rl::LearningStream s;
    s.dimension = 1;
    s.arms = 2;
    s.contexts = {1.0, 1.0, 1.0};
    s.rewards = {0.0, 0.0, 0.0, 0.0, 0.0, 0.0};
    rl::PolicyConfig c;
    c.arms = 2;
    c.dimension = 1;
    c.alpha = 0.0;

    auto p = rl::makePolicy("linucb", c);
    auto r = rl::runReplay(*p, s, {{1.0}, {0.5}}); // arm 0 is the best: no regret
    QCOMPARE(r.regretEnd, 0.0);
    QCOMPARE(r.optimalShareLast1k, 1.0);

    p = rl::makePolicy("linucb", c);
    r = rl::runReplay(*p, s, {{0.5}, {1.0}}); // arm 1 is: 0.5 lost per round
    QCOMPARE(r.rounds, std::size_t{3});
    QCOMPARE(r.regretEnd, 1.5);
    QCOMPARE(r.regretAt1k, 1.5); // fewer rounds than 1k: the end
    QCOMPARE(r.regretAt5k, 1.5);
    QCOMPARE(r.optimalShareLast1k, 0.0);
    QCOMPARE(r.toJson(), nlohmann::json::parse(R"({"rounds": 3, "regret_at_1k": 1.5, "regret_at_5k": 1.5,
                                                  "regret_end": 1.5, "optimal_share_last_1k": 0.0})"));
}

void TstReplay::malformedCsvRejected_data()
{
    QTest::addColumn<QString>("content");
    QTest::addColumn<QString>("message"); // after "<path>"
    QTest::newRow("bad number") << "t,x0,x1,r0,r1\n0,0.1,0.2,0.3,0.4\n1,0.1,abc,0.3,0.4\n"
                                << ":3:7: column 'x1': expected a finite number, got 'abc'";
    QTest::newRow("nan") << "t,x0,r0\n0,nan,1\n"
                         << ":2:3: column 'x0': expected a finite number, got 'nan'";
    QTest::newRow("empty field") << "t,x0,r0\n0,,1\n"
                                 << ":2:3: column 'x0': expected a finite number, got ''";
    QTest::newRow("short row") << "t,x0,r0\n0,0.5\n"
                               << ":2:6: row has 2 columns, expected 3";
    QTest::newRow("long row") << "t,x0,r0\n0,0.5,1,9\n"
                              << ":2:9: row has more than the header's 3 columns";
    QTest::newRow("header gap") << "t,x0,x2,r0\n"
                                << ":1:6: unexpected header column 'x2', expected x1 or r0";
    QTest::newRow("header order") << "t,x0,r0,x1\n"
                                  << ":1:9: unexpected header column 'x1', expected r1";
    QTest::newRow("header first") << "time,x0,r0\n"
                                  << ":1:1: header must start with 't'";
    QTest::newRow("no rewards") << "t,x0,x1\n0,1,2\n"
                                << ":1:8: header needs at least one x column and one r column";
    QTest::newRow("empty") << ""
                           << ":1:1: empty file, expected the header 't,x0..,r0..'";
    QTest::newRow("no rows") << "t,x0,r0\n"
                             << ": no data rows after the header";
}

void TstReplay::malformedCsvRejected()
{
    QFETCH(QString, content);
    QFETCH(QString, message);
    const QString path = write("bad.csv", content.toStdString());
    QCOMPARE(errorMessage<std::runtime_error>([&] { rl::LearningStream::load(path.toStdString()); }), path + message);
}

void TstReplay::acceptsCrlfAndSpaces()
{
    const QString path = write("crlf.csv", "t, x0, r0, r1\r\n0, 0.5, 1, 0\r\n\r\n1,0.25,0,1\r\n");
    const auto s = rl::LearningStream::load(path.toStdString());
    QCOMPARE(s.rounds(), std::size_t{2});
    QCOMPARE(s.contexts, (std::vector<double>{0.5, 0.25}));
    QCOMPARE(s.rewards, (std::vector<double>{1.0, 0.0, 0.0, 1.0}));

    const std::string missing = m_dir.filePath("missing.csv").toStdString();
    QCOMPARE(errorMessage<std::runtime_error>([&] { rl::LearningStream::load(missing); }),
             QString::fromStdString(missing + ": cannot open"));
}

void TstReplay::badTrueWeightsRejected_data()
{
    QTest::addColumn<QString>("content");
    QTest::addColumn<QString>("message"); // after "<path>: "
    QTest::newRow("no key") << R"({"arms": []})"
                            << "missing 'true_weights'";
    QTest::newRow("not array") << R"({"true_weights": 3})"
                               << "'true_weights' must be a non-empty array of weight vectors";
    QTest::newRow("ragged") << R"({"true_weights": [[1, 2], [3]]})"
                            << "true_weights[1] has 1 entries, true_weights[0] has 2";
    QTest::newRow("text") << R"({"true_weights": [[1, "a"]]})"
                          << R"(true_weights[0] holds a non-number: "a")";
    QTest::newRow("invalid") << "{"
                             << "invalid JSON: ";
}

void TstReplay::badTrueWeightsRejected()
{
    QFETCH(QString, content);
    QFETCH(QString, message);
    const QString path = write("meta.json", content.toStdString());
    const auto error = errorMessage<std::runtime_error>([&] { rl::loadTrueWeights(path.toStdString()); });
    QVERIFY2(error.startsWith(path + ": " + message), qPrintable(error));
}

void TstReplay::mismatchedShapesRejected()
{
    auto c = configFor(m_stream);
    c.dimension = 6;
    const auto wrongPolicy = rl::makePolicy("linucb", c);
    QCOMPARE(errorMessage<std::invalid_argument>([&] { rl::runReplay(*wrongPolicy, m_stream, m_weights); }),
             QStringLiteral("replay: the stream has 4 arms x 10 features, the policy 4 x 6"));
    const auto p = rl::makePolicy("linucb", configFor(m_stream));
    auto weights = m_weights;
    weights.pop_back();
    QCOMPARE(errorMessage<std::invalid_argument>([&] { rl::runReplay(*p, m_stream, weights); }),
             QStringLiteral("replay: 3 true weight vectors for 4 arms"));
    weights = m_weights;
    weights[2].pop_back();
    QCOMPARE(errorMessage<std::invalid_argument>([&] { rl::runReplay(*p, m_stream, weights); }),
             QStringLiteral("replay: a true weight vector has 9 entries, the stream 10 features"));
}

QTEST_GUILESS_MAIN(TstReplay)
#include "tst_replay.moc"
