#pragma once

#include <optional>

#include <QWidget>

#include "gui/host/EvaluationJob.h"

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSettings;
class QPushButton;
class QSpinBox;
class QTableView;
class QTableWidget;

namespace rl {

class DiagnosticsTableModel;
class EstimateTableModel;
class IntervalBarChart;

// Off-policy evaluation in the window: pick a decision log and target policies, and see each estimator's
// estimate with its 95 % interval per target as bars, the figures and the diagnostics that say when not to
// trust them; export them as CSV and the chart as PNG. The evaluation runs off the UI thread behind a progress
// dialog with Cancel.
class EvaluatePanel : public QWidget {
    Q_OBJECT

public:
    explicit EvaluatePanel(QWidget *parent = nullptr);

    void setLog(const QString &path);
    void addTarget(const QString &path, double epsilon = 0.0);
    void evaluate();
    void exportCsv();
    void exportPng();
    // The inputs, kept for the next time (the results are not).
    void saveInputs(QSettings &settings) const;
    void restoreInputs(const QSettings &settings);

    EvaluationJob *job() const { return m_job; }
    IntervalBarChart *chart() const { return m_chart; }
    QLabel *summaryLabel() const { return m_summary; }
    QTableView *estimatesView() const { return m_estimatesView; }
    QTableView *diagnosticsView() const { return m_diagnosticsView; }

Q_SIGNALS:
    void resultsChanged(bool available); // export becomes possible

private:
    QWidget *buildInputs();
    QWidget *buildResults();
    QList<EvaluationTarget> targets() const;
    void showOutcome(const EvaluationOutcome &outcome);
    void showFailure(const QString &message);
    void setRunning(bool running);

    EvaluationJob *m_job;
    QLineEdit *m_log = nullptr;
    QTableWidget *m_targets = nullptr;
    QList<QCheckBox *> m_estimators;
    QSpinBox *m_bootstrap = nullptr;
    QSpinBox *m_seed = nullptr;
    QDoubleSpinBox *m_switchTau = nullptr;
    QPushButton *m_run = nullptr;
    QLabel *m_summary = nullptr;
    IntervalBarChart *m_chart = nullptr;
    EstimateTableModel *m_estimates = nullptr;
    DiagnosticsTableModel *m_diagnostics = nullptr;
    QTableView *m_estimatesView = nullptr;
    QTableView *m_diagnosticsView = nullptr;
    std::optional<EvaluationOutcome> m_outcome;
    bool m_cancelled = false; // the run under way was cancelled
};

} // namespace rl
