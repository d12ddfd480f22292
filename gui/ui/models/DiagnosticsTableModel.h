#pragma once

#include <QAbstractTableModel>

#include "gui/host/EvaluationJob.h"

namespace rl {

// What says whether to trust an evaluation, a row per target: the effective sample size, the importance
// weights, the support deficiency and the warnings, the doubtful figures in the warning tone.
class DiagnosticsTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        TargetColumn,
        RowsColumn,
        EffectiveColumn,
        MaxWeightColumn,
        MeanWeightColumn,
        DeficiencyColumn,
        WarningsColumn,
        ColumnCount
    };
    enum Role { ToneRole = Qt::UserRole + 1 }; // 1 warning, -1 plain (TableCellDelegate's colours)

    explicit DiagnosticsTableModel(QObject *parent = nullptr);

    void setOutcome(const EvaluationOutcome &outcome);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row {
        QString target;
        OffPolicyDiagnostics diagnostics;
    };
    QList<Row> m_rows;
};

} // namespace rl
