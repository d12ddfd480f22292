#include <QtTest>

#include <atomic>
#include <stdexcept>
#include <thread>

#include <nlohmann/json.hpp>

#include "core/loop/FeedbackProcessor.h"
#include "core/metrics/Metrics.h"
#include "core/routing/ModelRouter.h"

using rl::ProcessStatus;

namespace {

QString status(ProcessStatus s) // QCOMPARE can print a string, not an enum class
{
    return QString::fromUtf8(rl::toString(s).data(), qsizetype(rl::toString(s).size()));
}

// A router whose clock can run a hook while a batch is in flight (the router reads its clock under its
// lock in every batch), so tests can act "during" a batch without sleeping.
struct Fixture {
    explicit Fixture(std::size_t queueCapacity = 10000)
    {
        rl::RouterConfig config;
        config.queueCapacity = queueCapacity;
        config.clock = [this] {
            if (auto hook = std::exchange(duringBatch, {}))
                hook();
            return std::chrono::steady_clock::now();
        };
        router = std::make_unique<rl::ModelRouter>(rl::ModelCatalogue::defaults(), metrics, config);
    }

    // n routed requests with their feedback queued.
    void fill(int n)
    {
        for (int i = 0; i < n; ++i) {
            const auto route = router->route(rl::RoutingContext{});
            rl::TrajectoryFeedback f;
            f.trajectoryId = route.trajectoryId;
            f.modelId = route.modelId;
            f.accuracyScore = f.efficiencyScore = f.errorHandlingScore = f.overallScore = 0.5;
            router->enqueueFeedback(f);
        }
        duringBatch = {}; // routing called the clock too
    }

    double depthGauge(const rl::MetricLabels &labels) const { return metrics.value("rl_feedback_queue_depth", labels); }
    double latencyCount(const rl::MetricLabels &labels) const
    {
        return metrics.value("rl_feedback_processing_latency_ms", labels);
    }

    rl::Metrics metrics;
    std::function<void()> duringBatch;
    std::unique_ptr<rl::ModelRouter> router;
};

} // namespace

class TestFeedbackProcessor : public QObject {
    Q_OBJECT

private slots:
    void success()
    {
        Fixture f;
        f.fill(30);
        rl::FeedbackProcessor processor(f.metrics, f.router.get());
        const auto summary = processor.processOnce(25);
        QCOMPARE(status(summary.status), status(ProcessStatus::Success));
        QVERIFY(summary.enabled);
        QCOMPARE(summary.batchSize, std::size_t(25));
        QCOMPARE(summary.processed, std::size_t(25));
        QCOMPARE(summary.failed, std::size_t(0));
        QCOMPARE(summary.queueDepth, std::size_t(5));
        QVERIFY(summary.latencyMs > 0.0);
        const auto &labels = f.metrics.defaultLabels();
        QCOMPARE(f.depthGauge(labels), 5.0);
        QCOMPARE(f.latencyCount(labels), 1.0);
        QCOMPARE(f.metrics.value("rl_feedback_processed_total", labels), 25.0);

        const auto json = summary.toJson();
        QCOMPARE(json.at("status"), nlohmann::json("success"));
        QCOMPARE(json.at("processed"), nlohmann::json(25));
        QCOMPARE(json.at("failed"), nlohmann::json(0));
        QCOMPARE(json.at("queue_depth"), nlohmann::json(5));
        QCOMPARE(json.at("enabled"), nlohmann::json(true));
        QVERIFY(!json.contains("error"));
    }

    void failuresAreCountedUnderTheGivenLabels()
    {
        Fixture f;
        f.fill(2);
        rl::TrajectoryFeedback orphan;
        orphan.trajectoryId = "orphan";
        orphan.modelId = "gpt-4";
        f.router->enqueueFeedback(orphan);
        rl::FeedbackProcessor processor(f.metrics, f.router.get());
        const rl::MetricLabels manual{"system", "manual"};
        const auto summary = processor.processOnce(25, manual);
        QCOMPARE(status(summary.status), status(ProcessStatus::Success));
        QCOMPARE(summary.processed, std::size_t(2));
        QCOMPARE(summary.failed, std::size_t(1));
        QCOMPARE(f.metrics.value("rl_feedback_failed_total", manual, "reason", "missing_history"), 1.0);
        QCOMPARE(f.latencyCount(manual), 1.0);
        QCOMPARE(f.depthGauge(manual), 0.0);
        QCOMPARE(f.latencyCount(f.metrics.defaultLabels()), 0.0);
    }

    void disabledLeavesTheQueueUntouched()
    {
        Fixture f;
        f.fill(10);
        rl::FeedbackProcessor processor(f.metrics, f.router.get());
        processor.setEnabled(false);
        const auto summary = processor.processOnce(25);
        QCOMPARE(status(summary.status), status(ProcessStatus::Disabled));
        QVERIFY(!summary.enabled);
        QCOMPARE(summary.processed, std::size_t(0));
        QCOMPARE(summary.queueDepth, std::size_t(10));
        QCOMPARE(f.router->queue().size(), std::size_t(10));
        QCOMPARE(f.router->historySize(), std::size_t(10));
        QCOMPARE(f.depthGauge(f.metrics.defaultLabels()), 10.0); // still reported
        QCOMPARE(f.latencyCount(f.metrics.defaultLabels()), 0.0);
        QCOMPARE(summary.toJson().at("status"), nlohmann::json("disabled"));
    }

    void noRouter()
    {
        rl::Metrics metrics;
        rl::FeedbackProcessor processor(metrics);
        metrics.setQueueDepth(metrics.defaultLabels(), 12.0);
        const auto summary = processor.processOnce(25);
        QCOMPARE(status(summary.status), status(ProcessStatus::NoRouter));
        QCOMPARE(summary.queueDepth, std::size_t(0));
        QCOMPARE(metrics.value("rl_feedback_queue_depth", metrics.defaultLabels()), 0.0);
        QCOMPARE(processor.purge(), std::size_t(0));
        QCOMPARE(processor.drain().batches, std::size_t(0));
        QCOMPARE(summary.toJson().at("status"), nlohmann::json("no_router"));
    }

    void idle()
    {
        Fixture f;
        rl::FeedbackProcessor processor(f.metrics, f.router.get());
        f.metrics.setQueueDepth(f.metrics.defaultLabels(), 3.0);
        const auto summary = processor.processOnce(25);
        QCOMPARE(status(summary.status), status(ProcessStatus::Idle));
        QCOMPARE(f.depthGauge(f.metrics.defaultLabels()), 0.0);
        QCOMPARE(f.latencyCount(f.metrics.defaultLabels()), 0.0);
    }

    void skippedWhileAnotherBatchRuns()
    {
        Fixture f;
        f.fill(5);
        rl::FeedbackProcessor processor(f.metrics, f.router.get());
        rl::ProcessSummary concurrent;
        f.duringBatch = [&] {
            std::thread other([&] { concurrent = processor.processOnce(25); });
            other.join();
        };
        const auto summary = processor.processOnce(25);
        QCOMPARE(status(summary.status), status(ProcessStatus::Success));
        QCOMPARE(summary.processed, std::size_t(5));
        QCOMPARE(status(concurrent.status), status(ProcessStatus::Skipped));
        QCOMPARE(concurrent.processed, std::size_t(0));
        QCOMPARE(concurrent.toJson().at("status"), nlohmann::json("skipped"));
    }

    void errorWhenTheRouterThrows()
    {
        Fixture f;
        f.fill(5);
        rl::FeedbackProcessor processor(f.metrics, f.router.get());
        f.duringBatch = [] { throw std::runtime_error("router exploded"); };
        const auto summary = processor.processOnce(25);
        QCOMPARE(status(summary.status), status(ProcessStatus::Error));
        QCOMPARE(summary.error, std::string("router exploded"));
        QCOMPARE(f.latencyCount(f.metrics.defaultLabels()), 1.0); // the batch ran, so it is timed
        QCOMPARE(summary.toJson().at("error"), nlohmann::json("router exploded"));
        // The loop survives: the next tick works.
        f.fill(1);
        QCOMPARE(status(processor.processOnce(25).status), status(ProcessStatus::Success));
    }

    void badBatchSizeIsAnError()
    {
        Fixture f;
        f.fill(3);
        rl::FeedbackProcessor processor(f.metrics, f.router.get());
        const auto summary = processor.processOnce(0);
        QCOMPARE(status(summary.status), status(ProcessStatus::Error));
        QVERIFY2(summary.error.find("batch size 0") != std::string::npos, summary.error.c_str());
        QCOMPARE(f.router->queue().size(), std::size_t(3));
        QCOMPARE(f.metrics.value("rl_input_rejected_total", {}, "reason", "batch_size"), 1.0);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, processor.drain(10, 0));
    }

    void drainWithLimit()
    {
        Fixture f;
        f.fill(100);
        rl::FeedbackProcessor processor(f.metrics, f.router.get());
        processor.setEnabled(false); // an operator's drain runs regardless
        std::vector<std::size_t> depths;
        const auto summary = processor.drain(30, 7, [&](const rl::DrainSummary &progress) {
            depths.push_back(progress.queueDepth);
            return true;
        });
        QCOMPARE(summary.batches, std::size_t(5)); // 7, 7, 7, 7, 2
        QCOMPARE(summary.processed, std::size_t(30));
        QCOMPARE(summary.failed, std::size_t(0));
        QCOMPARE(summary.queueDepth, std::size_t(70));
        QVERIFY(!summary.cancelled);
        QCOMPARE(depths, (std::vector<std::size_t>{93, 86, 79, 72, 70}));
        QCOMPARE(f.depthGauge(f.metrics.defaultLabels()), 70.0);
        QCOMPARE(f.latencyCount(f.metrics.defaultLabels()), 5.0);
        const auto json = summary.toJson();
        QCOMPARE(json.at("batches"), nlohmann::json(5));
        QCOMPARE(json.at("queue_depth"), nlohmann::json(70));
        QCOMPARE(json.at("cancelled"), nlohmann::json(false));

        const auto rest = processor.drain();
        QCOMPARE(rest.processed, std::size_t(70));
        QCOMPARE(rest.batches, std::size_t(1));
        QCOMPARE(rest.queueDepth, std::size_t(0));
        QCOMPARE(f.metrics.value("rl_feedback_processed_total", f.metrics.defaultLabels()), 100.0);
    }

    void drainCancel()
    {
        Fixture f;
        f.fill(50);
        rl::FeedbackProcessor processor(f.metrics, f.router.get());
        int calls = 0;
        const auto summary = processor.drain(1000, 10, [&](const rl::DrainSummary &) { return ++calls < 2; });
        QVERIFY(summary.cancelled);
        QCOMPARE(summary.batches, std::size_t(2));
        QCOMPARE(summary.processed, std::size_t(20));
        QCOMPARE(summary.queueDepth, std::size_t(30));
        QCOMPARE(f.router->queue().size(), std::size_t(30));
    }

    void purge()
    {
        Fixture f;
        f.fill(40);
        rl::FeedbackProcessor processor(f.metrics, f.router.get());
        const rl::MetricLabels manual{"system", "manual"};
        QCOMPARE(processor.purge(manual), std::size_t(40));
        QCOMPARE(f.router->queue().size(), std::size_t(0));
        QCOMPARE(f.metrics.value("rl_feedback_purged_total", manual), 40.0);
        QCOMPARE(f.depthGauge(manual), 0.0);
        f.fill(3);
        QCOMPARE(processor.purge(), std::size_t(3));
        QCOMPARE(f.metrics.value("rl_feedback_purged_total", f.metrics.defaultLabels()), 3.0);
        QCOMPARE(f.metrics.value("rl_feedback_processed_total", f.metrics.defaultLabels()), 0.0);
    }

    void routerCanBeSwapped()
    {
        Fixture f;
        f.fill(2);
        rl::FeedbackProcessor processor(f.metrics);
        QCOMPARE(processor.router(), nullptr);
        processor.setRouter(f.router.get());
        QCOMPARE(processor.router(), f.router.get());
        QCOMPARE(processor.processOnce(25).processed, std::size_t(2));
        processor.setRouter(nullptr);
        QCOMPARE(status(processor.processOnce(25).status), status(ProcessStatus::NoRouter));
    }
};

QTEST_GUILESS_MAIN(TestFeedbackProcessor)
#include "tst_feedbackprocessor.moc"
