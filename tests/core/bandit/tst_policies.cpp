#include <QtTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/bandit/Policy.h"
#include "core/support/Rng.h"

using rl::PolicyConfig;
using Matrix = std::vector<std::vector<double>>;

namespace {

const std::vector<std::string> kAllPolicies{"seed", "egreedy", "linucb", "thompson", "adaptive"};

// A small linear world: rewards w_k.x + N(0, 0.1), contexts uniform in [0, 1)^d.
class World {
public:
    World(std::size_t arms, std::size_t dimension, std::uint64_t seed)
        : m_rng(seed)
        , m_weights(arms, std::vector<double>(dimension))
    {
        for (auto &w : m_weights)
            for (auto &v : w)
                v = m_rng.uniform() * 0.3;
    }
    std::vector<double> context()
    {
        std::vector<double> x(m_weights.front().size());
        for (auto &v : x)
            v = m_rng.uniform();
        return x;
    }
    double reward(std::size_t arm, const std::vector<double> &x)
    {
        double r = m_rng.normal(0.0, 0.1);
        for (std::size_t i = 0; i < x.size(); ++i)
            r += m_weights[arm][i] * x[i];
        return r;
    }

private:
    rl::Rng m_rng;
    Matrix m_weights;
};

PolicyConfig smallConfig(std::uint64_t seed = 1)
{
    PolicyConfig c;
    c.arms = 3;
    c.dimension = 4;
    c.seed = seed;
    return c;
}

Matrix inverse(Matrix a)
{
    const std::size_t n = a.size();
    Matrix inv(n, std::vector<double>(n, 0.0));
    for (std::size_t i = 0; i < n; ++i)
        inv[i][i] = 1.0;
    for (std::size_t c = 0; c < n; ++c) {
        std::size_t pivot = c;
        for (std::size_t r = c + 1; r < n; ++r)
            if (std::abs(a[r][c]) > std::abs(a[pivot][c]))
                pivot = r;
        std::swap(a[c], a[pivot]);
        std::swap(inv[c], inv[pivot]);
        const double p = a[c][c];
        for (std::size_t j = 0; j < n; ++j) {
            a[c][j] /= p;
            inv[c][j] /= p;
        }
        for (std::size_t r = 0; r < n; ++r) {
            if (r == c)
                continue;
            const double f = a[r][c];
            for (std::size_t j = 0; j < n; ++j) {
                a[r][j] -= f * a[c][j];
                inv[r][j] -= f * inv[c][j];
            }
        }
    }
    return inv;
}

// Runs `rounds` of select + update; returns the selections made.
std::vector<rl::Selection> play(rl::Policy &policy, World &world, int rounds)
{
    std::vector<rl::Selection> out;
    for (int t = 0; t < rounds; ++t) {
        const auto x = world.context();
        auto s = policy.select(x);
        policy.update(s.arm, x, world.reward(s.arm, x));
        out.push_back(std::move(s));
    }
    return out;
}

void compareSelections(const std::vector<rl::Selection> &a, const std::vector<rl::Selection> &b)
{
    QCOMPARE(a.size(), b.size());
    for (std::size_t t = 0; t < a.size(); ++t) {
        QCOMPARE(a[t].arm, b[t].arm);
        QCOMPARE(a[t].propensity, b[t].propensity);
        QCOMPARE(a[t].scores, b[t].scores);
    }
}

template<class F>
QString invalidArgumentMessage(F &&f)
{
    try {
        f();
    } catch (const std::invalid_argument &e) {
        return QString::fromUtf8(e.what());
    }
    return QStringLiteral("<no std::invalid_argument thrown>");
}

} // namespace

class TstPolicies : public QObject {
    Q_OBJECT

private slots:
    void namesAndFactory();
    void unknownPolicyRejected();
    void badConfigRejected_data();
    void badConfigRejected();
    void badInputRejected_data();
    void badInputRejected();
    void deterministicGivenSeed_data();
    void deterministicGivenSeed();
    void seedPolicyFollowsOriginalUpdateRule();
    void seedPolicyDrawsInitialWeightsFromSeed();
    void epsilonGreedyPropensities_data();
    void epsilonGreedyPropensities();
    void linUcbInverseMatchesDirectInverse();
    void linUcbPicksUpperBoundAndBreaksTiesLow();
    void thompsonPropensityMatchesFrequency();
    void stateRoundTripResumesExactly_data();
    void stateRoundTripResumesExactly();
    void badStateRejected_data();
    void badStateRejected();
    void restorePolicyRefusesBadParameters();
};

void TstPolicies::namesAndFactory()
{
    const auto names = rl::policyNames();
    QCOMPARE(names.size(), kAllPolicies.size());
    for (std::size_t i = 0; i < names.size(); ++i) {
        QCOMPARE(std::string(names[i]), kAllPolicies[i]);
        const auto policy = rl::makePolicy(names[i], smallConfig());
        QCOMPARE(std::string(policy->name()), kAllPolicies[i]);
        QCOMPARE(policy->updates(), std::uint64_t{0});
    }
}

void TstPolicies::unknownPolicyRejected()
{
    QCOMPARE(invalidArgumentMessage([] { rl::makePolicy("x", smallConfig()); }),
             QStringLiteral("unknown policy 'x' (known: seed, egreedy, linucb, thompson, adaptive)"));
}

void TstPolicies::badConfigRejected_data()
{
    QTest::addColumn<QString>("policy");
    QTest::addColumn<int>("field");
    QTest::addColumn<QString>("message");
    // field: 0 arms=0, 1 dimension=0, 2 epsilon=1.5, 3 epsilon=NaN, 4 alpha=-1, 5 ridge=0, 6 thompsonScale=-1,
    //        7 initialWeights rows, 8 initialWeights columns, 9 initialWeights NaN, 10 arms=65, 11 dimension=257
    const std::pair<int, const char *> cases[] = {
        {0, "arms must be in 1..64, got 0"},
        {1, "dimension must be in 1..256, got 0"},
        {10, "arms must be in 1..64, got 65"},
        {11, "dimension must be in 1..256, got 257"},
        {2, "epsilon must be in [0, 1], got 1.5"},
        {3, "epsilon must be in [0, 1], got nan"},
        {4, "alpha must be finite and >= 0, got -1"},
        {5, "ridge must be finite and > 0, got 0"},
        {6, "thompsonScale must be finite and >= 0, got -1"},
        {7, "initialWeights has 2 rows, expected one per arm (3)"},
        {8, "initialWeights[1] has 3 entries, expected the dimension (4)"},
        {9, "initialWeights[0] holds a non-finite value"},
    };
    for (const auto &name : kAllPolicies)
        for (const auto &[field, message] : cases)
            QTest::addRow("%s/%d", name.c_str(), field) << QString::fromStdString(name) << field << QString(message);
}

void TstPolicies::badConfigRejected()
{
    QFETCH(QString, policy);
    QFETCH(int, field);
    QFETCH(QString, message);
    auto c = smallConfig();
    const std::vector<double> row(4, 0.0);
    switch (field) {
    case 0:
        c.arms = 0;
        break;
    case 1:
        c.dimension = 0;
        break;
    case 10:
        c.arms = 65;
        break;
    case 11:
        c.dimension = 257;
        break;
    case 2:
        c.epsilon = 1.5;
        break;
    case 3:
        c.epsilon = std::numeric_limits<double>::quiet_NaN();
        break;
    case 4:
        c.alpha = -1.0;
        break;
    case 5:
        c.ridge = 0.0;
        break;
    case 6:
        c.thompsonScale = -1.0;
        break;
    case 7:
        c.initialWeights = {row, row};
        break;
    case 8:
        c.initialWeights = {row, {0.0, 0.0, 0.0}, row};
        break;
    case 9:
        c.initialWeights = {row, row, row};
        c.initialWeights[0][2] = std::nan("");
        break;
    }
    QCOMPARE(invalidArgumentMessage([&] { rl::makePolicy(policy.toStdString(), c); }),
             QStringLiteral("policy config: ") + message);
}

void TstPolicies::badInputRejected_data()
{
    QTest::addColumn<QString>("policy");
    for (const auto &name : kAllPolicies)
        QTest::newRow(name.c_str()) << QString::fromStdString(name);
}

void TstPolicies::badInputRejected()
{
    QFETCH(QString, policy);
    const auto p = rl::makePolicy(policy.toStdString(), smallConfig());
    const std::vector<double> good{0.1, 0.2, 0.3, 1.0};
    const std::vector<double> shortX{0.1, 0.2};
    std::vector<double> nanX = good;
    nanX[1] = std::numeric_limits<double>::infinity();
    QCOMPARE(invalidArgumentMessage([&] { p->select(shortX); }), QStringLiteral("context has 2 features, expected 4"));
    QCOMPARE(invalidArgumentMessage([&] { p->estimates(nanX); }),
             QStringLiteral("context feature 1 is inf, not a finite number"));
    QCOMPARE(invalidArgumentMessage([&] { p->update(3, good, 1.0); }), QStringLiteral("arm 3 out of range (3 arms)"));
    QCOMPARE(invalidArgumentMessage([&] { p->update(0, good, std::nan("")); }),
             QStringLiteral("reward is nan, not a finite number"));
    // Finite but so large that x x^T or r x would overflow: refused rather than corrupting the estimates.
    std::vector<double> hugeX = good;
    hugeX[2] = -1e308;
    QCOMPARE(invalidArgumentMessage([&] { p->select(hugeX); }),
             QStringLiteral("context feature 2 is -1e+308, beyond ±1e+100 where products of such values overflow"));
    QCOMPARE(invalidArgumentMessage([&] { p->update(0, good, 2e100); }),
             QStringLiteral("reward is 2e+100, beyond ±1e+100 where products of such values overflow"));
    QCOMPARE(p->updates(), std::uint64_t{0}); // nothing learned from rejected input
    p->update(0, good, 1e100);                // the bound itself is accepted
    QCOMPARE(p->updates(), std::uint64_t{1});
}

void TstPolicies::deterministicGivenSeed_data()
{
    badInputRejected_data();
}

void TstPolicies::deterministicGivenSeed()
{
    QFETCH(QString, policy);
    const auto name = policy.toStdString();
    const auto a = rl::makePolicy(name, smallConfig(7));
    const auto b = rl::makePolicy(name, smallConfig(7));
    const auto c = rl::makePolicy(name, smallConfig(8));
    World wa(3, 4, 100);
    World wb(3, 4, 100);
    World wc(3, 4, 100);
    const auto sa = play(*a, wa, 500);
    compareSelections(sa, play(*b, wb, 500));
    QCOMPARE(a->state(), b->state());
    QCOMPARE(a->updates(), std::uint64_t{500});
    // Another seed takes other decisions, except for the LinUCBs, which have no randomness at all.
    const auto sc = play(*c, wc, 500);
    const bool same =
        std::equal(sa.begin(), sa.end(), sc.begin(), [](const auto &x, const auto &y) { return x.arm == y.arm; });
    QCOMPARE(same, name == "linucb" || name == "adaptive");

    // pick() makes select()'s choices from the same draws, without the distribution.
    const auto picker = rl::makePolicy(name, smallConfig(7));
    World wp(3, 4, 100);
    for (const rl::Selection &selection : sa) {
        const auto x = wp.context();
        const std::size_t arm = picker->pick(x);
        QCOMPARE(arm, selection.arm);
        picker->update(arm, x, wp.reward(arm, x));
    }
    QCOMPARE(picker->state(), a->state());
}

void TstPolicies::seedPolicyFollowsOriginalUpdateRule()
{
    // The original: n[a] += 1; lr = 1/(1+n[a]); w[a] += lr * (r - w[a].x) * x. Worked by hand:
    PolicyConfig c;
    c.arms = 2;
    c.dimension = 2;
    c.epsilon = 0.0; // greedy, so the choice is checkable too
    c.initialWeights = {{0.1, 0.2}, {0.3, -0.1}};
    const auto p = rl::makePolicy("seed", c);

    // x = (1, 0.5): w0.x = 0.1 + 0.1 = 0.2, w1.x = 0.3 - 0.05 = 0.25, so arm 1.
    const std::vector<double> x1{1.0, 0.5};
    const auto s = p->select(x1);
    QCOMPARE(s.arm, std::size_t{1});
    QCOMPARE(s.propensity, 1.0);
    QVERIFY(std::abs(s.scores[0] - 0.2) < 1e-15 && std::abs(s.scores[1] - 0.25) < 1e-15);

    // Reward 1: n1 = 1, lr = 1/2, error = 1 - 0.25 = 0.75, w1 += 0.375 * (1, 0.5) -> (0.675, 0.0875).
    p->update(1, x1, 1.0);
    // Reward 0 on x = (0, 1): n1 = 2, lr = 1/3, error = 0 - 0.0875, w1 += -0.0291666.. * (0, 1) -> (0.675,
    // 0.0583333..).
    p->update(1, std::vector<double>{0.0, 1.0}, 0.0);
    // Reward 0.5 on arm 0 at x = (2, 0): n0 = 1, lr = 1/2, error = 0.5 - 0.2 = 0.3, w0 += 0.15 * (2, 0) -> (0.4, 0.2).
    p->update(0, std::vector<double>{2.0, 0.0}, 0.5);

    const auto state = p->state();
    const double expected[2][2] = {{0.4, 0.2}, {0.675, 0.0875 - 0.0875 / 3.0}};
    for (int k = 0; k < 2; ++k)
        for (int i = 0; i < 2; ++i)
            QVERIFY2(std::abs(state["weights"][k][i].get<double>() - expected[k][i]) < 1e-15,
                     qPrintable(QString::fromStdString(state["weights"].dump())));
    QCOMPARE(state["counts"], nlohmann::json({1, 2}));
    // Estimates at (1, 1): w0 -> 0.6, w1 -> 0.675 + 0.0583333.. = 0.7333333..
    const auto e = p->estimates(std::vector<double>{1.0, 1.0});
    QVERIFY(std::abs(e[0] - 0.6) < 1e-15);
    QVERIFY(std::abs(e[1] - 0.7333333333333333) < 1e-15);
}

void TstPolicies::seedPolicyDrawsInitialWeightsFromSeed()
{
    PolicyConfig c;
    c.arms = 16;
    c.dimension = 250;
    const auto a = rl::makePolicy("seed", c)->state()["weights"];
    QCOMPARE(rl::makePolicy("seed", c)->state()["weights"], a);
    c.seed = 2;
    QVERIFY(rl::makePolicy("seed", c)->state()["weights"] != a);
    // N(0, 0.1), as the original.
    double sum = 0.0;
    double sumSq = 0.0;
    for (const auto &row : a)
        for (const auto &w : row) {
            sum += w.get<double>();
            sumSq += w.get<double>() * w.get<double>();
        }
    const double n = 4000.0;
    QVERIFY(std::abs(sum / n) < 0.01);
    QVERIFY(std::abs(std::sqrt(sumSq / n) - 0.1) < 0.01);
}

void TstPolicies::epsilonGreedyPropensities_data()
{
    QTest::addColumn<QString>("policy");
    QTest::newRow("seed") << "seed";
    QTest::newRow("egreedy") << "egreedy";
}

void TstPolicies::epsilonGreedyPropensities()
{
    QFETCH(QString, policy);
    PolicyConfig c;
    c.arms = 4;
    c.dimension = 2;
    c.epsilon = 0.2;
    c.initialWeights = {{0.1, 0.0}, {0.5, 0.0}, {0.2, 0.0}, {0.3, 0.0}};
    const auto p = rl::makePolicy(policy.toStdString(), c);
    if (policy == "egreedy")
        p->update(1, std::vector<double>{1.0, 0.0}, 1.0); // makes arm 1 the ridge policy's greedy choice too
    const std::vector<double> x{1.0, 0.0};
    constexpr int n = 40000;
    int counts[4] = {};
    for (int i = 0; i < n; ++i) {
        const auto s = p->select(x);
        ++counts[s.arm];
        // Greedy arm: 1 - eps + eps/K = 0.85; the others eps/K = 0.05.
        QCOMPARE(s.propensity, s.arm == 1 ? 0.85 : 0.05);
    }
    for (std::size_t k = 0; k < 4; ++k) {
        const double expected = k == 1 ? 0.85 : 0.05;
        QVERIFY2(std::abs(counts[k] / double(n) - expected) < 4.0 * std::sqrt(expected * (1 - expected) / n),
                 qPrintable(QString("arm %1: %2").arg(k).arg(counts[k])));
    }
}

void TstPolicies::linUcbInverseMatchesDirectInverse()
{
    auto c = smallConfig();
    c.dimension = 6;
    c.ridge = 0.5;
    const auto p = rl::makePolicy("linucb", c);
    World world(3, 6, 21);
    std::vector<Matrix> a(3, Matrix(6, std::vector<double>(6, 0.0)));
    std::vector<std::vector<double>> b(3, std::vector<double>(6, 0.0));
    for (auto &m : a)
        for (std::size_t i = 0; i < 6; ++i)
            m[i][i] = c.ridge;
    for (int t = 0; t < 3000; ++t) {
        const auto x = world.context();
        const auto arm = p->select(x).arm;
        QCOMPARE(p->select(x).propensity, 1.0);
        const double r = world.reward(arm, x);
        p->update(arm, x, r);
        for (std::size_t i = 0; i < 6; ++i) {
            b[arm][i] += r * x[i];
            for (std::size_t j = 0; j < 6; ++j)
                a[arm][i][j] += x[i] * x[j];
        }
    }
    const auto state = p->state();
    const auto x = world.context();
    const auto estimates = p->estimates(x);
    for (std::size_t k = 0; k < 3; ++k) {
        const auto direct = inverse(a[k]);
        double worst = 0.0;
        for (std::size_t i = 0; i < 6; ++i)
            for (std::size_t j = 0; j < 6; ++j)
                worst = std::max(worst, std::abs(state["models"][k]["a_inv"][i][j].get<double>() - direct[i][j]));
        QVERIFY2(worst <= 1e-9, qPrintable(QString("arm %1: %2").arg(k).arg(worst)));
        // theta = A^-1 b, so the estimate is (A^-1 b).x
        double e = 0.0;
        for (std::size_t i = 0; i < 6; ++i)
            for (std::size_t j = 0; j < 6; ++j)
                e += x[i] * direct[i][j] * b[k][j];
        QVERIFY(std::abs(estimates[k] - e) < 1e-9);
        QCOMPARE(state["models"][k]["count"].get<std::uint64_t>() > 0, true);
    }
}

void TstPolicies::linUcbPicksUpperBoundAndBreaksTiesLow()
{
    auto c = smallConfig();
    c.alpha = 2.0;
    const auto p = rl::makePolicy("linucb", c);
    const std::vector<double> x{0.5, 0.5, 0.5, 0.5};
    // Untrained, every arm has the same bound: the lowest index wins.
    QCOMPARE(p->select(x).arm, std::size_t{0});
    // Arm 0 learns a high reward but loses width; with alpha 2 the unexplored arm 1 still leads:
    // arm 0: A = I + x x^T, x^T A^-1 x = |x|^2 / (1 + |x|^2) = 0.5, theta.x = 0.9 * 0.5 = 0.45,
    //        bound 0.45 + 2 sqrt(0.5) = 1.864; arm 1: 0 + 2 sqrt(|x|^2) = 2.
    p->update(0, x, 0.9);
    const auto s = p->select(x);
    QCOMPARE(s.arm, std::size_t{1});
    QVERIFY(std::abs(s.scores[0] - 0.45) < 1e-12);
    QCOMPARE(s.scores[1], 0.0);
    QCOMPARE(s.propensity, 1.0);
}

void TstPolicies::thompsonPropensityMatchesFrequency()
{
    // The propensity is P(arm wins the draw) for this state and context; check it against the frequency,
    // in a state where every arm has a real chance and the arms' uncertainties differ.
    auto c = smallConfig(3);
    c.thompsonScale = 0.2;
    const auto p = rl::makePolicy("thompson", c);
    const std::vector<double> x{0.5, 0.5, 0.5, 0.5};
    const std::vector<double> y{1.0, 0.0, 0.2, 0.0};
    p->update(0, x, 0.5);
    p->update(1, x, 0.45);
    p->update(1, y, 0.6);
    p->update(2, x, 0.4);
    p->update(2, x, 0.4);
    p->update(2, y, 0.1);
    constexpr int n = 40000;
    std::map<std::size_t, int> counts;
    std::map<std::size_t, double> propensity;
    for (int i = 0; i < n; ++i) {
        const auto s = p->select(x);
        ++counts[s.arm];
        if (propensity.count(s.arm))
            QCOMPARE(s.propensity, propensity[s.arm]); // a function of the state, not of the draw
        propensity[s.arm] = s.propensity;
    }
    QCOMPARE(counts.size(), std::size_t{3});
    double total = 0.0;
    for (const auto &[arm, count] : counts) {
        const double q = propensity[arm];
        total += q;
        qInfo("arm %zu: frequency %.4f, propensity %.4f", arm, count / double(n), q);
        QVERIFY2(std::abs(count / double(n) - q) < 4.0 * std::sqrt(q * (1 - q) / n) + 1e-4,
                 qPrintable(QString("arm %1: frequency %2, propensity %3").arg(arm).arg(count / double(n)).arg(q)));
    }
    QVERIFY(std::abs(total - 1.0) < 1e-5);

    // With no posterior width the draw is the point estimate: greedy, with certainty.
    c.thompsonScale = 0.0;
    const auto greedy = rl::makePolicy("thompson", c);
    greedy->restore(p->state());
    const auto s = greedy->select(x);
    const auto e = greedy->estimates(x);
    QCOMPARE(s.arm, std::size_t(std::max_element(e.begin(), e.end()) - e.begin()));
    QCOMPARE(s.propensity, 1.0);
}

void TstPolicies::stateRoundTripResumesExactly_data()
{
    badInputRejected_data();
}

void TstPolicies::stateRoundTripResumesExactly()
{
    QFETCH(QString, policy);
    const auto name = policy.toStdString();
    const auto original = rl::makePolicy(name, smallConfig(11));
    World world(3, 4, 31);
    play(*original, world, 300);
    const auto saved = nlohmann::json::parse(original->state().dump()); // through text, as a file would be

    // A fresh policy with another seed: only the restored state can make it agree.
    const auto resumed = rl::makePolicy(name, smallConfig(12));
    resumed->restore(saved);
    QCOMPARE(resumed->updates(), std::uint64_t{300});
    QCOMPARE(resumed->state(), original->state());

    World worldCopy = world;
    compareSelections(play(*resumed, worldCopy, 300), play(*original, world, 300));
    QCOMPARE(resumed->state(), original->state());

    // restorePolicy makes the same policy from the state alone: its name, shape and parameters too.
    auto tuned = smallConfig(13);
    tuned.alpha = 0.25;
    tuned.epsilon = 0.2;
    tuned.thompsonScale = 0.3;
    tuned.ridge = 2.0;
    const auto source = rl::makePolicy(name, tuned);
    World sourceWorld(3, 4, 37);
    play(*source, sourceWorld, 100);
    const auto restored = rl::restorePolicy(nlohmann::json::parse(source->state().dump()));
    QCOMPARE(std::string(restored->name()), name);
    QCOMPARE(restored->config().arms, std::size_t{3});
    QCOMPARE(restored->config().alpha, name == "linucb" ? 0.25 : 0.5);
    QCOMPARE(restored->config().epsilon, name == "egreedy" || name == "seed" ? 0.2 : 0.1);
    QCOMPARE(restored->state(), source->state());
    World restoredWorld = sourceWorld;
    compareSelections(play(*restored, restoredWorld, 100), play(*source, sourceWorld, 100));
}

void TstPolicies::restorePolicyRefusesBadParameters()
{
    const auto p = rl::makePolicy("linucb", smallConfig());
    nlohmann::json state = p->state();
    QCOMPARE(state.at("parameters"), nlohmann::json::parse(R"({"alpha": 0.5, "ridge": 1})"));
    state["parameters"]["beta"] = 1;
    QCOMPARE(invalidArgumentMessage([&] { rl::restorePolicy(state); }),
             QStringLiteral("policy state.parameters: 'beta' is not a parameter of linucb (its parameters: alpha, "
                            "ridge)"));
    state["parameters"] = {{"alpha", -2}};
    QCOMPARE(invalidArgumentMessage([&] { rl::restorePolicy(state); }),
             QStringLiteral("policy state.parameters: out of range (policy config: alpha must be finite and >= 0, got "
                            "-2)"));
    state["policy"] = "ucb"; // named before its parameters are judged
    state["parameters"] = {{"ridge", 1}};
    QCOMPARE(invalidArgumentMessage([&] { rl::restorePolicy(state); }),
             QStringLiteral("unknown policy 'ucb' (known: seed, egreedy, linucb, thompson, adaptive)"));
}

void TstPolicies::badStateRejected_data()
{
    QTest::addColumn<QString>("policy");
    QTest::addColumn<QString>("path");  // JSON pointer to change ("" = replace the whole state)
    QTest::addColumn<QString>("value"); // new value as JSON; "delete" removes it
    QTest::addColumn<QString>("message");
    for (const auto &name : kAllPolicies) {
        const auto row = [&](const char *tag, const char *path, const char *value, const char *message) {
            QTest::addRow("%s/%s", name.c_str(), tag) << QString::fromStdString(name) << path << value << message;
        };
        row("not object", "", "[1]", "policy state: expected a JSON object, got array");
        row("other policy", "/policy", "\"nope\"",
            "policy state.policy: a state of 'nope', not of '" + QByteArray(name.c_str()) + "'");
        row("arms", "/arms", "5", "policy state: shape 5 arms x 4 features does not match the policy's 3 x 4");
        row("updates", "/updates", "-1", "policy state.updates: expected a count, got -1");
        row("no updates", "/updates", "delete", "policy state.updates: missing");
        if (name != "linucb" && name != "adaptive")
            row("rng", "/rng/s/1", "\"xyz\"", "rng state.s[1]: not a 64-bit hex number: 'xyz'");
        if (name == "adaptive") {
            row("detectors", "/detectors", "[]", "policy state.detectors: expected an array of 3");
            row("cusum", "/detectors/1/cusum", "-1", "policy state.detectors[1].cusum: must not be negative");
            row("recent arm", "/recent/0/arm", "7", "policy state.recent[0].arm: 7 is not one of the 3 arms");
            row("recent x", "/recent/2/x", "[1]", "policy state.recent[2].x: expected an array of 4 numbers");
            row("noise", "/noise/width_squares", "-2", "policy state.noise.width_squares: must not be negative");
        }
        if (name == "seed") {
            row("weights rows", "/weights", "[[0,0,0,0]]", "policy state.weights: expected an array of 3 rows");
            row("weights nan", "/weights/2/1", "\"NaN\"",
                "policy state.weights[2][1]: expected a finite number, got \"NaN\"");
            row("counts", "/counts", "[1,2]", "policy state.counts: expected an array of 3 counts");
        } else {
            row("models", "/models", "[]", "policy state.models: expected an array of 3 arm states");
            row("a_inv shape", "/models/1/a_inv/0", "[1,0,0]",
                "policy state.models[1].a_inv[0]: expected an array of 4 numbers");
            row("a_inv asymmetric", "/models/0/a_inv/0/1", "0.5", "policy state.models[0].a_inv: not symmetric");
            row("a_inv indefinite", "/models/2/a_inv/3/3", "-1", "policy state.models[2].a_inv: not positive definite");
            row("b", "/models/0/b", "delete", "policy state.models[0].b: missing");
            row("count", "/models/0/count", "1.5", "policy state.models[0].count: expected a count, got 1.5");
        }
    }
}

void TstPolicies::badStateRejected()
{
    QFETCH(QString, policy);
    QFETCH(QString, path);
    QFETCH(QString, value);
    QFETCH(QString, message);
    const auto p = rl::makePolicy(policy.toStdString(), smallConfig());
    World world(3, 4, 2);
    play(*p, world, 20);
    const auto before = p->state();

    nlohmann::json bad = before;
    if (path.isEmpty())
        bad = nlohmann::json::parse(value.toStdString());
    else if (value == "delete")
        bad.at(nlohmann::json::json_pointer(path.section('/', 0, -2).toStdString()))
            .erase(path.section('/', -1).toStdString());
    else
        bad[nlohmann::json::json_pointer(path.toStdString())] = nlohmann::json::parse(value.toStdString());

    QCOMPARE(invalidArgumentMessage([&] { p->restore(bad); }), message);
    QCOMPARE(p->state(), before); // a rejected state changes nothing
}

QTEST_GUILESS_MAIN(TstPolicies)
#include "tst_policies.moc"
