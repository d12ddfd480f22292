#include <QLabel>
#include <QScrollArea>
#include <QTest>

#include "widgets/Checklist.h"

using rl::Checklist;
using Item = Checklist::Item;

namespace {

// The labels' texts in layout order: per row the mark, the text and the detail.
QStringList texts(const Checklist &list)
{
    QStringList out;
    for (const QLabel *label : list.findChildren<QLabel *>())
        out.append(label->text().remove(QChar(0x200B))); // the break opportunities are not part of the text
    return out;
}

} // namespace

class TstChecklist : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void showsMarksTextsAndDetails();
    void statesUpdateInPlace();
    void rowsFollowTheItemCount();
    void narrowListWrapsLongIdentifiers();
};

void TstChecklist::showsMarksTextsAndDetails()
{
    Checklist list;
    list.setItems({{QStringLiteral("Evaluation enabled"), true, QStringLiteral("ENABLE_TRAJECTORY_EVALUATION=1")},
                   {QStringLiteral("Loop running"), false, QStringLiteral("stopped")},
                   {QStringLiteral("Router registered"), std::nullopt, QString()}});
    QCOMPARE(texts(list), (QStringList{QStringLiteral("✓"), QStringLiteral("Evaluation enabled"),
                                       QStringLiteral("ENABLE_TRAJECTORY_EVALUATION=1"), QStringLiteral("✗"),
                                       QStringLiteral("Loop running"), QStringLiteral("stopped"), QStringLiteral("?"),
                                       QStringLiteral("Router registered"), QString()}));
    QCOMPARE(list.stateOf(0), std::optional<bool>(true));
    QCOMPARE(list.stateOf(1), std::optional<bool>(false));
    QCOMPARE(list.stateOf(2), std::optional<bool>());
    QCOMPARE(list.stateOf(3), std::optional<bool>()); // out of range

    // Passed and failed marks differ in colour.
    const QList<QLabel *> labels = list.findChildren<QLabel *>();
    QVERIFY(labels[0]->palette().color(QPalette::WindowText) != labels[3]->palette().color(QPalette::WindowText));
}

void TstChecklist::statesUpdateInPlace()
{
    Checklist list;
    list.setItems({{QStringLiteral("Loop running"), std::nullopt, QString()}});
    const QLabel *mark = list.findChildren<QLabel *>().first();
    list.setItems({{QStringLiteral("Loop running"), true, QStringLiteral("ticked 00:12:21")}});
    QCOMPARE(list.findChildren<QLabel *>().first(), mark); // the same row, edited
    QCOMPARE(mark->text(), QStringLiteral("✓"));
    QCOMPARE(list.stateOf(0), std::optional<bool>(true));
    QCOMPARE(texts(list).last(), QStringLiteral("ticked 00:12:21"));
}

void TstChecklist::rowsFollowTheItemCount()
{
    Checklist list;
    list.setItems({{QStringLiteral("a"), true, QString()}, {QStringLiteral("b"), false, QString()}});
    QCOMPARE(list.findChildren<QLabel *>().size(), 6);
    list.setItems({{QStringLiteral("c"), false, QString()}});
    QCOMPARE(list.findChildren<QLabel *>().size(), 3);
    QCOMPARE(texts(list)[1], QStringLiteral("c"));
    QCOMPARE(list.stateOf(1), std::optional<bool>());
    list.setItems({});
    QVERIFY(list.findChildren<QLabel *>().isEmpty());
}

void TstChecklist::narrowListWrapsLongIdentifiers()
{
    // As narrow as beside the alerts at 1280x800: an identifier breaks after its underscores and a long
    // detail wraps, so no row is wider than the list and nothing is clipped.
    Checklist list;
    list.setItems(
        {{QStringLiteral("Feedback loop flag is set"), true, QStringLiteral("ENABLE_TRAJECTORY_FEEDBACK_LOOP is on")},
         {QStringLiteral("No recent exceptions"), true, QStringLiteral("0 exception(s) in the last minute")}});
    list.resize(180, 300);
    list.show();
    QVERIFY(QTest::qWaitForWindowExposed(&list));
    const QScrollArea *scroll = list.findChild<QScrollArea *>();
    QVERIFY(scroll->widget()->width() <= scroll->viewport()->width());
    for (const QLabel *label : list.findChildren<QLabel *>()) {
        const int right = label->mapTo(scroll->viewport(), QPoint(label->width(), 0)).x();
        QVERIFY2(right <= scroll->viewport()->width(), qPrintable(label->text()));
    }
}

QTEST_MAIN(TstChecklist)
#include "tst_checklist.moc"
