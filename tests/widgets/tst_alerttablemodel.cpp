#include <QAbstractItemModelTester>
#include <QFont>
#include <QSignalSpy>
#include <QTest>

#include "widgets/AlertTableModel.h"

using rl::AlertTableModel;
using Row = AlertTableModel::Row;

namespace {

QList<Row> rules()
{
    return {
        {QStringLiteral("QueueBacklog"), QStringLiteral("ticket"), QStringLiteral("firing"), QStringLiteral("37"),
         QStringLiteral("firing since 00:12:21"), QStringLiteral("## Backlog")},
        {QStringLiteral("HighFailureRate"), QStringLiteral("page"), QStringLiteral("pending"), QStringLiteral("0.08"),
         QStringLiteral("pending since 00:13:02"), QString()},
        {QStringLiteral("LoopStalled"), QStringLiteral("page"), QStringLiteral("inactive"), QStringLiteral("–"),
         QStringLiteral("inactive"), QString()},
    };
}

} // namespace

class TstAlertTableModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Qt's model tester checks every signal and index the model produces while the rows change every way.
    void passesTheModelTester()
    {
        AlertTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows(rules());
        QList<Row> rows = rules();
        rows[1].state = QStringLiteral("firing");
        model.setRows(rows);
        std::swap(rows[0], rows[2]);
        model.setRows(rows);
        rows.removeLast();
        model.setRows(rows);
        model.setRows({});
        model.setPalette(QPalette(Qt::black));
    }

    void columnsAndRoles()
    {
        AlertTableModel model;
        model.setRows(rules());
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), int(AlertTableModel::ColumnCount));
        QCOMPARE(model.index(0, AlertTableModel::NameColumn).data().toString(), QStringLiteral("QueueBacklog"));
        QCOMPARE(model.index(0, AlertTableModel::SeverityColumn).data().toString(), QStringLiteral("ticket"));
        QCOMPARE(model.index(0, AlertTableModel::StateColumn).data().toString(), QStringLiteral("Firing"));
        QCOMPARE(model.index(1, AlertTableModel::StateColumn).data().toString(), QStringLiteral("Pending"));
        QCOMPARE(model.index(2, AlertTableModel::StateColumn).data().toString(), QStringLiteral("Inactive"));
        QCOMPARE(model.index(0, AlertTableModel::ValueColumn).data().toString(), QStringLiteral("37"));
        QCOMPARE(model.index(0, AlertTableModel::SinceColumn).data().toString(),
                 QStringLiteral("firing since 00:12:21"));
        QCOMPARE(model.index(2, 0).data(AlertTableModel::StateRole).toString(), QStringLiteral("inactive"));
        QCOMPARE(model.index(0, 3).data(AlertTableModel::DetailsRole).toString(), QStringLiteral("## Backlog"));
        QVERIFY(model.index(0, AlertTableModel::StateColumn).data(Qt::FontRole).value<QFont>().bold());
        QVERIFY(model.index(1, AlertTableModel::StateColumn).data(Qt::FontRole).value<QFont>().bold());
        QVERIFY(!model.index(2, AlertTableModel::StateColumn).data(Qt::FontRole).isValid());
        QCOMPARE(model.headerData(AlertTableModel::ValueColumn, Qt::Horizontal).toString(), QStringLiteral("Value"));
    }

    // A changed state edits only its row: views keep their selection and scroll position.
    void changesEditRowsInPlace()
    {
        AlertTableModel model;
        model.setRows(rules());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setRows(rules());
        QCOMPARE(changed.count(), 0); // nothing changed, nothing emitted

        QList<Row> rows = rules();
        rows[2].state = QStringLiteral("pending");
        model.setRows(rows);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 2);
        QCOMPARE(changed.first().at(1).toModelIndex().row(), 2);

        rows.removeFirst(); // alerts went: views start afresh
        model.setRows(rows);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 2);
    }
};

QTEST_MAIN(TstAlertTableModel)
#include "tst_alerttablemodel.moc"
