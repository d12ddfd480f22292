#pragma once

#include <QAbstractTableModel>

#include "gui/host/EvaluationJob.h"

namespace rl {

// An evaluation's estimates as a table, a row per target and estimator: the estimate and its 95 % bootstrap
// interval, "–" where the estimator is undefined.
class EstimateTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    // The interval in one column, "[0.5562, 0.5845]", so the table fits beside the chart (the panel's CSV has
    // its ends apart).
    enum Column { TargetColumn, EstimatorColumn, EstimateColumn, IntervalColumn, ColumnCount };

    explicit EstimateTableModel(QObject *parent = nullptr);

    void setOutcome(const EvaluationOutcome &outcome);
    // The estimators as the window names them: IPS, SNIPS, DM, DR, SNDR, Switch-DR.
    static QString estimatorTitle(Estimator estimator);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row {
        QString target;
        EstimateInterval estimate;
    };
    QList<Row> m_rows;
};

} // namespace rl
