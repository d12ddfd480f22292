#include "gui/ui/models/AlertHistoryModel.h"

#include <algorithm>

#include "widgets/CsvWriter.h"

namespace rl {

AlertHistoryModel::AlertHistoryModel(QObject *parent, int maxChanges)
    : QAbstractTableModel(parent)
    , m_maxChanges(std::max(1, maxChanges))
{
}

void AlertHistoryModel::append(const Change &change)
{
    if (static_cast<int>(m_changes.size()) >= m_maxChanges) {
        beginRemoveRows({}, 0, 0);
        m_changes.pop_front();
        endRemoveRows();
    }
    const int row = rowCount();
    beginInsertRows({}, row, row);
    m_changes.push_back(change);
    endInsertRows();
}

int AlertHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_changes.size());
}

int AlertHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlertHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const Change &c = change(index.row());
    if (role == CsvWriter::kExportRole && index.column() == TimeColumn)
        return c.time.toUTC().toString(Qt::ISODateWithMs);
    if (role == CsvWriter::kExportRole && (index.column() == FromColumn || index.column() == ToColumn))
        return index.column() == FromColumn ? c.from : c.to;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case TimeColumn:
        return c.time.toString(QStringLiteral("HH:mm:ss"));
    case AlertColumn:
        return c.alert;
    case FromColumn:
        return stateText(c.from);
    case ToColumn:
        return stateText(c.to);
    case ValueColumn:
        return c.value;
    }
    return {};
}

QString AlertHistoryModel::stateText(const QString &state)
{
    if (state == QLatin1String("firing"))
        return tr("Firing");
    if (state == QLatin1String("pending"))
        return tr("Pending");
    if (state == QLatin1String("inactive"))
        return tr("Inactive");
    return state;
}

QVariant AlertHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case AlertColumn:
        return tr("Alert");
    case FromColumn:
        return tr("From");
    case ToColumn:
        return tr("To");
    case ValueColumn:
        return tr("Value");
    }
    return {};
}

} // namespace rl
