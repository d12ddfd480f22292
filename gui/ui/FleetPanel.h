#pragma once

#include <vector>

#include <QStringList>
#include <QWidget>

#include "gui/host/FleetSnapshot.h"

class QLineEdit;
class QTableView;

namespace rl {

class FleetSortModel;
class FleetTableModel;

// The fleet view's table: every instance the source knows, worst first until a header is clicked, with a
// filter over every column; selecting rows drills the charts down to those instances.
class FleetPanel : public QWidget {
    Q_OBJECT

public:
    explicit FleetPanel(QWidget *parent = nullptr);

    void setFleet(const FleetSnapshot &fleet);
    std::vector<FleetInstance> selectedRows() const;
    std::vector<FleetInstance> shownRows() const; // those the filter lets through, in the view's order
    FleetTableModel *model() const { return m_model; }
    FleetSortModel *sorted() const { return m_sorted; }
    QTableView *view() const { return m_view; }
    QLineEdit *filter() const { return m_filter; }

Q_SIGNALS:
    // The selected rows changed: picked by the operator, or gone from the fleet.
    void selectionChanged();

private:
    QStringList selectedKeys() const; // FleetInstance::key() of each selected row, in the view's order

    FleetTableModel *m_model;
    FleetSortModel *m_sorted;
    QTableView *m_view;
    QLineEdit *m_filter;
    bool m_sized = false; // columns fitted to the first rows
};

} // namespace rl
