#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QLabel>
#include <QLocale>
#include <QRegularExpression>
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
    void flatDataGetsAReadableAxis();
    void shortChartKeepsLabelsReadable();
    void axisFollowsTheSharedClockWithoutNews();
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

void TstTimeSeriesChart::flatDataGetsAReadableAxis()
{
    // A failure rate of zero is the usual case; Qt Charts warns about (and ignores) a NaN range.
    QTest::failOnWarning(QRegularExpression(QStringLiteral("NaN|invalid range")));
    TimeSeriesChart chart(QStringLiteral("Failed"));
    const int series = chart.addSeries(QStringLiteral("failed"));
    QVERIFY(showAndSettle(chart));
    QSignalSpy spy(&chart, &TimeSeriesChart::redrawn);
    for (int i = 0; i < 10; ++i)
        chart.append(series, kStartMs + i * 1000, 0.0);
    QVERIFY(spy.wait(1000));
    QValueAxis *axis = valueAxis(chart);
    QCOMPARE(axis->min(), 0.0);
    QCOMPARE(axis->max(), 1.0);

    // A flat small value (one batch's latency in ms) is drawn within its range, not on the floor of 0..1.
    for (int i = 10; i < 20; ++i)
        chart.append(series, kStartMs + i * 1000, 0.017);
    chart.setWindowSeconds(5); // only the flat part
    QVERIFY(spy.wait(1000));
    QVERIFY2(axis->min() >= 0.0 && axis->min() < 0.017, qPrintable(QString::number(axis->min())));
    QVERIFY2(axis->max() > 0.017 && axis->max() <= 0.05, qPrintable(QString::number(axis->max())));
}

void TstTimeSeriesChart::shortChartKeepsLabelsReadable()
{
    // As small as the main window's loop charts at 1280x800: no value label or threshold name is elided to
    // "...", and the thresholds are named on their lines, not in the legend.
    TimeSeriesChart chart(QStringLiteral("Queue depth"));
    const int series = chart.addSeries(QStringLiteral("depth"));
    chart.setUnit(QStringLiteral("items"), 0);
    chart.addThreshold(QStringLiteral("SLO"), 10.0, Qt::green);
    chart.addThreshold(QStringLiteral("ticket"), 25.0, Qt::darkYellow);
    chart.addThreshold(QStringLiteral("page"), 100.0, Qt::red);
    QSignalSpy spy(&chart, &TimeSeriesChart::redrawn);
    for (int i = 0; i < 60; ++i)
        chart.append(series, kStartMs + i * 1000, 5.0 + 25.0 * (i % 2));
    chart.resize(235, 140);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    QVERIFY(spy.wait(1000));
    while (spy.wait(100)) {
    }

    QStringList visible;
    const QChartView *view = chart.findChild<QChartView *>();
    for (const QGraphicsItem *item : view->scene()->items()) {
        if (!item->isVisible())
            continue;
        if (const auto *text = dynamic_cast<const QGraphicsTextItem *>(item))
            visible << text->toPlainText();
        else if (const auto *simple = dynamic_cast<const QGraphicsSimpleTextItem *>(item))
            visible << simple->text();
    }
    for (const QString &text : visible)
        QVERIFY2(!text.endsWith(QStringLiteral("...")) && !text.endsWith(QChar(0x2026)),
                 qPrintable(visible.join(QLatin1Char('|'))));
    QVERIFY2(visible.contains(QStringLiteral("SLO")) && visible.contains(QStringLiteral("ticket")),
             qPrintable(visible.join(QLatin1Char('|'))));
    QVERIFY(!visible.contains(QStringLiteral("page"))); // 100 is off the axis, and so is its name
    const QLabel *legend = chart.findChild<QLabel *>();
    QVERIFY(legend->text().contains(QStringLiteral("depth")));
    QVERIFY(!legend->text().contains(QStringLiteral("ticket")));
    const QValueAxis *axis = valueAxis(chart);
    QVERIFY(axis->max() >= 30.0 && axis->max() < 100.0);
}

// A series without points for a while (no batches: no success rate) does not hold the axis back: it
// follows the clock the charts share, and the stale line scrolls off.
void TstTimeSeriesChart::axisFollowsTheSharedClockWithoutNews()
{
    TimeSeriesChart chart(QStringLiteral("Success rate"));
    const int series = chart.addSeries(QStringLiteral("success"));
    chart.setWindowSeconds(60);
    QVERIFY(showAndSettle(chart));
    QSignalSpy spy(&chart, &TimeSeriesChart::redrawn);
    for (int i = 0; i <= 30; ++i)
        chart.append(series, kStartMs + i * 1000, 99.0);
    chart.setNow(kStartMs + 30 * 1000);
    QVERIFY(spy.wait(1000));
    QCOMPARE(chart.shownUntilMs(), kStartMs + 30 * 1000);
    QCOMPARE(chart.displayedPointCount(series), 31);

    chart.setNow(kStartMs + 120 * 1000); // a minute and a half with no batch
    QVERIFY(spy.wait(1000));
    QCOMPARE(chart.shownUntilMs(), kStartMs + 120 * 1000);
    QCOMPARE(chart.displayedPointCount(series), 0);
}

QTEST_MAIN(TstTimeSeriesChart)
#include "tst_timeserieschart.moc"
