#pragma once

#include <vector>

#include <QStringList>
#include <QWidget>

#include "gui/host/FleetSnapshot.h"

class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace rl {

class FleetTableModel;

// The fleet view's table: every instance the source knows, worst first until a header is clicked, with a
// filter over every column; selecting rows drills the charts down to those instances.
class FleetPanel : public QWidget {
    Q_OBJECT

public:
    explicit FleetPanel(QWidget *parent = nullptr);

    void setFleet(const FleetSnapshot &fleet);
    QStringList selectedInstances() const; // `instance` labels, in the view's order
    std::vector<FleetInstance> selectedRows() const;
    FleetTableModel *model() const { return m_model; }
    QSortFilterProxyModel *sorted() const { return m_sorted; }
    QTableView *view() const { return m_view; }
    QLineEdit *filter() const { return m_filter; }

Q_SIGNALS:
    void selectionChanged(const QStringList &instances);

private:
    FleetTableModel *m_model;
    QSortFilterProxyModel *m_sorted;
    QTableView *m_view;
    QLineEdit *m_filter;
    bool m_sized = false; // columns fitted to the first rows
};

} // namespace rl
