#pragma once

#include <QMainWindow>

class QAction;
class QTabWidget;

namespace rl {

class ComparePanel;
class EvaluatePanel;

// The experimenter's workbench (Experiments menu, or `rlstudio --workbench`): off-policy evaluation of target
// policies on a decision log, and comparison of policies over a learning stream. It needs no engine; its work
// runs off the UI thread.
class ExperimentWindow : public QMainWindow {
    Q_OBJECT

public:
    struct Options {
        bool useSettings = true; // off for documentation runs: the user's saved inputs are neither read nor written
        QString runsFolder;      // where comparisons keep their runs; empty: the application's data folder
    };

    explicit ExperimentWindow(Options options, QWidget *parent = nullptr);
    ~ExperimentWindow() override;

    EvaluatePanel *evaluatePanel() const { return m_evaluate; }
    ComparePanel *comparePanel() const { return m_compare; }
    QTabWidget *tabs() const { return m_tabs; }
    void showEvaluate();
    void showCompare();

private:
    void buildMenus();
    void updateExports();
    void restoreSettings();
    void saveSettings() const;

    Options m_options;
    QTabWidget *m_tabs;
    EvaluatePanel *m_evaluate;
    ComparePanel *m_compare;
    QAction *m_exportCsv = nullptr;
    QAction *m_exportPng = nullptr;
    bool m_evaluateResults = false;
    bool m_compareResults = false;
};

} // namespace rl
