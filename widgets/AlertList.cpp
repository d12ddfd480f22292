#include "widgets/AlertList.h"

#include <algorithm>

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "widgets/StatusPalette.h"

namespace rl {

AlertList::AlertList(QWidget *parent)
    : QWidget(parent)
    , m_banner(new QLabel(this))
    , m_tree(new QTreeWidget(this))
    , m_details(new QTextBrowser(this))
{
    m_banner->setWordWrap(true);
    m_banner->setTextFormat(Qt::PlainText);
    m_banner->setContentsMargins(8, 4, 8, 4);
    m_banner->setAutoFillBackground(true);
    m_banner->setAccessibleName(tr("Notice"));
    m_banner->hide();
    applyBannerPalette();

    m_tree->setColumnCount(ColumnCount);
    m_tree->setHeaderLabels({tr("Alert"), tr("Severity"), tr("State"), tr("Value"), tr("Since")});
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setAccessibleName(tr("Alerts"));
    QHeaderView *header = m_tree->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    fitColumns();

    m_details->setOpenExternalLinks(true);
    m_details->setPlaceholderText(tr("Select an alert to see its details."));
    m_details->setAccessibleName(tr("Alert details"));

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_tree);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_banner);
    layout->addWidget(splitter, 1);

    connect(m_tree, &QTreeWidget::itemSelectionChanged, this, &AlertList::showDetails);
}

void AlertList::setRows(const QList<Row> &rows)
{
    if (rows == m_rows)
        return;

    const bool sameNames = rows.size() == m_rows.size()
                           && std::equal(rows.begin(), rows.end(), m_rows.begin(),
                                         [](const Row &a, const Row &b) { return a.name == b.name; });
    if (sameNames) {
        // The usual case, a state or value changing: edit the items in place, leaving selection and scroll alone.
        for (qsizetype i = 0; i < rows.size(); ++i) {
            if (!(rows[i] == m_rows[i]))
                fillItem(m_tree->topLevelItem(static_cast<int>(i)), rows[i]);
        }
        m_rows = rows;
    } else {
        const QList<QTreeWidgetItem *> selected = m_tree->selectedItems();
        const QString selectedName = selected.isEmpty() ? QString() : selected.first()->text(NameColumn);
        const QSignalBlocker blocker(m_tree); // the selection is restored below
        m_tree->clear();
        m_rows = rows;
        QList<QTreeWidgetItem *> items;
        items.reserve(rows.size());
        for (const Row &row : rows) {
            auto *item = new QTreeWidgetItem;
            fillItem(item, row);
            items.append(item);
        }
        m_tree->addTopLevelItems(items);
        for (QTreeWidgetItem *item : items) {
            if (!selectedName.isEmpty() && item->text(NameColumn) == selectedName)
                m_tree->setCurrentItem(item); // selected, and where the keyboard continues from
        }
    }
    fitColumns();
    showDetails();
}

void AlertList::setBanner(const QString &text)
{
    m_banner->setText(text);
    m_banner->setVisible(!text.isEmpty());
}

QString AlertList::stateOf(const QString &name) const
{
    for (const Row &row : m_rows) {
        if (row.name == name)
            return row.state;
    }
    return {};
}

void AlertList::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        applyBannerPalette();
        for (qsizetype i = 0; i < m_rows.size(); ++i)
            fillItem(m_tree->topLevelItem(static_cast<int>(i)), m_rows[i]);
    }
}

void AlertList::fillItem(QTreeWidgetItem *item, const Row &row) const
{
    const QPalette pal = palette();
    QString stateText = row.state;
    QColor stateColor = pal.color(QPalette::Text);
    bool bold = false;
    if (row.state == u"firing") {
        stateText = tr("Firing");
        stateColor = StatusPalette::critical(pal);
        bold = true;
    } else if (row.state == u"pending") {
        stateText = tr("Pending");
        stateColor = StatusPalette::warning(pal);
        bold = true;
    } else if (row.state == u"inactive") {
        stateText = tr("Inactive");
        stateColor = StatusPalette::good(pal);
    }
    item->setText(NameColumn, row.name);
    item->setText(SeverityColumn, row.severity);
    item->setText(StateColumn, stateText);
    item->setText(ValueColumn, row.value);
    item->setText(SinceColumn, row.since);
    item->setForeground(StateColumn, stateColor);
    QFont font = m_tree->font();
    font.setBold(bold);
    item->setFont(StateColumn, font);
    item->setTextAlignment(ValueColumn, Qt::AlignRight | Qt::AlignVCenter);
}

// The short columns fit their content plus a gap (ResizeToContents alone packs them edge to edge); the
// alert's name takes the rest.
void AlertList::fitColumns()
{
    const int gap = 2 * m_tree->fontMetrics().averageCharWidth();
    for (int column = SeverityColumn; column < ColumnCount; ++column) {
        m_tree->resizeColumnToContents(column);
        m_tree->setColumnWidth(column, m_tree->columnWidth(column) + gap);
    }
}

void AlertList::showDetails()
{
    const QList<QTreeWidgetItem *> selected = m_tree->selectedItems();
    const int index = selected.isEmpty() ? -1 : m_tree->indexOfTopLevelItem(selected.first());
    QString markdown; // empty shows the placeholder
    if (index >= 0)
        markdown = m_rows[index].details.isEmpty() ? tr("*No details for this alert.*") : m_rows[index].details;
    if (markdown == m_shownDetails)
        return;
    m_shownDetails = markdown;
    m_details->setMarkdown(markdown);
}

void AlertList::applyBannerPalette()
{
    // A tinted strip in the warning hue, its text in the palette's own text colour for contrast.
    QPalette pal = m_banner->palette();
    QColor tint = StatusPalette::warning(palette());
    tint.setAlphaF(0.18);
    const QColor base = palette().color(QPalette::Window);
    const QColor strip = QColor::fromRgbF(base.redF() + (tint.redF() - base.redF()) * tint.alphaF(),
                                          base.greenF() + (tint.greenF() - base.greenF()) * tint.alphaF(),
                                          base.blueF() + (tint.blueF() - base.blueF()) * tint.alphaF());
    pal.setColor(QPalette::Window, strip);
    pal.setColor(QPalette::WindowText, palette().color(QPalette::WindowText));
    m_banner->setPalette(pal);
}

} // namespace rl
