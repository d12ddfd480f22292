#include <QtTest>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/loop/FeedbackProcessor.h"
#include "core/metrics/Metrics.h"
#include "core/routing/ModelRouter.h"

class TestStress : public QObject {
    Q_OBJECT

private slots:
    // Producers route, record outcomes and queue feedback while the processor drains and a reader polls:
    // every item must be learned from exactly once.
    void concurrentProducersAndProcessor()
    {
        constexpr int kProducers = 4;
        constexpr int kPerProducer = 5000;
        constexpr std::size_t kTotal = kProducers * kPerProducer;

        rl::Metrics metrics;
        rl::RouterConfig config;
        config.queueCapacity = kTotal; // nothing may be dropped
        config.historyCapacity = kTotal;
        rl::ModelRouter router(rl::ModelCatalogue::defaults(), metrics, config);
        rl::FeedbackProcessor processor(metrics, &router);

        std::atomic<int> producing{kProducers};
        std::vector<std::thread> producers;
        for (int p = 0; p < kProducers; ++p) {
            producers.emplace_back([&, p] {
                for (int i = 0; i < kPerProducer; ++i) {
                    rl::RoutingContext context;
                    context.complexity = rl::Complexity((i + p) % 4);
                    context.tokenEstimate = 100 + 37 * i;
                    const auto route = router.route(
                        context, std::string("p").append(std::to_string(p)).append("-").append(std::to_string(i)));
                    router.recordOutcome(route.trajectoryId, (i % 10) / 10.0);
                    rl::TrajectoryFeedback f;
                    f.trajectoryId = route.trajectoryId;
                    f.modelId = route.modelId;
                    f.accuracyScore = f.efficiencyScore = f.errorHandlingScore = f.overallScore = (i % 7) / 7.0;
                    router.enqueueFeedback(std::move(f));
                }
                producing.fetch_sub(1);
            });
        }

        std::atomic<bool> done{false};
        std::thread reader([&] { // what a UI or health endpoint does meanwhile
            while (!done.load()) {
                (void)router.queue().size();
                (void)router.historySize();
                (void)metrics.value("rl_feedback_processed_total", metrics.defaultLabels());
                std::this_thread::yield();
            }
        });

        std::size_t processed = 0;
        std::size_t failed = 0;
        std::size_t skipped = 0;
        for (;;) {
            const bool finished = producing.load() == 0; // read before the batch: nothing can arrive after
            const auto summary = processor.processOnce(25);
            processed += summary.processed;
            failed += summary.failed;
            skipped += summary.status == rl::ProcessStatus::Skipped;
            if (summary.status == rl::ProcessStatus::Idle) {
                if (finished)
                    break;
                std::this_thread::yield();
            }
        }
        done.store(true);
        for (auto &t : producers)
            t.join();
        reader.join();

        QCOMPARE(processed, kTotal);
        QCOMPARE(failed, std::size_t(0));
        QCOMPARE(skipped, std::size_t(0)); // one processor, one caller
        const auto &labels = metrics.defaultLabels();
        QCOMPARE(metrics.value("rl_feedback_processed_total", labels), double(kTotal));
        QCOMPARE(metrics.value("rl_feedback_failed_total", labels), 0.0);
        QCOMPARE(metrics.value("rl_feedback_dropped_total", labels), 0.0);
        QCOMPARE(metrics.value("rl_routing_history_evicted_total", labels), 0.0);
        QCOMPARE(metrics.value("rl_model_selections_total", labels), double(kTotal));
        QCOMPARE(router.routedTotal(), std::uint64_t(kTotal));
        QCOMPARE(router.queue().pushedTotal(), std::uint64_t(kTotal));
        // Each learned item consumed its decision, and the policy saw exactly one update per trajectory.
        QCOMPARE(router.historySize(), std::size_t(0));
        QCOMPARE(router.policyState().at("updates").get<std::uint64_t>(), std::uint64_t(kTotal));
    }
};

QTEST_GUILESS_MAIN(TestStress)
#include "tst_stress.moc"
