#include "widgets/LogView.h"

#include <algorithm>

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPersistentModelIndex>
#include <QScrollBar>
#include <QTreeView>
#include <QVBoxLayout>

#include "widgets/CsvWriter.h"
#include "widgets/LogFilterModel.h"

namespace rl {

namespace {

constexpr int kFlushDelayMs = 100;

} // namespace

LogView::LogView(QWidget *parent)
    : QWidget(parent)
    , m_filter(new QLineEdit(this))
    , m_level(new QComboBox(this))
    , m_view(new QTreeView(this))
    , m_model(new LogModel(this))
    , m_proxy(new LogFilterModel(this))
{
    m_filter->setPlaceholderText(tr("Filter by category or message"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Log filter"));
    m_filter->setToolTip(tr("Show only entries whose category or message contains this text (any case)"));
    m_level->addItem(tr("Debug"), QtDebugMsg);
    m_level->addItem(tr("Info"), QtInfoMsg);
    m_level->addItem(tr("Warning"), QtWarningMsg);
    m_level->addItem(tr("Critical"), QtCriticalMsg);
    m_level->setAccessibleName(tr("Minimum level"));
    m_level->setToolTip(tr("Show only entries at this level or above: Warning shows alert changes and drops"));
    auto *levelLabel = new QLabel(tr("&Level:"), this);
    levelLabel->setBuddy(m_level);

    m_proxy->setSourceModel(m_model);
    m_view->setModel(m_proxy);
    m_view->setRootIsDecorated(false);
    m_view->setItemsExpandable(false);
    m_view->setUniformRowHeights(true); // row heights need not be measured: smooth at thousands of rows
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->setAccessibleName(tr("Event log"));
    // Fixed widths from the font instead of ResizeToContents, which would measure every row.
    QHeaderView *header = m_view->header();
    const QFontMetrics metrics(m_view->font());
    const int padding = 2 * metrics.averageCharWidth() + 8;
    header->resizeSection(LogModel::TimeColumn, metrics.horizontalAdvance(QStringLiteral("00:00:00.000")) + padding);
    header->resizeSection(LogModel::LevelColumn, metrics.horizontalAdvance(tr("Critical")) + padding);
    header->resizeSection(LogModel::CategoryColumn, metrics.averageCharWidth() * 20 + padding);
    header->setStretchLastSection(true);

    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(levelLabel);
    filterRow->addWidget(m_level);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(filterRow);
    layout->addWidget(m_view, 1);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &LogFilterModel::setText);
    connect(m_level, &QComboBox::currentIndexChanged, this,
            [this](int index) { m_proxy->setMinimumLevel(static_cast<QtMsgType>(m_level->itemData(index).toInt())); });
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(kFlushDelayMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &LogView::flush);
}

void LogView::append(const Entry &entry)
{
    m_pending.append(entry);
    // Bounded even if the event loop stalls: the extra entries would be dropped at the flush anyway.
    if (m_pending.size() > m_maximum)
        m_pending.removeFirst();
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void LogView::setFilterText(const QString &text)
{
    m_filter->setText(text);
}

void LogView::setMinimumLevel(QtMsgType type)
{
    const int index = m_level->findData(type);
    if (index >= 0)
        m_level->setCurrentIndex(index);
}

void LogView::setMaximumEntries(int count)
{
    m_maximum = std::max(1, count);
}

QList<QStringList> LogView::csvRows()
{
    flush(); // what was logged up to now, not up to the last 100 ms tick
    return CsvWriter::modelRows(*m_proxy);
}

int LogView::visibleCount() const
{
    return m_proxy->rowCount();
}

int LogView::entryCount() const
{
    return m_model->rowCount();
}

void LogView::flush()
{
    if (m_pending.isEmpty())
        return;
    const QScrollBar *bar = m_view->verticalScrollBar();
    const bool atBottom = bar->value() >= bar->maximum();
    // Dropping the oldest rows would slide the reader's rows up; pin the top one instead.
    const QPersistentModelIndex top = m_view->indexAt(QPoint(0, 0));

    m_model->appendBatch(m_pending, m_maximum);
    m_pending.clear();

    if (atBottom)
        m_view->scrollToBottom();
    else if (top.isValid())
        m_view->scrollTo(top, QAbstractItemView::PositionAtTop);
    Q_EMIT entriesChanged();
}

} // namespace rl
