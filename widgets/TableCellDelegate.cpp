#include "widgets/TableCellDelegate.h"

#include <algorithm>
#include <cmath>

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

#include "widgets/StatusPalette.h"

namespace rl {

namespace {

constexpr int kSparklineWidth = 96;

} // namespace

TableCellDelegate::TableCellDelegate(int toneRole, int sparklineRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_toneRole(toneRole)
    , m_sparklineRole(sparklineRole)
{
}

void TableCellDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    bool ok = false;
    const int tone = index.data(m_toneRole).toInt(&ok);
    if (!ok || tone < 0)
        return;
    const QColor color = tone == 0   ? StatusPalette::good(option->palette)
                         : tone == 1 ? StatusPalette::warning(option->palette)
                                     : StatusPalette::critical(option->palette);
    option->palette.setColor(QPalette::Text, color);
    if (tone == 2)
        option->font.setBold(true);
}

void TableCellDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QVariant trend = index.data(m_sparklineRole);
    if (trend.metaType() != QMetaType::fromType<QList<double>>()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    const QList<double> values = trend.value<QList<double>>();
    double low = INFINITY, high = -INFINITY;
    for (const double value : values) {
        if (std::isfinite(value)) {
            low = std::min(low, value);
            high = std::max(high, value);
        }
    }
    if (values.size() < 2 || !std::isfinite(low))
        return;
    // From zero when all values are positive, so a flat queue of 500 does not look like a spike.
    low = std::min(low, 0.0);
    const QRectF area = QRectF(option.rect).adjusted(4, 4, -4, -4);
    const double span = high > low ? high - low : 1.0;
    QPainterPath path;
    bool drawing = false;
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (!std::isfinite(values[i])) {
            drawing = false;
            continue;
        }
        const QPointF point(area.left()
                                + area.width() * static_cast<double>(i) / static_cast<double>(values.size() - 1),
                            area.bottom() - area.height() * (values[i] - low) / span);
        if (drawing)
            path.lineTo(point);
        else
            path.moveTo(point);
        drawing = true;
    }
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const bool selected = option.state & QStyle::State_Selected;
    painter->setPen(QPen(option.palette.color(selected ? QPalette::HighlightedText : QPalette::Link), 1.5));
    painter->drawPath(path);
    painter->restore();
}

QSize TableCellDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (index.data(m_sparklineRole).metaType() == QMetaType::fromType<QList<double>>())
        size.setWidth(std::max(size.width(), kSparklineWidth));
    return size;
}

} // namespace rl
