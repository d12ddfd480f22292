#pragma once

#include <QHash>
#include <QString>
#include <QWidget>

#include "core/alerting/Runbook.h"
#include "gui/host/AlertSource.h"
#include "gui/ui/models/AlertHistoryModel.h"

class QComboBox;
class QLabel;

namespace rl {

class AlertList;

// The alert rules as the operator sees them, wherever they are evaluated: each with its state, value,
// since-when and the runbook's investigation and mitigation steps, and, for rules evaluated here, the demo
// time scale that compresses their windows.
class AlertsPanel : public QWidget {
    Q_OBJECT

public:
    explicit AlertsPanel(AlertSource &alerts, QWidget *parent = nullptr);
    ~AlertsPanel() override;

    void setTimeScale(double timeScale);
    AlertList *list() const { return m_list; }
    AlertHistoryModel *history() const { return m_history; }

Q_SIGNALS:
    void alertStateChanged(const AlertHistoryModel::Change &change); // also appended to history()
    void timeScaleChosen(double timeScale);                          // by the operator, in the selector

private:
    void showRows();
    void showHeader();
    QString details(const AlertView &view) const;
    void recordChange(const QString &alert, const QString &state);

    AlertSource &m_alerts;
    Runbook m_runbook;
    QLabel *m_header;
    AlertList *m_list;
    QLabel *m_scaleLabel;
    QComboBox *m_scale;
    AlertHistoryModel *m_history;
    QHash<QString, QString> m_states; // each alert's last state, to say what it changed from
};

} // namespace rl
