#include "widgets/StatusLine.h"

#include <QPainter>

namespace rl {

StatusLine::StatusLine(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void StatusLine::setText(const QString &text, const QColor &color)
{
    if (text == m_text && color == m_color)
        return;
    m_text = text;
    m_color = color;
    setToolTip(text);
    setAccessibleName(text);
    update();
}

QSize StatusLine::sizeHint() const
{
    return {fontMetrics().averageCharWidth() * 60, fontMetrics().height()};
}

QSize StatusLine::minimumSizeHint() const
{
    return {fontMetrics().averageCharWidth() * 10, fontMetrics().height()};
}

void StatusLine::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setPen(m_color.isValid() ? m_color : palette().color(QPalette::WindowText));
    painter.drawText(rect(), Qt::AlignLeft | Qt::AlignVCenter,
                     fontMetrics().elidedText(
                         m_text, layoutDirection() == Qt::RightToLeft ? Qt::ElideLeft : Qt::ElideRight, width()));
}

} // namespace rl
