#include "gui/ui/models/QueueTableModel.h"

#include <algorithm>

#include <QDateTime>
#include <QLocale>

namespace rl {

namespace {

// How many rows to take from the top of the old head so that the rest of it starts the new head: the loop
// takes items from the top and producers add them at the bottom. All of them when nothing is shared (e.g.
// after a purge).
std::size_t takenFromTop(const std::vector<QueueItemView> &before, const std::vector<QueueItemView> &after)
{
    std::size_t taken = 0;
    for (; taken < before.size(); ++taken) {
        const auto overlap = static_cast<std::ptrdiff_t>(std::min(before.size() - taken, after.size()));
        if (std::equal(after.begin(), after.begin() + overlap, before.begin() + static_cast<std::ptrdiff_t>(taken)))
            break;
    }
    return taken;
}

} // namespace

QueueTableModel::QueueTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void QueueTableModel::setItems(const std::vector<QueueItemView> &items)
{
    if (items == m_items)
        return;
    if (const std::size_t taken = takenFromTop(m_items, items); taken > 0) {
        beginRemoveRows({}, 0, static_cast<int>(taken) - 1);
        m_items.erase(m_items.begin(), m_items.begin() + static_cast<std::ptrdiff_t>(taken));
        endRemoveRows();
    }
    if (m_items.size() > items.size()) {
        beginRemoveRows({}, static_cast<int>(items.size()), static_cast<int>(m_items.size()) - 1);
        m_items.resize(items.size());
        endRemoveRows();
    } else if (m_items.size() < items.size()) {
        beginInsertRows({}, static_cast<int>(m_items.size()), static_cast<int>(items.size()) - 1);
        m_items.insert(m_items.end(), items.begin() + static_cast<std::ptrdiff_t>(m_items.size()), items.end());
        endInsertRows();
    }
}

int QueueTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_items.size());
}

int QueueTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant QueueTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QueueItemView &item = m_items[static_cast<std::size_t>(index.row())];
    if (role == Qt::TextAlignmentRole && index.column() == ScoreColumn)
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case TrajectoryColumn:
        return QString::fromStdString(item.trajectoryId);
    case ModelColumn:
        return QString::fromStdString(item.modelId);
    case ScoreColumn:
        return QLocale().toString(item.overallScore, 'f', 3);
    case SuccessColumn:
        return item.success ? tr("yes") : tr("no");
    case QueuedAtColumn:
        return QDateTime::fromMSecsSinceEpoch(item.timestampMs).toString(QStringLiteral("HH:mm:ss.zzz"));
    }
    return {};
}

QVariant QueueTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TrajectoryColumn:
        return tr("Trajectory");
    case ModelColumn:
        return tr("Model");
    case ScoreColumn:
        return tr("Overall score");
    case SuccessColumn:
        return tr("Success");
    case QueuedAtColumn:
        return tr("Queued at");
    }
    return {};
}

} // namespace rl
