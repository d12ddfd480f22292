#include <QTest>

#include "widgets/GaugeTile.h"

using rl::GaugeTile;

namespace {

const QColor kOk(0x2e, 0x7d, 0x32);
const QColor kSlo(0xf9, 0xa8, 0x25);
const QColor kTicket(0xef, 0x6c, 0x00);
const QColor kPage(0xc6, 0x28, 0x28);

} // namespace

class TstGaugeTile : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void colourFollowsTheBand_data();
    void colourFollowsTheBand();
    void belowEveryBandIsNeutral();
    void descriptionFollowsTheValue();
    void paintsAtItsSizeHint();
};

void TstGaugeTile::colourFollowsTheBand_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QColor>("colour");
    QTest::newRow("5: ok") << 5.0 << kOk;
    QTest::newRow("10: SLO (a band starts at its from)") << 10.0 << kSlo;
    QTest::newRow("15: SLO") << 15.0 << kSlo;
    QTest::newRow("50: ticket") << 50.0 << kTicket;
    QTest::newRow("150: page, beyond max") << 150.0 << kPage;
}

void TstGaugeTile::colourFollowsTheBand()
{
    QFETCH(double, value);
    QFETCH(QColor, colour);
    GaugeTile gauge(QStringLiteral("Queue depth"));
    gauge.setRange(0, 120);
    // Given out of order: the gauge sorts them.
    gauge.setBands({{25, kTicket, QStringLiteral("ticket")},
                    {0, kOk, QStringLiteral("ok")},
                    {100, kPage, QStringLiteral("page")},
                    {10, kSlo, QStringLiteral("SLO")}});
    gauge.setValue(value);
    QCOMPARE(gauge.value(), value); // beyond max too: the true number is kept
    QCOMPARE(gauge.currentColor(), colour);
}

void TstGaugeTile::belowEveryBandIsNeutral()
{
    GaugeTile gauge(QStringLiteral("Queue depth"));
    gauge.setBands({{10, kSlo, QStringLiteral("SLO")}});
    gauge.setValue(3);
    QCOMPARE(gauge.currentColor(), gauge.palette().color(QPalette::Text));
}

void TstGaugeTile::descriptionFollowsTheValue()
{
    GaugeTile gauge(QStringLiteral("Queue depth"));
    gauge.setRange(0, 200);
    gauge.setBands({{0, kOk, QStringLiteral("ok")}, {100, kPage, QStringLiteral("page")}});
    gauge.setUnit(QStringLiteral("items"));
    gauge.setValue(150);
    QCOMPARE(gauge.accessibleName(), QStringLiteral("Queue depth"));
    QVERIFY2(gauge.accessibleDescription().contains(QStringLiteral("150 items")),
             qPrintable(gauge.accessibleDescription()));
    QVERIFY(gauge.accessibleDescription().contains(QStringLiteral("page")));
    gauge.setValue(7);
    QVERIFY(gauge.accessibleDescription().contains(QStringLiteral("7 items")));
    QVERIFY(gauge.accessibleDescription().contains(QStringLiteral("ok")));
}

void TstGaugeTile::paintsAtItsSizeHint()
{
    GaugeTile gauge(QStringLiteral("Queue depth"));
    gauge.setRange(0, 200);
    gauge.setBands({{0, kOk, QString()}, {10, kSlo, QString()}, {25, kTicket, QString()}, {100, kPage, QString()}});
    gauge.setValue(250);
    gauge.resize(gauge.sizeHint());
    const QImage image = gauge.grab().toImage();
    QCOMPARE(image.size(), QSize(180, 120) * image.devicePixelRatio());
    // The value is past every band, so the arc is drawn full in the page colour: its left end shows it.
    bool found = false;
    for (int y = 0; y < image.height() && !found; ++y) {
        for (int x = 0; x < image.width() / 4 && !found; ++x)
            found = image.pixelColor(x, y) == kPage;
    }
    QVERIFY(found);
}

QTEST_MAIN(TstGaugeTile)
#include "tst_gaugetile.moc"
