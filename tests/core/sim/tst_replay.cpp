#include <QtTest>

#include <QElapsedTimer>

#include <optional>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "core/bandit/Policy.h"
#include "core/sim/LearningStream.h"
#include "core/sim/Replay.h"
#include "core/sim/StreamGenerator.h"
#include "core/sim/TrueWeights.h"

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
    void mismatchedShapesRejected();
    void regretFollowsDrift();
    void windowShareOfOptimalPicks();
    void defaultPolicyMeetsTheLearningGoals();
    void defaultPolicyRecoversFromDrift();
    void progressCanCancel();

private:
    rl::LearningStream m_stream;
    std::optional<rl::TrueWeights> m_weights;
};

void TstReplay::initTestCase()
{
    QElapsedTimer timer;
    timer.start();
    m_stream = rl::LearningStream::load(kWorkload + "/learning_stream.csv");
    m_weights = rl::TrueWeights::load(kWorkload + "/meta.json");
    qInfo("loaded learning_stream.csv and meta.json in %lld ms", static_cast<long long>(timer.elapsed()));
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
    QCOMPARE(m_weights->arms(), std::size_t{4});
    QCOMPARE(m_weights->dimension(), std::size_t{10});
    QCOMPARE(m_weights->at(0)[0][0], 0.1318879445951659);
    QVERIFY(m_weights->drift().empty());
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
    const auto result = rl::runReplay(*p, m_stream, *m_weights);
    const auto ms = timer.nsecsElapsed() / 1e6;
    qInfo("%s: %s, %.1f ms", qPrintable(policy), result.toJson().dump().c_str(), ms);

    QCOMPARE(result.rounds, std::size_t{20000});
    QCOMPARE(p->updates(), std::uint64_t{20000});
    QVERIFY(result.regretAt1k && result.regretAt5k);
    QVERIFY(0.0 <= *result.regretAt1k && *result.regretAt1k <= *result.regretAt5k
            && *result.regretAt5k <= result.regretEnd);
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
    const auto r = rl::runReplay(*p, m_stream, *m_weights);
    QVERIFY2(std::abs(r.regretAt1k.value_or(-1) - 16.3) < 0.05, qPrintable(QString::number(r.regretAt1k.value_or(-1))));
    QVERIFY2(std::abs(r.regretAt5k.value_or(-1) - 25.6) < 0.05, qPrintable(QString::number(r.regretAt5k.value_or(-1))));
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
    auto r = rl::runReplay(
        *p, s, rl::TrueWeights(std::vector<rl::FeatureVector>{{1.0}, {0.5}})); // arm 0 is the best: no regret
    QCOMPARE(r.regretEnd, 0.0);
    QCOMPARE(r.optimalShareLast1k, 1.0);

    p = rl::makePolicy("linucb", c);
    r = rl::runReplay(*p, s,
                      rl::TrueWeights(std::vector<rl::FeatureVector>{{0.5}, {1.0}})); // arm 1 is: 0.5 lost per round
    QCOMPARE(r.rounds, std::size_t{3});
    QCOMPARE(r.regretEnd, 1.5);
    QCOMPARE(r.regretAt1k, std::nullopt); // fewer rounds than 1k: no such checkpoint
    QCOMPARE(r.regretAt5k, std::nullopt);
    QCOMPARE(r.optimalShareLast1k, 0.0);
    QCOMPARE(r.toJson(), nlohmann::json::parse(R"({"rounds": 3, "regret_at_1k": null, "regret_at_5k": null,
                                                  "regret_end": 1.5, "optimal_share_last_1k": 0.0})"));
}

void TstReplay::mismatchedShapesRejected()
{
    auto c = configFor(m_stream);
    c.dimension = 6;
    const auto wrongPolicy = rl::makePolicy("linucb", c);
    QCOMPARE(errorMessage<std::invalid_argument>([&] { rl::runReplay(*wrongPolicy, m_stream, *m_weights); }),
             QStringLiteral("the stream has 4 arms x 10 features, the policy 4 x 6"));
    const auto p = rl::makePolicy("linucb", configFor(m_stream));
    auto rows = m_weights->initial();
    rows.pop_back();
    QCOMPARE(errorMessage<std::invalid_argument>([&] { rl::runReplay(*p, m_stream, rl::TrueWeights(rows)); }),
             QStringLiteral("the true weights are 3 arms x 10 features, the stream 4 x 10"));
}

// Regret is measured against the weights in force at each round: after a drift that makes arm 0 the
// worst, a policy still picking it loses every round.
void TstReplay::regretFollowsDrift()
{
    rl::LearningStream s;
    s.dimension = 1;
    s.arms = 2;
    s.contexts = {1.0, 1.0, 1.0, 1.0};
    s.rewards = std::vector<double>(8, 0.0);
    rl::PolicyConfig c;
    c.arms = 2;
    c.dimension = 1;
    c.alpha = 0.0; // equal scores: always arm 0
    const auto p = rl::makePolicy("linucb", c);
    const rl::TrueWeights drifting(std::vector<rl::FeatureVector>{{1.0}, {0.5}}, {{2, {{0.25}, {1.0}}}});
    const auto r = rl::runReplay(*p, s, drifting);
    QCOMPARE(r.regretEnd, 2 * 0.75);
    QCOMPARE(r.optimalShareLast1k, 0.5);
}

// --window A:B: the share of best-arm picks over rounds A to before B, here across the drift.
void TstReplay::windowShareOfOptimalPicks()
{
    rl::LearningStream s;
    s.dimension = 1;
    s.arms = 2;
    s.contexts = {1.0, 1.0, 1.0, 1.0};
    s.rewards = std::vector<double>(8, 0.0);
    rl::PolicyConfig c;
    c.arms = 2;
    c.dimension = 1;
    c.alpha = 0.0; // always arm 0: the best before round 2, the worst from it
    const rl::TrueWeights drifting(std::vector<rl::FeatureVector>{{1.0}, {0.5}}, {{2, {{0.25}, {1.0}}}});
    const auto share = [&](std::size_t from, std::size_t to) {
        const auto p = rl::makePolicy("linucb", c);
        return rl::runReplay(*p, s, drifting, {}, rl::RoundWindow{from, to}).optimalShareInWindow;
    };
    QCOMPARE(share(0, 2), 1.0);
    QCOMPARE(share(1, 3), 0.5);
    QCOMPARE(share(2, 4), 0.0);

    const auto p = rl::makePolicy("linucb", c);
    const auto r = rl::runReplay(*p, s, drifting, {}, rl::RoundWindow{1, 3});
    QCOMPARE(r.toJson().at("window"), nlohmann::json::parse(R"({"from": 1, "to": 3, "optimal_share": 0.5})"));
    QCOMPARE(errorMessage<std::invalid_argument>([&] {
                 rl::runReplay(*p, s, drifting, {}, rl::RoundWindow{2, 5});
             }),
             QStringLiteral("the window 2:5 is not a range of rounds within the stream's 4"));
    QCOMPARE(errorMessage<std::invalid_argument>([&] {
                 rl::runReplay(*p, s, drifting, {}, rl::RoundWindow{3, 3});
             }),
             QStringLiteral("the window 3:3 is not a range of rounds within the stream's 4"));
}

namespace {

// A stream of the linear-4x10 shape from simulate-stream's generator.
std::pair<rl::LearningStream, rl::TrueWeights> generated(std::uint64_t seed, std::vector<rl::StreamSpec::Drift> drift)
{
    rl::StreamSpec spec;
    spec.seed = seed;
    spec.drift = std::move(drift);
    rl::StreamGenerator generator(spec);
    std::string text = generator.header();
    generator.next(text, spec.rounds);
    return {rl::LearningStream::parse(text, "seed " + std::to_string(seed)), generator.trueWeights()};
}

} // namespace

// Issue #12's goal for the default policy, untuned to these streams: regret at most 25 after 20,000 rounds on
// the reference and on average over ten generated streams (README: 22.1 and 20.3; plain LinUCB 26.1 and 22.8).
void TstReplay::defaultPolicyMeetsTheLearningGoals()
{
    rl::PolicyConfig config = configFor(m_stream);
    const auto reference = rl::makePolicy(rl::kDefaultPolicy, config);
    const double referenceRegret = rl::runReplay(*reference, m_stream, *m_weights).regretEnd;
    QVERIFY2(referenceRegret <= 25.0, qPrintable(QString::number(referenceRegret)));
    double sum = 0.0;
    for (std::uint64_t seed = 1; seed <= 10; ++seed) {
        const auto [stream, weights] = generated(seed, {});
        const auto policy = rl::makePolicy(rl::kDefaultPolicy, config);
        const auto result = rl::runReplay(*policy, stream, weights);
        QCOMPARE(static_cast<const rl::Policy &>(*policy).name(), std::string_view("adaptive"));
        sum += result.regretEnd;
    }
    qInfo("default policy: reference %.2f, mean over seeds 1..10 %.2f", referenceRegret, sum / 10.0);
    QVERIFY2(sum / 10.0 <= 25.0, qPrintable(QString::number(sum / 10.0)));
}

// After a change at round 10,000 that alters the best arm for most contexts, the default policy picks a best
// arm in at least 90 % of rounds 12,000-13,000; plain LinUCB does not notice (README: 92.0 % against 44.7 %).
void TstReplay::defaultPolicyRecoversFromDrift()
{
    // Not a structured binding: clang 15 cannot capture one in a lambda.
    const std::pair<rl::LearningStream, rl::TrueWeights> drifting = generated(7, {{10000, 1007}});
    const rl::LearningStream &stream = drifting.first;
    const rl::TrueWeights &weights = drifting.second;
    const auto share = [&](const char *name) {
        const auto policy = rl::makePolicy(name, configFor(stream));
        return *rl::runReplay(*policy, stream, weights, {}, rl::RoundWindow{12000, 13000}).optimalShareInWindow;
    };
    const double adaptive = share("adaptive");
    const double plain = share("linucb");
    qInfo("optimal share over 12,000-13,000: adaptive %.3f, linucb %.3f", adaptive, plain);
    QVERIFY2(adaptive >= 0.9, qPrintable(QString::number(adaptive)));
    QVERIFY2(plain < 0.6, qPrintable(QString::number(plain)));
}

// A progress callback sees the rounds done and can stop the replay; the figures cover what ran.
void TstReplay::progressCanCancel()
{
    const auto p = rl::makePolicy("linucb", configFor(m_stream));
    std::vector<std::size_t> seen;
    const auto r = rl::runReplay(*p, m_stream, *m_weights, [&seen](std::size_t done) {
        seen.push_back(done);
        return done < 8192;
    });
    QVERIFY(r.cancelled);
    QCOMPARE(r.rounds, std::size_t{8192});
    QCOMPARE(seen, (std::vector<std::size_t>{4096, 8192}));
    QCOMPARE(p->updates(), std::uint64_t{8192});
    QCOMPARE(r.toJson().value("cancelled", false), true);
}

QTEST_GUILESS_MAIN(TstReplay)
#include "tst_replay.moc"
