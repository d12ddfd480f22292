#pragma once

#include <QString>
#include <QWidget>

#include "core/alerting/AlertEvaluator.h"
#include "core/alerting/Runbook.h"

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

private:
    void showRows();
    void showHeader();
    QString details(const AlertStatus &status) const;

    AlertMonitor &m_monitor;
    Runbook m_runbook;
    QLabel *m_header;
    AlertList *m_list;
    QComboBox *m_scale;
};

} // namespace rl
