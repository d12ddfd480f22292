#include <QtTest>

#include <cmath>
#include <limits>

#include "core/alerting/SeriesStore.h"

namespace {

std::vector<double> times(std::span<const rl::SeriesStore::Sample> samples)
{
    std::vector<double> out;
    for (const auto &sample : samples)
        out.push_back(sample.tSeconds);
    return out;
}

} // namespace

class TestSeriesStore : public QObject {
    Q_OBJECT

private slots:
    void rangesAreLeftOpen()
    {
        rl::SeriesStore store(3600);
        for (int t = 0; t <= 100; t += 10)
            store.record("x", t, t * 2.0);
        QCOMPARE(times(store.samples("x", 20, 50)), (std::vector<double>{30, 40, 50}));
        QCOMPARE(times(store.samples("x", 19.5, 20)), (std::vector<double>{20}));
        QCOMPARE(store.samples("x", 50, 50).size(), std::size_t(0));
        QCOMPARE(store.samples("x", -1e9, 1e9).size(), std::size_t(11));
        QCOMPARE(store.samples("x", 100, 200).size(), std::size_t(0));
        QCOMPARE(store.samples("x", 60, 30).size(), std::size_t(0)); // reversed bounds: nothing, not a crash
        QCOMPARE(store.samples("x", 20, 50).front().value, 60.0);
    }

    void unknownMetricIsEmpty()
    {
        rl::SeriesStore store(60);
        QVERIFY(store.samples("nope", 0, 100).empty());
        QVERIFY(store.metrics().empty());
    }

    void seriesAreKeptByName()
    {
        rl::SeriesStore store(60);
        store.record("rl_feedback_queue_depth", 1, 5);
        store.record("rl_feedback_processed_total", 1, 7);
        QCOMPARE(store.metrics(), (std::vector<std::string>{"rl_feedback_processed_total", "rl_feedback_queue_depth"}));
        QCOMPARE(store.samples("rl_feedback_queue_depth", 0, 2).front().value, 5.0);
        QCOMPARE(store.samples("rl_feedback_processed_total", 0, 2).front().value, 7.0);
    }

    void retentionPrunesOnRecord()
    {
        rl::SeriesStore store(30);
        for (int t = 0; t <= 1000; ++t)
            store.record("x", t, t);
        // Kept: t > 1000 - 30.
        const auto all = store.samples("x", -1, 2000);
        QCOMPARE(all.size(), std::size_t(30));
        QCOMPARE(all.front().tSeconds, 971.0);
        QCOMPARE(all.back().tSeconds, 1000.0);
        QCOMPARE(store.retentionSeconds(), 30.0);
    }

    void countBoundDropsOldest()
    {
        rl::SeriesStore store(1e9, 5);
        for (int t = 0; t < 100; ++t)
            store.record("x", t, t);
        QCOMPARE(times(store.samples("x", -1, 1000)), (std::vector<double>{95, 96, 97, 98, 99}));
    }

    void outOfOrderDroppedSameTimeReplaced()
    {
        rl::SeriesStore store(3600);
        store.record("x", 10, 1);
        store.record("x", 20, 2);
        store.record("x", 15, 99); // older than the newest: dropped
        store.record("x", 20, 3);  // same time: replaces
        store.record("x", std::numeric_limits<double>::quiet_NaN(), 5);
        store.record("x", std::numeric_limits<double>::infinity(), 5);
        const auto samples = store.samples("x", 0, 100);
        QCOMPARE(times(samples), (std::vector<double>{10, 20}));
        QCOMPARE(samples.back().value, 3.0);
    }

    void nanValuesAreKept()
    {
        rl::SeriesStore store(3600);
        store.record("x", 1, std::numeric_limits<double>::quiet_NaN());
        QVERIFY(std::isnan(store.samples("x", 0, 2).front().value));
    }

    void clearForgetsEverything()
    {
        rl::SeriesStore store(3600);
        store.record("x", 1, 1);
        store.clear();
        QVERIFY(store.samples("x", 0, 2).empty());
        QVERIFY(store.metrics().empty());
        store.record("x", 0.5, 1); // time may start over after clear()
        QCOMPARE(store.samples("x", 0, 2).size(), std::size_t(1));
    }

    void invalidConstruction()
    {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, rl::SeriesStore(0));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, rl::SeriesStore(-5));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, rl::SeriesStore{std::numeric_limits<double>::quiet_NaN()});
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, rl::SeriesStore(60, 0));
    }

    void manySamplesStayFast()
    {
        // A day at one sample a second: pruning is amortised and lookups are binary searches.
        rl::SeriesStore store(3600);
        QElapsedTimer timer;
        timer.start();
        for (int t = 0; t < 86400; ++t) {
            store.record("x", t, t);
            QCOMPARE(store.samples("x", t - 300.0, t).size(), std::size_t(std::min(t + 1, 300)));
        }
        QVERIFY2(timer.elapsed() < 20000, "recording and reading a day of samples took too long");
        QCOMPARE(store.samples("x", 0, 1e9).size(), std::size_t(3600));
    }
};

QTEST_GUILESS_MAIN(TestSeriesStore)
#include "tst_seriesstore.moc"
