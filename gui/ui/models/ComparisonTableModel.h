#pragma once

#include <vector>

#include <QAbstractTableModel>

#include "gui/host/ComparisonJob.h"

namespace rl {

// A comparison's specs as a table, a row per spec in the order asked: rank, spec, runs done, the mean
// cumulative regret at the end with its 95 % interval, the share of best-arm picks over the last rounds and
// the time a round took. A proxy sorts by SortRole (the rank by default: best first).
class ComparisonTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        RankColumn,
        SpecColumn,
        RunsColumn,
        RegretColumn,
        IntervalColumn, // "[23.2, 26.4]": one column, so the table fits beside the chart
        OptimalColumn,
        TimeColumn,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole };

    explicit ComparisonTableModel(QObject *parent = nullptr);

    void setOutcome(const ComparisonOutcome &outcome);
    const ComparisonOutcome &outcome() const { return m_outcome; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    ComparisonOutcome m_outcome;
};

} // namespace rl
