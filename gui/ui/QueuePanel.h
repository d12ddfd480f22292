#pragma once

#include <QWidget>

#include "gui/host/EngineSnapshot.h"

class QLabel;
class QTableView;

namespace rl {

class QueueTableModel;

// The runbook's Queue Inspection: the queue's size and capacity and its first items, live.
class QueuePanel : public QWidget {
    Q_OBJECT

public:
    explicit QueuePanel(QWidget *parent = nullptr);

    void showSnapshot(const EngineSnapshot &snapshot);
    QTableView *table() const { return m_table; }

private:
    QLabel *m_summary;
    QueueTableModel *m_model;
    QTableView *m_table;
};

} // namespace rl
