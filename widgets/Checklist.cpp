#include "widgets/Checklist.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

#include "widgets/StatusPalette.h"

namespace rl {

namespace {

// A narrow column wraps at spaces only, so a long identifier (ENABLE_TRAJECTORY_FEEDBACK_LOOP) would set
// the row's minimum width and clip every row; a zero-width space lets it break after each underscore.
// (It would come along in a copy, so the labels are not selectable.)
QString breakable(QString text)
{
    return text.replace(QLatin1Char('_'), QStringLiteral("_\u200B"));
}

} // namespace

Checklist::Checklist(QWidget *parent)
    : QWidget(parent)
{
    auto *content = new QWidget;
    m_rowsLayout = new QVBoxLayout(content);
    m_rowsLayout->setContentsMargins(6, 6, 6, 6);
    m_rowsLayout->setSpacing(8);
    m_rowsLayout->addStretch(1);

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
    setAccessibleName(tr("Troubleshooting checklist"));
}

void Checklist::setItems(const QList<Item> &items)
{
    while (m_rows.size() > static_cast<std::size_t>(items.size())) {
        delete m_rows.back().row;
        m_rows.pop_back();
    }
    while (m_rows.size() < static_cast<std::size_t>(items.size()))
        m_rows.push_back(makeRow());
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (i >= m_items.size() || !(items[i] == m_items[i]))
            fillRow(m_rows[i], items[i]);
    }
    m_items = items;
}

std::optional<bool> Checklist::stateOf(int index) const
{
    if (index < 0 || index >= m_items.size())
        return std::nullopt;
    return m_items[index].ok;
}

void Checklist::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        for (qsizetype i = 0; i < m_items.size(); ++i)
            fillRow(m_rows[i], m_items[i]);
    }
}

Checklist::RowWidgets Checklist::makeRow()
{
    RowWidgets r;
    r.row = new QWidget;
    r.mark = new QLabel(r.row);
    r.text = new QLabel(r.row);
    r.detail = new QLabel(r.row);

    QFont markFont = font();
    markFont.setBold(true);
    markFont.setPointSizeF(markFont.pointSizeF() * 1.35);
    r.mark->setFont(markFont);
    r.mark->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    r.mark->setFixedWidth(QFontMetrics(markFont).horizontalAdvance(u'✗') + 8);
    QFont detailFont = font();
    detailFont.setPointSizeF(detailFont.pointSizeF() * 0.9);
    r.detail->setFont(detailFont);
    for (QLabel *label : {r.mark, r.text, r.detail})
        label->setTextFormat(Qt::PlainText);
    r.text->setWordWrap(true);
    r.detail->setWordWrap(true);

    auto *lines = new QVBoxLayout;
    lines->setContentsMargins(0, 0, 0, 0);
    lines->setSpacing(1);
    lines->addWidget(r.text);
    lines->addWidget(r.detail);
    auto *layout = new QHBoxLayout(r.row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(r.mark);
    layout->addLayout(lines, 1);

    m_rowsLayout->insertWidget(m_rowsLayout->count() - 1, r.row); // above the stretch
    return r;
}

void Checklist::fillRow(const RowWidgets &row, const Item &item) const
{
    const QPalette pal = palette();
    QString mark = QStringLiteral("?");
    QString state = tr("Unknown");
    QColor color = StatusPalette::dimText(pal);
    if (item.ok == true) {
        mark = QStringLiteral("✓");
        state = tr("Passed");
        color = StatusPalette::good(pal);
    } else if (item.ok == false) {
        mark = QStringLiteral("✗");
        state = tr("Failed");
        color = StatusPalette::critical(pal);
    }
    row.mark->setText(mark);
    QPalette markPalette = row.mark->palette();
    markPalette.setColor(QPalette::WindowText, color);
    row.mark->setPalette(markPalette);
    row.mark->setAccessibleName(state);

    row.text->setText(breakable(item.text));
    row.detail->setText(breakable(item.detail));
    row.detail->setVisible(!item.detail.isEmpty());
    QPalette detailPalette = row.detail->palette();
    detailPalette.setColor(QPalette::WindowText, StatusPalette::dimText(pal));
    row.detail->setPalette(detailPalette);

    row.row->setAccessibleName(item.text);
    row.row->setAccessibleDescription(item.detail.isEmpty() ? state
                                                            : tr("%1: %2", "state: detail").arg(state, item.detail));
}

} // namespace rl
