#pragma once

#include <QHash>
#include <QString>
#include <QWidget>

#include "core/alerting/AlertEvaluator.h"
#include "core/alerting/Runbook.h"
#include "gui/ui/models/AlertHistoryModel.h"

class QComboBox;
class QLabel;

namespace rl {

class AlertList;
class AlertMonitor;

// The alert monitor's rules as the operator sees them: each with its state, value, since-when and the
// runbook's investigation and mitigation steps, and the demo time scale that compresses the rules' windows.
class AlertsPanel : public QWidget {
    Q_OBJECT

public:
    explicit AlertsPanel(AlertMonitor &monitor, QWidget *parent = nullptr);
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
    QString details(const AlertStatus &status) const;
    void recordChange(const QString &alert, const QString &state);

    AlertMonitor &m_monitor;
    Runbook m_runbook;
    QLabel *m_header;
    AlertList *m_list;
    QComboBox *m_scale;
    AlertHistoryModel *m_history;
    QHash<QString, QString> m_states; // each alert's last state, to say what it changed from
};

} // namespace rl
