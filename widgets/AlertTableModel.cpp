#include "widgets/AlertTableModel.h"

#include <algorithm>

#include <QFont>

#include "widgets/StatusPalette.h"

namespace rl {

AlertTableModel::AlertTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void AlertTableModel::setRows(const QList<Row> &rows)
{
    const bool sameAlerts = rows.size() == m_rows.size()
                            && std::equal(rows.begin(), rows.end(), m_rows.begin(),
                                          [](const Row &a, const Row &b) { return a.name == b.name; });
    if (!sameAlerts) {
        // Alerts came, went or moved: rare (a new rule set), so views start afresh.
        beginResetModel();
        m_rows = rows;
        endResetModel();
        return;
    }
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (rows[i] == m_rows[i])
            continue;
        m_rows[i] = rows[i];
        const int row = static_cast<int>(i);
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

void AlertTableModel::setPalette(const QPalette &palette)
{
    m_palette = palette;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, StateColumn), index(rowCount() - 1, StateColumn), {Qt::ForegroundRole});
}

int AlertTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int AlertTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlertTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[index.row()];
    if (role == StateRole)
        return row.state;
    if (role == DetailsRole)
        return row.details;
    switch (index.column()) {
    case NameColumn:
        return role == Qt::DisplayRole ? QVariant(row.name) : QVariant();
    case SeverityColumn:
        return role == Qt::DisplayRole ? QVariant(row.severity) : QVariant();
    case StateColumn:
        return stateData(row, role);
    case ValueColumn:
        if (role == Qt::TextAlignmentRole)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return role == Qt::DisplayRole ? QVariant(row.value) : QVariant();
    case SinceColumn:
        return role == Qt::DisplayRole ? QVariant(row.since) : QVariant();
    }
    return {};
}

QVariant AlertTableModel::stateData(const Row &row, int role) const
{
    const bool firing = row.state == u"firing";
    const bool pending = row.state == u"pending";
    const bool inactive = row.state == u"inactive";
    switch (role) {
    case Qt::DisplayRole:
        return firing ? tr("Firing") : pending ? tr("Pending") : inactive ? tr("Inactive") : row.state;
    case Qt::ForegroundRole:
        return firing     ? StatusPalette::critical(m_palette)
               : pending  ? StatusPalette::warning(m_palette)
               : inactive ? StatusPalette::good(m_palette)
                          : m_palette.color(QPalette::Text);
    case Qt::FontRole:
        if (firing || pending) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    }
    return {};
}

QVariant AlertTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Alert");
    case SeverityColumn:
        return tr("Severity");
    case StateColumn:
        return tr("State");
    case ValueColumn:
        return tr("Value");
    case SinceColumn:
        return tr("Since");
    }
    return {};
}

} // namespace rl
