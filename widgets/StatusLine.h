#pragma once

#include <QColor>
#include <QString>
#include <QWidget>

namespace rl {

// A one-line status text for a status bar that changes every few seconds: unlike a QLabel, a new text
// only repaints the line (a QLabel asks the whole window to lay itself out again, which with charts costs
// milliseconds a change). Too long, it is elided, with the whole text in the tooltip.
class StatusLine : public QWidget {
    Q_OBJECT

public:
    explicit StatusLine(QWidget *parent = nullptr);

    void setText(const QString &text, const QColor &color = QColor()); // an invalid colour: the palette's text
    QString text() const { return m_text; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_text;
    QColor m_color;
};

} // namespace rl
