#include <QLabel>
#include <QTest>

#include "widgets/StatTile.h"

using rl::StatTile;

class TstStatTile : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void valueCaptionAndDescription();
    void levelColoursTheValue();
};

void TstStatTile::valueCaptionAndDescription()
{
    StatTile tile(QStringLiteral("Success rate"));
    QCOMPARE(tile.accessibleName(), QStringLiteral("Success rate"));
    tile.setValue(QStringLiteral("97.5 %"));
    tile.setCaption(QStringLiteral("SLO 99 %"));
    QCOMPARE(tile.valueText(), QStringLiteral("97.5 %"));
    QVERIFY(tile.accessibleDescription().contains(QStringLiteral("97.5 %")));
    QVERIFY(tile.accessibleDescription().contains(QStringLiteral("SLO 99 %")));
    tile.setValue(QStringLiteral("99.9 %"));
    QVERIFY(tile.accessibleDescription().contains(QStringLiteral("99.9 %")));
}

void TstStatTile::levelColoursTheValue()
{
    StatTile tile(QStringLiteral("Failed"));
    tile.setValue(QStringLiteral("37"));
    QLabel *value = nullptr;
    for (QLabel *label : tile.findChildren<QLabel *>()) {
        if (label->text() == u"37")
            value = label;
    }
    QVERIFY(value);
    QCOMPARE(tile.level(), StatTile::Level::Neutral);
    const QColor neutral = value->palette().color(QPalette::WindowText);
    QCOMPARE(neutral, tile.palette().color(QPalette::Text));
    tile.setLevel(StatTile::Level::Critical);
    QCOMPARE(tile.level(), StatTile::Level::Critical);
    const QColor critical = value->palette().color(QPalette::WindowText);
    QVERIFY(critical.red() > critical.green() && critical.red() > critical.blue());
    tile.setLevel(StatTile::Level::Good);
    const QColor good = value->palette().color(QPalette::WindowText);
    QVERIFY(good.green() > good.red() && good.green() > good.blue());
    tile.setLevel(StatTile::Level::Warning);
    QVERIFY(value->palette().color(QPalette::WindowText) != good);
}

QTEST_MAIN(TstStatTile)
#include "tst_stattile.moc"
