#include <QtTest>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <numeric>

#include <nlohmann/json.hpp>

#include "core/metrics/Metrics.h"
#include "core/routing/ModelRouter.h"

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

namespace {

rl::RoutingContext context(rl::Complexity complexity = rl::Complexity::Complex, long long tokens = 5000)
{
    rl::RoutingContext c;
    c.complexity = complexity;
    c.tokenEstimate = tokens;
    c.latencyRequirementMs = 3000.0;
    c.costBudgetUsd = 0.4;
    return c;
}

rl::TrajectoryFeedback feedbackFor(const rl::RouteResult &route, double score = 0.5)
{
    rl::TrajectoryFeedback f;
    f.trajectoryId = route.trajectoryId;
    f.modelId = route.modelId;
    f.accuracyScore = f.efficiencyScore = f.errorHandlingScore = f.overallScore = score;
    f.trajectoryLength = 5;
    return f;
}

double failed(const rl::Metrics &metrics, rl::FailureReason reason)
{
    return metrics.value("rl_feedback_failed_total", metrics.defaultLabels(), "reason", rl::toString(reason));
}

double processed(const rl::Metrics &metrics)
{
    return metrics.value("rl_feedback_processed_total", metrics.defaultLabels());
}

std::size_t failedBy(const rl::FeedbackBatchResult &r, rl::FailureReason reason)
{
    return r.failed[static_cast<std::size_t>(reason)];
}

// A clock the test moves by hand.
struct ManualClock {
    Clock::time_point now = Clock::now();
    std::function<Clock::time_point()> function()
    {
        return [this] { return now; };
    }
};

// Records every event the router reports, as one line each.
struct RecordingHook : rl::EngineHook {
    std::vector<std::string> events;

    void decided(const rl::RoutingDecision &decision, std::span<const double>, const rl::PolicyVersion &) override
    {
        events.push_back("decided " + decision.trajectoryId + " arm " + std::to_string(decision.arm));
    }
    void learned(const rl::TrajectoryFeedback &feedback, const rl::RoutingDecision &decision, double reward) override
    {
        events.push_back("learned " + feedback.trajectoryId + " arm " + std::to_string(decision.arm) + " reward "
                         + std::to_string(reward));
    }
    void failed(const rl::TrajectoryFeedback &feedback, rl::FailureReason reason, std::string_view message) override
    {
        events.push_back("failed " + feedback.trajectoryId + " " + std::string(rl::toString(reason)) + ": "
                         + std::string(message));
    }
    void evicted(std::size_t count) override { events.push_back("evicted " + std::to_string(count)); }
    void dropped(std::size_t count, rl::FeedbackQueue::SeqRange) override
    {
        events.push_back("dropped " + std::to_string(count));
    }
};

} // namespace

class TestModelRouter : public QObject {
    Q_OBJECT

private slots:
    void routeResultShape()
    {
        rl::Metrics metrics;
        rl::ModelRouter router(rl::ModelCatalogue::defaults(), metrics);
        QCOMPARE(router.policyName(), std::string("adaptive"));

        // Teach it something first so the estimates differ and the fallback order means something.
        for (int i = 0; i < 40; ++i) {
            const auto r = router.route(context(rl::Complexity(i % 4), 100 * (i + 1)));
            router.enqueueFeedback(feedbackFor(r, r.arm == 2 ? 0.9 : 0.1 * double(r.arm)));
        }
        QCOMPARE(router.processTrajectoryFeedback(100, metrics.defaultLabels()).processed, std::size_t(40));

        const auto c = context();
        const auto r = router.route(c);
        QCOMPARE(r.trajectoryId, "traj-" + std::to_string(r.eventId)); // the 41st decision
        QCOMPARE(r.eventId, std::uint64_t(41));
        QCOMPARE(r.features, rl::extractFeatures(c));
        QCOMPARE(r.modelId, router.catalogue().at(r.arm).id);
        QVERIFY(r.propensity > 0.0 && r.propensity <= 1.0);
        const auto estimates = router.estimates(r.features);
        QCOMPARE(estimates.size(), std::size_t(4));
        QCOMPARE(r.expectedReward, estimates[r.arm]);
        QCOMPARE(r.fallbacks.size(), std::size_t(3));
        QVERIFY(std::find(r.fallbacks.begin(), r.fallbacks.end(), r.modelId) == r.fallbacks.end());
        for (std::size_t i = 0; i + 1 < r.fallbacks.size(); ++i) {
            const auto a = *router.catalogue().indexOf(r.fallbacks[i]);
            const auto b = *router.catalogue().indexOf(r.fallbacks[i + 1]);
            QVERIFY(estimates[a] >= estimates[b]);
        }

        const auto named = router.route(c, "request-7");
        QCOMPARE(named.trajectoryId, std::string("request-7"));
        QCOMPARE(router.routedTotal(), std::uint64_t(42));
        QCOMPARE(router.historySize(), std::size_t(2));
        double selections = 0.0;
        for (const auto &model : router.catalogue().models())
            selections += metrics.value("rl_model_selections_total", metrics.defaultLabels(), "model", model.id);
        QCOMPARE(selections, 42.0);
    }

    void learnsTheCombinedRewardOnTheDecisionFeatures()
    {
        rl::Metrics metrics;
        rl::ModelRouter router(rl::ModelCatalogue::defaults(), metrics);
        const auto r = router.route(context());
        QVERIFY(router.recordOutcome(r.trajectoryId, 0.4));
        QVERIFY(!router.recordOutcome("never-routed", 0.4));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 router.recordOutcome(r.trajectoryId, std::numeric_limits<double>::quiet_NaN()));

        auto f = feedbackFor(r);
        f.accuracyScore = 0.9;
        f.efficiencyScore = 0.5;
        f.errorHandlingScore = 0.25; // quality 0.65; combined with 0.4: 0.5
        router.enqueueFeedback(f);
        const auto result = router.processTrajectoryFeedback(25, metrics.defaultLabels());
        QCOMPARE(result.processed, std::size_t(1));
        QCOMPARE(result.failedTotal(), std::size_t(0));
        QCOMPARE(result.remaining, std::size_t(0));
        // One ridge update from A = I: theta . x = r |x|^2 / (1 + |x|^2).
        const double norm2 = std::inner_product(r.features.begin(), r.features.end(), r.features.begin(), 0.0);
        QVERIFY(std::abs(router.estimates(r.features)[r.arm] - 0.5 * norm2 / (1.0 + norm2)) < 1e-12);
        QCOMPARE(router.historySize(), std::size_t(0)); // consumed
        QCOMPARE(processed(metrics), 1.0);
    }

    void unknownTrajectoryIsMissingHistory()
    {
        rl::Metrics metrics;
        rl::ModelRouter router(rl::ModelCatalogue::defaults(), metrics);
        rl::TrajectoryFeedback f;
        f.trajectoryId = "traj-unknown";
        f.modelId = "gpt-4";
        router.enqueueFeedback(f);
        const auto result = router.processTrajectoryFeedback(25, metrics.defaultLabels());
        QCOMPARE(result.processed, std::size_t(0));
        QCOMPARE(failedBy(result, rl::FailureReason::MissingHistory), std::size_t(1));
        QCOMPARE(failed(metrics, rl::FailureReason::MissingHistory), 1.0);
        QCOMPARE(processed(metrics), 0.0);
    }

    void invalidFeedbackIsInvalidAndKeepsTheDecision()
    {
        rl::Metrics metrics;
        rl::ModelRouter router(rl::ModelCatalogue::defaults(), metrics);
        const auto r = router.route(context());
        auto bad = feedbackFor(r);
        bad.accuracyScore = 1.5;
        router.enqueueFeedback(bad);
        router.enqueueFeedback(feedbackFor(r));
        const auto result = router.processTrajectoryFeedback(25, metrics.defaultLabels());
        QCOMPARE(failedBy(result, rl::FailureReason::Invalid), std::size_t(1));
        QCOMPARE(result.processed, std::size_t(1)); // the decision was still there for the valid one
        QCOMPARE(failed(metrics, rl::FailureReason::Invalid), 1.0);
        QCOMPARE(processed(metrics), 1.0);
    }

    void duplicateIsMissingHistory()
    {
        rl::Metrics metrics;
        rl::ModelRouter router(rl::ModelCatalogue::defaults(), metrics);
        const auto r = router.route(context());
        router.enqueueFeedback(feedbackFor(r));
        router.enqueueFeedback(feedbackFor(r));
        const auto first = router.processTrajectoryFeedback(1, metrics.defaultLabels());
        QCOMPARE(first.processed, std::size_t(1));
        QCOMPARE(first.remaining, std::size_t(1));
        const auto second = router.processTrajectoryFeedback(1, metrics.defaultLabels());
        QCOMPARE(second.processed, std::size_t(0));
        QCOMPARE(failedBy(second, rl::FailureReason::MissingHistory), std::size_t(1));
        QCOMPARE(processed(metrics), 1.0);
        QCOMPARE(failed(metrics, rl::FailureReason::MissingHistory), 1.0);
    }

    void feedbackForAnotherModelIsMissingHistory()
    {
        rl::Metrics metrics;
        rl::ModelRouter router(rl::ModelCatalogue::defaults(), metrics);
        const auto r = router.route(context());
        auto other = feedbackFor(r);
        other.modelId = r.fallbacks.front();
        router.enqueueFeedback(other);
        router.enqueueFeedback(feedbackFor(r));
        const auto result = router.processTrajectoryFeedback(25, metrics.defaultLabels());
        QCOMPARE(failedBy(result, rl::FailureReason::MissingHistory), std::size_t(1));
        QCOMPARE(result.processed, std::size_t(1));
    }

    void meteredUnderTheGivenLabels()
    {
        rl::Metrics metrics;
        rl::ModelRouter router(rl::ModelCatalogue::defaults(), metrics);
        const rl::MetricLabels manual{"system", "manual"};
        router.enqueueFeedback(feedbackFor(router.route(context())));
        auto orphan = feedbackFor(router.route(context()));
        orphan.trajectoryId = "orphan";
        router.enqueueFeedback(orphan);
        router.processTrajectoryFeedback(25, manual);
        QCOMPARE(metrics.value("rl_feedback_processed_total", manual), 1.0);
        QCOMPARE(metrics.value("rl_feedback_failed_total", manual, "reason", "missing_history"), 1.0);
        QCOMPARE(processed(metrics), 0.0);
    }

    void historyBoundedBySize()
    {
        rl::Metrics metrics;
        rl::RouterConfig config;
        config.historyCapacity = 3;
        rl::ModelRouter router(rl::ModelCatalogue::defaults(), metrics, config);
        std::vector<rl::RouteResult> routes;
        for (int i = 0; i < 5; ++i)
            routes.push_back(router.route(context()));
        QCOMPARE(router.historySize(), std::size_t(3));
        QCOMPARE(router.evictedTotal(), std::uint64_t(2));
        QCOMPARE(metrics.value("rl_routing_history_evicted_total", metrics.defaultLabels()), 2.0);

        for (const auto &r : routes)
            router.enqueueFeedback(feedbackFor(r));
        const auto result = router.processTrajectoryFeedback(25, metrics.defaultLabels());
        QCOMPARE(failedBy(result, rl::FailureReason::MissingHistory), std::size_t(2)); // the two oldest
        QCOMPARE(result.processed, std::size_t(3));

        // Consumed entries free their room: three more fit without evicting anything.
        for (int i = 0; i < 3; ++i)
            router.route(context());
        QCOMPARE(router.evictedTotal(), std::uint64_t(2));
        // Routing the same id again replaces (and forgets) the earlier decision.
        router.route(context(), "traj-6");
        QCOMPARE(router.historySize(), std::size_t(3));
        QCOMPARE(router.evictedTotal(), std::uint64_t(3));
    }

    void historyBoundedByAge()
    {
        rl::Metrics metrics;
        ManualClock clock;
        rl::RouterConfig config;
        config.historyMaxAge = 60s;
        config.clock = clock.function();
        rl::ModelRouter router(rl::ModelCatalogue::defaults(), metrics, config);
        const auto old = router.route(context());
        clock.now += 45s;
        const auto recent = router.route(context());
        QCOMPARE(router.historySize(), std::size_t(2));
        clock.now += 30s; // old is 75 s old, recent 30 s
        router.enqueueFeedback(feedbackFor(old));
        router.enqueueFeedback(feedbackFor(recent));
        const auto result = router.processTrajectoryFeedback(25, metrics.defaultLabels());
        QCOMPARE(failedBy(result, rl::FailureReason::MissingHistory), std::size_t(1));
        QCOMPARE(result.processed, std::size_t(1));
        QCOMPARE(router.evictedTotal(), std::uint64_t(1));
        QCOMPARE(metrics.value("rl_routing_history_evicted_total", metrics.defaultLabels()), 1.0);

        // Routing alone also ages the history out.
        router.route(context());
        clock.now += 61s;
        router.route(context());
        QCOMPARE(router.historySize(), std::size_t(1));
        QCOMPARE(router.evictedTotal(), std::uint64_t(2));
    }

    void queueOverflowIsMetered()
    {
        rl::Metrics metrics;
        rl::RouterConfig config;
        config.queueCapacity = 2;
        rl::ModelRouter router(rl::ModelCatalogue::defaults(), metrics, config);
        for (int i = 0; i < 5; ++i)
            router.enqueueFeedback(feedbackFor(router.route(context())));
        QCOMPARE(router.queue().size(), std::size_t(2));
        QCOMPARE(metrics.value("rl_feedback_dropped_total", metrics.defaultLabels()), 3.0);
    }

    void policySwitch()
    {
        rl::Metrics metrics;
        rl::RouterConfig config;
        config.policyConfig.seed = 7;
        rl::ModelRouter router(rl::ModelCatalogue::defaults(), metrics, config);
        for (int i = 0; i < 10; ++i)
            router.enqueueFeedback(feedbackFor(router.route(context()), 0.8));
        router.processTrajectoryFeedback(25, metrics.defaultLabels());
        const auto x = rl::extractFeatures(context());
        const auto learned = router.estimates(x);
        QVERIFY(std::any_of(learned.begin(), learned.end(), [](double v) { return v > 0.1; }));
        const nlohmann::json saved = router.policyState();

        router.setPolicy("thompson");
        QCOMPARE(router.policyName(), std::string("thompson"));
        QCOMPARE(router.policyState().at("policy"), nlohmann::json("thompson"));
        const auto fresh = router.estimates(x);
        QVERIFY(std::all_of(fresh.begin(), fresh.end(), [](double v) { return v == 0.0; }));

        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, router.setPolicy("bogus"));
        QCOMPARE(router.policyName(), std::string("thompson")); // unchanged

        // A saved state names its policy: restoring it switches back, learning included.
        router.restorePolicyState(saved);
        QCOMPARE(router.policyName(), std::string("adaptive"));
        QCOMPARE(router.estimates(x), learned);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, router.restorePolicyState({{"policy", 3}}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, router.restorePolicyState({{"policy", "linucb"}}));
        QCOMPARE(router.estimates(x), learned); // a failed restore changes nothing

        router.resetPolicy();
        QCOMPARE(router.policyName(), std::string("adaptive"));
        const auto reset = router.estimates(x);
        QVERIFY(std::all_of(reset.begin(), reset.end(), [](double v) { return v == 0.0; }));
        QCOMPARE(router.policyState().at("updates"), nlohmann::json(0));
    }

    void samePolicyConfigAfterSwitch()
    {
        // seed is kept: two routers switching to the same policy make the same choices.
        const auto choices = [] {
            rl::Metrics metrics;
            rl::RouterConfig config;
            config.policyConfig.seed = 99;
            rl::ModelRouter router(rl::ModelCatalogue::defaults(), metrics, config);
            router.setPolicy("egreedy");
            std::vector<std::size_t> arms;
            for (int i = 0; i < 50; ++i)
                arms.push_back(router.route(context()).arm);
            return arms;
        };
        QCOMPARE(choices(), choices());
    }

    void hookHearsEveryEventInOrder()
    {
        rl::Metrics metrics;
        rl::RouterConfig config;
        config.queueCapacity = 3;
        config.historyCapacity = 2;
        rl::ModelRouter router(rl::ModelCatalogue::defaults(), metrics, config);
        RecordingHook hook;
        router.setHook(&hook);

        const auto a = router.route(context(), "a");
        const auto b = router.route(context(), "b");
        const auto c = router.route(context(), "c"); // the history holds 2: a is pushed out
        const std::string arm = " arm " + std::to_string(a.arm);
        router.recordOutcome("b", 1.0);
        router.enqueueFeedback(feedbackFor(a));
        router.enqueueFeedback(feedbackFor(b, 0.5));
        auto invalid = feedbackFor(c);
        invalid.overallScore = 1.5;
        router.enqueueFeedback(invalid);
        router.enqueueFeedback(feedbackFor(c)); // the queue holds 3: a's feedback is dropped
        router.processTrajectoryFeedback(10, metrics.defaultLabels());

        const std::vector<std::string> expected{
            "decided a" + arm,
            "decided b arm " + std::to_string(b.arm),
            "decided c arm " + std::to_string(c.arm),
            "evicted 1",
            "dropped 1",
            "learned b arm " + std::to_string(b.arm) + " reward " + std::to_string(0.6 * 1.0 + 0.4 * 0.5),
            "failed c invalid: overall_score 1.5 is outside [0, 1]",
            "learned c arm " + std::to_string(c.arm) + " reward " + std::to_string(0.5),
        };
        QCOMPARE(hook.events, expected);
    }

    void hookNamesMissingHistory()
    {
        rl::Metrics metrics;
        rl::ModelRouter router(rl::ModelCatalogue::defaults(), metrics);
        RecordingHook hook;
        router.setHook(&hook);
        const auto routed = router.route(context(), "t1");
        auto other = feedbackFor(routed);
        other.modelId = routed.modelId == "gpt-4" ? "claude-3-opus" : "gpt-4";
        router.enqueueFeedback(other);
        auto unknown = feedbackFor(routed);
        unknown.trajectoryId = "nobody";
        router.enqueueFeedback(unknown);
        router.processTrajectoryFeedback(10, metrics.defaultLabels());
        QCOMPARE(hook.events.size(), std::size_t(3));
        QCOMPARE(hook.events[1], "failed t1 missing_history: trajectory 't1' was routed to " + routed.modelId
                                     + ", not to " + other.modelId);
        QCOMPARE(hook.events[2], std::string("failed nobody missing_history: no routing decision awaits trajectory "
                                             "'nobody'"));
    }

    // A policy that throws while learning used to be counted with its message lost; the hook now gets it.
    void policyExceptionReachesTheHookWithItsMessage()
    {
        rl::Metrics metrics;
        rl::ModelRouter router(rl::ModelCatalogue::defaults(), metrics);
        RecordingHook hook;
        router.setHook(&hook);
        const auto routed = router.route(context(), "big");
        QVERIFY(router.recordOutcome("big", 1e200)); // finite, but beyond what a policy can learn from
        router.enqueueFeedback(feedbackFor(routed));
        const auto result = router.processTrajectoryFeedback(10, metrics.defaultLabels());
        QCOMPARE(failedBy(result, rl::FailureReason::Exception), std::size_t(1));
        QCOMPARE(failed(metrics, rl::FailureReason::Exception), 1.0);
        QCOMPARE(hook.events.back(),
                 std::string("failed big exception: the adaptive policy could not learn from "
                             "trajectory 'big': reward is 5.999999999999999e+199, beyond ±1e+100 where products "
                             "of such values overflow"));
        QCOMPARE(router.historySize(), std::size_t(0)); // consumed: a retry would fail the same way
    }

    void badConfigIsRefused()
    {
        rl::Metrics metrics;
        const auto make = [&](const rl::RouterConfig &config) {
            rl::ModelRouter(rl::ModelCatalogue::defaults(), metrics, config);
        };
        rl::RouterConfig config;
        config.historyCapacity = 0;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, make(config));
        config = {};
        config.queueCapacity = 0;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, make(config));
        config = {};
        config.historyMaxAge = 0s;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, make(config));
        config = {};
        config.policy = "bogus";
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, make(config));
    }
};

QTEST_GUILESS_MAIN(TestModelRouter)
#include "tst_modelrouter.moc"
