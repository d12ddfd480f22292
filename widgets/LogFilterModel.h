#pragma once

#include <QSortFilterProxyModel>
#include <QString>

namespace rl {

// Keeps the log rows at or above a minimum level whose category or message contains the filter text
// (case-insensitive). Over a LogModel only.
class LogFilterModel : public QSortFilterProxyModel {
    Q_OBJECT

public:
    explicit LogFilterModel(QObject *parent = nullptr);

    void setText(const QString &text);
    void setMinimumLevel(QtMsgType type);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    QtMsgType m_minimumLevel = QtDebugMsg;
};

} // namespace rl
