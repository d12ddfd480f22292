#pragma once

#include <deque>

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QString>

namespace rl {

// The kept log entries as a table (time, level, category, message), oldest first. Entries arrive in
// batches and the oldest are dropped beyond a cap, both as single row-range notifications.
class LogModel : public QAbstractTableModel {
    Q_OBJECT

public:
    struct Entry {
        QDateTime time;
        QtMsgType type;
        QString category;
        QString message;
    };
    enum Column { TimeColumn, LevelColumn, CategoryColumn, MessageColumn, ColumnCount };

    explicit LogModel(QObject *parent = nullptr);

    // Appends the batch, then drops the oldest entries beyond maximum.
    void appendBatch(const QList<Entry> &batch, int maximum);
    const Entry &entry(int row) const { return m_entries[static_cast<std::size_t>(row)]; }

    // Debug 0, Info 1, Warning 2, Critical 3, Fatal 4: QtMsgType's own values are not in severity order.
    static int severity(QtMsgType type);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString levelName(QtMsgType type) const;

    std::deque<Entry> m_entries; // O(1) at both ends: appended at the back, dropped from the front
};

} // namespace rl
