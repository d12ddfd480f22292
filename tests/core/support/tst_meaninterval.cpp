#include <QtTest>

#include <vector>

#include "core/support/MeanInterval.h"

class TstMeanInterval : public QObject {
    Q_OBJECT

private slots:
    void studentQuantiles_data();
    void studentQuantiles();
    void intervalOfKnownSample();
    void singleValueHasNoInterval();
    void clampedToRange();
};

void TstMeanInterval::studentQuantiles_data()
{
    // R: qt(0.975, df).
    QTest::addColumn<unsigned>("degrees");
    QTest::addColumn<double>("quantile");
    QTest::newRow("1") << 1u << 12.7062047;
    QTest::newRow("9") << 9u << 2.2621572;
    QTest::newRow("30") << 30u << 2.0422725;
    QTest::newRow("31") << 31u << 2.0395134;
    QTest::newRow("40") << 40u << 2.0210754;
    QTest::newRow("99") << 99u << 1.9842169;
    QTest::newRow("999") << 999u << 1.9623415;
}

void TstMeanInterval::studentQuantiles()
{
    QFETCH(unsigned, degrees);
    QFETCH(double, quantile);
    QVERIFY2(std::abs(rl::studentT975(degrees) - quantile) < 2e-6,
             qPrintable(QString::number(rl::studentT975(degrees), 'g', 9)));
}

void TstMeanInterval::intervalOfKnownSample()
{
    // Mean 3, sample sd sqrt(2.5), n 5: half width 2.7764451 * sqrt(2.5 / 5).
    const std::vector<double> values{1, 2, 3, 4, 5};
    const rl::MeanInterval interval = rl::MeanInterval::of(values);
    QCOMPARE(interval.mean, 3.0);
    const double half = 2.7764451 * std::sqrt(0.5);
    QVERIFY(std::abs(*interval.low - (3.0 - half)) < 1e-9);
    QVERIFY(std::abs(*interval.high - (3.0 + half)) < 1e-9);
}

void TstMeanInterval::singleValueHasNoInterval()
{
    const std::vector<double> values{7.5};
    const rl::MeanInterval interval = rl::MeanInterval::of(values);
    QCOMPARE(interval.mean, 7.5);
    QVERIFY(!interval.low && !interval.high);
}

void TstMeanInterval::clampedToRange()
{
    const std::vector<double> values{0.0, 1.0};
    const rl::MeanInterval clamped = rl::MeanInterval::of(values).clampedTo(0.0, 1.0);
    QCOMPARE(clamped.mean, 0.5);
    QCOMPARE(*clamped.low, 0.0);
    QCOMPARE(*clamped.high, 1.0);
}

QTEST_GUILESS_MAIN(TstMeanInterval)
#include "tst_meaninterval.moc"
