#include <cmath>

#include <QApplication>
#include <QHelpEvent>
#include <QImage>
#include <QLocale>
#include <QTest>
#include <QToolTip>

#include "widgets/IntervalBarChart.h"
#include "widgets/SeriesPalette.h"

using rl::IntervalBarChart;
using Bar = rl::IntervalBarChart::Bar;

namespace {

const QStringList kEstimators{QStringLiteral("IPS"), QStringLiteral("SNIPS"), QStringLiteral("DM"),
                              QStringLiteral("DR"),  QStringLiteral("SNDR"),  QStringLiteral("Switch-DR")};
const QStringList kTargets{QStringLiteral("target A"), QStringLiteral("target B"), QStringLiteral("target C")};

// Six estimators by three targets, values about 0.5 with intervals a few hundredths wide; SNIPS of
// target C undefined.
QList<QList<Bar>> sampleBars()
{
    QList<QList<Bar>> bars;
    for (int s = 0; s < kTargets.size(); ++s) {
        QList<Bar> row;
        for (int c = 0; c < kEstimators.size(); ++c) {
            const double value = 0.45 + 0.03 * s + 0.01 * c;
            row.append(s == 2 && c == 1 ? Bar{} : Bar{value, value - 0.03, value + 0.04});
        }
        bars.append(row);
    }
    bars[0][3] = Bar{0.5123, 0.4981, 0.5266};
    return bars;
}

void fillSample(IntervalBarChart &chart)
{
    chart.setData(kEstimators, kTargets, sampleBars());
    chart.setValueTitle(QStringLiteral("Estimated reward"));
    chart.setReference(0.48, QStringLiteral("logged policy"));
}

bool isNiceStep(double step)
{
    const double fraction = step / std::pow(10.0, std::floor(std::log10(step)));
    for (double nice : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (std::abs(fraction - nice) < 1e-9)
            return true;
    }
    return false;
}

QPoint centre(const QRectF &rect)
{
    return rect.center().toPoint();
}

} // namespace

class TstIntervalBarChart : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void axisCoversValuesIntervalsAndReference();
    void negativeBarsHangFromZero();
    void undefinedValueIsMarkedAndSaidSo();
    void toolTipNamesCategorySeriesAndFigures();
    void toolTipEventShowsTheBarsFigures();
    void placeholderWhenEmpty();
    void longLegendWrapsAboveThePlot();
    void namesFitOrAreElidedWithATooltip();
    void rendersInsideItsBounds_data();
    void rendersInsideItsBounds();
};

void TstIntervalBarChart::init()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TstIntervalBarChart::axisCoversValuesIntervalsAndReference()
{
    IntervalBarChart chart;
    chart.resize(480, 300);
    fillSample(chart);
    // All values are positive: the axis starts at zero and reaches the highest interval end (0.55 + 0.04).
    QCOMPARE(chart.axisMin(), 0.0);
    QVERIFY(chart.axisMax() >= 0.59);
    QVERIFY(chart.axisMax() < 0.59 + chart.tickStep());
    QVERIFY2(isNiceStep(chart.tickStep()), qPrintable(QString::number(chart.tickStep())));
    const double ticks = (chart.axisMax() - chart.axisMin()) / chart.tickStep();
    QVERIFY(ticks >= 2 && ticks <= 9);

    chart.setReference(0.93, QStringLiteral("best arm"));
    QVERIFY(chart.axisMax() >= 0.93);
    chart.setReference(-0.2, QStringLiteral("penalty"));
    QVERIFY(chart.axisMin() <= -0.2);
    QVERIFY(chart.axisMin() > -0.2 - chart.tickStep());
    chart.setReference(std::nullopt, QString());
    QCOMPARE(chart.axisMin(), 0.0);

    // A low interval end below zero takes the axis below zero too.
    QList<QList<Bar>> bars{{Bar{0.1, -0.15, 0.3}}};
    chart.setData({QStringLiteral("IPS")}, {QStringLiteral("A")}, bars);
    QVERIFY(chart.axisMin() <= -0.15);
    QVERIFY(chart.axisMax() >= 0.3);
}

void TstIntervalBarChart::negativeBarsHangFromZero()
{
    IntervalBarChart chart;
    chart.resize(480, 300);
    chart.setData({QStringLiteral("IPS"), QStringLiteral("DM")}, {QStringLiteral("A")},
                  {{Bar{-0.4, -0.5, -0.3}, Bar{-0.2, std::nullopt, std::nullopt}}});
    // Every value negative: zero is the top of the axis and the bars grow down from it.
    QCOMPARE(chart.axisMax(), 0.0);
    QVERIFY(chart.axisMin() <= -0.5);
    const QRectF plot = chart.plotRect();
    QCOMPARE(chart.barRect(0, 1).top(), plot.top());
    QVERIFY(chart.barRect(0, 1).bottom() < chart.barRect(0, 0).bottom()); // -0.2 is shorter than -0.4

    // Mixed signs: both bars meet at the zero line, one above, one below.
    chart.setData({QStringLiteral("IPS"), QStringLiteral("DM")}, {QStringLiteral("A")},
                  {{Bar{0.3, std::nullopt, std::nullopt}, Bar{-0.2, std::nullopt, std::nullopt}}});
    QVERIFY(chart.axisMin() <= -0.2 && chart.axisMax() >= 0.3);
    QVERIFY(qAbs(chart.barRect(0, 0).bottom() - chart.barRect(0, 1).top()) < 1e-6);
    QVERIFY(chart.barRect(0, 0).top() > plot.top() - 1e-6);
    QVERIFY(chart.barRect(0, 1).bottom() < plot.bottom() + 1e-6);
}

void TstIntervalBarChart::undefinedValueIsMarkedAndSaidSo()
{
    IntervalBarChart chart;
    chart.resize(480, 300);
    QList<QList<Bar>> bars{{Bar{0.5, 0.4, 0.6}, Bar{qQNaN(), 3.0, 9.0}}};
    chart.setData({QStringLiteral("IPS"), QStringLiteral("SNIPS")}, {QStringLiteral("target A")}, bars);
    // An undefined value's interval is not drawn, so it does not stretch the axis either.
    QVERIFY(chart.axisMax() < 1.0);
    const QRectF mark = chart.barRect(0, 1);
    QVERIFY(!mark.isEmpty());
    QVERIFY(chart.plotRect().contains(mark));
    QCOMPARE(chart.toolTipAt(centre(mark)), QStringLiteral("SNIPS · target A: undefined"));
    QVERIFY(chart.accessibleDescription().contains(QStringLiteral("SNIPS · target A: undefined")));

    // A missing entry of a short row is undefined as well.
    chart.setData({QStringLiteral("IPS"), QStringLiteral("SNIPS")}, {QStringLiteral("target A")},
                  {{Bar{0.5, 0.4, 0.6}}});
    QCOMPARE(chart.toolTipAt(centre(chart.barRect(0, 1))), QStringLiteral("SNIPS · target A: undefined"));
}

void TstIntervalBarChart::toolTipNamesCategorySeriesAndFigures()
{
    IntervalBarChart chart;
    chart.resize(480, 300);
    fillSample(chart);
    QCOMPARE(chart.toolTipAt(centre(chart.barRect(0, 3))), QStringLiteral("DR · target A: 0.5123 [0.4981, 0.5266]"));
    QCOMPARE(chart.toolTipAt(centre(chart.barRect(1, 0))), QStringLiteral("IPS · target B: 0.4800 [0.4500, 0.5200]"));

    // Off every bar: between two groups, high above the bars and the reference.
    const QRectF plot = chart.plotRect();
    const double between = (chart.barRect(2, 0).right() + chart.barRect(0, 1).left()) / 2;
    QCOMPARE(chart.toolTipAt(QPoint(static_cast<int>(between), static_cast<int>(plot.top()) + 2)), QString());
    QCOMPARE(chart.toolTipAt(QPoint(1, 1)), QString());

    // On the reference line, between two groups.
    const double y = plot.bottom() - (0.48 - chart.axisMin()) / (chart.axisMax() - chart.axisMin()) * plot.height();
    QCOMPARE(chart.toolTipAt(QPoint(static_cast<int>(between), qRound(y))), QStringLiteral("logged policy: 0.4800"));

    // One-sided intervals and the locale's decimal separator.
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    chart.setData({QStringLiteral("DR")}, {QStringLiteral("A")}, {{Bar{0.25, 0.125, std::nullopt}}});
    QCOMPARE(chart.toolTipAt(centre(chart.barRect(0, 0))), QStringLiteral("DR · A: 0,2500 [0,1250, –]"));
    chart.setData({QStringLiteral("DR")}, {QStringLiteral("A")}, {{Bar{0.25, std::nullopt, std::nullopt}}});
    QCOMPARE(chart.toolTipAt(centre(chart.barRect(0, 0))), QStringLiteral("DR · A: 0,2500"));
}

void TstIntervalBarChart::toolTipEventShowsTheBarsFigures()
{
    IntervalBarChart chart;
    chart.resize(480, 300);
    fillSample(chart);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    const QPoint at = centre(chart.barRect(0, 3));
    QHelpEvent event(QEvent::ToolTip, at, chart.mapToGlobal(at));
    QVERIFY(QApplication::sendEvent(&chart, &event));
    QCOMPARE(QToolTip::text(), QStringLiteral("DR · target A: 0.5123 [0.4981, 0.5266]"));
    QHelpEvent off(QEvent::ToolTip, QPoint(1, 1), chart.mapToGlobal(QPoint(1, 1)));
    QApplication::sendEvent(&chart, &off);
    QVERIFY(!off.isAccepted());
    QTRY_VERIFY(!QToolTip::isVisible()); // Qt hides it after a short fade
}

void TstIntervalBarChart::placeholderWhenEmpty()
{
    IntervalBarChart chart;
    chart.resize(480, 300);
    QCOMPARE(chart.accessibleDescription(), QStringLiteral("No data"));
    chart.setPlaceholderText(QStringLiteral("Run an evaluation to compare the estimators"));
    QCOMPARE(chart.accessibleDescription(), QStringLiteral("Run an evaluation to compare the estimators"));
    QVERIFY(chart.barRect(0, 0).isEmpty());

    // The placeholder is drawn: text-coloured pixels in the middle of an otherwise empty widget.
    const QImage empty = chart.grab().toImage();
    const QColor base = chart.palette().color(QPalette::Base);
    int inked = 0;
    for (int x = 0; x < empty.width(); ++x)
        inked += empty.pixelColor(x, empty.height() / 2) != base ? 1 : 0;
    QVERIFY(inked > 0);

    fillSample(chart);
    QVERIFY(chart.accessibleDescription().contains(QStringLiteral("DR · target A: 0.5123 [0.4981, 0.5266]")));
    QVERIFY(!chart.toolTipAt(centre(chart.barRect(0, 0))).isEmpty());
    chart.clear();
    QCOMPARE(chart.accessibleDescription(), QStringLiteral("Run an evaluation to compare the estimators"));
    QVERIFY(chart.barRect(0, 0).isEmpty());
    QCOMPARE(chart.toolTipAt(QPoint(240, 150)), QString());
    QVERIFY(chart.grab().toImage() == empty);
}

void TstIntervalBarChart::longLegendWrapsAboveThePlot()
{
    IntervalBarChart chart;
    chart.resize(480, 300);
    fillSample(chart);
    const double oneLine = chart.plotRect().top();
    chart.setData(kEstimators,
                  {QStringLiteral("greedy policy with the learned weights"),
                   QStringLiteral("epsilon-greedy, epsilon 0.1"), QStringLiteral("softmax at temperature 0.5")},
                  sampleBars());
    QVERIFY(chart.plotRect().top() > oneLine); // a second legend line, not names drawn past the edge
    QVERIFY(chart.plotRect().height() > 150);
}

void TstIntervalBarChart::namesFitOrAreElidedWithATooltip()
{
    IntervalBarChart chart;
    chart.resize(480, 300);
    fillSample(chart);
    // Under each group: its name fits at 480 px, so no tooltip repeats it.
    const QRectF plot = chart.plotRect();
    const double group = plot.width() / static_cast<double>(kEstimators.size());
    const int below = static_cast<int>(plot.bottom()) + 6;
    for (int c = 0; c < kEstimators.size(); ++c)
        QCOMPARE(chart.toolTipAt(QPoint(static_cast<int>(plot.left() + group * (c + 0.5)), below)), QString());

    // Too narrow for "Switch-DR": it is elided and the tooltip names it in full.
    chart.resize(240, 200);
    const QRectF narrow = chart.plotRect();
    const int x = static_cast<int>(narrow.right()) - 4;
    QCOMPARE(chart.toolTipAt(QPoint(x, static_cast<int>(narrow.bottom()) + 6)), QStringLiteral("Switch-DR"));
}

void TstIntervalBarChart::rendersInsideItsBounds_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<bool>("dark");
    QTest::newRow("480x300") << QSize(480, 300) << false;
    QTest::newRow("480x300 dark") << QSize(480, 300) << true;
    QTest::newRow("1200x500") << QSize(1200, 500) << false;
}

// Nothing reaches the widget's edge (what would be cut off there), every bar lies in the plot and is
// drawn in its series' colour, and the plot keeps most of the room.
void TstIntervalBarChart::rendersInsideItsBounds()
{
    QFETCH(QSize, size);
    QFETCH(bool, dark);
    IntervalBarChart chart;
    if (dark) {
        QPalette palette = chart.palette();
        palette.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        palette.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
        palette.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        chart.setPalette(palette);
    }
    chart.resize(size);
    fillSample(chart);
    const QImage image = chart.grab().toImage();
    QCOMPARE(image.size(), size * image.devicePixelRatio());
    const QColor base = chart.palette().color(QPalette::Base);
    const int frame = 3 * static_cast<int>(image.devicePixelRatio());
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (x >= frame && y >= frame && x < image.width() - frame && y < image.height() - frame)
                continue;
            QVERIFY2(image.pixelColor(x, y) == base, qPrintable(QStringLiteral("ink at %1,%2").arg(x).arg(y)));
        }
    }

    const QRectF plot = chart.plotRect();
    QVERIFY(plot.width() > size.width() * 0.75);
    QVERIFY(plot.height() > size.height() * 0.6);
    for (int s = 0; s < kTargets.size(); ++s) {
        for (int c = 0; c < kEstimators.size(); ++c) {
            const QRectF bar = chart.barRect(s, c);
            QVERIFY(plot.adjusted(-0.5, -0.5, 0.5, 0.5).contains(bar));
            if (s == 2 && c == 1)
                continue; // undefined: no bar
            // Beside the whisker, half-way down the bar.
            const QPointF inside(bar.left() + bar.width() / 5, bar.bottom() - 4);
            const double ratio = image.devicePixelRatio();
            QCOMPARE(image.pixelColor((inside * ratio).toPoint()), rl::SeriesPalette::color(s));
        }
    }
}

QTEST_MAIN(TstIntervalBarChart)
#include "tst_intervalbarchart.moc"
