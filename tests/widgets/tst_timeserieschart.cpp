#include <atomic>

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QFile>
#include <QGraphicsPathItem>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QImage>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QLogValueAxis>
#include <QMouseEvent>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>
#include <QWheelEvent>

#include "widgets/ChartTimeline.h"
#include "widgets/TimeSeriesChart.h"
#include "widgets/WidgetImage.h"

using rl::ChartTimeline;
using rl::TimeSeriesChart;

namespace {

constexpr qint64 kStartMs = 1'800'000'000'000; // a fixed wall time, 2027
const std::atomic<bool> kNotCancelled{false};

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

QWidget *viewport(TimeSeriesChart &chart)
{
    return chart.findChild<QChartView *>()->viewport();
}

// A point in the plot, fraction of the way across, in viewport coordinates.
QPoint plotPoint(TimeSeriesChart &chart, double fraction)
{
    const QRect plot = chart.plotRect();
    const QPoint inChart(plot.left() + static_cast<int>(fraction * plot.width()), plot.center().y());
    return viewport(chart)->mapFrom(&chart, inChart);
}

void sendMouse(TimeSeriesChart &chart, QEvent::Type type, QPoint pos, Qt::MouseButton button, Qt::MouseButtons buttons)
{
    QWidget *target = viewport(chart);
    QMouseEvent event(type, pos, target->mapToGlobal(pos), button, buttons, Qt::NoModifier);
    QApplication::sendEvent(target, &event);
}

void sendWheel(TimeSeriesChart &chart, QPoint pos, int notches)
{
    QWidget *target = viewport(chart);
    QWheelEvent event(pos, target->mapToGlobal(pos), QPoint(), QPoint(0, 120 * notches), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(target, &event);
}

// Redraws pending on any of the charts are done.
void settle(std::initializer_list<TimeSeriesChart *> charts)
{
    for (TimeSeriesChart *chart : charts) {
        QSignalSpy spy(chart, &TimeSeriesChart::redrawn);
        while (spy.wait(100)) {
        }
    }
}

} // namespace

class TstTimeSeriesChart : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void appendsCoalesceIntoOneRedraw();
    void neverMorePointsThanPixels();
    void windowChangeDropsOldPoints();
    void valueRangeFixesEndsAndAutoScalesTheRest();
    void hiddenChartRedrawsWhenShown();
    void flatDataGetsAReadableAxis();
    void shortChartKeepsLabelsReadable();
    void axisFollowsTheSharedClockWithoutNews();
    void wheelDragAndDoubleClickMoveEveryChartOnTheTimeline();
    void crosshairShowsEveryChartsValuesAtTheInstant();
    void gapsAreDrawnAsGaps();
    void logScaleDrawsZeroOnTheFloor();
    void annotationsAreMarkedAndNamed();
    void csvHoldsTheVisibleRangeUndecimated();
    void savesPngAndSvg();
    void narrowChartShowsItsShortTitle();
    void unitMovesToTheLegendOnAShortPlot();
    void manyGapsBridgeTheShortestKeepTheLong();
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

void TstTimeSeriesChart::wheelDragAndDoubleClickMoveEveryChartOnTheTimeline()
{
    ChartTimeline timeline;
    timeline.setSpanMs(60'000);
    TimeSeriesChart a(QStringLiteral("Queue depth"));
    TimeSeriesChart b(QStringLiteral("Success rate"));
    a.setTimeline(&timeline);
    b.setTimeline(&timeline);
    const int sa = a.addSeries(QStringLiteral("depth"));
    for (int i = 0; i <= 120; ++i)
        a.append(sa, kStartMs + i * 1000, i);
    timeline.setNow(kStartMs + 120'000);
    QVERIFY(showAndSettle(a));
    QVERIFY(showAndSettle(b));

    sendWheel(a, plotPoint(a, 0.5), 1); // one notch in
    QCOMPARE(timeline.spanMs(), 45'000);
    QVERIFY(timeline.isLive()); // a live view zoomed stays live
    settle({&a, &b});
    QCOMPARE(b.shownUntilMs() - b.shownFromMs(), 45'000);
    QCOMPARE(b.shownUntilMs(), kStartMs + 120'000);

    // Dragging right by a quarter of the plot looks a quarter of the span back, and pauses.
    const QPoint from = plotPoint(a, 0.5);
    const QPoint to = plotPoint(a, 0.75);
    sendMouse(a, QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton);
    sendMouse(a, QEvent::MouseMove, to, Qt::NoButton, Qt::LeftButton);
    sendMouse(a, QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton);
    QVERIFY(!timeline.isLive());
    const qint64 expectedEnd = kStartMs + 120'000 - 45'000 * (to.x() - from.x()) / a.plotWidthPixels();
    QVERIFY2(std::abs(timeline.endMs() - expectedEnd) <= 100,
             qPrintable(QString::number(timeline.endMs() - expectedEnd)));
    timeline.setNow(kStartMs + 130'000); // data keeps coming; the paused view holds
    settle({&a, &b});
    QCOMPARE(b.shownUntilMs(), timeline.endMs());
    QCOMPARE(a.shownUntilMs(), timeline.endMs());

    sendMouse(b, QEvent::MouseButtonDblClick, plotPoint(b, 0.3), Qt::LeftButton, Qt::LeftButton);
    QVERIFY(timeline.isLive());
    settle({&a, &b});
    QCOMPARE(a.shownUntilMs(), kStartMs + 130'000);
}

void TstTimeSeriesChart::crosshairShowsEveryChartsValuesAtTheInstant()
{
    ChartTimeline timeline;
    timeline.setSpanMs(60'000);
    TimeSeriesChart a(QStringLiteral("Queue depth"));
    TimeSeriesChart b(QStringLiteral("Batch latency"));
    a.setTimeline(&timeline);
    b.setTimeline(&timeline);
    const int sa = a.addSeries(QStringLiteral("depth"));
    a.setUnit(QStringLiteral("items"), 0);
    const int sb = b.addSeries(QStringLiteral("p95"));
    for (int i = 0; i <= 60; ++i) {
        a.append(sa, kStartMs + i * 1000, 7);
        if (i < 20) // then no batches: a gap
            b.append(sb, kStartMs + i * 1000, 1.5);
        else
            b.appendGap(sb, kStartMs + i * 1000);
    }
    timeline.setNow(kStartMs + 60'000);
    QVERIFY(showAndSettle(a));
    QVERIFY(showAndSettle(b));
    QVERIFY(a.crosshairText().isEmpty());

    sendMouse(a, QEvent::MouseMove, plotPoint(a, 0.75), Qt::NoButton, Qt::NoButton);
    QVERIFY(timeline.crosshair());
    const QString time = QDateTime::fromMSecsSinceEpoch(*timeline.crosshair()).toString(QStringLiteral("HH:mm:ss.zzz"));
    QVERIFY2(a.crosshairText().contains(time), qPrintable(a.crosshairText()));
    QVERIFY2(a.crosshairText().contains(QStringLiteral("depth: 7 items")), qPrintable(a.crosshairText()));
    QVERIFY2(b.crosshairText().contains(QStringLiteral("p95: no data")), qPrintable(b.crosshairText()));

    sendMouse(a, QEvent::MouseMove, plotPoint(a, 0.1), Qt::NoButton, Qt::NoButton);
    QVERIFY2(b.crosshairText().contains(QStringLiteral("p95: ") + QLocale().toString(1.5, 'f', 2)),
             qPrintable(b.crosshairText()));

    QEvent leave(QEvent::Leave);
    QApplication::sendEvent(viewport(a), &leave);
    QVERIFY(a.crosshairText().isEmpty());
    QVERIFY(b.crosshairText().isEmpty());
}

void TstTimeSeriesChart::gapsAreDrawnAsGaps()
{
    TimeSeriesChart chart(QStringLiteral("Success rate"));
    const int series = chart.addSeries(QStringLiteral("success"));
    chart.setWindowSeconds(60);
    for (int i = 0; i <= 10; ++i)
        chart.append(series, kStartMs + i * 1000, 99.0);
    chart.appendGap(series, kStartMs + 11'000);
    for (int i = 20; i <= 30; ++i)
        chart.append(series, kStartMs + i * 1000, 98.0);
    chart.appendGap(series, kStartMs + 31'000);
    chart.append(series, kStartMs + 40'000, 97.0); // a lone sample: a dot
    QVERIFY(showAndSettle(chart));
    QCOMPARE(chart.displayedSegmentCount(series), 3);
    QCOMPARE(chart.displayedPointCount(series), 23);
}

void TstTimeSeriesChart::logScaleDrawsZeroOnTheFloor()
{
    TimeSeriesChart chart(QStringLiteral("Queue depth"));
    const int series = chart.addSeries(QStringLiteral("depth"));
    chart.setValueRange(0.0, std::nullopt);
    chart.append(series, kStartMs, 0);
    chart.append(series, kStartMs + 1000, 5);
    chart.append(series, kStartMs + 2000, 500);
    chart.setLogScale(true);
    QVERIFY(!chart.isLogScale()); // not offered for this chart
    chart.setLogScaleAvailable(true);
    QSignalSpy changed(&chart, &TimeSeriesChart::logScaleChanged);
    chart.setLogScale(true);
    QCOMPARE(changed.count(), 1);
    QVERIFY(showAndSettle(chart));
    const auto *axis =
        qobject_cast<QLogValueAxis *>(chart.findChild<QChartView *>()->chart()->axes(Qt::Vertical).value(0));
    QVERIFY(axis);
    QCOMPARE(axis->min(), 0.1); // a decade below the smallest positive value, for the zero
    QCOMPARE(axis->max(), 1000.0);
    QCOMPARE(chart.displayedPointCount(series), 3);
    chart.setLogScale(false);
    QVERIFY(showAndSettle(chart));
    QVERIFY(valueAxis(chart));
    QCOMPARE(valueAxis(chart)->min(), 0.0);
}

void TstTimeSeriesChart::annotationsAreMarkedAndNamed()
{
    TimeSeriesChart chart(QStringLiteral("Queue depth"));
    const int series = chart.addSeries(QStringLiteral("depth"));
    chart.setWindowSeconds(60);
    for (int i = 0; i <= 60; ++i)
        chart.append(series, kStartMs + i * 1000, 1);
    chart.timeline()->addAnnotation(kStartMs + 30'000, QStringLiteral("operator: purge"), Qt::red);
    chart.timeline()->addAnnotation(kStartMs - 3600'000, QStringLiteral("long ago"), Qt::red);
    QVERIFY(showAndSettle(chart));
    QVERIFY2(chart.annotationsNear(kStartMs + 30'100).contains(QStringLiteral("operator: purge")),
             qPrintable(chart.annotationsNear(kStartMs + 30'100)));
    QVERIFY(chart.annotationsNear(kStartMs + 45'000).isEmpty());
    int marks = 0;
    for (const QGraphicsItem *item : chart.findChild<QChartView *>()->scene()->items()) {
        const auto *path = dynamic_cast<const QGraphicsPathItem *>(item);
        if (path && path->isVisible() && path->pen().style() == Qt::DotLine)
            marks += path->path().elementCount() / 2; // a move and a line each
    }
    QCOMPARE(marks, 1); // the one in view
}

void TstTimeSeriesChart::csvHoldsTheVisibleRangeUndecimated()
{
    TimeSeriesChart chart(QStringLiteral("Batch latency"));
    const int p50 = chart.addSeries(QStringLiteral("p50"));
    const int max = chart.addSeries(QStringLiteral("max, all"));
    chart.setUnit(QStringLiteral("ms"), 3);
    chart.setWindowSeconds(10);
    for (int i = 0; i <= 20; ++i) {
        chart.append(p50, kStartMs + i * 1000, 0.25);
        if (i == 15)
            chart.appendGap(max, kStartMs + i * 1000);
        else
            chart.append(max, kStartMs + i * 1000, i);
    }
    chart.append(max, kStartMs + 20'500, 99); // an instant only one series has
    chart.setNow(kStartMs + 20'500);
    QVERIFY(showAndSettle(chart));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("latency.csv"));
    QString error;
    QVERIFY2(chart.csvWriter(path)(&error, kNotCancelled), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.first(), QStringLiteral("time,p50 (ms),\"max, all (ms)\""));
    QCOMPARE(lines.size(), 1 + 10 + 1); // 10.5 s .. 20.5 s: ten whole seconds and the half
    QCOMPARE(lines.at(1), QDateTime::fromMSecsSinceEpoch(kStartMs + 11'000, Qt::UTC).toString(Qt::ISODateWithMs)
                              + QStringLiteral(",0.25,11"));
    QVERIFY(lines.at(5).endsWith(QStringLiteral(",0.25,"))); // the gap at 15 s: no value
    QVERIFY(lines.last().endsWith(QStringLiteral(",,99")));
}

void TstTimeSeriesChart::savesPngAndSvg()
{
    TimeSeriesChart chart(QStringLiteral("Queue depth"));
    const int series = chart.addSeries(QStringLiteral("depth"));
    for (int i = 0; i <= 60; ++i)
        chart.append(series, kStartMs + i * 1000, i % 5);
    QVERIFY(showAndSettle(chart));
    QTemporaryDir dir;
    QString error;
    const QString png = dir.filePath(QStringLiteral("chart.png"));
    QVERIFY2(rl::WidgetImage::capture(&chart, png)(&error, kNotCancelled), qPrintable(error));
    QImage image(png);
    QCOMPARE(image.size(), chart.size() * chart.devicePixelRatio());
    const QString svg = dir.filePath(QStringLiteral("chart.svg"));
    QVERIFY2(rl::WidgetImage::capture(&chart, svg)(&error, kNotCancelled), qPrintable(error));
    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.contains("<svg") && text.contains("</svg>"));
    QVERIFY(text.contains("<polyline") || text.contains("<path")); // vectors, not a bitmap
    QVERIFY(!rl::WidgetImage::capture(&chart, dir.filePath(QStringLiteral("no/such/dir/chart.png")))(&error,
                                                                                                     kNotCancelled));
    QVERIFY(!error.isEmpty());
}

void TstTimeSeriesChart::narrowChartShowsItsShortTitle()
{
    TimeSeriesChart chart(QStringLiteral("Processing vs emission rate"));
    chart.setShortTitle(QStringLiteral("Rates"));
    QChart *qchart = chart.findChild<QChartView *>()->chart();
    chart.resize(600, 300);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    QCOMPARE(qchart->title(), QStringLiteral("Processing vs emission rate"));
    chart.resize(160, 300);
    QTRY_COMPARE(qchart->title(), QStringLiteral("Rates"));
    QVERIFY(chart.findChild<QChartView *>()->toolTip().startsWith(QStringLiteral("Processing vs emission rate\n")));
}

void TstTimeSeriesChart::unitMovesToTheLegendOnAShortPlot()
{
    TimeSeriesChart chart(QStringLiteral("Queue depth"));
    chart.addSeries(QStringLiteral("depth"));
    chart.setUnit(QStringLiteral("Einträge je Sekunde"), 0);
    QVERIFY(showAndSettle(chart)); // 600x300: room on the axis
    QAbstractAxis *axis = chart.findChild<QChartView *>()->chart()->axes(Qt::Vertical).value(0);
    QCOMPARE(axis->titleText(), QStringLiteral("Einträge je Sekunde"));
    QVERIFY(!chart.findChild<QLabel *>()->text().contains(QStringLiteral("Einträge")));
    QSignalSpy spy(&chart, &TimeSeriesChart::redrawn);
    chart.resize(600, 120);
    QVERIFY(spy.wait(1000));
    settle({&chart});
    QVERIFY(axis->titleText().isEmpty()); // never elided
    QVERIFY(chart.findChild<QLabel *>()->text().contains(QStringLiteral("(Einträge je Sekunde)")));
}

// More gaps in view than the chart draws lines for: the shortest are bridged, a long one never is.
void TstTimeSeriesChart::manyGapsBridgeTheShortestKeepTheLong()
{
    TimeSeriesChart chart(QStringLiteral("Success rate"));
    const int series = chart.addSeries(QStringLiteral("success"));
    chart.setWindowSeconds(600);
    qint64 t = kStartMs;
    for (int run = 0; run < 200; ++run) {
        chart.append(series, t, 99.0);
        chart.append(series, t + 500, 99.0);
        chart.appendGap(series, t + 1000);
        t += run == 100 ? 60'000 : 2'000; // one gap of a minute among 199 of a second
    }
    chart.setNow(t);
    QVERIFY(showAndSettle(chart));
    QCOMPARE(chart.displayedSegmentCount(series), 64);
    const qint64 longGapFrom = kStartMs + 100 * 2'000 + 1'000;
    const qint64 longGapTo = kStartMs + 100 * 2'000 + 60'000;
    for (QAbstractSeries *abstract : chart.findChild<QChartView *>()->chart()->series()) {
        const auto *line = qobject_cast<QLineSeries *>(abstract);
        if (!line || line->count() < 2 || line->pen().style() != Qt::SolidLine)
            continue;
        QVERIFY(!(line->at(0).x() < longGapFrom && line->at(line->count() - 1).x() > longGapTo)); // not bridged
    }
}

QTEST_MAIN(TstTimeSeriesChart)
#include "tst_timeserieschart.moc"
