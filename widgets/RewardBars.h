#pragma once

#include <QColor>
#include <QList>
#include <QString>
#include <QWidget>

namespace rl {

// Each model's estimated reward against its true reward: one row per model, its name in its own colour
// (matching the selection-share chart), a solid bar for the estimate and a thin grey bar for the truth,
// both on a fixed 0..1 scale so rows compare at a glance.
class RewardBars : public QWidget {
    Q_OBJECT

public:
    struct Row {
        QString name;
        QColor color;
        double estimated = 0.0;
        double truth = 0.0;
    };

    explicit RewardBars(const QString &title, QWidget *parent = nullptr);

    void setRows(const QList<Row> &rows);
    QList<Row> rows() const { return m_rows; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_title;
    QList<Row> m_rows;
};

} // namespace rl
