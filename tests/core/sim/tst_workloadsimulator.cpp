// WorkloadSimulator::emit() would collide with Qt's `emit` keyword macro (the GUI builds the same way).
#define QT_NO_KEYWORDS
#include <QtTest>

#include <cmath>
#include <limits>
#include <memory>

#include "core/feedback/ModelCatalogue.h"
#include "core/feedback/RoutingContext.h"
#include "core/loop/FeedbackProcessor.h"
#include "core/loop/TrajectoryEvaluator.h"
#include "core/metrics/Metrics.h"
#include "core/routing/ModelRouter.h"
#include "core/sim/WorkloadSimulator.h"

namespace {

// The whole loop: router, evaluator and simulator over one metrics registry.
struct Rig {
    explicit Rig(rl::SimulatorConfig config = {}, std::string policy = "linucb", std::uint64_t policySeed = 7)
        : router(rl::ModelCatalogue::defaults(), metrics, routerConfig(std::move(policy), policySeed))
        , evaluator(metrics, &router)
        , simulator(router, evaluator, std::move(config))
    {
    }

    static rl::RouterConfig routerConfig(std::string policy, std::uint64_t seed)
    {
        rl::RouterConfig config;
        config.policy = std::move(policy);
        config.policyConfig.seed = seed;
        return config;
    }

    rl::Metrics metrics;
    rl::ModelRouter router;
    rl::TrajectoryEvaluator evaluator;
    rl::WorkloadSimulator simulator;
};

rl::SimulatorConfig withRate(double itemsPerMinute)
{
    rl::SimulatorConfig config;
    config.itemsPerMinute = itemsPerMinute;
    return config;
}

// Emits n requests, running a loop tick of batch 25 after every 25, as the runbook's default loop would.
void runLoop(Rig &rig, rl::FeedbackProcessor &processor, std::size_t n)
{
    for (std::size_t done = 0; done < n; done += 25) {
        rig.simulator.emit(std::min<std::size_t>(25, n - done));
        const rl::ProcessSummary summary = processor.processOnce(25);
        QCOMPARE(std::string(rl::toString(summary.status)), std::string("success"));
        QCOMPARE(summary.failed, std::size_t(0));
    }
}

struct Window {
    double optimalShare = 0.0;
    double regretPerRequest = 0.0;
};

Window window(const rl::SimulatorStats &from, const rl::SimulatorStats &to)
{
    const auto requests = static_cast<double>(to.requests - from.requests);
    return {static_cast<double>(to.optimalPicks - from.optimalPicks) / requests,
            (to.cumulativeRegret - from.cumulativeRegret) / requests};
}

} // namespace

class TestWorkloadSimulator : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void advanceEmitsAtTheRate()
    {
        Rig rig(withRate(30.0));
        QCOMPARE(rig.simulator.rate(), 30.0);
        QCOMPARE(rig.simulator.advance(60.0), std::size_t(30));
        QCOMPARE(rig.simulator.stats().requests, std::uint64_t(30));
        QCOMPARE(rig.router.routedTotal(), std::uint64_t(30));
        QCOMPARE(rig.simulator.advance(0.0), std::size_t(0));
    }

    void fractionsCarryOver()
    {
        Rig rig(withRate(30.0));
        // Half a request per second.
        QCOMPARE(rig.simulator.advance(1.0), std::size_t(0));
        QCOMPARE(rig.simulator.advance(1.0), std::size_t(1));
        QCOMPARE(rig.simulator.advance(3.0), std::size_t(1));
        QCOMPARE(rig.simulator.advance(1.0), std::size_t(1));
        QCOMPARE(rig.simulator.stats().requests, std::uint64_t(3));

        // Sixths that do not add up exactly in binary still make whole requests.
        rig.simulator.setRate(10.0);
        std::size_t total = 0;
        for (int i = 0; i < 60; ++i)
            total += rig.simulator.advance(1.0);
        QCOMPARE(total, std::size_t(10));

        rig.simulator.setRate(0.0);
        QCOMPARE(rig.simulator.advance(3600.0), std::size_t(0));
    }

    void badRatesAndDurationsRejected()
    {
        Rig rig(withRate(30.0));
        constexpr double nan = std::numeric_limits<double>::quiet_NaN();
        constexpr double inf = std::numeric_limits<double>::infinity();
        for (double seconds : {-1.0, nan, inf, -inf})
            QVERIFY_THROWS_EXCEPTION(std::invalid_argument, rig.simulator.advance(seconds));
        for (double rate : {-0.5, nan, inf})
            QVERIFY_THROWS_EXCEPTION(std::invalid_argument, rig.simulator.setRate(rate));
        QCOMPARE(rig.simulator.rate(), 30.0);
        QCOMPARE(rig.simulator.stats().requests, std::uint64_t(0));

        try {
            rig.simulator.advance(-2.0);
            QFAIL("no exception");
        } catch (const std::invalid_argument &error) {
            QVERIFY2(QString(error.what()).contains("-2"), error.what());
        }

        rl::Metrics metrics;
        rl::ModelRouter router(rl::ModelCatalogue::defaults(), metrics);
        rl::TrajectoryEvaluator evaluator(metrics, &router);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)rl::WorkloadSimulator(router, evaluator, withRate(-1.0)));
        rl::SimulatorConfig wrongArms;
        wrongArms.trueWeights.assign(3, rl::FeatureVector(rl::kContextFeatures, 0.5));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)rl::WorkloadSimulator(router, evaluator, wrongArms));
        rl::SimulatorConfig wrongDimension;
        wrongDimension.trueWeights.assign(4, rl::FeatureVector(10, 0.5));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)rl::WorkloadSimulator(router, evaluator, wrongDimension));
    }

    void givenWeightsAreTheTruth()
    {
        rl::SimulatorConfig config;
        config.trueWeights = {{0, 0, 0, 0, 0, 0.1}, {0.8, 0, 0, 0, 0, 0}, {0.5, 0, 0, 0, 0, 0.9}, {-1, 0, 0, 0, 0, 0}};
        Rig rig(config);
        QCOMPARE(rig.simulator.trueWeights(), config.trueWeights);
        const rl::FeatureVector x{0.25, 0.5, 0.5, 0.5, 0.5, 1.0};
        QCOMPARE(rig.simulator.expectedReward(0, x), 0.1);
        QCOMPARE(rig.simulator.expectedReward(1, x), 0.2);
        QCOMPARE(rig.simulator.expectedReward(2, x), 1.0); // clamped from 1.025
        QCOMPARE(rig.simulator.expectedReward(3, x), 0.0); // clamped from -0.25
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, rig.simulator.expectedReward(0, {1.0, 1.0}));

        // Regret is against the oracle: only arm 2 is ever optimal here, and the untrained router starts
        // elsewhere.
        rig.simulator.emit(200);
        const rl::SimulatorStats &stats = rig.simulator.stats();
        QCOMPARE(stats.optimalPicks, stats.picks[2]);
        QVERIFY(stats.optimalPicks < 200);
        QVERIFY(stats.cumulativeRegret > 0.0);
    }

    void defaultWeightsMakeLearningMatter()
    {
        Rig rig;
        const auto &weights = rig.simulator.trueWeights();
        QCOMPARE(weights.size(), rig.router.catalogue().size());
        // Over contexts drawn as the simulator draws them, no model is best everywhere, at least three are
        // best somewhere, and the expected rewards mostly sit strictly inside [0, 1].
        rl::Rng rng(99);
        std::vector<std::size_t> best(weights.size(), 0);
        std::size_t inside = 0;
        constexpr std::size_t probes = 2000;
        for (std::size_t i = 0; i < probes; ++i) {
            rl::RoutingContext context;
            context.complexity = static_cast<rl::Complexity>(rng.below(4));
            context.tokenEstimate = std::llround(std::exp(std::log(100.0) + rng.uniform() * std::log(1000.0)));
            context.qualityRequirement = 0.5 + 0.5 * rng.uniform();
            context.latencyRequirementMs = 500.0 + 9500.0 * rng.uniform();
            context.costBudgetUsd = 0.05 + 1.95 * rng.uniform();
            const rl::FeatureVector x = rl::extractFeatures(context);
            std::size_t arm = 0;
            for (std::size_t k = 0; k < weights.size(); ++k) {
                const double r = rig.simulator.expectedReward(k, x);
                QVERIFY(r >= 0.0 && r <= 1.0);
                inside += (r > 0.0 && r < 1.0) ? 1 : 0;
                if (r > rig.simulator.expectedReward(arm, x))
                    arm = k;
            }
            ++best[arm];
        }
        qInfo("best model share over %zu contexts: %zu %zu %zu %zu", probes, best[0], best[1], best[2], best[3]);
        QVERIFY2(*std::max_element(best.begin(), best.end()) < 0.65 * probes, "one model is best almost everywhere");
        QVERIFY(std::count_if(best.begin(), best.end(), [](std::size_t n) { return n > 0.05 * probes; }) >= 3);
        QVERIFY(inside > 0.9 * probes * weights.size());
    }

    void deterministicPerSeed()
    {
        const auto run = [](std::uint64_t seed) {
            rl::SimulatorConfig config;
            config.seed = seed;
            auto rig = std::make_unique<Rig>(config);
            rl::FeedbackProcessor processor(rig->metrics, &rig->router);
            runLoop(*rig, processor, 300);
            rig->simulator.advance(90.0);
            return std::make_pair(rig->simulator.trueWeights(), rig->simulator.stats());
        };
        const auto [weightsA, statsA] = run(11);
        const auto [weightsB, statsB] = run(11);
        QCOMPARE(weightsA, weightsB);
        QCOMPARE(statsA.requests, std::uint64_t(345));
        QCOMPARE(statsB.requests, statsA.requests);
        QCOMPARE(statsB.picks, statsA.picks);
        QCOMPARE(statsB.optimalPicks, statsA.optimalPicks);
        QCOMPARE(statsB.cumulativeRegret, statsA.cumulativeRegret); // bit for bit
        QCOMPARE(statsB.baselineRegret, statsA.baselineRegret);

        const auto [weightsC, statsC] = run(12);
        QVERIFY(weightsC != weightsA);
    }

    void restartComparisonKeepsTheWorld()
    {
        Rig rig;
        const auto weights = rig.simulator.trueWeights();
        rig.simulator.emit(20);
        const auto rewards = rig.simulator.recentRewards();
        QVERIFY(rig.simulator.stats().baselineRegret > 0.0);
        rig.simulator.restartComparison();
        QCOMPARE(rig.simulator.stats().requests, std::uint64_t(0));
        QCOMPARE(rig.simulator.stats().optimalPicks, std::uint64_t(0));
        QCOMPARE(rig.simulator.stats().cumulativeRegret, 0.0);
        QCOMPARE(rig.simulator.stats().baselineRegret, 0.0);
        QCOMPARE(rig.simulator.stats().picks, std::vector<std::uint64_t>(4, 0));
        QCOMPARE(rig.simulator.trueWeights(), weights);
        // The recent contexts stay: they describe the traffic, not the comparison.
        QCOMPARE(rig.simulator.recentRewards().size(), rewards.size());
        for (std::size_t arm = 0; arm < rewards.size(); ++arm)
            QCOMPARE(rig.simulator.recentRewards()[arm].truth, rewards[arm].truth);
    }

    // Drift now: new hidden functions, the comparison carries on so the regret shows the change, and the
    // recent rewards' truth follows the new functions.
    void driftChangesTheWorldAndKeepsTheStats()
    {
        Rig rig;
        const auto weights = rig.simulator.trueWeights();
        rig.simulator.emit(50);
        const auto before = rig.simulator.stats();
        const auto rewards = rig.simulator.recentRewards();
        rig.simulator.drift();
        QVERIFY(rig.simulator.trueWeights() != weights);
        QCOMPARE(rig.simulator.trueWeights().size(), weights.size());
        QCOMPARE(rig.simulator.stats().requests, before.requests);
        QCOMPARE(rig.simulator.stats().cumulativeRegret, before.cumulativeRegret);
        QVERIFY(rig.simulator.recentRewards()[0].truth != rewards[0].truth);
        rig.simulator.emit(10);
        QCOMPARE(rig.simulator.stats().requests, before.requests + 10);
    }

    // The shadow `seed` policy has its own generators: the live router sees the same contexts and draws
    // whether or not the shadow is restarted, and a restarted shadow starts untrained.
    void restartComparisonStartsAFreshShadow()
    {
        Rig restarted;
        Rig kept;
        rl::FeedbackProcessor restartedLoop(restarted.metrics, &restarted.router);
        rl::FeedbackProcessor keptLoop(kept.metrics, &kept.router);
        runLoop(restarted, restartedLoop, 1000);
        runLoop(kept, keptLoop, 1000);
        restarted.simulator.restartComparison();
        const rl::SimulatorStats before = kept.simulator.stats();
        runLoop(restarted, restartedLoop, 1000);
        runLoop(kept, keptLoop, 1000);

        const rl::SimulatorStats &fresh = restarted.simulator.stats();
        const rl::SimulatorStats &continued = kept.simulator.stats();
        QCOMPARE(fresh.requests, std::uint64_t(1000));
        for (std::size_t arm = 0; arm < fresh.picks.size(); ++arm)
            QCOMPARE(fresh.picks[arm], continued.picks[arm] - before.picks[arm]);
        QCOMPARE(fresh.optimalPicks, continued.optimalPicks - before.optimalPicks);
        QVERIFY(std::abs(fresh.cumulativeRegret - (continued.cumulativeRegret - before.cumulativeRegret)) < 1e-9);
        qInfo("shadow regret over the same 1000 requests: fresh %.3f, trained on 1000 before %.3f",
              fresh.baselineRegret, continued.baselineRegret - before.baselineRegret);
        QVERIFY(fresh.baselineRegret > 0.0);
        QVERIFY(fresh.baselineRegret != continued.baselineRegret - before.baselineRegret);
    }

    // The shadow is the original router's bandit, whose step shrinks too fast to learn: over the same
    // contexts its regret keeps growing at about its initial pace while LinUCB's levels off.
    void baselineRegretOutgrowsLinUcb()
    {
        Rig rig;
        rl::FeedbackProcessor processor(rig.metrics, &rig.router);
        runLoop(rig, processor, 2500);
        const rl::SimulatorStats at2500 = rig.simulator.stats();
        runLoop(rig, processor, 2500);
        const rl::SimulatorStats &at5000 = rig.simulator.stats();
        const double live = at5000.cumulativeRegret - at2500.cumulativeRegret;
        const double baseline = at5000.baselineRegret - at2500.baselineRegret;
        qInfo("regret at 5000: linucb %.2f, seed shadow %.2f; over the last 2500: %.2f and %.2f",
              at5000.cumulativeRegret, at5000.baselineRegret, live, baseline);
        QVERIFY(at5000.baselineRegret > at5000.cumulativeRegret);
        QVERIFY(baseline > 5.0 * live);
    }

    void recentRewardsAverageTheRecentContexts()
    {
        rl::SimulatorConfig config;
        // Constant hidden rewards, so the truth over any contexts is known exactly.
        config.trueWeights = {{0, 0, 0, 0, 0, 0.2}, {0, 0, 0, 0, 0, 0.4}, {0, 0, 0, 0, 0, 0.6}, {0, 0, 0, 0, 0, 0.8}};
        Rig rig(config);
        for (const rl::ArmRewards &arm : rig.simulator.recentRewards()) { // no context yet
            QCOMPARE(arm.estimated, 0.0);
            QCOMPARE(arm.truth, 0.0);
        }
        rig.simulator.emit(10);
        auto rewards = rig.simulator.recentRewards();
        QCOMPARE(rewards.size(), std::size_t(4));
        for (std::size_t arm = 0; arm < 4; ++arm) {
            QVERIFY(std::abs(rewards[arm].truth - config.trueWeights[arm][5]) < 1e-12);
            QCOMPARE(rewards[arm].estimated, 0.0); // nothing learned yet: ridge estimates start at 0
        }

        // The live policy's estimate follows what it learns (0.6 reward + 0.4 trajectory quality, so close
        // to the truth, not equal): the best model, picked most, is estimated best.
        rl::FeedbackProcessor processor(rig.metrics, &rig.router);
        runLoop(rig, processor, 2 * rl::WorkloadSimulator::kRecentContexts);
        rewards = rig.simulator.recentRewards();
        for (std::size_t arm = 0; arm < 4; ++arm) {
            qInfo("model %zu: estimated %.3f, true %.3f", arm, rewards[arm].estimated, rewards[arm].truth);
            QVERIFY(std::abs(rewards[arm].truth - config.trueWeights[arm][5]) < 1e-12);
        }
        QVERIFY(std::abs(rewards[3].estimated - rewards[3].truth) < 0.1);
        QVERIFY(rewards[3].estimated > rewards[0].estimated);
    }

    void feedbackReachesTheRoutersQueue()
    {
        Rig rig;
        QCOMPARE(rig.simulator.emit(10), std::size_t(10));
        QCOMPARE(rig.router.queue().size(), std::size_t(10));
        QCOMPARE(rig.metrics.value("trajectory_feedback_emissions_total", rig.metrics.defaultLabels()), 10.0);
        for (const rl::TrajectoryFeedback &item : rig.router.queue().peek(10)) {
            QVERIFY2(!item.validate(), item.validate().value_or("").c_str());
            QVERIFY(item.trajectoryLength >= 3 && item.trajectoryLength <= 12);
        }
        std::uint64_t picks = 0;
        for (auto n : rig.simulator.stats().picks)
            picks += n;
        QCOMPARE(picks, std::uint64_t(10));

        // Every item matches a routing decision with its immediate reward recorded: all learned from.
        const rl::FeedbackBatchResult result = rig.router.processTrajectoryFeedback(100, rig.metrics.defaultLabels());
        QCOMPARE(result.processed, std::size_t(10));
        QCOMPARE(result.failedTotal(), std::size_t(0));
        QCOMPARE(result.remaining, std::size_t(0));
    }

    void disabledEvaluatorEmitsNothing()
    {
        Rig rig;
        rig.evaluator.setEnabled(false);
        QCOMPARE(rig.simulator.emit(5), std::size_t(5));
        QCOMPARE(rig.simulator.stats().requests, std::uint64_t(5));
        QCOMPARE(rig.router.queue().pushedTotal(), std::uint64_t(0));
    }

    // The point of the loop: LinUCB, fed only by the real evaluator's feedback through the real processor,
    // picks the best model far more often once it has learned, and its regret per request falls.
    void banditLearnsFromTheLoop()
    {
        Rig rig;
        rl::FeedbackProcessor processor(rig.metrics, &rig.router);
        runLoop(rig, processor, 500);
        const rl::SimulatorStats first500 = rig.simulator.stats();
        runLoop(rig, processor, 3500);
        const rl::SimulatorStats at4000 = rig.simulator.stats();
        runLoop(rig, processor, 1000);
        const rl::SimulatorStats at5000 = rig.simulator.stats();
        QCOMPARE(at5000.requests, std::uint64_t(5000));

        const Window early = window({}, first500);
        const Window late = window(at4000, at5000);
        qInfo("optimal share %.1f%% -> %.1f%%, regret per request %.4f -> %.4f", 100 * early.optimalShare,
              100 * late.optimalShare, early.regretPerRequest, late.regretPerRequest);
        QVERIFY(late.optimalShare > early.optimalShare + 0.15);
        QVERIFY(late.optimalShare > 0.6);
        QVERIFY(late.regretPerRequest < 0.5 * early.regretPerRequest);
        QCOMPARE(rig.metrics.value("rl_feedback_processed_total", rig.metrics.defaultLabels()), 5000.0);
    }

    // The control: the same world with evaluation off sends no feedback, so the router never learns and
    // keeps picking as it did untrained.
    void noFeedbackNoLearning()
    {
        Rig rig;
        rig.evaluator.setEnabled(false);
        rl::FeedbackProcessor processor(rig.metrics, &rig.router);
        for (int tick = 0; tick < 200; ++tick) {
            rig.simulator.emit(25);
            QCOMPARE(std::string(rl::toString(processor.processOnce(25).status)), std::string("idle"));
        }
        const rl::SimulatorStats at4000 = rig.simulator.stats();
        rig.simulator.emit(1000);
        const Window late = window(at4000, rig.simulator.stats());
        qInfo("without feedback: optimal share %.1f%%, regret per request %.4f", 100 * late.optimalShare,
              late.regretPerRequest);
        QCOMPARE(rig.metrics.value("rl_feedback_processed_total", rig.metrics.defaultLabels()), 0.0);
        QVERIFY(late.optimalShare < 0.6);
    }
};

QTEST_GUILESS_MAIN(TestWorkloadSimulator)
#include "tst_workloadsimulator.moc"
