// Off-policy evaluation on synthetic logs whose logging distribution and target value are known: IPS and
// SNIPS equal their direct computation, DM and DR an independent ridge fit to 1e-6, DR's 95 % intervals
// cover the true value in at least 90 of 100 seeded logs, a target the logger cannot see is warned about,
// bad rows are named, the intervals repeat with the seed, and a long run can be cancelled.
#include <algorithm>
#include <cmath>

#include <QTest>

#include "core/bandit/Policy.h"
#include "core/offpolicy/LinearTarget.h"
#include "core/offpolicy/OffPolicyEvaluator.h"
#include "core/offpolicy/ReplayMethod.h"
#include "core/support/Rng.h"

using rl::Estimator;
using rl::LinearTarget;
using rl::LoggedRound;
using rl::OffPolicyEvaluator;
using rl::OffPolicyOptions;
using rl::OffPolicyResult;
using rl::Rng;

namespace {

// Three arms, the context (1, u, v) with u, v uniform in [-1, 1], the expected reward θ_a · x.
const std::vector<std::vector<double>> kTruth{{0.5, 0.2, -0.1}, {0.45, -0.25, 0.15}, {0.4, 0.1, 0.3}};
constexpr double kEpsilon = 0.1;
constexpr std::size_t kArms = 3;

std::vector<double> context(Rng &rng)
{
    return {1.0, 2.0 * rng.uniform() - 1.0, 2.0 * rng.uniform() - 1.0};
}

double expected(std::size_t arm, const std::vector<double> &x)
{
    double value = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i)
        value += kTruth[arm][i] * x[i];
    return value;
}

// The target, computed here independently: ε-greedy on the true weights.
std::vector<double> targetDistribution(const std::vector<double> &x)
{
    std::size_t best = 0;
    for (std::size_t arm = 1; arm < kArms; ++arm)
        if (expected(arm, x) > expected(best, x))
            best = arm;
    std::vector<double> pi(kArms, kEpsilon / kArms);
    pi[best] += 1.0 - kEpsilon;
    return pi;
}

// A logger that prefers arm 0, less so as u grows: its whole distribution is logged. `without` is an arm it
// never picks (kArms: none).
std::vector<LoggedRound> makeLog(std::uint64_t seed, std::size_t rows, std::size_t without = kArms)
{
    Rng rng(seed);
    std::vector<LoggedRound> log;
    for (std::size_t i = 0; i < rows; ++i) {
        LoggedRound round;
        round.features = context(rng);
        const double u = round.features[1];
        std::vector<double> p{0.5 - 0.2 * u, 0.3 + 0.1 * u, 0.2 + 0.1 * u};
        if (without < kArms) {
            p[without == 0 ? 1 : 0] += p[without];
            p[without] = 0.0;
        }
        double pick = rng.uniform(), total = 0.0;
        round.action = kArms - 1;
        for (std::size_t arm = 0; arm < kArms; ++arm) {
            total += p[arm];
            if (pick < total && p[arm] > 0.0) {
                round.action = arm;
                break;
            }
        }
        round.propensity = p[round.action];
        round.reward = expected(round.action, round.features) + rng.normal(0.0, 0.1);
        round.logging = p;
        log.push_back(std::move(round));
    }
    return log;
}

double estimateOf(const OffPolicyResult &result, Estimator estimator)
{
    for (const auto &estimate : result.estimates)
        if (estimate.estimator == estimator)
            return estimate.value;
    return std::nan("");
}

// Solves a small symmetric positive definite system by Gaussian elimination: independent of Eigen.
std::vector<double> solve(std::vector<std::vector<double>> a, std::vector<double> b)
{
    const std::size_t n = b.size();
    for (std::size_t col = 0; col < n; ++col) {
        for (std::size_t row = col + 1; row < n; ++row) {
            const double factor = a[row][col] / a[col][col];
            for (std::size_t k = col; k < n; ++k)
                a[row][k] -= factor * a[col][k];
            b[row] -= factor * b[col];
        }
    }
    std::vector<double> x(n);
    for (std::size_t row = n; row-- > 0;) {
        double sum = b[row];
        for (std::size_t k = row + 1; k < n; ++k)
            sum -= a[row][k] * x[k];
        x[row] = sum / a[row][row];
    }
    return x;
}

} // namespace

class TstOffPolicyEvaluator : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // The replay method: the policy learns from, and is scored on, exactly the rows where it picks the logged
    // action; a log that is not uniformly random is refused by row.
    void replayMethodCountsTheMatchedRows()
    {
        Rng rng(5);
        std::vector<LoggedRound> log;
        for (int i = 0; i < 3000; ++i) {
            LoggedRound round;
            round.features = context(rng);
            round.action = rng.below(kArms);
            round.propensity = 1.0 / kArms;
            round.reward = expected(round.action, round.features) + rng.normal(0.0, 0.1);
            log.push_back(std::move(round));
        }
        rl::PolicyConfig config;
        config.arms = kArms;
        config.dimension = 3;
        const auto policy = rl::makePolicy("linucb", config);
        const rl::ReplayEstimate estimate = rl::replayMethod(log, *policy);
        // The same walk by hand, with a second policy.
        const auto twin = rl::makePolicy("linucb", config);
        std::vector<double> rewards;
        for (const LoggedRound &round : log)
            if (twin->pick(round.features) == round.action) {
                twin->update(round.action, round.features, round.reward);
                rewards.push_back(round.reward);
            }
        QCOMPARE(estimate.rows, std::size_t{3000});
        QCOMPARE(estimate.matched, rewards.size());
        QCOMPARE(estimate.value.mean, rl::MeanInterval::of(rewards).mean);
        QVERIFY(policy->state() == twin->state());
        // It learns: it earns more than the uniform logger did.
        double uniform = 0.0;
        for (const LoggedRound &round : log)
            uniform += round.reward;
        QVERIFY(estimate.value.mean > uniform / 3000.0);

        // Written with six digits, as many files do, 1/3 still reads as uniform.
        std::vector<LoggedRound> rounded = log;
        for (LoggedRound &round : rounded)
            round.propensity = 0.333333;
        const auto tolerant = rl::makePolicy("linucb", config);
        QCOMPARE(rl::replayMethod(rounded, *tolerant).rows, std::size_t{3000});

        log[41].propensity = 0.5;
        const auto again = rl::makePolicy("linucb", config);
        try {
            rl::replayMethod(log, *again);
            QFAIL("a non-uniform log was accepted");
        } catch (const std::invalid_argument &error) {
            QVERIFY2(QString::fromUtf8(error.what()).startsWith(QStringLiteral("row 42: propensity 0.5")),
                     error.what());
        }
    }

    void ipsAndSnipsEqualTheirDirectComputation()
    {
        const std::vector<LoggedRound> log = makeLog(7, 5000);
        OffPolicyOptions options;
        options.bootstrap = 0;
        const OffPolicyResult result = OffPolicyEvaluator::evaluate(log, LinearTarget(kTruth, kEpsilon), options);
        double weighted = 0.0, weights = 0.0;
        for (const LoggedRound &round : log) {
            const double w = targetDistribution(round.features)[round.action] / round.propensity;
            weighted += w * round.reward;
            weights += w;
        }
        QCOMPARE(estimateOf(result, Estimator::Ips), weighted / static_cast<double>(log.size()));
        QCOMPARE(estimateOf(result, Estimator::Snips), weighted / weights);
    }

    void dmAndDrMatchAnIndependentRidgeFit()
    {
        const std::vector<LoggedRound> log = makeLog(11, 3000);
        OffPolicyOptions options;
        options.bootstrap = 0;
        options.switchTau = 1.5; // some rows' weights are above it
        const OffPolicyResult result = OffPolicyEvaluator::evaluate(log, LinearTarget(kTruth, kEpsilon), options);
        // Per arm: (I + XᵀX) θ = Xᵀr over its rows.
        std::vector<std::vector<double>> theta;
        for (std::size_t arm = 0; arm < kArms; ++arm) {
            std::vector<std::vector<double>> a{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
            std::vector<double> b(3, 0.0);
            for (const LoggedRound &round : log) {
                if (round.action != arm)
                    continue;
                for (std::size_t i = 0; i < 3; ++i) {
                    b[i] += round.reward * round.features[i];
                    for (std::size_t j = 0; j < 3; ++j)
                        a[i][j] += round.features[i] * round.features[j];
                }
            }
            theta.push_back(solve(a, b));
        }
        const auto q = [&](std::size_t arm, const std::vector<double> &x) {
            return theta[arm][0] * x[0] + theta[arm][1] * x[1] + theta[arm][2] * x[2];
        };
        double direct = 0.0, doubly = 0.0, corrections = 0.0, weights = 0.0, switched = 0.0;
        int dropped = 0;
        for (const LoggedRound &round : log) {
            const std::vector<double> pi = targetDistribution(round.features);
            double dm = 0.0;
            for (std::size_t arm = 0; arm < kArms; ++arm)
                dm += pi[arm] * q(arm, round.features);
            const double w = pi[round.action] / round.propensity;
            const double correction = w * (round.reward - q(round.action, round.features));
            direct += dm;
            doubly += dm + correction;
            corrections += correction;
            weights += w;
            switched += dm + (w <= 1.5 ? correction : 0.0);
            dropped += w > 1.5;
        }
        QVERIFY(dropped > 0);
        const auto n = static_cast<double>(log.size());
        QVERIFY(std::abs(estimateOf(result, Estimator::Dm) - direct / n) < 1e-6);
        QVERIFY(std::abs(estimateOf(result, Estimator::Dr) - doubly / n) < 1e-6);
        QVERIFY(std::abs(estimateOf(result, Estimator::Sndr) - (direct / n + corrections / weights)) < 1e-6);
        QVERIFY(std::abs(estimateOf(result, Estimator::SwitchDr) - switched / n) < 1e-6);
    }

    void drIntervalsCoverTheTruth()
    {
        // The target's true value, over many fresh contexts.
        Rng fresh(99);
        double truth = 0.0;
        constexpr int kContexts = 400000;
        for (int i = 0; i < kContexts; ++i) {
            const std::vector<double> x = context(fresh);
            const std::vector<double> pi = targetDistribution(x);
            for (std::size_t arm = 0; arm < kArms; ++arm)
                truth += pi[arm] * expected(arm, x);
        }
        truth /= kContexts;
        int covered = 0;
        const LinearTarget target(kTruth, kEpsilon);
        for (std::uint64_t seed = 1; seed <= 100; ++seed) {
            OffPolicyOptions options;
            options.estimators = {Estimator::Dr};
            options.bootstrap = 300;
            options.seed = seed;
            const OffPolicyResult result = OffPolicyEvaluator::evaluate(makeLog(1000 + seed, 1000), target, options);
            const auto &dr = result.estimates.front();
            QVERIFY(dr.lower <= dr.value && dr.value <= dr.upper);
            covered += dr.lower <= truth && truth <= dr.upper;
        }
        QVERIFY2(covered >= 90, qPrintable(QStringLiteral("covered in %1 of 100 logs").arg(covered)));
    }

    void aTargetTheLoggerCannotSeeIsWarnedAbout()
    {
        // The logger never picks arm 2, which the target picks for a good share of the contexts.
        OffPolicyOptions options;
        options.bootstrap = 0;
        const OffPolicyResult result =
            OffPolicyEvaluator::evaluate(makeLog(5, 2000, 2), LinearTarget(kTruth, kEpsilon), options);
        QVERIFY(result.diagnostics.supportDeficiency > OffPolicyEvaluator::kSupportWarning);
        QVERIFY(!result.diagnostics.warnings.empty());
        QVERIFY(QString::fromStdString(result.diagnostics.warnings.front()).contains(QStringLiteral("never picks")));
        // The logger that picks every arm is not warned about.
        const OffPolicyResult seen =
            OffPolicyEvaluator::evaluate(makeLog(5, 2000), LinearTarget(kTruth, kEpsilon), options);
        QCOMPARE(seen.diagnostics.supportDeficiency, 0.0);
        QVERIFY(seen.diagnostics.warnings.empty());
        QVERIFY(seen.diagnostics.effectiveSampleSize > 0.1 * 2000);
        QVERIFY(seen.diagnostics.maxWeight >= seen.diagnostics.meanWeight);
    }

    void noAgreementLeavesTheSelfNormalisedUndefined()
    {
        // The target always picks arm 2; the logger never does: every weight is 0.
        const OffPolicyResult result = OffPolicyEvaluator::evaluate(
            makeLog(6, 500, 2), LinearTarget({{0, 0, 0}, {0, 0, 0}, {1, 0, 0}}), OffPolicyOptions{});
        QVERIFY(std::isnan(estimateOf(result, Estimator::Snips)));
        QVERIFY(std::isnan(estimateOf(result, Estimator::Sndr)));
        QCOMPARE(estimateOf(result, Estimator::Ips), 0.0);
        QVERIFY(std::any_of(result.diagnostics.warnings.begin(), result.diagnostics.warnings.end(),
                            [](const std::string &warning) { return warning.find("undefined") != std::string::npos; }));
    }

    void badRowsAreNamed()
    {
        std::vector<LoggedRound> log = makeLog(3, 5);
        log[2].propensity = 0.0;
        try {
            OffPolicyEvaluator::evaluate(log, LinearTarget(kTruth, kEpsilon));
            QFAIL("a zero propensity was accepted");
        } catch (const std::invalid_argument &error) {
            QVERIFY2(QString::fromUtf8(error.what()).startsWith(QStringLiteral("row 3: propensity 0")), error.what());
        }
        // Cancelled even when nothing is left to do but report.
        try {
            OffPolicyOptions none;
            none.bootstrap = 0;
            OffPolicyEvaluator::evaluate(makeLog(3, 5), LinearTarget(kTruth), none, [](double) { return false; });
            QFAIL("a cancel was ignored");
        } catch (const rl::OffPolicyCancelled &) {
        }
        log = makeLog(3, 5);
        log[4].action = 7;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, OffPolicyEvaluator::evaluate(log, LinearTarget(kTruth)));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, OffPolicyEvaluator::evaluate({}, LinearTarget(kTruth)));
    }

    void intervalsRepeatWithTheSeed()
    {
        const std::vector<LoggedRound> log = makeLog(21, 2000);
        OffPolicyOptions options;
        options.bootstrap = 200;
        options.seed = 4;
        const LinearTarget target(kTruth, kEpsilon);
        const OffPolicyResult first = OffPolicyEvaluator::evaluate(log, target, options);
        const OffPolicyResult again = OffPolicyEvaluator::evaluate(log, target, options);
        options.seed = 5;
        const OffPolicyResult other = OffPolicyEvaluator::evaluate(log, target, options);
        QCOMPARE(first.estimates.size(), rl::allEstimators().size());
        for (std::size_t i = 0; i < first.estimates.size(); ++i) {
            QCOMPARE(first.estimates[i].lower, again.estimates[i].lower);
            QCOMPARE(first.estimates[i].upper, again.estimates[i].upper);
        }
        QVERIFY(first.estimates[0].lower != other.estimates[0].lower);
    }

    void aLongRunCanBeCancelled()
    {
        const std::vector<LoggedRound> log = makeLog(8, 200000);
        OffPolicyOptions options;
        options.bootstrap = 1000;
        QVERIFY_THROWS_EXCEPTION(
            rl::OffPolicyCancelled,
            OffPolicyEvaluator::evaluate(log, LinearTarget(kTruth), options, [](double) { return false; }));
    }
};

QTEST_GUILESS_MAIN(TstOffPolicyEvaluator)
#include "tst_offpolicyevaluator.moc"
