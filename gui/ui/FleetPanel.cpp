#include "gui/ui/FleetPanel.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

#include "gui/ui/models/FleetSortModel.h"
#include "gui/ui/models/FleetTableModel.h"
#include "widgets/TableCellDelegate.h"

namespace rl {

FleetPanel::FleetPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new FleetTableModel(this))
    , m_sorted(new FleetSortModel(this))
    , m_view(new QTableView(this))
    , m_filter(new QLineEdit(this))
{
    m_filter->setObjectName(QStringLiteral("fleetFilter"));
    m_filter->setPlaceholderText(tr("Filter instances (any column)"));
    m_filter->setToolTip(tr("Shows only the rows with this text in a column: an instance, tenant, alert or status"));
    m_filter->setClearButtonEnabled(true);
    m_sorted->setSourceModel(m_model);
    connect(m_filter, &QLineEdit::textChanged, m_sorted, &QSortFilterProxyModel::setFilterFixedString);

    m_view->setObjectName(QStringLiteral("fleetTable"));
    m_view->setModel(m_sorted);
    m_view->setItemDelegate(new TableCellDelegate(FleetTableModel::ToneRole, FleetTableModel::TrendRole, m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(FleetTableModel::StatusColumn, Qt::AscendingOrder); // worst first
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setAlternatingRowColors(true);
    m_view->setToolTip(tr("Select instances to show only them in the charts; Ctrl-click for several"));
    m_view->setAccessibleName(tr("Fleet"));
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &FleetPanel::selectionChanged);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_view);
}

void FleetPanel::setFleet(const FleetSnapshot &fleet)
{
    const QStringList before = selectedKeys();
    m_model->setFleet(fleet);
    if (!m_sized && m_model->rowCount() > 0) {
        m_view->resizeColumnsToContents();
        m_sized = true;
    }
    // A selected instance that left the fleet leaves the selection too: the charts follow.
    if (selectedKeys() != before)
        Q_EMIT selectionChanged();
}

std::vector<FleetInstance> FleetPanel::selectedRows() const
{
    std::vector<FleetInstance> rows;
    for (const QModelIndex &row : m_view->selectionModel()->selectedRows())
        rows.push_back(m_model->instances().at(static_cast<std::size_t>(m_sorted->mapToSource(row).row())));
    return rows;
}

std::vector<FleetInstance> FleetPanel::shownRows() const
{
    std::vector<FleetInstance> rows;
    for (int row = 0; row < m_sorted->rowCount(); ++row)
        rows.push_back(
            m_model->instances().at(static_cast<std::size_t>(m_sorted->mapToSource(m_sorted->index(row, 0)).row())));
    return rows;
}

QStringList FleetPanel::selectedKeys() const
{
    QStringList keys;
    for (const FleetInstance &row : selectedRows())
        keys << row.key();
    return keys;
}

} // namespace rl
