#include "widgets/FitOrScrollArea.h"

#include <QEvent>
#include <QScrollBar>

namespace rl {

FitOrScrollArea::FitOrScrollArea(QWidget *parent)
    : QScrollArea(parent)
{
    setWidgetResizable(false);
    setFrameShape(QFrame::NoFrame);
}

void FitOrScrollArea::setContent(QWidget *content)
{
    setWidget(content);
    content->installEventFilter(this); // its minimum size changes with its contents and translation
    fit();
}

void FitOrScrollArea::resizeEvent(QResizeEvent *event)
{
    QScrollArea::resizeEvent(event);
    fit();
}

bool FitOrScrollArea::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == widget() && event->type() == QEvent::LayoutRequest)
        fit();
    return QScrollArea::eventFilter(watched, event);
}

void FitOrScrollArea::fit()
{
    QWidget *content = widget();
    if (!content)
        return;
    const QSize minimum = content->minimumSizeHint().expandedTo(content->minimumSize());
    // A horizontal scroll bar takes its height from the viewport, and a vertical one its width.
    QSize available = maximumViewportSize();
    if (minimum.width() > available.width())
        available.rheight() -= horizontalScrollBar()->sizeHint().height();
    if (minimum.height() > available.height())
        available.rwidth() -= verticalScrollBar()->sizeHint().width();
    content->resize(available.expandedTo(minimum));
}

} // namespace rl
