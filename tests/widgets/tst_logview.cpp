#include <QComboBox>
#include <QLineEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

#include "widgets/LogView.h"

using rl::LogView;

namespace {

LogView::Entry entry(int i, QtMsgType type = QtDebugMsg, const QString &category = QStringLiteral("rlstudio.engine"))
{
    return {QDateTime::fromMSecsSinceEpoch(1'800'000'000'000 + i), type, category,
            QStringLiteral("feedback batch %1 processed").arg(i)};
}

} // namespace

class TstLogView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void appendsArriveInOneBatch();
    void filtersByTextAndLevel();
    void capDropsTheOldest();
    void followsTheBottomOnlyWhenThere();
};

void TstLogView::appendsArriveInOneBatch()
{
    LogView log;
    QSignalSpy spy(&log, &LogView::entriesChanged);
    for (int i = 0; i < 500; ++i)
        log.append(entry(i));
    QCOMPARE(log.entryCount(), 0); // queued, not inserted one by one
    QVERIFY(spy.wait(1000));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(log.entryCount(), 500);
    QCOMPARE(log.visibleCount(), 500);
}

void TstLogView::filtersByTextAndLevel()
{
    LogView log;
    QSignalSpy spy(&log, &LogView::entriesChanged);
    log.append(entry(1, QtDebugMsg, QStringLiteral("rlstudio.engine")));
    log.append(entry(2, QtInfoMsg, QStringLiteral("rlstudio.http")));
    log.append(entry(3, QtWarningMsg, QStringLiteral("rlstudio.engine")));
    log.append(entry(4, QtCriticalMsg, QStringLiteral("rlstudio.alerts")));
    log.append({QDateTime::currentDateTime(), QtInfoMsg, QStringLiteral("rlstudio.engine"),
                QStringLiteral("Policy LinUCB reset")});
    QVERIFY(spy.wait(1000));
    QCOMPARE(log.visibleCount(), 5);

    log.setFilterText(QStringLiteral("HTTP")); // category, any case
    QCOMPARE(log.visibleCount(), 1);
    log.setFilterText(QStringLiteral("linucb")); // message, any case
    QCOMPARE(log.visibleCount(), 1);
    QCOMPARE(log.findChild<QLineEdit *>()->text(), QStringLiteral("linucb"));
    log.setFilterText(QString());
    QCOMPARE(log.visibleCount(), 5);

    auto *level = log.findChild<QComboBox *>();
    level->setCurrentIndex(level->findText(QStringLiteral("Warning"))); // as the user would
    QCOMPARE(log.visibleCount(), 2);
    log.setMinimumLevel(QtInfoMsg); // Info ranks above Debug although QtInfoMsg's value is the largest
    QCOMPARE(log.visibleCount(), 4);
    log.setFilterText(QStringLiteral("engine"));
    QCOMPARE(log.visibleCount(), 2); // both filters at once
    QCOMPARE(log.entryCount(), 5);

    log.append(entry(5, QtDebugMsg, QStringLiteral("rlstudio.engine"))); // new entries are filtered too
    log.append(entry(6, QtWarningMsg, QStringLiteral("rlstudio.engine")));
    QVERIFY(spy.wait(1000));
    QCOMPARE(log.visibleCount(), 3);
}

void TstLogView::capDropsTheOldest()
{
    LogView log;
    QSignalSpy spy(&log, &LogView::entriesChanged);
    for (int i = 0; i < 6000; ++i)
        log.append(entry(i));
    QVERIFY(spy.wait(1000));
    QCOMPARE(log.entryCount(), 5000); // the default cap
    auto *view = log.findChild<QTreeView *>();
    QCOMPARE(view->model()->index(0, 3).data().toString(), QStringLiteral("feedback batch 1000 processed"));

    log.setMaximumEntries(100);
    for (int i = 6000; i < 6010; ++i)
        log.append(entry(i));
    QVERIFY(spy.wait(1000));
    QCOMPARE(log.entryCount(), 100);
    QCOMPARE(view->model()->index(0, 3).data().toString(), QStringLiteral("feedback batch 5910 processed"));
    QCOMPARE(view->model()->index(99, 3).data().toString(), QStringLiteral("feedback batch 6009 processed"));
}

void TstLogView::followsTheBottomOnlyWhenThere()
{
    LogView log;
    log.resize(600, 300);
    log.show();
    QVERIFY(QTest::qWaitForWindowExposed(&log));
    QSignalSpy spy(&log, &LogView::entriesChanged);
    for (int i = 0; i < 5000; ++i)
        log.append(entry(i));
    QVERIFY(spy.wait(1000));
    auto *view = log.findChild<QTreeView *>();
    QScrollBar *bar = view->verticalScrollBar();
    QVERIFY(bar->maximum() > 0);
    QCOMPARE(bar->value(), bar->maximum()); // it was at the bottom, so it follows

    bar->setValue(bar->maximum() / 2); // the reader scrolls up
    const QString reading = view->indexAt(QPoint(0, 0)).siblingAtColumn(3).data().toString();
    for (int i = 5000; i < 5100; ++i) // 100 rows dropped above the reader, 100 added below
        log.append(entry(i));
    QVERIFY(spy.wait(1000));
    QVERIFY(bar->value() < bar->maximum());
    QCOMPARE(view->indexAt(QPoint(0, 0)).siblingAtColumn(3).data().toString(), reading); // the same row on top
}

QTEST_MAIN(TstLogView)
#include "tst_logview.moc"
