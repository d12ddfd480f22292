// Reading a remote instance's /metrics: every series of a metric summed, the failures by reason, comments,
// timestamps and malformed lines skipped.
#include <QTest>

#include "gui/host/RemoteSource.h"

class TstRemoteSource : public QObject {
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
        const auto sums = rl::RemoteSource::sumByName(exposition);
        QCOMPARE(sums.at("rl_feedback_failed_total"), 9.0);
        QCOMPARE(sums.at("rl_feedback_processing_latency_ms_sum"), 1.5);
        QCOMPARE(sums.at("rl_feedback_processing_latency_ms_count"), 6.0);
        QVERIFY(sums.count("rl_feedback_queue_depth") == 0);
        const auto reasons = rl::RemoteSource::failuresByReason(exposition);
        QCOMPARE(reasons.at("invalid"), 7.0);
        QCOMPARE(reasons.at("missing_history"), 2.0);
    }
};

QTEST_GUILESS_MAIN(TstRemoteSource)
#include "tst_remotesource.moc"
