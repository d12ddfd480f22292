#include "widgets/LogModel.h"

#include <algorithm>

#include <QApplication>
#include <QPalette>

#include "widgets/CsvWriter.h"
#include "widgets/StatusPalette.h"

namespace rl {

LogModel::LogModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void LogModel::appendBatch(const QList<Entry> &batch, int maximum)
{
    const int keep = std::max(0, maximum);
    // Entries that would be dropped straight away are never inserted.
    const qsizetype skip = std::max<qsizetype>(0, batch.size() - keep);
    const auto incoming = static_cast<int>(batch.size() - skip);
    const int drop = std::max(0, static_cast<int>(m_entries.size()) + incoming - keep);
    if (drop > 0) {
        beginRemoveRows(QModelIndex(), 0, drop - 1);
        m_entries.erase(m_entries.begin(), m_entries.begin() + drop);
        endRemoveRows();
    }
    if (incoming > 0) {
        const int first = static_cast<int>(m_entries.size());
        beginInsertRows(QModelIndex(), first, first + incoming - 1);
        m_entries.insert(m_entries.end(), batch.begin() + skip, batch.end());
        endInsertRows();
    }
}

int LogModel::severity(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return 0;
    case QtInfoMsg:
        return 1;
    case QtWarningMsg:
        return 2;
    case QtCriticalMsg:
        return 3;
    case QtFatalMsg:
        return 4;
    }
    return 0;
}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int LogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Entry &e = entry(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return e.time.toString(QStringLiteral("HH:mm:ss.zzz"));
        case LevelColumn:
            return levelName(e.type);
        case CategoryColumn:
            return e.category;
        case MessageColumn: {
            // Rows have one height (the view relies on it to stay fast); the tooltip has the rest.
            const qsizetype newline = e.message.indexOf(u'\n');
            return newline < 0 ? e.message : e.message.left(newline) + QStringLiteral(" …");
        }
        }
        break;
    case CsvWriter::kExportRole: // exact time, whole message
        if (index.column() == TimeColumn)
            return e.time.toUTC().toString(Qt::ISODateWithMs);
        if (index.column() == MessageColumn)
            return e.message;
        break;
    case Qt::ToolTipRole:
        if (index.column() == MessageColumn)
            return e.message;
        if (index.column() == TimeColumn)
            return QLocale().toString(e.time, QLocale::LongFormat);
        break;
    case Qt::ForegroundRole: {
        if (index.column() != LevelColumn)
            break;
        const QPalette palette = QApplication::palette();
        if (severity(e.type) >= severity(QtCriticalMsg))
            return StatusPalette::critical(palette);
        if (e.type == QtWarningMsg)
            return StatusPalette::warning(palette);
        if (e.type == QtDebugMsg)
            return StatusPalette::dimText(palette);
        break;
    }
    default:
        break;
    }
    return {};
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case LevelColumn:
        return tr("Level");
    case CategoryColumn:
        return tr("Category");
    case MessageColumn:
        return tr("Message");
    }
    return {};
}

QString LogModel::levelName(QtMsgType type) const
{
    switch (type) {
    case QtDebugMsg:
        return tr("Debug");
    case QtInfoMsg:
        return tr("Info");
    case QtWarningMsg:
        return tr("Warning");
    case QtCriticalMsg:
        return tr("Critical");
    case QtFatalMsg:
        return tr("Fatal");
    }
    return {};
}

} // namespace rl
