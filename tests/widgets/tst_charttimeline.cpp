#include <QSignalSpy>
#include <QTest>

#include "widgets/ChartTimeline.h"

using rl::ChartTimeline;

namespace {

constexpr qint64 kNow = 1'800'000'000'000; // a fixed wall time, 2027

} // namespace

class TstChartTimeline : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void liveFollowsTheClock();
    void pausingHoldsTheRange();
    void zoomingLiveKeepsTheEndAtTheClock();
    void zoomingPausedKeepsTheAnchorInPlace();
    void spanStaysWithinItsBounds();
    void panPausesAndNeverPassesTheClock();
    void annotationsStayInTimeOrderAndMerge();
    void annotationsAreBounded();
};

void TstChartTimeline::liveFollowsTheClock()
{
    ChartTimeline t;
    t.setSpanMs(60'000);
    QSignalSpy range(&t, &ChartTimeline::rangeChanged);
    t.setNow(kNow);
    QCOMPARE(range.count(), 1);
    QCOMPARE(t.endMs(), kNow);
    QCOMPARE(t.startMs(), kNow - 60'000);
    t.setNow(kNow - 5); // the clock never goes back
    QCOMPARE(t.endMs(), kNow);
    QCOMPARE(range.count(), 1);
}

void TstChartTimeline::pausingHoldsTheRange()
{
    ChartTimeline t;
    t.setNow(kNow);
    QSignalSpy live(&t, &ChartTimeline::liveChanged);
    QSignalSpy range(&t, &ChartTimeline::rangeChanged);
    t.setLive(false);
    QCOMPARE(live.count(), 1);
    t.setNow(kNow + 10'000);
    QCOMPARE(t.endMs(), kNow);  // held
    QCOMPARE(range.count(), 1); // the pause itself, not the clock
    t.setLive(true);
    QCOMPARE(t.endMs(), kNow + 10'000); // and back with what arrived meanwhile
}

void TstChartTimeline::zoomingLiveKeepsTheEndAtTheClock()
{
    ChartTimeline t;
    t.setSpanMs(60'000);
    t.setNow(kNow);
    t.zoom(1, kNow - 50'000);
    QVERIFY(t.isLive());
    QCOMPARE(t.spanMs(), 45'000); // the next rung down
    QCOMPARE(t.endMs(), kNow);
}

void TstChartTimeline::zoomingPausedKeepsTheAnchorInPlace()
{
    ChartTimeline t;
    t.setSpanMs(120'000);
    t.setNow(kNow);
    t.setLive(false);
    const qint64 anchor = kNow - 30'000; // three quarters across
    t.zoom(2, anchor);
    QCOMPARE(t.spanMs(), 60'000);
    QCOMPARE(t.startMs() + 3 * t.spanMs() / 4, anchor);
    t.zoom(-4, anchor); // out, but not past the clock
    QCOMPARE(t.spanMs(), 300'000);
    QCOMPARE(t.endMs(), kNow);
}

void TstChartTimeline::spanStaysWithinItsBounds()
{
    ChartTimeline t;
    t.setMaxSpanMs(3600'000);
    t.setNow(kNow);
    t.setSpanMs(1);
    QCOMPARE(t.spanMs(), ChartTimeline::kMinSpanMs);
    t.zoom(5, kNow); // already the shortest
    QCOMPARE(t.spanMs(), ChartTimeline::kMinSpanMs);
    t.zoom(-100, kNow);
    QCOMPARE(t.spanMs(), 3600'000);
    t.setSpanMs(100'000); // between rungs: a step either way lands on one
    t.zoom(1, kNow);
    QCOMPARE(t.spanMs(), 90'000);
    t.setSpanMs(100'000);
    t.zoom(-1, kNow);
    QCOMPARE(t.spanMs(), 120'000);
}

void TstChartTimeline::panPausesAndNeverPassesTheClock()
{
    ChartTimeline t;
    t.setSpanMs(60'000);
    t.setNow(kNow);
    QSignalSpy live(&t, &ChartTimeline::liveChanged);
    t.pan(-30'000);
    QVERIFY(!t.isLive());
    QCOMPARE(live.count(), 1);
    QCOMPARE(t.endMs(), kNow - 30'000);
    t.pan(1'000'000);
    QCOMPARE(t.endMs(), kNow);
    QCOMPARE(t.spanMs(), 60'000);
}

void TstChartTimeline::annotationsStayInTimeOrderAndMerge()
{
    ChartTimeline t;
    QSignalSpy changed(&t, &ChartTimeline::annotationsChanged);
    t.addAnnotation(kNow, QStringLiteral("purge"), Qt::red);
    t.addAnnotation(kNow - 10'000, QStringLiteral("alert"), Qt::red); // logged late: goes before
    t.addAnnotation(kNow + 100, QStringLiteral("batch size 10"), Qt::blue, QStringLiteral("batch"));
    t.addAnnotation(kNow + 600, QStringLiteral("batch size 20"), Qt::blue, QStringLiteral("batch")); // a drag
    t.addAnnotation(kNow + 600 + ChartTimeline::kMergeMs + 1, QStringLiteral("batch size 30"), Qt::blue,
                    QStringLiteral("batch"));
    QCOMPARE(changed.count(), 5);
    QCOMPARE(t.annotations().size(), 4u);
    QCOMPARE(t.annotations()[0].text, QStringLiteral("alert"));
    QCOMPARE(t.annotations()[1].text, QStringLiteral("purge"));
    QCOMPARE(t.annotations()[2].text, QStringLiteral("batch size 20"));
    QCOMPARE(t.annotations()[2].timeMs, kNow + 600);
    QCOMPARE(t.annotations()[3].text, QStringLiteral("batch size 30"));
}

void TstChartTimeline::annotationsAreBounded()
{
    ChartTimeline t;
    for (qint64 i = 0; i < ChartTimeline::kMaxAnnotations + 5; ++i)
        t.addAnnotation(kNow + i, QString::number(i), Qt::red);
    QCOMPARE(static_cast<qsizetype>(t.annotations().size()), ChartTimeline::kMaxAnnotations);
    QCOMPARE(t.annotations().front().text, QStringLiteral("5")); // the oldest went
}

QTEST_APPLESS_MAIN(TstChartTimeline)
#include "tst_charttimeline.moc"
