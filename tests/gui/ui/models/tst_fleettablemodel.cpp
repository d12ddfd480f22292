// The fleet table: QAbstractItemModelTester finds nothing wrong across refreshes that add, remove and keep
// instances; kept rows stay in place (a sorted view keeps its selection); no data reads "–", not 0; the
// status sorts worst first; a figure without data sorts last in either order.
#include <cmath>

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <QTest>

#include "gui/ui/models/FleetSortModel.h"
#include "gui/ui/models/FleetTableModel.h"

using rl::FleetInstance;
using rl::FleetTableModel;

namespace {

FleetInstance instance(const QString &name, double up, double depth)
{
    FleetInstance result;
    result.job = QStringLiteral("rlstudio");
    result.instance = name;
    result.tenant = QStringLiteral("t-") + name;
    result.workspace = QStringLiteral("default");
    result.up = up;
    result.queueDepth = depth;
    return result;
}

rl::FleetSnapshot fleetOf(std::vector<FleetInstance> instances)
{
    std::sort(instances.begin(), instances.end(), FleetInstance::worseThan);
    return {0.0, std::move(instances), {}};
}

} // namespace

class TstFleetTableModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void refreshesKeepRowsInPlace()
    {
        FleetTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFleet(fleetOf({instance(QStringLiteral("a"), 1, 1), instance(QStringLiteral("b"), 1, 5)}));
        QCOMPARE(model.rowCount(), 2);
        const QPersistentModelIndex a = model.index(
            model.data(model.index(0, FleetTableModel::InstanceColumn)).toString() == QStringLiteral("a") ? 0 : 1, 0);
        model.setFleet(fleetOf({instance(QStringLiteral("a"), 0, std::nan("")), instance(QStringLiteral("c"), 1, 2)}));
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(a.isValid()); // kept, edited in place
        QCOMPARE(model.data(model.index(a.row(), FleetTableModel::StatusColumn)).toString(), QStringLiteral("down"));
        QCOMPARE(model.data(model.index(a.row(), FleetTableModel::QueueColumn)).toString(), QStringLiteral("–"));
        QCOMPARE(model.data(model.index(a.row(), FleetTableModel::StatusColumn), FleetTableModel::ToneRole).toInt(), 2);
        QCOMPARE(model.data(model.index(1, FleetTableModel::InstanceColumn)).toString(), QStringLiteral("c"));
        model.setFleet(fleetOf({}));
        QCOMPARE(model.rowCount(), 0);
    }

    void statusSortsWorstFirst()
    {
        FleetTableModel model;
        FleetInstance firing = instance(QStringLiteral("f"), 1, 0);
        firing.firingAlerts << QStringLiteral("RLFeedbackQueueDepthHigh");
        model.setFleet(fleetOf({instance(QStringLiteral("ok"), 1, 0), firing, instance(QStringLiteral("d"), 0, 0)}));
        QSortFilterProxyModel sorted;
        sorted.setSourceModel(&model);
        sorted.setSortRole(FleetTableModel::SortRole);
        sorted.sort(FleetTableModel::StatusColumn);
        QCOMPARE(sorted.index(0, FleetTableModel::InstanceColumn).data().toString(), QStringLiteral("d"));
        QCOMPARE(sorted.index(1, FleetTableModel::InstanceColumn).data().toString(), QStringLiteral("f"));
        QCOMPARE(sorted.index(1, FleetTableModel::AlertsColumn).data().toString(),
                 QStringLiteral("RLFeedbackQueueDepthHigh"));
        QCOMPARE(sorted.index(2, FleetTableModel::InstanceColumn).data().toString(), QStringLiteral("ok"));
    }

    void noDataSortsLastEitherWay()
    {
        FleetTableModel model;
        model.setFleet(
            fleetOf({instance(QStringLiteral("deep"), 1, 90), instance(QStringLiteral("none"), 1, std::nan("")),
                     instance(QStringLiteral("shallow"), 1, 3)}));
        rl::FleetSortModel sorted;
        sorted.setSourceModel(&model);
        const auto order = [&] {
            QStringList names;
            for (int row = 0; row < sorted.rowCount(); ++row)
                names << sorted.index(row, FleetTableModel::InstanceColumn).data().toString();
            return names;
        };
        sorted.sort(FleetTableModel::QueueColumn, Qt::DescendingOrder);
        QCOMPARE(order(), (QStringList{QStringLiteral("deep"), QStringLiteral("shallow"), QStringLiteral("none")}));
        sorted.sort(FleetTableModel::QueueColumn, Qt::AscendingOrder);
        QCOMPARE(order(), (QStringList{QStringLiteral("shallow"), QStringLiteral("deep"), QStringLiteral("none")}));
    }
};

QTEST_GUILESS_MAIN(TstFleetTableModel)
#include "tst_fleettablemodel.moc"
