#pragma once

#include <QSortFilterProxyModel>

namespace rl {

// The fleet table sorted and filtered: a figure without data ("–") sorts after every number in either
// order, so a descending sort by queue shows the deepest queues first, not the instances with none.
class FleetSortModel : public QSortFilterProxyModel {
    Q_OBJECT

public:
    explicit FleetSortModel(QObject *parent = nullptr);

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
};

} // namespace rl
