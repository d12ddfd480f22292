#include "gui/ui/QueuePanel.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

namespace rl {

QueuePanel::QueuePanel(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_table(new QTableWidget(0, 5, this))
{
    m_table->setHorizontalHeaderLabels(
        {tr("Trajectory"), tr("Model"), tr("Overall score"), tr("Success"), tr("Queued at")});
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
    const QLocale locale;
    m_summary->setText(tr("Queue size: %L1 of %L2 (oldest first; the first %n shown)", nullptr,
                          static_cast<int>(snapshot.queueHead.size()))
                           .arg(snapshot.health.queueDepth)
                           .arg(snapshot.queueCapacity));
    const auto rows = static_cast<int>(snapshot.queueHead.size());
    m_table->setRowCount(rows);
    for (int row = 0; row < rows; ++row) {
        const QueueItemView &item = snapshot.queueHead[static_cast<std::size_t>(row)];
        const QStringList cells{
            QString::fromStdString(item.trajectoryId), QString::fromStdString(item.modelId),
            locale.toString(item.overallScore, 'f', 3), item.success ? tr("yes") : tr("no"),
            QDateTime::fromMSecsSinceEpoch(item.timestampMs).toString(QStringLiteral("HH:mm:ss.zzz"))};
        for (int column = 0; column < cells.size(); ++column) {
            QTableWidgetItem *cell = m_table->item(row, column);
            if (!cell) {
                cell = new QTableWidgetItem;
                m_table->setItem(row, column, cell);
            }
            if (cell->text() != cells[column])
                cell->setText(cells[column]);
        }
    }
}

} // namespace rl
