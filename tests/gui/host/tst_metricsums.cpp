// rlstudio's metrics summed, from a remote instance's /metrics text (every series of a metric summed, the
// failures by reason, comments, timestamps and malformed lines skipped) or from Prometheus's answer summed by
// name; the totals and the batches' latency since the previous reading in a snapshot.
#include <QTest>

#include "gui/host/MetricSums.h"

using rl::EngineSnapshot;
using rl::MetricSums;
using rl::PromSample;

class TstMetricSums : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void readsPrometheusText()
    {
        const QByteArray exposition = R"(# HELP rl_feedback_failed_total Failed items
# TYPE rl_feedback_failed_total counter
rl_feedback_failed_total{reason="invalid",tenant="a",workspace="w"} 3
rl_feedback_failed_total{reason="missing_history",tenant="a",workspace="w"} 2 1700000000000
rl_feedback_failed_total{reason="invalid",tenant="b",workspace="w"} 4
rl_feedback_processing_latency_ms_sum{tenant="a",workspace="w"} 1.5
rl_feedback_processing_latency_ms_count 6
not a sample
rl_feedback_queue_depth{tenant="a"} NaN_garbage
)";
        const MetricSums sums = MetricSums::fromExposition(exposition);
        QCOMPARE(sums.byName.at("rl_feedback_failed_total"), 9.0);
        QCOMPARE(sums.byName.at("rl_feedback_processing_latency_ms_sum"), 1.5);
        QCOMPARE(sums.byName.at("rl_feedback_processing_latency_ms_count"), 6.0);
        QVERIFY(sums.byName.count("rl_feedback_queue_depth") == 0);
        QCOMPARE(sums("rl_feedback_queue_depth"), 0.0);
        const auto &reasons = sums.failuresByReason;
        QCOMPARE(reasons.at("invalid"), 7.0);
        QCOMPARE(reasons.at("missing_history"), 2.0);
    }

    void readsPrometheusAnswers()
    {
        const auto sample = [](const char *name, double value, const char *reason = "") {
            PromSample out;
            out.labels.insert(QStringLiteral("__name__"), QString::fromLatin1(name));
            if (*reason)
                out.labels.insert(QStringLiteral("reason"), QString::fromLatin1(reason));
            out.value = value;
            return out;
        };
        const MetricSums sums = MetricSums::fromSamples(
            {sample("rl_feedback_failed_total", 4, "invalid"), sample("rl_feedback_failed_total", 1, "exception"),
             sample("rl_feedback_processed_total", 90), sample("rl_model_selections_total", 120)});
        QCOMPARE(sums("rl_feedback_failed_total"), 5.0);
        QCOMPARE(sums.totals().processed, std::uint64_t(90));
        QCOMPARE(sums.totals().routed, std::uint64_t(120));
        QCOMPARE(sums.totals().failed, std::uint64_t(5));
        EngineSnapshot snapshot;
        sums.fill(snapshot, std::nullopt);
        QCOMPARE(snapshot.failedInvalid, std::uint64_t(4));
        QCOMPARE(snapshot.failedException, std::uint64_t(1));
        QVERIFY(snapshot.batchLatenciesMs.empty()); // no previous reading: no batches known
    }

    void batchesSinceThePreviousReading()
    {
        const MetricSums before = MetricSums::fromExposition("rl_feedback_processing_latency_ms_sum 10\n"
                                                             "rl_feedback_processing_latency_ms_count 4\n");
        const MetricSums after = MetricSums::fromExposition("rl_feedback_processing_latency_ms_sum 40\n"
                                                            "rl_feedback_processing_latency_ms_count 7\n");
        EngineSnapshot snapshot;
        after.fill(snapshot, before);
        QCOMPARE(snapshot.batchLatenciesMs, std::vector<double>{10.0}); // three batches, 30 ms
        EngineSnapshot quiet;
        after.fill(quiet, after);
        QVERIFY(quiet.batchLatenciesMs.empty());
    }
};

QTEST_GUILESS_MAIN(TstMetricSums)
#include "tst_metricsums.moc"
