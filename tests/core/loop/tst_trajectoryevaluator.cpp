#include <QtTest>

#include <chrono>

#include "core/feedback/ModelCatalogue.h"
#include "core/loop/TrajectoryEvaluator.h"
#include "core/metrics/Metrics.h"
#include "core/routing/ModelRouter.h"

using rl::Trajectory;
using rl::TrajectoryStep;

namespace {

// n steps (reasoning, tool calls, a response); the first `errors` fail and the first `recovered` of those
// are handled by a later step.
Trajectory makeTrajectory(std::string id, std::string model, int n, int errors, int recovered, bool success,
                          int expectedSteps = 0)
{
    Trajectory t;
    t.id = std::move(id);
    t.modelId = std::move(model);
    t.success = success;
    t.expectedSteps = expectedSteps;
    for (int i = 0; i < n; ++i) {
        TrajectoryStep step;
        step.kind = i + 1 == n   ? TrajectoryStep::Kind::Response
                    : i % 2 == 1 ? TrajectoryStep::Kind::ToolCall
                                 : TrajectoryStep::Kind::Reasoning;
        step.error = i < errors;
        step.recovered = i < recovered;
        t.steps.push_back(step);
    }
    return t;
}

double emissions(const rl::Metrics &metrics)
{
    return metrics.value("trajectory_feedback_emissions_total", metrics.defaultLabels());
}

double rejected(const rl::Metrics &metrics, const char *reason)
{
    return metrics.value("rl_input_rejected_total", metrics.defaultLabels(), "reason", reason);
}

} // namespace

class TestTrajectoryEvaluator : public QObject {
    Q_OBJECT

private slots:
    void perfectTrajectoryScoresOne()
    {
        rl::Metrics metrics;
        const rl::TrajectoryEvaluator evaluator(metrics, nullptr);
        const rl::TrajectoryScores s = evaluator.score(makeTrajectory("t", "gpt-4", 4, 0, 0, true, 4));
        QCOMPARE(s.accuracy, 1.0);
        QCOMPARE(s.efficiency, 1.0);
        QCOMPARE(s.errorHandling, 1.0);
        QCOMPARE(s.overall, 1.0);
        QVERIFY2(QString::fromStdString(s.reasoning).startsWith("succeeded in 4 steps"), s.reasoning.c_str());
    }

    void formulas()
    {
        rl::Metrics metrics;
        const rl::TrajectoryEvaluator evaluator(metrics, nullptr);
        // Failed after 8 steps against a par of 4; 2 errors, 1 recovered.
        const rl::TrajectoryScores s = evaluator.score(makeTrajectory("t", "gpt-4", 8, 2, 1, false, 4));
        QCOMPARE(s.accuracy, 0.3 * (1.0 - 1.0 / 8.0));
        QCOMPARE(s.efficiency, 0.5);
        QCOMPARE(s.errorHandling, 0.5);
        QCOMPARE(s.overall, 0.5 * s.accuracy + 0.3 * s.efficiency + 0.2 * s.errorHandling);
        QCOMPARE(QString::fromStdString(s.reasoning),
                 QStringLiteral("failed after 8 steps (par 4), 3 tool calls, 2 errors, 1 recovered"));
    }

    void efficiencyUsesExpectedSteps()
    {
        rl::Metrics metrics;
        const rl::TrajectoryEvaluator evaluator(metrics, nullptr);
        QCOMPARE(evaluator.score(makeTrajectory("t", "gpt-4", 8, 0, 0, true, 8)).efficiency, 1.0);
        QCOMPARE(evaluator.score(makeTrajectory("t", "gpt-4", 8, 0, 0, true, 16)).efficiency, 1.0);
        QCOMPARE(evaluator.score(makeTrajectory("t", "gpt-4", 8, 0, 0, true, 2)).efficiency, 0.25);
        // Unknown par: judged on length alone, against the assumed par of 5.
        const rl::TrajectoryScores unknown = evaluator.score(makeTrajectory("t", "gpt-4", 8, 0, 0, true, 0));
        QCOMPARE(unknown.efficiency, 5.0 / 8.0);
        QVERIFY(QString::fromStdString(unknown.reasoning).contains("par 5, assumed"));
        QVERIFY(evaluator.score(makeTrajectory("t", "gpt-4", 3, 0, 0, true, 0)).efficiency
                > evaluator.score(makeTrajectory("t", "gpt-4", 12, 0, 0, true, 0)).efficiency);
    }

    void betterTrajectoriesScoreHigher()
    {
        rl::Metrics metrics;
        const rl::TrajectoryEvaluator evaluator(metrics, nullptr);
        // From best to worst; each differs from the one before in one way that should cost it.
        const std::vector<Trajectory> ranked{
            makeTrajectory("t", "gpt-4", 4, 0, 0, true, 4),   // clean, on par
            makeTrajectory("t", "gpt-4", 6, 1, 1, true, 4),   // a longer run with a recovered error
            makeTrajectory("t", "gpt-4", 6, 1, 0, true, 4),   // the error not recovered
            makeTrajectory("t", "gpt-4", 10, 3, 0, true, 4),  // long and error-ridden, but the answer is right
            makeTrajectory("t", "gpt-4", 10, 3, 0, false, 4), // and wrong
            makeTrajectory("t", "gpt-4", 12, 8, 0, false, 4), // mostly failures
        };
        double previous = 2.0;
        for (const Trajectory &t : ranked) {
            const rl::TrajectoryScores s = evaluator.score(t);
            for (double v : {s.accuracy, s.efficiency, s.errorHandling, s.overall}) {
                QVERIFY(v >= 0.0);
                QVERIFY(v <= 1.0);
            }
            QVERIFY2(s.overall < previous, s.reasoning.c_str());
            previous = s.overall;
        }
        // Success weighs more than length or clean steps.
        QVERIFY(evaluator.score(makeTrajectory("t", "gpt-4", 12, 3, 0, true, 4)).accuracy
                > evaluator.score(makeTrajectory("t", "gpt-4", 4, 0, 0, false, 4)).accuracy);
    }

    void evaluateEmitsIntoTheRoutersQueue()
    {
        rl::Metrics metrics;
        rl::ModelRouter router(rl::ModelCatalogue::defaults(), metrics);
        rl::TrajectoryEvaluator evaluator(metrics, &router);
        const rl::RouteResult routed = router.route({});

        const auto before = std::chrono::system_clock::now();
        const auto feedback = evaluator.evaluate(makeTrajectory(routed.trajectoryId, routed.modelId, 5, 1, 1, true, 5));
        const auto after = std::chrono::system_clock::now();
        QVERIFY(feedback);
        QVERIFY2(!feedback->validate(), feedback->validate().value_or("").c_str());
        QCOMPARE(feedback->trajectoryId, routed.trajectoryId);
        QCOMPARE(feedback->modelId, routed.modelId);
        QCOMPARE(feedback->trajectoryLength, 5);
        QVERIFY(feedback->success);
        QCOMPARE(feedback->overallScore, rl::trajectoryQuality(*feedback));
        QVERIFY(!feedback->reasoning.empty());
        const auto ms = [](auto t) {
            return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
        };
        QVERIFY(feedback->timestampMs >= ms(before));
        QVERIFY(feedback->timestampMs <= ms(after));

        QCOMPARE(router.queue().size(), std::size_t(1));
        QCOMPARE(router.queue().peek(1).front().trajectoryId, routed.trajectoryId);
        QCOMPARE(emissions(metrics), 1.0);

        // And the router learns from it.
        const rl::FeedbackBatchResult result = router.processTrajectoryFeedback(10, metrics.defaultLabels());
        QCOMPARE(result.processed, std::size_t(1));
        QCOMPARE(result.failedTotal(), std::size_t(0));
    }

    void disabledEmitsNothing()
    {
        rl::Metrics metrics;
        rl::ModelRouter router(rl::ModelCatalogue::defaults(), metrics);
        rl::TrajectoryEvaluator evaluator(metrics, &router);
        evaluator.setEnabled(false);
        QVERIFY(!evaluator.enabled());
        const rl::RouteResult routed = router.route({});
        QVERIFY(!evaluator.evaluate(makeTrajectory(routed.trajectoryId, routed.modelId, 4, 0, 0, true)));
        QCOMPARE(router.queue().size(), std::size_t(0));
        QCOMPARE(router.queue().pushedTotal(), std::uint64_t(0));
        QCOMPARE(emissions(metrics), 0.0);

        evaluator.setEnabled(true);
        QVERIFY(evaluator.evaluate(makeTrajectory(routed.trajectoryId, routed.modelId, 4, 0, 0, true)));
        QCOMPARE(router.queue().size(), std::size_t(1));
        QCOMPARE(emissions(metrics), 1.0);
    }

    void noRouterEmitsNothing()
    {
        rl::Metrics metrics;
        rl::TrajectoryEvaluator evaluator(metrics, nullptr);
        QVERIFY(!evaluator.evaluate(makeTrajectory("traj-1", "gpt-4", 4, 0, 0, true)));
        QCOMPARE(emissions(metrics), 0.0);
    }

    void malformedRejected_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("steps");
        QTest::addColumn<int>("expectedSteps");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty id") << ""
                                  << "gpt-4" << 3 << 0 << "empty_id"
                                  << "trajectory id is empty";
        QTest::newRow("unknown model") << "traj-7"
                                       << "gpt-5" << 3 << 0 << "unknown_model"
                                       << "trajectory \"traj-7\": model \"gpt-5\" is not in the router's catalogue";
        QTest::newRow("empty model") << "traj-7"
                                     << "" << 3 << 0 << "unknown_model"
                                     << "trajectory \"traj-7\": model \"\" is not in the router's catalogue";
        QTest::newRow("no steps") << "traj-7"
                                  << "gpt-4" << 0 << 0 << "no_steps"
                                  << "trajectory \"traj-7\" has no steps";
        QTest::newRow("negative par") << "traj-7"
                                      << "gpt-4" << 3 << -2 << "invalid_expected_steps"
                                      << "trajectory \"traj-7\": expected steps -2 is negative";
    }

    void malformedRejected()
    {
        QFETCH(QString, id);
        QFETCH(QString, model);
        QFETCH(int, steps);
        QFETCH(int, expectedSteps);
        QFETCH(QString, reason);
        QFETCH(QString, message);
        rl::Metrics metrics;
        rl::ModelRouter router(rl::ModelCatalogue::defaults(), metrics);
        rl::TrajectoryEvaluator evaluator(metrics, &router);
        const Trajectory bad = makeTrajectory(id.toStdString(), model.toStdString(), steps, 0, 0, true, expectedSteps);

        QCOMPARE(QString::fromStdString(evaluator.validate(bad).value_or("")), message);
        QVERIFY(!evaluator.evaluate(bad));
        QVERIFY(!evaluator.evaluate(bad));
        QCOMPARE(rejected(metrics, qPrintable(reason)), 2.0);
        QCOMPARE(metrics.value("rl_input_rejected_total", metrics.defaultLabels(), "source", "evaluator"), 2.0);
        QCOMPARE(router.queue().pushedTotal(), std::uint64_t(0));
        QCOMPARE(emissions(metrics), 0.0);
    }

    void validTrajectoryPassesValidation()
    {
        rl::Metrics metrics;
        rl::ModelRouter router(rl::ModelCatalogue::defaults(), metrics);
        const rl::TrajectoryEvaluator evaluator(metrics, &router);
        QVERIFY(!evaluator.validate(makeTrajectory("traj-1", "claude-3-opus", 2, 0, 0, false)));
    }
};

QTEST_GUILESS_MAIN(TestTrajectoryEvaluator)
#include "tst_trajectoryevaluator.moc"
