#pragma once

#include <vector>

#include <QAbstractTableModel>

#include "gui/host/EngineSnapshot.h"

namespace rl {

// The first queued feedback items, oldest first: trajectory, model, overall score, success, queued at.
// The queue's head moves as the loop takes items and producers add them, so an update removes the rows
// taken from the top and appends the new ones at the bottom rather than starting afresh: a view keeps its
// selection on an item for as long as the item is shown.
class QueueTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { TrajectoryColumn, ModelColumn, ScoreColumn, SuccessColumn, QueuedAtColumn, ColumnCount };

    explicit QueueTableModel(QObject *parent = nullptr);

    void setItems(const std::vector<QueueItemView> &items);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<QueueItemView> m_items;
};

} // namespace rl
