#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QPalette>
#include <QString>

namespace rl {

// Alert rules as a table: name, severity, state, value, since. The state reads as a word and in a colour
// (firing red and bold, pending amber and bold, inactive green). Updates that keep the alerts and their
// order edit rows in place, so views keep their selection and scroll position.
class AlertTableModel : public QAbstractTableModel {
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
    enum Column { NameColumn, SeverityColumn, StateColumn, ValueColumn, SinceColumn, ColumnCount };
    enum Role {
        StateRole = Qt::UserRole, // the state as given: "firing", "pending", "inactive"
        DetailsRole,              // the Markdown details
    };

    explicit AlertTableModel(QObject *parent = nullptr);

    void setRows(const QList<Row> &rows);
    const QList<Row> &rows() const { return m_rows; }
    // The colours of the states follow this palette.
    void setPalette(const QPalette &palette);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant stateData(const Row &row, int role) const;

    QList<Row> m_rows;
    QPalette m_palette;
};

} // namespace rl
