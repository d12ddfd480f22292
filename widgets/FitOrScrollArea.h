#pragma once

#include <QScrollArea>

namespace rl {

// A scroll area that gives its widget the whole viewport, or the widget's minimum size where the viewport
// is smaller (then, and only then, it scrolls). Unlike QScrollArea::setWidgetResizable, it never sizes the
// widget by height-for-width: a dashboard with word-wrapped captions keeps the viewport's height instead
// of growing to its preferred one.
class FitOrScrollArea : public QScrollArea {
    Q_OBJECT

public:
    explicit FitOrScrollArea(QWidget *parent = nullptr);

    void setContent(QWidget *content); // takes ownership, like setWidget()

protected:
    void resizeEvent(QResizeEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fit();
};

} // namespace rl
