#include "widgets/AlertList.h"

#include <algorithm>

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeView>
#include <QVBoxLayout>

#include "widgets/StatusPalette.h"

namespace rl {

AlertList::AlertList(QWidget *parent)
    : QWidget(parent)
    , m_banner(new QLabel(this))
    , m_model(new AlertTableModel(this))
    , m_view(new QTreeView(this))
    , m_details(new QTextBrowser(this))
{
    m_banner->setWordWrap(true);
    m_banner->setTextFormat(Qt::PlainText);
    m_banner->setContentsMargins(8, 4, 8, 4);
    m_banner->setAutoFillBackground(true);
    m_banner->setAccessibleName(tr("Notice"));
    m_banner->hide();
    applyBannerPalette();

    m_model->setPalette(palette());
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAccessibleName(tr("Alerts"));
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(AlertTableModel::NameColumn, QHeaderView::Stretch);
    fitColumns();

    m_details->setOpenExternalLinks(true);
    m_details->setPlaceholderText(tr("Select an alert to see its details."));
    m_details->setAccessibleName(tr("Alert details"));

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_banner);
    layout->addWidget(splitter, 1);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AlertList::showDetails);
    // A row's details change with its state: show them again when the selected row changes.
    connect(m_model, &QAbstractItemModel::dataChanged, this, &AlertList::showDetails);
}

void AlertList::setRows(const QList<Row> &rows)
{
    if (rows == m_model->rows())
        return;
    const QModelIndexList selected = m_view->selectionModel()->selectedRows();
    const QString selectedName = selected.isEmpty() ? QString() : m_model->rows()[selected.first().row()].name;
    m_model->setRows(rows);
    if (!selectedName.isEmpty() && !m_view->selectionModel()->hasSelection()) {
        // The model started afresh (alerts came, went or moved): select the same alert again, if it is there.
        for (qsizetype i = 0; i < rows.size(); ++i) {
            if (rows[i].name == selectedName)
                m_view->setCurrentIndex(m_model->index(static_cast<int>(i), AlertTableModel::NameColumn));
        }
    }
    fitColumns();
    showDetails();
}

void AlertList::setBanner(const QString &text, const QString &details)
{
    m_banner->setText(text);
    m_banner->setToolTip(details);
    m_banner->setVisible(!text.isEmpty());
}

QString AlertList::stateOf(const QString &name) const
{
    for (const Row &row : m_model->rows()) {
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
        m_model->setPalette(palette());
    }
}

// The short columns fit their content plus a gap (ResizeToContents alone packs them edge to edge); the
// alert's name takes the rest.
void AlertList::fitColumns()
{
    const int gap = 2 * m_view->fontMetrics().averageCharWidth();
    for (int column = AlertTableModel::SeverityColumn; column < AlertTableModel::ColumnCount; ++column) {
        m_view->resizeColumnToContents(column);
        m_view->setColumnWidth(column, m_view->columnWidth(column) + gap);
    }
}

void AlertList::showDetails()
{
    const QModelIndexList selected = m_view->selectionModel()->selectedRows();
    QString markdown; // empty shows the placeholder
    if (!selected.isEmpty()) {
        const QString details = selected.first().data(AlertTableModel::DetailsRole).toString();
        markdown = details.isEmpty() ? tr("*No details for this alert.*") : details;
    }
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
