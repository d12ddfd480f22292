#include "gui/ui/models/FleetSortModel.h"

#include "gui/ui/models/FleetTableModel.h"

namespace rl {

FleetSortModel::FleetSortModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(FleetTableModel::SortRole);
    setFilterKeyColumn(-1);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
}

bool FleetSortModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const bool leftHasData = left.data(sortRole()).isValid();
    if (leftHasData != right.data(sortRole()).isValid()) {
        // A descending sort asks lessThan(right, left): answer so that no data still comes last.
        return sortOrder() == Qt::AscendingOrder ? leftHasData : !leftHasData;
    }
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace rl
