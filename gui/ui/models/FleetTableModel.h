#pragma once

#include <vector>

#include <QAbstractTableModel>

#include "gui/host/FleetSnapshot.h"

namespace rl {

// The fleet as a table, a row per instance: status, identity, queue depth and its trend, rates, success,
// p95 latency, drops and alerts. Rows stay where they are across refreshes (new instances are appended,
// gone ones removed, the rest edited in place), so a sorted view keeps its selection; the worst-first order
// is the StatusColumn's sort value.
class FleetTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        StatusColumn,
        InstanceColumn,
        JobColumn,
        TenantColumn,
        WorkspaceColumn,
        QueueColumn,
        TrendColumn,
        ProcessedColumn,
        FailedColumn,
        SuccessColumn,
        LatencyColumn,
        DroppedColumn,
        AlertsColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole, // a number for the figures (NaN last), the worst-first rank for the status
        ToneRole,                // 0 good, 1 warning, 2 critical, -1 plain (TableCellDelegate's colours)
        TrendRole,               // QList<double>, oldest first (TableCellDelegate's sparkline)
        KeyRole,                 // FleetInstance::key()
        InstanceRole,            // the `instance` label
    };

    explicit FleetTableModel(QObject *parent = nullptr);

    void setFleet(const FleetSnapshot &fleet);
    const std::vector<FleetInstance> &instances() const { return m_rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString statusText(const FleetInstance &instance) const;
    static int tone(const FleetInstance &instance, int column);
    static double figure(const FleetInstance &instance, int column);

    std::vector<FleetInstance> m_rows;
    std::vector<int> m_rank; // each row's place in the worst-first order
};

} // namespace rl
