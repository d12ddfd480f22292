#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>
#include <QValueAxis>

#include "widgets/TimeSeriesChart.h"

using rl::TimeSeriesChart;

namespace {

constexpr qint64 kStartMs = 1'800'000'000'000; // a fixed wall time, 2027

// Shows the chart at a desktop size and waits until the redraws its first layout causes are over.
bool showAndSettle(TimeSeriesChart &chart)
{
    QSignalSpy spy(&chart, &TimeSeriesChart::redrawn);
    chart.resize(600, 300);
    chart.show();
    if (!QTest::qWaitForWindowExposed(&chart) || (spy.isEmpty() && !spy.wait(2000)))
        return false;
    while (spy.wait(100)) {
    }
    return true;
}

QValueAxis *valueAxis(TimeSeriesChart &chart)
{
    const QList<QAbstractAxis *> axes = chart.findChild<QChartView *>()->chart()->axes(Qt::Vertical);
    return axes.isEmpty() ? nullptr : qobject_cast<QValueAxis *>(axes.first());
}

} // namespace

class TstTimeSeriesChart : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void appendsCoalesceIntoOneRedraw();
    void neverMorePointsThanPixels();
    void windowChangeDropsOldPoints();
    void hoverTextShowsTimeValueAndUnit();
    void valueRangeFixesEndsAndAutoScalesTheRest();
    void hiddenChartRedrawsWhenShown();
};

void TstTimeSeriesChart::appendsCoalesceIntoOneRedraw()
{
    TimeSeriesChart chart(QStringLiteral("Queue depth"));
    const int series = chart.addSeries(QStringLiteral("depth"));
    QVERIFY(showAndSettle(chart));

    QSignalSpy spy(&chart, &TimeSeriesChart::redrawn);
    for (int i = 0; i < 100; ++i)
        chart.append(series, kStartMs + i * 1000, i % 7);
    QCOMPARE(chart.displayedPointCount(series), 0); // nothing drawn point by point
    QVERIFY(spy.wait(1000));
    QVERIFY(!spy.wait(200)); // and nothing after the one redraw
    QCOMPARE(spy.count(), 1);
    QCOMPARE(chart.displayedPointCount(series), 100);
}

void TstTimeSeriesChart::neverMorePointsThanPixels()
{
    TimeSeriesChart chart(QStringLiteral("Batch latency"));
    const int a = chart.addSeries(QStringLiteral("p50"), QColor(), 200000);
    const int b = chart.addSeries(QStringLiteral("max"), QColor(), 200000);
    chart.setWindowSeconds(900);
    QVERIFY(showAndSettle(chart));

    QSignalSpy spy(&chart, &TimeSeriesChart::redrawn);
    for (int i = 0; i < 100000; ++i) { // 1000 s at 10 ms, the last 900 s visible
        chart.append(a, kStartMs + i * 10, (i % 1000) * 0.01);
        chart.append(b, kStartMs + i * 10, i == 54321 ? 1e6 : 5.0);
    }
    QVERIFY(spy.wait(2000));
    const int width = chart.plotWidthPixels();
    QVERIFY2(width > 300 && width < 600, qPrintable(QString::number(width)));
    for (int s : {a, b}) {
        QVERIFY2(chart.displayedPointCount(s) <= width, qPrintable(QString::number(chart.displayedPointCount(s))));
        QVERIFY(chart.displayedPointCount(s) >= width / 2); // the pixel budget is used, not wasted
    }
    QCOMPARE(valueAxis(chart)->max() >= 1e6, true); // the one-sample spike survived decimation
}

void TstTimeSeriesChart::windowChangeDropsOldPoints()
{
    TimeSeriesChart chart(QStringLiteral("Queue depth"));
    const int series = chart.addSeries(QStringLiteral("depth"));
    chart.setWindowSeconds(3600);
    QVERIFY(showAndSettle(chart));
    QSignalSpy spy(&chart, &TimeSeriesChart::redrawn);
    for (int i = 0; i < 200; ++i) // 199 s of samples
        chart.append(series, kStartMs + i * 1000, i);
    QVERIFY(spy.wait(1000));
    QCOMPARE(chart.displayedPointCount(series), 200);

    chart.setWindowSeconds(60);
    QVERIFY(spy.wait(1000));
    QCOMPARE(chart.displayedPointCount(series), 61); // the last 60 s, both ends included
}

void TstTimeSeriesChart::hoverTextShowsTimeValueAndUnit()
{
    TimeSeriesChart chart(QStringLiteral("Batch latency"));
    const int series = chart.addSeries(QStringLiteral("p95"));
    chart.setUnit(QStringLiteral("ms"), 2);
    QVERIFY(chart.hoverText(series, kStartMs).isEmpty()); // no data yet
    chart.append(series, kStartMs, 1.0);
    chart.append(series, kStartMs + 1000, 12.3456);

    const QString text = chart.hoverText(series, kStartMs + 900); // nearest is the second sample
    QVERIFY2(text.contains(QStringLiteral("p95")), qPrintable(text));
    QVERIFY2(text.contains(QLocale().toString(12.3456, 'f', 2) + QStringLiteral(" ms")), qPrintable(text));
    const QString time = QDateTime::fromMSecsSinceEpoch(kStartMs + 1000).toString(QStringLiteral("HH:mm:ss.zzz"));
    QVERIFY2(text.contains(time), qPrintable(text));
    QVERIFY(chart.hoverText(series + 1, kStartMs).isEmpty()); // no such series
}

void TstTimeSeriesChart::valueRangeFixesEndsAndAutoScalesTheRest()
{
    TimeSeriesChart chart(QStringLiteral("Success rate"));
    const int series = chart.addSeries(QStringLiteral("success"));
    chart.addThreshold(QStringLiteral("SLO"), 500.0, Qt::red); // far above the data: does not stretch the axis
    chart.setValueRange(0.0, std::nullopt);
    QVERIFY(showAndSettle(chart));
    QSignalSpy spy(&chart, &TimeSeriesChart::redrawn);
    for (int i = 0; i < 10; ++i)
        chart.append(series, kStartMs + i * 1000, 40.0 + i);
    QVERIFY(spy.wait(1000));
    QValueAxis *axis = valueAxis(chart);
    QCOMPARE(axis->min(), 0.0);
    QVERIFY(axis->max() > 49.0);  // headroom over the highest point
    QVERIFY(axis->max() <= 60.0); // but only a little

    chart.setValueRange(std::nullopt, 100.0);
    QVERIFY(spy.wait(1000));
    QCOMPARE(axis->max(), 100.0);
    QVERIFY(axis->min() < 40.0 && axis->min() >= 20.0); // a step below the data, not down to zero
}

void TstTimeSeriesChart::hiddenChartRedrawsWhenShown()
{
    TimeSeriesChart chart(QStringLiteral("Queue depth"));
    const int series = chart.addSeries(QStringLiteral("depth"));
    QSignalSpy spy(&chart, &TimeSeriesChart::redrawn);
    chart.append(series, kStartMs, 3);
    QVERIFY(!spy.wait(150)); // hidden: no work
    chart.resize(600, 300);
    chart.show();
    QVERIFY(spy.wait(1000));
    QCOMPARE(chart.displayedPointCount(series), 1);
}

QTEST_MAIN(TstTimeSeriesChart)
#include "tst_timeserieschart.moc"
