#pragma once

#include <memory>
#include <vector>

#include <QString>
#include <QWidget>

#include "core/alerting/AlertEvaluator.h"
#include "core/alerting/Runbook.h"
#include "core/alerting/SeriesStore.h"
#include "gui/host/EngineSnapshot.h"

class QComboBox;
class QLabel;

namespace rl {

class AlertList;

// The six rules of rl_feedback_alerts.yml evaluated in the app on the live series, with Prometheus's
// semantics (inactive → pending → firing after `for:`), each with its value, since-when and the runbook's
// investigation and mitigation steps. A demo time scale compresses the rules' windows and durations.
class AlertsPanel : public QWidget {
    Q_OBJECT

public:
    explicit AlertsPanel(double timeScale, QWidget *parent = nullptr);
    ~AlertsPanel() override;

    void record(const EngineSnapshot &snapshot); // every snapshot: samples the series, evaluates when due
    void setTimeScale(double timeScale);
    double timeScale() const { return m_timeScale; }
    AlertList *list() const { return m_list; }

Q_SIGNALS:
    void alertStateChanged(const QString &alert, const QString &state); // "inactive", "pending", "firing"

private:
    void evaluate(double nowSeconds);
    void showRows();
    QString details(const AlertStatus &status) const;

    std::unique_ptr<AlertEvaluator> m_evaluator;
    Runbook m_runbook;
    SeriesStore m_store;
    double m_evaluationIntervalSeconds = 30.0;
    double m_timeScale = 1.0;
    double m_lastEvaluation = 0.0;
    bool m_evaluated = false; // the first evaluation announces every state
    QString m_loadError;
    AlertList *m_list;
    QComboBox *m_scale;
};

} // namespace rl
