#pragma once

#include <optional>
#include <vector>

#include <QList>
#include <QString>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QVBoxLayout;
QT_END_NAMESPACE

namespace rl {

// The runbook's troubleshooting checklist, each item marked passed (✓), failed (✗) or unknown (?), with
// an optional dimmer detail line. Items are re-checked live, so setItems() edits the rows in place.
class Checklist : public QWidget {
    Q_OBJECT

public:
    struct Item {
        QString text;
        std::optional<bool> ok; // nullopt: not known yet
        QString detail;

        friend bool operator==(const Item &, const Item &) = default;
    };

    explicit Checklist(QWidget *parent = nullptr);

    void setItems(const QList<Item> &items);
    std::optional<bool> stateOf(int index) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    struct RowWidgets {
        QWidget *row;
        QLabel *mark;
        QLabel *text;
        QLabel *detail;
    };

    RowWidgets makeRow();
    void fillRow(const RowWidgets &row, const Item &item) const;

    QVBoxLayout *m_rowsLayout;
    std::vector<RowWidgets> m_rows;
    QList<Item> m_items;
};

} // namespace rl
