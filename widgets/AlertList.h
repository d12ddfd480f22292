#pragma once

#include <QList>
#include <QString>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QTextBrowser;
class QTreeWidget;
class QTreeWidgetItem;
QT_END_NAMESPACE

namespace rl {

// Alert rules as rows (name, severity, state, value, since) over a browser showing the selected alert's
// Markdown details. Updates keep the selection and are cheap when nothing changed, so the list can be
// fed on every snapshot.
class AlertList : public QWidget {
    Q_OBJECT

public:
    struct Row {
        QString name;
        QString severity;
        QString state; // "inactive", "pending", "firing"
        QString value;
        QString since;
        QString details; // Markdown

        friend bool operator==(const Row &, const Row &) = default;
    };

    explicit AlertList(QWidget *parent = nullptr);

    void setRows(const QList<Row> &rows);
    void setBanner(const QString &text);        // empty hides it
    QString stateOf(const QString &name) const; // empty for an unknown alert

protected:
    void changeEvent(QEvent *event) override;

private:
    enum Column { NameColumn, SeverityColumn, StateColumn, ValueColumn, SinceColumn, ColumnCount };

    void fillItem(QTreeWidgetItem *item, const Row &row) const;
    void fitColumns();
    void showDetails();
    void applyBannerPalette();

    QLabel *m_banner;
    QTreeWidget *m_tree;
    QTextBrowser *m_details;
    QList<Row> m_rows;      // in the tree's order
    QString m_shownDetails; // the browser's Markdown, so unchanged details keep their scroll position
};

} // namespace rl
