#pragma once

#include <QFrame>
#include <QString>

QT_BEGIN_NAMESPACE
class QLabel;
QT_END_NAMESPACE

namespace rl {

// A dashboard statistic: a small title, the value in large type and a caption line under it. The level
// colours the value and an accent bar on the left edge.
class StatTile : public QFrame {
    Q_OBJECT

public:
    enum class Level { Neutral, Good, Warning, Critical };
    Q_ENUM(Level)

    explicit StatTile(const QString &title, QWidget *parent = nullptr);

    void setValue(const QString &text);
    void setCaption(const QString &text);
    void setLevel(Level level);

    QString valueText() const;
    Level level() const { return m_level; }

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QColor levelColor() const;
    void applyColors();
    void updateAccessibleDescription();

    QLabel *m_title;
    QLabel *m_value;
    QLabel *m_caption;
    Level m_level = Level::Neutral;
};

} // namespace rl
