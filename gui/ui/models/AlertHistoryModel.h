#pragma once

#include <deque>

#include <QAbstractTableModel>
#include <QDateTime>
#include <QString>

namespace rl {

// Every alert state change since the window opened, oldest first: when, which alert, from and to which
// state ("inactive", "pending", "firing"), and the rule's value then. The oldest go beyond a cap.
class AlertHistoryModel : public QAbstractTableModel {
    Q_OBJECT

public:
    struct Change {
        QDateTime time;
        QString alert;
        QString from;
        QString to;
        QString value;
    };
    enum Column { TimeColumn, AlertColumn, FromColumn, ToColumn, ValueColumn, ColumnCount };
    static constexpr int kMaxChanges = 10000;

    explicit AlertHistoryModel(QObject *parent = nullptr, int maxChanges = kMaxChanges);

    void append(const Change &change);
    // "firing" as the operator reads it, in the window's language (the CSV keeps Prometheus's word).
    static QString stateText(const QString &state);
    const Change &change(int row) const { return m_changes[static_cast<std::size_t>(row)]; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    int m_maxChanges;
    std::deque<Change> m_changes;
};

} // namespace rl
