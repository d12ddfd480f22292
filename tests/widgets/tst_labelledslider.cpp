#include <QDoubleSpinBox>
#include <QLabel>
#include <QLocale>
#include <QSignalSpy>
#include <QSlider>
#include <QTest>

#include "widgets/LabelledSlider.h"

using rl::LabelledSlider;

class TstLabelledSlider : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void logMappingRoundTripsTheEnds_data();
    void logMappingRoundTripsTheEnds();
    void logMappingIsGeometric();
    void setValueClampsSnapsAndDoesNotEmit();
    void userMoveEmits();
    void arrowKeysNeverGetStuck();
    void labelIsTheBuddyAndTheName();
    void showsTheExactValueAcrossTheRange();
    void logarithmicFromZeroKeepsAStopForZero();
    void spinBoxEntryEmitsOnce();
};

void TstLabelledSlider::logMappingRoundTripsTheEnds_data()
{
    QTest::addColumn<double>("min");
    QTest::addColumn<double>("max");
    QTest::addColumn<int>("decimals");
    QTest::newRow("batch size") << 1.0 << 1000.0 << 0;
    QTest::newRow("interval") << 0.1 << 60.0 << 1;
    QTest::newRow("emission rate") << 1.0 << 60000.0 << 0;
}

void TstLabelledSlider::logMappingRoundTripsTheEnds()
{
    QFETCH(double, min);
    QFETCH(double, max);
    QFETCH(int, decimals);
    LabelledSlider s(QStringLiteral("x"), min, max, LabelledSlider::Scale::Logarithmic, decimals, QString());
    s.setValue(max);
    QCOMPARE(s.slider()->value(), s.slider()->maximum());
    QCOMPARE(s.value(), max);
    s.setValue(min);
    QCOMPARE(s.slider()->value(), s.slider()->minimum());
    QCOMPARE(s.value(), min);

    s.slider()->setValue(s.slider()->maximum());
    QCOMPARE(s.value(), max);
    s.slider()->setValue(s.slider()->minimum());
    QCOMPARE(s.value(), min);
}

void TstLabelledSlider::logMappingIsGeometric()
{
    LabelledSlider s(QStringLiteral("x"), 1, 1000, LabelledSlider::Scale::Logarithmic, 0, QString());
    s.setValue(31.6); // the geometric middle of 1..1000, snapped to an integer
    QCOMPARE(s.value(), 32.0);
    QVERIFY(qAbs(s.slider()->value() - 500) <= 2);
    s.slider()->setValue(333); // a third of the way: 10
    QCOMPARE(s.value(), 10.0);
}

void TstLabelledSlider::setValueClampsSnapsAndDoesNotEmit()
{
    LabelledSlider s(QStringLiteral("Interval"), 0.1, 60, LabelledSlider::Scale::Logarithmic, 1, QStringLiteral("s"));
    QSignalSpy spy(&s, &LabelledSlider::valueChanged);
    s.setValue(15.04);
    QCOMPARE(s.value(), 15.0);
    s.setValue(1e9);
    QCOMPARE(s.value(), 60.0);
    s.setValue(-5);
    QCOMPARE(s.value(), 0.1);
    QCOMPARE(spy.count(), 0);
}

void TstLabelledSlider::userMoveEmits()
{
    LabelledSlider s(QStringLiteral("&Batch size"), 1, 1000, LabelledSlider::Scale::Logarithmic, 0,
                     QStringLiteral("items"));
    s.setValue(25);
    QSignalSpy spy(&s, &LabelledSlider::valueChanged);
    s.slider()->setValue(s.slider()->maximum());
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.first().first().toDouble(), 1000.0);
    QCOMPARE(s.spinBox()->text(), QLocale().toString(1000.0, 'f', 0) + QStringLiteral(" items"));

    s.slider()->setFocus();
    QTest::keyClick(s.slider(), Qt::Key_Home);
    QCOMPARE(spy.count(), 2);
    QCOMPARE(s.value(), 1.0);
}

void TstLabelledSlider::arrowKeysNeverGetStuck()
{
    // On 1..1000, one step (1 % of the travel) from 1 lands on 1.07, which rounds back to 1.
    LabelledSlider s(QStringLiteral("Batch size"), 1, 1000, LabelledSlider::Scale::Logarithmic, 0, QString());
    QSignalSpy spy(&s, &LabelledSlider::valueChanged);
    QTest::keyClick(s.slider(), Qt::Key_Right);
    QCOMPARE(s.value(), 2.0);
    QTest::keyClick(s.slider(), Qt::Key_Right);
    QCOMPARE(s.value(), 3.0);
    QTest::keyClick(s.slider(), Qt::Key_Left);
    QCOMPARE(s.value(), 2.0);
    QCOMPARE(spy.count(), 3);
}

void TstLabelledSlider::labelIsTheBuddyAndTheName()
{
    LabelledSlider s(QStringLiteral("E&mission rate"), 1, 60000, LabelledSlider::Scale::Logarithmic, 0,
                     QStringLiteral("items/min"));
    const QLabel *label = s.findChildren<QLabel *>().first();
    QCOMPARE(label->buddy(), s.slider());
    QCOMPARE(s.accessibleName(), QStringLiteral("Emission rate"));
    QCOMPARE(s.slider()->accessibleName(), QStringLiteral("Emission rate"));
}

// The engine's value is shown as it is, not as the slider's nearest step: 5,000 on 1..100,000 reads 5,000.
void TstLabelledSlider::showsTheExactValueAcrossTheRange()
{
    LabelledSlider s(QStringLiteral("Batch size"), 1, 100000, LabelledSlider::Scale::Logarithmic, 0,
                     QStringLiteral("items"));
    QSignalSpy spy(&s, &LabelledSlider::valueChanged);
    for (const double value : {1.0, 5000.0, 4999.0, 100000.0}) {
        s.setValue(value);
        QCOMPARE(s.value(), value);
        QCOMPARE(s.spinBox()->value(), value);
        QCOMPARE(s.spinBox()->text(), QLocale().toString(value, 'f', 0) + QStringLiteral(" items"));
    }
    QCOMPARE(spy.count(), 0);
}

// A rate's range starts at 0: the slider's first step is 0, the next the smallest step of the decimals.
void TstLabelledSlider::logarithmicFromZeroKeepsAStopForZero()
{
    LabelledSlider s(QStringLiteral("Emission rate"), 0, 600000, LabelledSlider::Scale::Logarithmic, 0,
                     QStringLiteral("items/min"));
    s.setValue(0);
    QCOMPARE(s.slider()->value(), 0);
    QCOMPARE(s.spinBox()->text(), QLocale().toString(0.0, 'f', 0) + QStringLiteral(" items/min"));
    s.slider()->setValue(1);
    QCOMPARE(s.value(), 1.0);
    s.slider()->setValue(s.slider()->maximum());
    QCOMPARE(s.value(), 600000.0);
    s.setValue(600);
    QCOMPARE(s.value(), 600.0);
    QVERIFY(s.slider()->value() > 1 && s.slider()->value() < s.slider()->maximum());
    s.slider()->setValue(0);
    QCOMPARE(s.value(), 0.0);
}

// Typed values are exact and committed once, on Enter, not at every keystroke.
void TstLabelledSlider::spinBoxEntryEmitsOnce()
{
    LabelledSlider s(QStringLiteral("Interval"), 0.01, 86400, LabelledSlider::Scale::Logarithmic, 2,
                     QStringLiteral("s"));
    s.setValue(15);
    s.show();
    s.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&s));
    QSignalSpy spy(&s, &LabelledSlider::valueChanged);
    s.spinBox()->setFocus();
    s.spinBox()->selectAll();
    QTest::keyClicks(s.spinBox(), QStringLiteral("0.37"));
    QCOMPARE(spy.count(), 0);
    QVERIFY(s.isBeingEdited()); // typed, not committed: snapshots leave the box alone
    QTest::keyClick(s.spinBox(), Qt::Key_Return);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.first().first().toDouble(), 0.37);
    QCOMPARE(s.value(), 0.37);
    QVERIFY(!s.isBeingEdited()); // committed: the box shows the engine's value again, focus or not
}

QTEST_MAIN(TstLabelledSlider)
#include "tst_labelledslider.moc"
