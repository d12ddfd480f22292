#include <QtTest>

#include <string>

#include <prometheus/counter.h>

#include "core/metrics/Metrics.h"

namespace {

bool hasLine(const std::string &text, const std::string &line)
{
    return ("\n" + text).find("\n" + line + "\n") != std::string::npos;
}

} // namespace

class TestMetrics : public QObject {
    Q_OBJECT

private slots:
    void defaultSeriesExistFromTheStart()
    {
        // Dashboards and the "stalled" alert need the series present before the first item arrives.
        rl::Metrics metrics({"acme", "prod"});
        const std::string text = metrics.serialize();
        const char *lines[] = {
            "rl_feedback_processed_total{result=\"success\",tenant=\"acme\",workspace=\"prod\"} 0",
            "rl_feedback_failed_total{reason=\"missing_history\",tenant=\"acme\",workspace=\"prod\"} 0",
            "rl_feedback_failed_total{reason=\"invalid\",tenant=\"acme\",workspace=\"prod\"} 0",
            "rl_feedback_failed_total{reason=\"exception\",tenant=\"acme\",workspace=\"prod\"} 0",
            "rl_feedback_queue_depth{tenant=\"acme\",workspace=\"prod\"} 0",
            "rl_feedback_processing_latency_ms_count{tenant=\"acme\",workspace=\"prod\"} 0",
            "trajectory_feedback_emissions_total{tenant=\"acme\",workspace=\"prod\"} 0",
            "rl_feedback_dropped_total{tenant=\"acme\",workspace=\"prod\"} 0",
            "rl_feedback_purged_total{tenant=\"acme\",workspace=\"prod\"} 0",
            "rl_routing_history_evicted_total{tenant=\"acme\",workspace=\"prod\"} 0",
            "# TYPE rl_feedback_processed_total counter",
            "# TYPE rl_feedback_failed_total counter",
            "# TYPE rl_feedback_queue_depth gauge",
            "# TYPE rl_feedback_processing_latency_ms histogram",
        };
        for (const char *line : lines)
            QVERIFY2(hasLine(text, line), line);
        QCOMPARE(metrics.defaultLabels(), (rl::MetricLabels{"acme", "prod"}));
    }

    void countersAndLabels()
    {
        rl::Metrics metrics;
        const rl::MetricLabels manual{"system", "manual"};
        metrics.addProcessed(metrics.defaultLabels(), 5);
        metrics.addProcessed(manual, 2);
        metrics.addFailed(metrics.defaultLabels(), rl::FailureReason::Invalid, 3);
        metrics.addFailed(manual, rl::FailureReason::MissingHistory, 1);
        metrics.setQueueDepth(manual, 17);
        metrics.addEmissions(4);
        metrics.addDropped(6);
        metrics.addPurged(manual, 8);
        metrics.addEvicted(9);
        metrics.selectionCounter("gpt-4").Increment(2);
        metrics.selectionCounter("gpt-4").Increment(); // the same series again
        metrics.addRejected("http", "bad_json");
        metrics.addRejected("http", "bad_json");

        const std::string text = metrics.serialize();
        for (const char *line : {
                 "rl_feedback_processed_total{result=\"success\",tenant=\"default\",workspace=\"default\"} 5",
                 "rl_feedback_processed_total{result=\"success\",tenant=\"system\",workspace=\"manual\"} 2",
                 "rl_feedback_failed_total{reason=\"invalid\",tenant=\"default\",workspace=\"default\"} 3",
                 "rl_feedback_failed_total{reason=\"missing_history\",tenant=\"system\",workspace=\"manual\"} 1",
                 "rl_feedback_queue_depth{tenant=\"system\",workspace=\"manual\"} 17",
                 "trajectory_feedback_emissions_total{tenant=\"default\",workspace=\"default\"} 4",
                 "rl_feedback_dropped_total{tenant=\"default\",workspace=\"default\"} 6",
                 "rl_feedback_purged_total{tenant=\"system\",workspace=\"manual\"} 8",
                 "rl_routing_history_evicted_total{tenant=\"default\",workspace=\"default\"} 9",
                 "rl_model_selections_total{model=\"gpt-4\",tenant=\"default\",workspace=\"default\"} 3",
                 "rl_input_rejected_total{reason=\"bad_json\",source=\"http\"} 2",
             })
            QVERIFY2(hasLine(text, line), line);

        const auto &defaults = metrics.defaultLabels();
        QCOMPARE(metrics.value("rl_feedback_processed_total", defaults), 5.0);
        QCOMPARE(metrics.value("rl_feedback_processed_total", manual, "result", "success"), 2.0);
        QCOMPARE(metrics.value("rl_feedback_failed_total", defaults, "reason", "invalid"), 3.0);
        QCOMPARE(metrics.value("rl_feedback_failed_total", defaults, "reason", "exception"), 0.0);
        QCOMPARE(metrics.value("rl_feedback_failed_total", manual), 1.0); // all reasons
        QCOMPARE(metrics.value("rl_feedback_queue_depth", manual), 17.0);
        QCOMPARE(metrics.value("rl_feedback_purged_total", manual), 8.0);
        QCOMPARE(metrics.value("rl_model_selections_total", defaults, "model", "gpt-4"), 3.0);
        QCOMPARE(metrics.value("rl_input_rejected_total", defaults, "reason", "bad_json"), 2.0);
        QCOMPARE(metrics.value("rl_input_rejected_total", defaults, "source", "http"), 2.0);
        // Absent series read as 0.
        QCOMPARE(metrics.value("rl_feedback_processed_total", {"nobody", "nowhere"}), 0.0);
        QCOMPARE(metrics.value("rl_model_selections_total", defaults, "model", "gpt-5"), 0.0);
        QCOMPARE(metrics.value("no_such_metric", defaults), 0.0);

        // totals() reads the same numbers for one label set in one go.
        const rl::MetricTotals totals = metrics.totals(defaults);
        QCOMPARE(totals.processed, std::uint64_t(5));
        QCOMPARE(totals.emitted, std::uint64_t(4));
        QCOMPARE(totals.failed(), std::uint64_t(3));
        QCOMPARE(totals.failedFor(rl::FailureReason::Invalid), std::uint64_t(3));
        QCOMPARE(totals.failedFor(rl::FailureReason::MissingHistory), std::uint64_t(0));
        QCOMPARE(totals.dropped, std::uint64_t(6));
        QCOMPARE(totals.purged, std::uint64_t(0));
        const rl::MetricTotals manualTotals = metrics.totals(manual);
        QCOMPARE(manualTotals.processed, std::uint64_t(2));
        QCOMPARE(manualTotals.failedFor(rl::FailureReason::MissingHistory), std::uint64_t(1));
        QCOMPARE(manualTotals.purged, std::uint64_t(8));
    }

    void latencyHistogramBuckets()
    {
        rl::Metrics metrics;
        metrics.observeLatencyMs(metrics.defaultLabels(), 0.0004);
        metrics.observeLatencyMs(metrics.defaultLabels(), 3.0);
        metrics.observeLatencyMs(metrics.defaultLabels(), 20000.0);
        const std::string text = metrics.serialize();
        const std::string series =
            "rl_feedback_processing_latency_ms_bucket{tenant=\"default\",workspace=\"default\",le=\"";
        QVERIFY(hasLine(text, series + "0.001\"} 1"));
        QVERIFY(hasLine(text, series + "0.0025\"} 1"));
        QVERIFY(hasLine(text, series + "2.5\"} 1"));
        QVERIFY(hasLine(text, series + "5\"} 2"));
        QVERIFY(hasLine(text, series + "10000\"} 2"));
        QVERIFY(hasLine(text, series + "+Inf\"} 3"));
        QCOMPARE(metrics.value("rl_feedback_processing_latency_ms", metrics.defaultLabels()), 3.0); // the count
    }
};

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
