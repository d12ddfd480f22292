#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

#include <QTest>

#include "widgets/RollingSeries.h"

using rl::RollingSeries;

class TstRollingSeries : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void startsEmpty();
    void wrapsAroundKeepingTheNewest();
    void windowBoundsAreInclusive();
    void smallWindowsComeBackUnchanged();
    void decimationKeepsMinAndMaxWithinTheLimit_data();
    void decimationKeepsMinAndMaxWithinTheLimit();
    void decimationWorksAcrossTheWrap();
    void nearestPicksTheClosestSample();
    void outOfOrderAndNonFiniteSamples();
    void clearEmpties();
    void gapsSurviveDecimation();
    void nearestCanBeAGap();
    void storageNeverOutgrowsTheCapacity();
    void blockDecimationKeepsEveryBucketsExtremes();
};

void TstRollingSeries::startsEmpty()
{
    const RollingSeries s(4);
    QVERIFY(s.isEmpty());
    QCOMPARE(s.size(), 0);
    QCOMPARE(s.capacity(), 4);
    QVERIFY(!s.last());
    QVERIFY(!s.nearest(1.0));
    QVERIFY(s.window(0, 100, 10).isEmpty());
}

void TstRollingSeries::wrapsAroundKeepingTheNewest()
{
    RollingSeries s(4);
    for (int i = 0; i < 10; ++i)
        s.append(i, i * 10);
    QCOMPARE(s.size(), 4);
    QCOMPARE(*s.last(), QPointF(9, 90));
    const QList<QPointF> all = s.window(-1e9, 1e9, 100);
    QCOMPARE(all, (QList<QPointF>{{6, 60}, {7, 70}, {8, 80}, {9, 90}}));
}

void TstRollingSeries::windowBoundsAreInclusive()
{
    RollingSeries s(100);
    for (int i = 0; i < 50; ++i)
        s.append(i, -i);
    const QList<QPointF> w = s.window(10, 20, 1000);
    QCOMPARE(w.size(), 11);
    QCOMPARE(w.first(), QPointF(10, -10));
    QCOMPARE(w.last(), QPointF(20, -20));
    QCOMPARE(s.window(10.5, 10.9, 1000).size(), 0); // between samples
    QCOMPARE(s.window(60, 70, 1000).size(), 0);     // after the newest
    QCOMPARE(s.window(-10, -1, 1000).size(), 0);    // before the oldest
    QCOMPARE(s.window(20, 10, 1000).size(), 0);     // reversed
    QCOMPARE(s.window(49, 49, 1000), QList<QPointF>{QPointF(49, -49)});
}

void TstRollingSeries::smallWindowsComeBackUnchanged()
{
    RollingSeries s(100);
    QList<QPointF> expected;
    for (int i = 0; i < 20; ++i) {
        s.append(i, std::sin(i));
        expected.append(QPointF(i, static_cast<float>(std::sin(i)))); // values are kept to float precision
    }
    QCOMPARE(s.window(0, 19, 20), expected);
}

void TstRollingSeries::decimationKeepsMinAndMaxWithinTheLimit_data()
{
    QTest::addColumn<int>("samples");
    QTest::addColumn<int>("maxPoints");
    QTest::newRow("10k into 600") << 10000 << 600;
    QTest::newRow("10k into 601 (odd)") << 10000 << 601;
    QTest::newRow("just above the limit") << 601 << 600;
    QTest::newRow("into 2") << 1000 << 2;
    QTest::newRow("into 1") << 1000 << 1;
}

void TstRollingSeries::decimationKeepsMinAndMaxWithinTheLimit()
{
    QFETCH(int, samples);
    QFETCH(int, maxPoints);
    // Two one-sample spikes, far narrower than a bucket.
    const int up = samples / 3;
    const int down = 2 * samples / 3;
    RollingSeries s(samples);
    for (int i = 0; i < samples; ++i)
        s.append(i, i == up ? 50.0 : i == down ? -50.0 : std::sin(i * 0.01));

    const QList<QPointF> w = s.window(0, samples - 1, maxPoints);
    QVERIFY2(w.size() <= maxPoints, qPrintable(QString::number(w.size())));
    QVERIFY(std::is_sorted(w.begin(), w.end(), [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); }));
    if (maxPoints >= 2) {
        QVERIFY(w.size() >= maxPoints / 2); // the limit is used, not wasted
        QVERIFY(w.contains(QPointF(up, 50.0)));
        QVERIFY(w.contains(QPointF(down, -50.0)));
    }
}

void TstRollingSeries::decimationWorksAcrossTheWrap()
{
    RollingSeries s(1000);
    for (int i = 0; i < 2500; ++i) // head lands mid-buffer
        s.append(i, i == 2100 ? 9.0 : 0.0);
    const QList<QPointF> w = s.window(1500, 2499, 100);
    QVERIFY(w.size() <= 100);
    QCOMPARE(w.first().x(), 1500.0);
    QCOMPARE(w.last().x(), 2499.0);
    QVERIFY(w.contains(QPointF(2100, 9.0)));
}

void TstRollingSeries::nearestPicksTheClosestSample()
{
    RollingSeries s(3);
    for (double x : {0.0, 10.0, 20.0, 30.0, 40.0}) // keeps 20, 30, 40
        s.append(x, x / 10);
    QCOMPARE(*s.nearest(-100), QPointF(20, 2));
    QCOMPARE(*s.nearest(24), QPointF(20, 2));
    QCOMPARE(*s.nearest(26), QPointF(30, 3));
    QCOMPARE(*s.nearest(25), QPointF(20, 2)); // a tie goes to the earlier
    QCOMPARE(*s.nearest(30), QPointF(30, 3));
    QCOMPARE(*s.nearest(1000), QPointF(40, 4));
}

void TstRollingSeries::outOfOrderAndNonFiniteSamples()
{
    RollingSeries s(10);
    s.append(10, 1);
    s.append(5, 2); // the clock stepped back: kept, at the newest x
    s.append(11, std::nan(""));
    s.append(std::numeric_limits<double>::infinity(), 3);
    QCOMPARE(s.size(), 2);
    QCOMPARE(*s.last(), QPointF(10, 2));
    QCOMPARE(s.window(10, 10, 10).size(), 2);
}

void TstRollingSeries::clearEmpties()
{
    RollingSeries s(3);
    for (int i = 0; i < 5; ++i)
        s.append(i, i);
    s.clear();
    QVERIFY(s.isEmpty());
    s.append(100, 1);
    s.append(101, 2);
    QCOMPARE(s.window(0, 1000, 10), (QList<QPointF>{{100, 1}, {101, 2}}));
}

void TstRollingSeries::gapsSurviveDecimation()
{
    RollingSeries s(10000);
    for (int i = 0; i < 10000; ++i) {
        if (i == 5000)
            s.appendGap(i); // one missing sample in ten thousand
        else
            s.append(i, 1.0);
    }
    s.appendGap(10000);
    s.appendGap(10001); // a second break in a row adds nothing
    QCOMPARE(s.size(), 10000);
    const QList<QPointF> w = s.window(0, 9999, 100);
    QVERIFY(w.size() <= 101);
    const auto gaps = std::count_if(w.begin(), w.end(), [](const QPointF &p) { return std::isnan(p.y()); });
    QCOMPARE(gaps, 1);
    const auto gap = std::find_if(w.begin(), w.end(), [](const QPointF &p) { return std::isnan(p.y()); });
    QCOMPARE(gap->x(), 5000.0);
    QVERIFY(gap != w.begin() && gap + 1 != w.end()); // with a line on either side
}

void TstRollingSeries::nearestCanBeAGap()
{
    RollingSeries s(10);
    s.append(0, 1);
    s.appendGap(10);
    s.append(20, 2);
    QVERIFY(std::isnan(s.nearest(11)->y()));
    QCOMPARE(*s.nearest(18), QPointF(20, 2));
    QVERIFY(!s.nearest(std::nan("")));
}

void TstRollingSeries::storageNeverOutgrowsTheCapacity()
{
    const qsizetype capacity = 345'664; // the charts' day at four samples a second
    RollingSeries s(capacity);
    QCOMPARE(s.memoryBytes(), 0);
    for (qsizetype i = 0; i < capacity + 1000; ++i) {
        s.append(static_cast<double>(i), 1.0);
        QVERIFY(s.memoryBytes() <= capacity * (RollingSeries::kBytesPerSample + 1));
    }
    QVERIFY(s.memoryBytes() >= capacity * RollingSeries::kBytesPerSample); // no more than 12.4 a sample
    QCOMPARE(RollingSeries::kBytesPerSample, 12);
}

// Decimating through the per-block extremes gives each bucket the lowest and highest value a scan of every
// sample would, across the ring's wrap.
void TstRollingSeries::blockDecimationKeepsEveryBucketsExtremes()
{
    const int capacity = 100'000;
    RollingSeries s(capacity);
    std::uint32_t state = 12345;
    std::vector<std::pair<double, float>> kept;
    for (int i = 0; i < 130'017; ++i) { // wrapped, the oldest block partly overwritten
        state = state * 1664525u + 1013904223u;
        const double y = static_cast<double>(state >> 8) / (1 << 24);
        s.append(i, y);
        kept.emplace_back(i, static_cast<float>(y));
    }
    kept.erase(kept.begin(), kept.end() - capacity);
    const double from = 30'000.5;
    const double to = 129'000.0;
    const int maxPoints = 300;
    const QList<QPointF> w = s.window(from, to, maxPoints);
    QVERIFY(w.size() <= maxPoints);
    const int buckets = maxPoints / 2;
    const double width = (to - from) / buckets;
    std::vector<float> low(buckets, 2.0f), high(buckets, -1.0f), shownLow(buckets, 2.0f), shownHigh(buckets, -1.0f);
    for (const auto &[x, y] : kept) {
        if (x < from || x > to)
            continue;
        const int b = std::min(buckets - 1, static_cast<int>((x - from) / width));
        low[b] = std::min(low[b], y);
        high[b] = std::max(high[b], y);
    }
    for (const QPointF &p : w) {
        const int b = std::min(buckets - 1, static_cast<int>((p.x() - from) / width));
        shownLow[b] = std::min(shownLow[b], static_cast<float>(p.y()));
        shownHigh[b] = std::max(shownHigh[b], static_cast<float>(p.y()));
    }
    for (int b = 0; b < buckets; ++b) {
        QCOMPARE(shownLow[b], low[b]);
        QCOMPARE(shownHigh[b], high[b]);
    }
}

QTEST_APPLESS_MAIN(TstRollingSeries)
#include "tst_rollingseries.moc"
