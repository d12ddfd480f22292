#pragma once

#include <QList>
#include <QString>
#include <QWidget>

#include "widgets/AlertTableModel.h"

QT_BEGIN_NAMESPACE
class QLabel;
class QTextBrowser;
class QTreeView;
QT_END_NAMESPACE

namespace rl {

// Alert rules as rows (name, severity, state, value, since; an AlertTableModel) over a browser showing the
// selected alert's Markdown details. Updates keep the selection and are cheap when nothing changed, so the
// list can be fed on every snapshot.
class AlertList : public QWidget {
    Q_OBJECT

public:
    using Row = AlertTableModel::Row;

    explicit AlertList(QWidget *parent = nullptr);

    void setRows(const QList<Row> &rows);
    // A notice above the rules; empty hides it. details, if any, is its tooltip, for what does not fit.
    void setBanner(const QString &text, const QString &details = {});
    QString stateOf(const QString &name) const; // empty for an unknown alert
    QTreeView *view() const { return m_view; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void fitColumns();
    void showDetails();
    void applyBannerPalette();

    QLabel *m_banner;
    AlertTableModel *m_model;
    QTreeView *m_view;
    QTextBrowser *m_details;
    QString m_shownDetails; // the browser's Markdown, so unchanged details keep their scroll position
};

} // namespace rl
