#pragma once

#include <QStyledItemDelegate>

namespace rl {

// Table cells with a status tone and sparklines, from plain model roles: a cell whose toneRole is 0, 1 or 2
// is drawn in the good, warning or critical colour (bold when critical), and a cell whose sparklineRole
// holds a QList<double> is drawn as a line of those values scaled to the cell (NaN breaks it).
class TableCellDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    TableCellDelegate(int toneRole, int sparklineRole, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    int m_toneRole;
    int m_sparklineRole;
};

} // namespace rl
