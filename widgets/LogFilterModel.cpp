#include "widgets/LogFilterModel.h"

#include "widgets/LogModel.h"

namespace rl {

LogFilterModel::LogFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
}

void LogFilterModel::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    invalidateRowsFilter();
}

void LogFilterModel::setMinimumLevel(QtMsgType type)
{
    if (type == m_minimumLevel)
        return;
    m_minimumLevel = type;
    invalidateRowsFilter();
}

bool LogFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    Q_UNUSED(sourceParent);
    const auto *model = static_cast<const LogModel *>(sourceModel());
    const LogModel::Entry &e = model->entry(sourceRow);
    if (LogModel::severity(e.type) < LogModel::severity(m_minimumLevel))
        return false;
    return m_text.isEmpty() || e.category.contains(m_text, Qt::CaseInsensitive)
           || e.message.contains(m_text, Qt::CaseInsensitive);
}

} // namespace rl
