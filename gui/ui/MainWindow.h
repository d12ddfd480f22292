#pragma once

#include <optional>

#include <QMainWindow>
#include <QPointer>

#include "gui/host/EngineSnapshot.h"
#include "gui/host/LiveStats.h"
#include "gui/ui/TuningSettings.h"

class QLabel;
class QScrollArea;
class QProgressDialog;
class QAction;
class QColor;
class QSplitter;
class QTabWidget;
class QTreeView;

namespace rl {

class AlertsPanel;
class ChartsPanel;
class Checklist;
class ControlPanel;
class ConvergencePanel;
class ExperimentWindow;
class GradualRecovery;
class LogRouter;
class LogView;
class OperatorActions;
class QueuePanel;
class SnapshotSource;
class TilesPanel;
struct VolumePreset;

// The operator's window on one engine: live tiles and charts, bandit convergence, alerts and the
// troubleshooting checklist, queue inspection, the event log, and every control. It reads the engine
// only through snapshots and commands it only through a SnapshotSource (the engine in this process or a remote
// instance), so it never waits on the worker or the network.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    struct Options {
        QString endpointUrl;      // where the API, /metrics and /health are served, if they are
        LogRouter *log = nullptr; // the event log's source; none shows only the window's own entries
        // Off for documentation runs (--screenshot): the window neither reads nor writes the user's saved
        // layout, so a screenshot shows the defaults and leaves the user's settings as they were.
        bool useSettings = true;
        TuningSettings::Overrides tuningOverrides; // not saved over while as the command line set them
    };

    MainWindow(SnapshotSource &source, Options options, QWidget *parent = nullptr);
    ~MainWindow() override;

    OperatorActions &actions() const { return *m_actions; }
    ControlPanel *controlPanel() const { return m_controls; }
    ChartsPanel *chartsPanel() const { return m_charts; }
    ConvergencePanel *convergencePanel() const { return m_convergence; }
    TilesPanel *tilesPanel() const { return m_tiles; }
    AlertsPanel *alertsPanel() const { return m_alerts; }
    QueuePanel *queuePanel() const { return m_queue; }
    Checklist *checklist() const { return m_checklist; }
    LogView *eventLog() const { return m_log; }
    QTreeView *alertHistory() const { return m_alertHistory; }
    GradualRecovery *gradualRecovery() const { return m_recovery; }
    const LiveSample &liveSample() const { return m_sample; }
    // The experiments window, opened (and made once) on demand.
    ExperimentWindow *experimentWindow();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void applyCapabilities();
    void buildViewMenu();
    void buildExportMenu();
    // Logs an operator action and marks it on the charts' time axis.
    void logAction(const QString &text);
    void annotate(qint64 timeMs, const QString &text, const QColor &color, const QString &key = QString());
    void annotateEngine(const EngineSnapshot &snapshot);
    void exportWindow(bool svg);
    void exportEventLog();
    void exportAlertHistory();
    QWidget *buildCentralWidget();
    void buildStatusBar();
    void connectActions();
    void showSnapshot(const EngineSnapshot &snapshot);
    void showStatus(const EngineSnapshot &snapshot);
    static QString tickText(const EngineSnapshot &snapshot);
    void showJournal(const std::optional<JournalHealth> &journal);
    void showDrain(const DrainProgress &drain);
    void confirmPurge();
    // Asks before an action that wipes the policy's learning; true if confirmed.
    bool confirmLosingWhatWasLearned(const QString &question, const QString &objectName, const QString &confirmText);
    bool confirmDestructive(const QString &title, const QString &question, const QString &details,
                            const QString &confirmText, const QString &objectName);
    void startDrain();
    void changeQueueCapacity(std::size_t capacity);
    void applyPreset(const VolumePreset &preset, const QString &name);
    void restoreSettings();
    void restoreDefaultTuning();
    void showShortcuts();
    void showAbout();
    void resetLayout();
    void saveSettings() const;

    SnapshotSource &m_source;
    Options m_options;
    OperatorActions *m_actions;
    GradualRecovery *m_recovery;
    TilesPanel *m_tiles = nullptr;
    ChartsPanel *m_charts = nullptr;
    ConvergencePanel *m_convergence = nullptr;
    Checklist *m_checklist = nullptr;
    AlertsPanel *m_alerts = nullptr;
    QueuePanel *m_queue = nullptr;
    LogView *m_log = nullptr;
    QTreeView *m_alertHistory = nullptr;
    QAction *m_logDepth = nullptr;   // View: logarithmic queue depth
    QAction *m_logLatency = nullptr; // View: logarithmic batch latency
    ControlPanel *m_controls = nullptr;
    QTabWidget *m_tabs = nullptr;
    QSplitter *m_splitter = nullptr;
    QPointer<QProgressDialog> m_drainDialog;
    ExperimentWindow *m_experiments = nullptr;
    QScrollArea *m_controlsArea = nullptr;
    QLabel *m_flagsStatus = nullptr;
    QLabel *m_loopStatus = nullptr;
    QLabel *m_tickStatus = nullptr;
    QLabel *m_journalStatus = nullptr;
    QLabel *m_endpointStatus = nullptr;
    LiveStats m_stats;
    LiveSample m_sample;
    double m_lastUptime = -1.0; // to see the engine start again
    bool m_restoring = false;   // the journal was restoring at the last snapshot
};

} // namespace rl
