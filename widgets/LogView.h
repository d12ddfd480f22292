#pragma once

#include <QList>
#include <QString>
#include <QTimer>
#include <QWidget>

#include "widgets/LogModel.h"

QT_BEGIN_NAMESPACE
class QComboBox;
class QLineEdit;
class QTreeView;
QT_END_NAMESPACE

namespace rl {

class LogFilterModel;

// A filterable event log. append() only queues: entries reach the view in one batch per 100 ms, the
// oldest dropped beyond the cap, so hundreds of log lines a second cost one model update each tick. The
// view follows new entries while scrolled to the bottom and otherwise stays on what the reader looks at.
class LogView : public QWidget {
    Q_OBJECT

public:
    using Entry = LogModel::Entry; // { QDateTime time; QtMsgType type; QString category; QString message; }

    explicit LogView(QWidget *parent = nullptr);

    void append(const Entry &entry);
    void setFilterText(const QString &text); // matched case-insensitively against category and message
    void setMinimumLevel(QtMsgType type);    // Debug (everything, the default), Info, Warning or Critical
    void setMaximumEntries(int count);       // default 5000; applies from the next batch

    // The entries the filter lets through, as CSV rows (exact UTC times, whole messages), header first.
    QList<QStringList> csvRows();

    int visibleCount() const; // entries passing the filter
    int entryCount() const;   // entries kept (as of the last entriesChanged)

Q_SIGNALS:
    void entriesChanged();

private:
    void flush();

    QLineEdit *m_filter;
    QComboBox *m_level;
    QTreeView *m_view;
    LogModel *m_model;
    LogFilterModel *m_proxy;
    QList<Entry> m_pending;
    QTimer m_flushTimer;
    int m_maximum = 5000;
};

} // namespace rl
