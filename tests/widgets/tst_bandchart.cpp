#include <cmath>

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QGraphicsTextItem>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QPointer>
#include <QTest>
#include <QValueAxis>

#include "widgets/BandChart.h"
#include "widgets/SeriesPalette.h"

using rl::BandChart;
using Curve = rl::BandChart::Curve;

namespace {

// A curve over 500, 1000, ... 500 * points samples: mean about level, a band shrinking as samples grow.
Curve curve(const QString &name, double level, int points = 40, bool band = true)
{
    Curve c;
    c.name = name;
    for (int i = 1; i <= points; ++i) {
        const double mean = level + 0.05 * std::sin(i / 5.0);
        const double halfWidth = 0.3 / std::sqrt(i);
        c.x << 500.0 * i;
        c.mean << mean;
        if (band) {
            c.low << mean - halfWidth;
            c.high << mean + halfWidth;
        }
    }
    return c;
}

QValueAxis *axis(BandChart &chart, Qt::Orientation orientation)
{
    return qobject_cast<QValueAxis *>(chart.chart()->axes(orientation).value(0));
}

QList<QLineSeries *> meanLines(BandChart &chart)
{
    QList<QLineSeries *> lines;
    for (QAbstractSeries *series : chart.chart()->series()) {
        if (auto *line = qobject_cast<QLineSeries *>(series))
            lines << line;
    }
    return lines;
}

QList<QAreaSeries *> bands(BandChart &chart)
{
    QList<QAreaSeries *> areas;
    for (QAbstractSeries *series : chart.chart()->series()) {
        if (auto *area = qobject_cast<QAreaSeries *>(series))
            areas << area;
    }
    return areas;
}

// The texts the chart's scene shows.
QStringList visibleTexts(BandChart &chart)
{
    QStringList texts;
    for (const QGraphicsItem *item : chart.findChild<QChartView *>()->scene()->items()) {
        if (!item->isVisible())
            continue;
        if (const auto *text = dynamic_cast<const QGraphicsTextItem *>(item))
            texts << text->toPlainText();
    }
    return texts;
}

// Shows the chart and waits until its scene has laid out the axis labels.
bool showAndSettle(BandChart &chart, QSize size)
{
    chart.resize(size);
    chart.show();
    if (!QTest::qWaitForWindowExposed(&chart))
        return false;
    return QTest::qWaitFor([&] { return visibleTexts(chart).contains(QStringLiteral("20,000")); }, 2000);
}

} // namespace

class TstBandChart : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void placeholderWhileThereAreNoCurves();
    void oneLinePerCurveABandWhereThereIsOne();
    void legendNamesEachCurveOnce();
    void axesFitMeansAndBands();
    void xLabelsUseTheLocalesGroupSeparator();
    void repeatedSetCurvesReusesTheSeries();
    void newShapesReplaceTheSeriesWithoutLeaking();
    void rendersAt480x300WithNothingCutOff();
};

void TstBandChart::init()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TstBandChart::placeholderWhileThereAreNoCurves()
{
    BandChart chart;
    const auto *placeholder = chart.findChild<QLabel *>(QStringLiteral("placeholder"));
    const auto *view = chart.findChild<QChartView *>();
    QVERIFY(placeholder && view);
    QVERIFY(placeholder->isVisibleTo(&chart));
    QVERIFY(!view->isVisibleTo(&chart));
    chart.setPlaceholderText(QStringLiteral("Finished runs appear here"));
    QCOMPARE(placeholder->text(), QStringLiteral("Finished runs appear here"));
    QCOMPARE(placeholder->alignment(), Qt::AlignCenter);

    chart.setCurves({curve(QStringLiteral("A"), 0.4)});
    QVERIFY(!placeholder->isVisibleTo(&chart));
    QVERIFY(view->isVisibleTo(&chart));
    chart.clear();
    QVERIFY(placeholder->isVisibleTo(&chart));
    QVERIFY(!view->isVisibleTo(&chart));
    QVERIFY(chart.chart()->series().isEmpty());
}

void TstBandChart::oneLinePerCurveABandWhereThereIsOne()
{
    BandChart chart;
    chart.setCurves(
        {curve(QStringLiteral("A"), 0.4), curve(QStringLiteral("B"), 0.5, 40, false), curve(QStringLiteral("C"), 0.6)});
    QCOMPARE(meanLines(chart).size(), 3);
    QCOMPARE(bands(chart).size(), 2);
    QCOMPARE(chart.chart()->series().size(), 5);
    const QList<QLineSeries *> lines = meanLines(chart);
    for (int i = 0; i < lines.size(); ++i) {
        QCOMPARE(lines[i]->count(), 40);
        QCOMPARE(lines[i]->pen().color(), rl::SeriesPalette::color(i));
    }
    // The bands are translucent fills of their curve's colour (A's and C's), drawn under every line.
    const QList<QAreaSeries *> areas = bands(chart);
    QCOMPARE(areas[0]->brush().color().rgb(), rl::SeriesPalette::color(0).rgb());
    QCOMPARE(areas[1]->brush().color().rgb(), rl::SeriesPalette::color(2).rgb());
    QVERIFY(areas[0]->brush().color().alpha() < 128);
    QCOMPARE(areas[0]->upperSeries()->count(), 40);
    QCOMPARE(areas[0]->lowerSeries()->count(), 40);
    QVERIFY(chart.chart()->series().indexOf(areas[1]) < chart.chart()->series().indexOf(lines[0]));

    // Non-finite points are left out, not drawn as spikes.
    Curve gappy = curve(QStringLiteral("D"), 0.4, 10);
    gappy.mean[3] = qQNaN();
    gappy.high[5] = qInf();
    chart.setCurves({gappy});
    QCOMPARE(meanLines(chart).first()->count(), 9);
    QCOMPARE(bands(chart).first()->upperSeries()->count(), 9);
    QCOMPARE(bands(chart).first()->lowerSeries()->count(), 10);
}

void TstBandChart::legendNamesEachCurveOnce()
{
    BandChart chart;
    chart.setCurves({curve(QStringLiteral("greedy"), 0.4), curve(QStringLiteral("softmax"), 0.5),
                     curve(QStringLiteral("uniform"), 0.3, 40, false)});
    const auto *legend = chart.findChild<QLabel *>(QStringLiteral("legend"));
    QVERIFY(legend);
    QVERIFY(legend->isVisibleTo(&chart));
    for (const QString &name : {QStringLiteral("greedy"), QStringLiteral("softmax"), QStringLiteral("uniform")})
        QCOMPARE(legend->text().count(name), 1);
    QCOMPARE(legend->text().count(rl::SeriesPalette::color(0).name()), 1);
    QCOMPARE(legend->text().count(rl::SeriesPalette::color(1).name()), 1);
    QVERIFY(!chart.chart()->legend()->isVisible()); // Qt's own, which would name each band as well
    chart.clear();
    QVERIFY(!legend->isVisibleTo(&chart));
}

void TstBandChart::axesFitMeansAndBands()
{
    BandChart chart;
    chart.resize(560, 320);
    Curve a = curve(QStringLiteral("A"), 0.4);
    a.high[0] = 0.93;
    a.low[0] = 0.05;
    chart.setCurves({a, curve(QStringLiteral("B"), 0.5, 30)});
    const QValueAxis *x = axis(chart, Qt::Horizontal);
    const QValueAxis *y = axis(chart, Qt::Vertical);
    QVERIFY(x && y);
    QVERIFY(x->min() <= 500 && x->max() >= 20000);
    QVERIFY(x->max() < 25000);
    QCOMPARE(y->min(), 0.0); // nothing below zero: the axis starts there
    QVERIFY(y->max() >= 0.93 && y->max() < 1.5);
    for (QAbstractSeries *series : chart.chart()->series())
        QCOMPARE(series->attachedAxes().size(), 2);

    // A band below zero takes the axis below zero.
    a.low[0] = -0.2;
    chart.setCurves({a});
    QVERIFY(y->min() <= -0.2 && y->min() > -1.0);
    QVERIFY(y->max() >= 0.93);

    // Every mean negative and flat: the axis leaves zero out and still spans the values.
    Curve flat;
    flat.name = QStringLiteral("flat");
    flat.x = {1000, 2000, 3000};
    flat.mean = {-2.0, -2.0, -2.0};
    chart.setCurves({flat});
    QVERIFY(y->min() < -2.0 && y->max() > -2.0 && y->max() <= 0);
}

void TstBandChart::xLabelsUseTheLocalesGroupSeparator()
{
    BandChart chart;
    chart.setTitles(QStringLiteral("Estimate by samples"), QStringLiteral("Logged samples"),
                    QStringLiteral("Estimated reward"));
    chart.setCurves({curve(QStringLiteral("A"), 0.4)});
    QVERIFY(showAndSettle(chart, QSize(900, 420)));
    const QStringList texts = visibleTexts(chart);
    QVERIFY2(texts.contains(QStringLiteral("10,000")), qPrintable(texts.join(QLatin1Char('|'))));
    QVERIFY(texts.contains(QStringLiteral("0.4")) || texts.contains(QStringLiteral("0.40")));
    QVERIFY(texts.contains(QStringLiteral("Logged samples")));
    QCOMPARE(chart.chart()->title(), QStringLiteral("Estimate by samples"));
}

void TstBandChart::repeatedSetCurvesReusesTheSeries()
{
    BandChart chart;
    QList<Curve> curves{curve(QStringLiteral("A"), 0.4, 5), curve(QStringLiteral("B"), 0.5, 5, false)};
    chart.setCurves(curves);
    const QList<QAbstractSeries *> first = chart.chart()->series();
    QCOMPARE(first.size(), 3);
    // As runs finish: the same curves with more points each time.
    for (int points = 6; points <= 100; ++points) {
        curves = {curve(QStringLiteral("A"), 0.4, points), curve(QStringLiteral("B"), 0.5, points, false)};
        chart.setCurves(curves);
        QCOMPARE(chart.chart()->series(), first);
    }
    QCOMPARE(meanLines(chart).first()->count(), 100);
    QCOMPARE(bands(chart).first()->upperSeries()->count(), 100);
    QCOMPARE(chart.chart()->findChildren<QAbstractSeries *>().size(), 3 + 2); // and the band's two edges
}

void TstBandChart::newShapesReplaceTheSeriesWithoutLeaking()
{
    BandChart chart;
    QList<QPointer<QAbstractSeries>> earlier;
    for (int round = 0; round < 3; ++round) {
        for (int n = 1; n <= 20; ++n) {
            QList<Curve> curves;
            for (int i = 0; i < n; ++i)
                curves << curve(QStringLiteral("run %1").arg(i), 0.3 + 0.01 * i, 100, (i + round) % 3 != 0);
            chart.setCurves(curves);
            int withBand = 0;
            for (int i = 0; i < n; ++i)
                withBand += (i + round) % 3 != 0 ? 1 : 0;
            QCOMPARE(chart.chart()->series().size(), n + withBand);
            for (QAbstractSeries *series : chart.chart()->series())
                earlier << series;
        }
    }
    // Every series the chart no longer shows is gone, with its band's edges; the chart owns only its own.
    const QList<QAbstractSeries *> current = chart.chart()->series();
    for (const QPointer<QAbstractSeries> &series : earlier)
        QVERIFY(!series || current.contains(series.data()));
    QCOMPARE(chart.chart()->findChildren<QAbstractSeries *>().size(), current.size() + 2 * bands(chart).size());
    chart.clear();
    QCOMPARE(chart.chart()->findChildren<QAbstractSeries *>().size(), 0);
}

void TstBandChart::rendersAt480x300WithNothingCutOff()
{
    BandChart chart;
    chart.setTitles(QStringLiteral("Estimate by samples"), QStringLiteral("Logged samples"),
                    QStringLiteral("Estimated reward"));
    QList<Curve> curves;
    for (int i = 0; i < 6; ++i)
        curves << curve(QStringLiteral("target policy %1").arg(i + 1), 0.3 + 0.05 * i);
    chart.setCurves(curves);
    QVERIFY(showAndSettle(chart, QSize(480, 300)));

    // No label elided, and every label inside the view, the last x label (centred on the plot's right
    // edge) included.
    const auto *view = chart.findChild<QChartView *>();
    for (const QGraphicsItem *item : view->scene()->items()) {
        const auto *text = dynamic_cast<const QGraphicsTextItem *>(item);
        if (!text || !text->isVisible())
            continue;
        QVERIFY2(!text->toPlainText().endsWith(QStringLiteral("...")) && !text->toPlainText().endsWith(QChar(0x2026)),
                 qPrintable(text->toPlainText()));
        const QRect onView = view->mapFromScene(text->sceneBoundingRect()).boundingRect();
        QVERIFY2(view->rect().contains(onView), qPrintable(text->toPlainText()));
    }
    // The legend wraps its six entries within the widget, under a plot that keeps most of the height.
    const auto *legend = chart.findChild<QLabel *>(QStringLiteral("legend"));
    QVERIFY(legend->geometry().bottom() < chart.height());
    QVERIFY(legend->heightForWidth(legend->width()) <= legend->height());
    QVERIFY(chart.chart()->plotArea().height() > 120);
    QVERIFY(chart.chart()->plotArea().width() > 350);
}

QTEST_MAIN(TstBandChart)
#include "tst_bandchart.moc"
