#include <QLabel>
#include <QTest>
#include <QTextBrowser>
#include <QTreeView>

#include "widgets/AlertList.h"

using rl::AlertList;
using Row = AlertList::Row;

namespace {

QList<Row> rules()
{
    return {
        {QStringLiteral("QueueBacklog"), QStringLiteral("warning"), QStringLiteral("firing"), QStringLiteral("37"),
         QStringLiteral("00:12:21"), QStringLiteral("## Backlog\nMore than **25** queued.")},
        {QStringLiteral("HighFailureRate"), QStringLiteral("critical"), QStringLiteral("pending"),
         QStringLiteral("8 %"), QStringLiteral("00:13:02"), QStringLiteral("Failure rate above 5 %.")},
        {QStringLiteral("LoopStalled"), QStringLiteral("critical"), QStringLiteral("inactive"), QStringLiteral("0"),
         QString(), QString()},
    };
}

QString selectedName(const QTreeView *view)
{
    const QModelIndexList selected = view->selectionModel()->selectedRows();
    return selected.isEmpty() ? QString() : selected.first().data().toString();
}

void select(QTreeView *view, int row)
{
    view->setCurrentIndex(view->model()->index(row, 0));
}

} // namespace

class TstAlertList : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void showsRowsAndStates();
    void selectionShowsMarkdownDetails();
    void selectionSurvivesUpdatesAndReorders();
    void unchangedRowsCostNothing();
    void bannerShowsAndHides();
};

void TstAlertList::showsRowsAndStates()
{
    AlertList list;
    list.setRows(rules());
    const QAbstractItemModel *model = list.view()->model();
    QCOMPARE(model->rowCount(), 3);
    QCOMPARE(model->headerData(2, Qt::Horizontal).toString(), QStringLiteral("State"));
    QCOMPARE(list.stateOf(QStringLiteral("QueueBacklog")), QStringLiteral("firing"));
    QCOMPARE(list.stateOf(QStringLiteral("HighFailureRate")), QStringLiteral("pending"));
    QCOMPARE(list.stateOf(QStringLiteral("LoopStalled")), QStringLiteral("inactive"));
    QVERIFY(list.stateOf(QStringLiteral("NoSuchAlert")).isEmpty());
    // Firing, pending and inactive read in three different colours.
    const auto stateColour = [model](int row) { return model->index(row, 2).data(Qt::ForegroundRole).value<QColor>(); };
    const QColor firing = stateColour(0);
    const QColor pending = stateColour(1);
    const QColor inactive = stateColour(2);
    QVERIFY(firing != pending && pending != inactive && firing != inactive);
    QVERIFY(firing.red() > firing.green()); // red-ish
}

void TstAlertList::selectionShowsMarkdownDetails()
{
    AlertList list;
    list.setRows(rules());
    QTreeView *view = list.view();
    const auto *browser = list.findChild<QTextBrowser *>();
    QVERIFY(browser->toPlainText().isEmpty()); // nothing selected: the placeholder
    select(view, 0);
    QCOMPARE(browser->toPlainText(), QStringLiteral("Backlog\nMore than 25 queued."));
    QVERIFY(browser->toHtml().contains(QStringLiteral("font-weight"))); // **25** is rendered bold
    select(view, 2);
    QVERIFY(!browser->toPlainText().isEmpty()); // "no details" rather than the previous alert's
    QVERIFY(!browser->toPlainText().contains(QStringLiteral("Backlog")));
}

void TstAlertList::selectionSurvivesUpdatesAndReorders()
{
    AlertList list;
    list.setRows(rules());
    QTreeView *view = list.view();
    select(view, 1);

    QList<Row> rows = rules();
    rows[1].state = QStringLiteral("firing");
    rows[1].details = QStringLiteral("Now firing.");
    list.setRows(rows); // in place
    QCOMPARE(selectedName(view), QStringLiteral("HighFailureRate"));
    QCOMPARE(list.stateOf(QStringLiteral("HighFailureRate")), QStringLiteral("firing"));
    QCOMPARE(list.findChild<QTextBrowser *>()->toPlainText(), QStringLiteral("Now firing."));

    std::swap(rows[0], rows[1]);
    rows.removeLast();
    list.setRows(rows); // rebuilt
    QCOMPARE(view->model()->rowCount(), 2);
    QCOMPARE(selectedName(view), QStringLiteral("HighFailureRate"));
    QCOMPARE(view->selectionModel()->selectedRows().first().row(), 0);

    rows.removeFirst();
    list.setRows(rows); // the selected alert is gone
    QVERIFY(!view->selectionModel()->hasSelection());
    QVERIFY(list.findChild<QTextBrowser *>()->toPlainText().isEmpty());
}

void TstAlertList::unchangedRowsCostNothing()
{
    AlertList list;
    list.setRows(rules());
    QTreeView *view = list.view();
    select(view, 0);
    const QPersistentModelIndex first = view->model()->index(0, 0);
    auto *browser = list.findChild<QTextBrowser *>();
    const auto *document = browser->document();
    const int revision = document->revision();

    list.setRows(rules());
    QVERIFY(first.isValid());                 // the same rows, not rebuilt
    QCOMPARE(document->revision(), revision); // the details were not re-rendered

    QList<Row> rows = rules();
    rows[2].value = QStringLiteral("1");
    list.setRows(rows);
    QVERIFY(first.isValid());
    QCOMPARE(view->model()->index(2, 3).data().toString(), QStringLiteral("1"));
    QCOMPARE(document->revision(), revision); // another row changed: the shown details stay
}

void TstAlertList::bannerShowsAndHides()
{
    AlertList list;
    list.show();
    QVERIFY(QTest::qWaitForWindowExposed(&list));
    auto *banner = list.findChild<QLabel *>();
    QVERIFY(!banner->isVisible());
    list.setBanner(QStringLiteral("Demo time scale ×60: windows and for-durations compressed"));
    QVERIFY(banner->isVisible());
    QVERIFY(banner->text().contains(QStringLiteral("×60")));
    list.setBanner(QStringLiteral("2 rule warnings"), QStringLiteral("first\nsecond"));
    QCOMPARE(banner->toolTip(), QStringLiteral("first\nsecond")); // what does not fit the line
    list.setBanner(QString());
    QVERIFY(!banner->isVisible());
}

QTEST_MAIN(TstAlertList)
#include "tst_alertlist.moc"
