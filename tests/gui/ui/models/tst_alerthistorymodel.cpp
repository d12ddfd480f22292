#include <QAbstractItemModelTester>
#include <QTest>

#include "gui/ui/models/AlertHistoryModel.h"
#include "widgets/CsvWriter.h"

using rl::AlertHistoryModel;

class TstAlertHistoryModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void passesTheModelTesterUpToTheCap()
    {
        AlertHistoryModel model(nullptr, 10); // the tester walks every row on every change
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QDateTime t0 = QDateTime::fromMSecsSinceEpoch(1'800'000'000'000, Qt::UTC);
        for (int i = 0; i < 13; ++i)
            model.append({t0.addSecs(i), QStringLiteral("RLFeedbackQueueBacklog"), QStringLiteral("inactive"),
                          QStringLiteral("pending"), QString::number(i)});
        QCOMPARE(model.rowCount(), 10);
        QCOMPARE(model.change(0).value, QStringLiteral("3")); // the oldest went
    }

    void showsEachChangeAndExportsItsTimeExactly()
    {
        AlertHistoryModel model;
        const QDateTime t = QDateTime::fromMSecsSinceEpoch(1'800'000'000'250, Qt::UTC);
        model.append({t, QStringLiteral("RLFeedbackDropped"), QStringLiteral("pending"), QStringLiteral("firing"),
                      QStringLiteral("12")});
        QCOMPARE(model.index(0, AlertHistoryModel::AlertColumn).data().toString(), QStringLiteral("RLFeedbackDropped"));
        QCOMPARE(model.index(0, AlertHistoryModel::FromColumn).data().toString(), QStringLiteral("Pending"));
        QCOMPARE(model.index(0, AlertHistoryModel::ToColumn).data().toString(), QStringLiteral("Firing"));
        QCOMPARE(model.index(0, AlertHistoryModel::ToColumn).data(rl::CsvWriter::kExportRole).toString(),
                 QStringLiteral("firing")); // Prometheus's word in the CSV
        QCOMPARE(model.index(0, AlertHistoryModel::ValueColumn).data().toString(), QStringLiteral("12"));
        QCOMPARE(model.index(0, AlertHistoryModel::TimeColumn).data(rl::CsvWriter::kExportRole).toString(),
                 QStringLiteral("2027-01-15T08:00:00.250Z"));
    }
};

QTEST_APPLESS_MAIN(TstAlertHistoryModel)
#include "tst_alerthistorymodel.moc"
