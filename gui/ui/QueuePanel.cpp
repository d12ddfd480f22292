#include "gui/ui/QueuePanel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

#include "gui/ui/models/QueueTableModel.h"

namespace rl {

QueuePanel::QueuePanel(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_model(new QueueTableModel(this))
    , m_table(new QTableView(this))
{
    m_table->setModel(m_model);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->setVisible(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAccessibleName(tr("First queued items"));
    m_summary->setAccessibleName(tr("Queue size"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
}

void QueuePanel::showSnapshot(const EngineSnapshot &snapshot)
{
    m_summary->setText(tr("Queue size: %L1 of %L2 (oldest first; the first %n shown)", nullptr,
                          static_cast<int>(snapshot.queueHead.size()))
                           .arg(snapshot.health.queueDepth)
                           .arg(snapshot.queueCapacity));
    m_model->setItems(snapshot.queueHead);
}

} // namespace rl
