#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include "gui/ui/models/QueueTableModel.h"

using rl::QueueItemView;
using rl::QueueTableModel;

namespace {

// Items traj-first .. traj-(first + count - 1), queued a millisecond apart.
std::vector<QueueItemView> items(int first, int count)
{
    std::vector<QueueItemView> out;
    for (int i = first; i < first + count; ++i)
        out.push_back({"traj-" + std::to_string(i), i % 2 ? "gpt-4" : "claude-3-opus", 0.25 * (i % 4), i % 3 == 0,
                       1'700'000'000'000 + i});
    return out;
}

QString trajectory(const QAbstractItemModel &model, int row)
{
    return model.index(row, QueueTableModel::TrajectoryColumn).data().toString();
}

} // namespace

class TstQueueTableModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Qt's model tester checks every signal and index while the head moves every way it can.
    void passesTheModelTester()
    {
        QueueTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setItems(items(0, 20));
        model.setItems(items(5, 20));  // five taken, five added
        model.setItems(items(30, 20)); // nothing shared
        model.setItems(items(40, 3));  // the queue runs low
        model.setItems(items(41, 20)); // and fills again
        model.setItems({});            // purged
    }

    void columns()
    {
        QueueTableModel model;
        model.setItems(items(3, 1));
        QCOMPARE(model.columnCount(), int(QueueTableModel::ColumnCount));
        QCOMPARE(trajectory(model, 0), QStringLiteral("traj-3"));
        QCOMPARE(model.index(0, QueueTableModel::ModelColumn).data().toString(), QStringLiteral("gpt-4"));
        QCOMPARE(model.index(0, QueueTableModel::ScoreColumn).data().toString(), QStringLiteral("0.750"));
        QCOMPARE(model.index(0, QueueTableModel::SuccessColumn).data().toString(), QStringLiteral("yes"));
        QCOMPARE(model.headerData(QueueTableModel::QueuedAtColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Queued at"));
        QCOMPARE(model.index(0, QueueTableModel::QueuedAtColumn).data().toString().size(), 12); // HH:mm:ss.zzz
    }

    // As the loop takes items, their rows leave from the top and new ones join at the bottom: the rows in
    // between stay, so a view's selection follows its item.
    void headMovesWithoutStartingAfresh()
    {
        QueueTableModel model;
        model.setItems(items(0, 20));
        const QPersistentModelIndex kept = model.index(10, 0); // traj-10
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        model.setItems(items(4, 20));
        QCOMPARE(reset.count(), 0);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.first().at(1).toInt(), 0); // rows 0..3
        QCOMPARE(removed.first().at(2).toInt(), 3);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 16); // rows 16..19
        QCOMPARE(inserted.first().at(2).toInt(), 19);
        QVERIFY(kept.isValid());
        QCOMPARE(kept.row(), 6);
        QCOMPARE(trajectory(model, kept.row()), QStringLiteral("traj-10"));
        QCOMPARE(trajectory(model, 19), QStringLiteral("traj-23"));

        removed.clear();
        inserted.clear();
        model.setItems(items(4, 20)); // nothing changed
        QCOMPARE(removed.count() + inserted.count(), 0);
    }
};

QTEST_MAIN(TstQueueTableModel)
#include "tst_queuetablemodel.moc"
