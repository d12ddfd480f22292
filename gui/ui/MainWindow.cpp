#include "gui/ui/MainWindow.h"

#include <algorithm>
#include <cmath>

#include <boost/version.hpp>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAction>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QFrame>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>

#include "gui/host/AlertMonitor.h"
#include "gui/host/GradualRecovery.h"
#include "gui/host/LoggingCategories.h"
#include "gui/host/SnapshotSource.h"
#include "gui/host/TroubleshootingChecklist.h"
#include "gui/ui/AlertsPanel.h"
#include "gui/ui/ChartsPanel.h"
#include "gui/ui/ControlPanel.h"
#include "gui/ui/ConvergencePanel.h"
#include "gui/ui/EventLogFeed.h"
#include "gui/ui/ExperimentWindow.h"
#include "gui/ui/OperatorActions.h"
#include "gui/ui/QueuePanel.h"
#include "gui/ui/TilesPanel.h"
#include "widgets/ChartTimeline.h"
#include "widgets/Checklist.h"
#include "widgets/CsvWriter.h"
#include "widgets/ExportDialog.h"
#include "widgets/FitOrScrollArea.h"
#include "widgets/LabelledSlider.h"
#include "widgets/LogView.h"
#include "widgets/StatusPalette.h"
#include "widgets/TimeSeriesChart.h"
#include "widgets/WidgetImage.h"

namespace rl {

namespace {

constexpr int kStatusMessageMs = 8000;
constexpr int kControlsWidth = 300;
const QSize kDefaultSize(1440, 900);
// The charts first: without sizes the splitter shares by size hints, and the tables' hints are the tallest.
const QList<int> kDefaultPaneSizes{3000, 3000, 2000};
// Annotation colours: what the operator did, what the alerts did, what the engine did.
const QColor kOperatorMark(0x15, 0x65, 0xc0);
const QColor kSettingMark(0x00, 0x83, 0x8f);
const QColor kFiringMark(0xc6, 0x28, 0x28);
const QColor kPendingMark(0xef, 0x8f, 0x00);
const QColor kResolvedMark(0x2e, 0x7d, 0x32);
const QColor kEngineMark(0x6a, 0x1b, 0x9a);

QString onOff(bool on)
{
    return on ? MainWindow::tr("on") : MainWindow::tr("off");
}

} // namespace

MainWindow::MainWindow(SnapshotSource &source, Options options, QWidget *parent)
    : QMainWindow(parent)
    , m_source(source)
    , m_options(std::move(options))
    , m_actions(new OperatorActions(this))
    , m_recovery(new GradualRecovery(source, this))
{
    setWindowTitle(tr("RL Feedback Studio"));
    setObjectName(QStringLiteral("MainWindow"));
    setCentralWidget(buildCentralWidget());
    buildMenus();
    buildStatusBar();
    connectActions();
    // Text fields claim Ctrl+letter keys for Emacs-style editing (Ctrl+E: end of line): the operator's
    // shortcuts must work wherever the focus is.
    for (QWidget *field : findChildren<QLineEdit *>())
        field->installEventFilter(this);
    for (QWidget *field : findChildren<QAbstractSpinBox *>())
        field->installEventFilter(this);
    // Space pauses the charts, except where it already means something: a focused button or list (a
    // closed combo box gives it up: F4 and Alt+Down open it too).
    for (QWidget *control : findChildren<QAbstractButton *>())
        control->installEventFilter(this);
    for (QWidget *control : findChildren<QAbstractItemView *>())
        control->installEventFilter(this);

    connect(&m_source, &SnapshotSource::snapshotReady, this, &MainWindow::showSnapshot);
    connect(&m_source, &SnapshotSource::commandFailed, this, [this](const QString &message) {
        qCWarning(lcOperator).noquote() << message; // in the event log too: a refused command leaves a trace
        statusBar()->showMessage(message, kStatusMessageMs);
    });
    connect(&m_source, &SnapshotSource::drainFinished, this, &MainWindow::showDrain);
    connect(&m_source, &SnapshotSource::commandDone, this, [this](const QString &message) {
        qCInfo(lcOperator).noquote() << message; // a remote instance's answer, in the event log
        statusBar()->showMessage(message, kStatusMessageMs);
    });
    connect(&m_source, &SnapshotSource::connectionChanged, this, [this](bool reachable, const QString &message) {
        m_endpointStatus->setText(reachable ? tr("connected to %1").arg(m_source.remoteUrl())
                                            : tr("%1 unreachable").arg(m_source.remoteUrl()));
        m_endpointStatus->setToolTip(message);
        m_endpointStatus->setStyleSheet(
            reachable ? QString() : QStringLiteral("color: %1").arg(StatusPalette::critical(palette()).name()));
        if (!reachable)
            qCWarning(lcUi).noquote() << message;
    });
    applyCapabilities();
    connect(m_recovery, &GradualRecovery::stepChanged, this, [this](GradualRecovery::Step, const QString &description) {
        statusBar()->showMessage(description, kStatusMessageMs);
        annotate(QDateTime::currentMSecsSinceEpoch(), description, kOperatorMark);
        // While it runs, the same action (and shortcut) cancels it.
        m_actions->gradualRecovery->setText(m_recovery->running() ? tr("Cancel &gradual recovery")
                                                                  : tr("&Gradual recovery"));
    });
    restoreSettings();
    showSnapshot(m_source.latestSnapshot());
}

MainWindow::~MainWindow()
{
    // A box left with an uncommitted value commits as it loses the focus while its children are destroyed:
    // not to a window half gone.
    disconnect(m_controls, nullptr, this, nullptr);
}

void MainWindow::buildMenus()
{
    QMenu *loop = menuBar()->addMenu(tr("&Loop"));
    loop->addActions({m_actions->processOnce, m_actions->drain, m_actions->purge});
    loop->addSeparator();
    loop->addActions({m_actions->gradualRecovery, m_actions->restartLoop, m_actions->resetBandit});
    loop->addSeparator();
    loop->addActions(
        {m_actions->evaluationEnabled, m_actions->loopEnabled, m_actions->simulatorEnabled, m_actions->driftNow});
    loop->addSeparator();
    loop->addAction(m_actions->quit);
    QMenu *presets = menuBar()->addMenu(tr("&Presets"));
    presets->addActions({m_actions->presetLow, m_actions->presetMedium, m_actions->presetHigh});
    presets->addSeparator();
    presets->addActions({m_actions->restoreDefaults, m_actions->resetLayout});
    buildViewMenu();
    buildExportMenu();
    QMenu *experiments = menuBar()->addMenu(tr("Experimen&ts"));
    experiments->addAction(tr("&Evaluate policies on a log…"), this, [this] { experimentWindow()->showEvaluate(); });
    experiments->addAction(tr("&Compare policies on a stream…"), this, [this] { experimentWindow()->showCompare(); });
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard shortcuts"), QKeySequence::HelpContents, this, &MainWindow::showShortcuts);
    help->addAction(tr("&About RL Feedback Studio"), this, &MainWindow::showAbout);
    // Shortcuts work wherever the focus is, menus open or not.
    addActions(m_actions->findChildren<QAction *>());
}

ExperimentWindow *MainWindow::experimentWindow()
{
    // One workbench, kept while the main window lives: its inputs and results stay when it is closed.
    if (!m_experiments)
        m_experiments = new ExperimentWindow({m_options.useSettings, QString()}, this);
    m_experiments->setWindowFlag(Qt::Window);
    m_experiments->show();
    m_experiments->raise();
    m_experiments->activateWindow();
    return m_experiments;
}

void MainWindow::buildViewMenu()
{
    QMenu *view = menuBar()->addMenu(tr("&View"));
    ChartTimeline *timeline = m_charts->timeline();
    view->addAction(m_charts->pauseAction());
    QAction *live = view->addAction(tr("Back to &live"), this, [timeline] { timeline->setLive(true); });
    live->setToolTip(tr("Follow the newest data again, at the zoom shown (a double-click on a chart does too)"));
    QAction *zoomIn = view->addAction(tr("Zoom &in"), QKeySequence::ZoomIn, this,
                                      [timeline] { timeline->zoom(1, timeline->endMs()); });
    zoomIn->setToolTip(tr("Show a shorter time range on every chart (the wheel over a chart zooms where it points)"));
    QAction *zoomOut = view->addAction(tr("Zoom &out"), QKeySequence::ZoomOut, this,
                                       [timeline] { timeline->zoom(-1, timeline->endMs()); });
    zoomOut->setToolTip(tr("Show a longer time range on every chart, up to the 24 h kept"));
    view->addSeparator();
    const auto logScale = [this, view](TimeSeriesChart *chart, const QString &text) {
        QAction *action = view->addAction(text);
        action->setCheckable(true);
        action->setToolTip(tr("A logarithmic value axis: a backlog of 10 and one of 10,000 on one chart"));
        connect(action, &QAction::toggled, chart, &TimeSeriesChart::setLogScale);
        connect(chart, &TimeSeriesChart::logScaleChanged, action, &QAction::setChecked);
        return action;
    };
    m_logDepth = logScale(m_charts->queueDepthChart(), tr("Logarithmic &queue depth"));
    m_logLatency = logScale(m_charts->latencyChart(), tr("Logarithmic batch la&tency"));
}

void MainWindow::buildExportMenu()
{
    QMenu *menu = menuBar()->addMenu(tr("E&xport"));
    QAction *png = menu->addAction(tr("Window as &PNG…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), this,
                                   [this] { exportWindow(false); });
    png->setToolTip(tr("Save the whole window as a picture, for a report or an incident ticket"));
    QAction *svg = menu->addAction(tr("Window as &SVG…"), this, [this] { exportWindow(true); });
    svg->setToolTip(tr("Save the whole window as a vector drawing that stays sharp at any size"));
    menu->addSeparator();
    QList<TimeSeriesChart *> charts = m_charts->charts();
    charts << m_convergence->shareChart() << m_convergence->regretChart();
    for (TimeSeriesChart *chart : charts) {
        QMenu *sub = menu->addMenu(chart->title());
        sub->addAction(tr("Chart as PNG…"), chart,
                       [chart] { chart->exportInteractively(TimeSeriesChart::ExportFormat::Png); });
        sub->addAction(tr("Chart as SVG…"), chart,
                       [chart] { chart->exportInteractively(TimeSeriesChart::ExportFormat::Svg); });
        sub->addAction(tr("Visible range as CSV…"), chart,
                       [chart] { chart->exportInteractively(TimeSeriesChart::ExportFormat::Csv); });
    }
    menu->addSeparator();
    QAction *log = menu->addAction(tr("&Event log as CSV…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L), this,
                                   &MainWindow::exportEventLog);
    log->setToolTip(tr("Save the event log's entries that pass its filter, with exact times"));
    QAction *alerts = menu->addAction(tr("&Alert history as CSV…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H),
                                      this, &MainWindow::exportAlertHistory);
    alerts->setToolTip(tr("Save every alert state change since the window opened"));
}

void MainWindow::exportWindow(bool svg)
{
    const QString suffix = svg ? QStringLiteral("svg") : QStringLiteral("png");
    const QString path = ExportDialog::askSavePath(this, tr("Save the window"), tr("window"), suffix);
    if (path.isEmpty())
        return;
    ExportDialog::saveInBackground(this, path, WidgetImage::capture(this, path));
}

void MainWindow::exportEventLog()
{
    const QString path =
        ExportDialog::askSavePath(this, tr("Save the event log (%Ln entries shown)", nullptr, m_log->visibleCount()),
                                  tr("event log"), QStringLiteral("csv"));
    if (path.isEmpty())
        return;
    ExportDialog::saveInBackground(this, path, CsvWriter::writer(m_log->csvRows(), path));
}

void MainWindow::exportAlertHistory()
{
    const QString path =
        ExportDialog::askSavePath(this, tr("Save the alert history"), tr("alert history"), QStringLiteral("csv"));
    if (path.isEmpty())
        return;
    ExportDialog::saveInBackground(this, path, CsvWriter::writer(CsvWriter::modelRows(*m_alerts->history()), path));
}

void MainWindow::logAction(const QString &text)
{
    qCInfo(lcOperator).noquote() << text;
    annotate(QDateTime::currentMSecsSinceEpoch(), text, kOperatorMark);
}

void MainWindow::annotate(qint64 timeMs, const QString &text, const QColor &color, const QString &key)
{
    m_charts->timeline()->addAnnotation(timeMs, text, color, key);
}

// Marks the engine's start (or a new engine's: its uptime went back) and the end of a journal restore.
void MainWindow::annotateEngine(const EngineSnapshot &snapshot)
{
    if (snapshot.wallTimeMs <= 0)
        return;
    // A remote engine's uptime counts from when the window reached it: that is what the first mark says.
    const QString remote = m_source.remoteUrl();
    if (snapshot.uptimeSeconds < m_lastUptime || m_lastUptime < 0)
        annotate(snapshot.wallTimeMs - std::llround(snapshot.uptimeSeconds * 1000),
                 m_lastUptime >= 0  ? tr("engine restarted")
                 : remote.isEmpty() ? tr("engine started")
                                    : tr("connected to %1").arg(remote),
                 kEngineMark);
    m_lastUptime = snapshot.uptimeSeconds;
    const bool restoring = snapshot.health.journal && snapshot.health.journal->restoring;
    if (m_restoring && !restoring && snapshot.health.journal)
        annotate(snapshot.wallTimeMs,
                 tr("journal restored: %1").arg(QString::fromStdString(snapshot.health.journal->restored)),
                 kEngineMark);
    m_restoring = restoring;
}

// A remote engine offers less than the one in this process: what it cannot do is disabled, and says why.
void MainWindow::applyCapabilities()
{
    const SnapshotSource::Capabilities can = m_source.capabilities();
    const QString remote = m_source.remoteUrl();
    if (!remote.isEmpty()) {
        setWindowTitle(tr("RL Feedback Studio — %1").arg(remote));
        m_endpointStatus->setText(tr("connecting to %1…").arg(remote));
        m_actions->quit->setToolTip(tr("Close this window; the engine runs on where it is"));
    }
    const QString notOffered = tr("Not offered by %1's API").arg(remote);
    if (!can.simulator) {
        for (QAction *action : {m_actions->simulatorEnabled, m_actions->driftNow})
            action->setEnabled(false), action->setToolTip(notOffered);
        m_controls->emissionRateSlider()->setEnabled(false);
        m_controls->emissionRateSlider()->setToolTip(notOffered);
        m_convergence->setEnabled(false);
        m_convergence->setToolTip(tr("The convergence comparison needs the simulator, which runs only in this "
                                     "process"));
    }
    if (!can.queueInspection) {
        m_tabs->setTabEnabled(m_tabs->indexOf(m_queue), false);
        m_tabs->setTabToolTip(m_tabs->indexOf(m_queue), notOffered);
    }
    if (!can.loopRestart)
        m_actions->restartLoop->setToolTip(notOffered);
    if (!can.control) {
        // Read-only (Prometheus has the metrics only): no control is offered, rather than controls that fail.
        const QString readOnly = tr("Read-only: %1 has the metrics, not the control API").arg(remote);
        for (QAction *action :
             {m_actions->processOnce, m_actions->drain, m_actions->purge, m_actions->gradualRecovery,
              m_actions->restartLoop, m_actions->resetBandit, m_actions->evaluationEnabled, m_actions->loopEnabled,
              m_actions->presetLow, m_actions->presetMedium, m_actions->presetHigh, m_actions->restoreDefaults})
            action->setEnabled(false), action->setToolTip(readOnly);
        m_controlsArea->hide();
        m_endpointStatus->setToolTip(readOnly);
    }
}

QWidget *MainWindow::buildCentralWidget()
{
    m_tiles = new TilesPanel(this);
    m_charts = new ChartsPanel(this);
    m_convergence = new ConvergencePanel(this);
    m_checklist = new Checklist(this);
    m_alerts = new AlertsPanel(m_source.alerts(), this);
    m_queue = new QueuePanel(this);
    m_log = new LogView(this);
    m_controls = new ControlPanel(*m_actions, this);

    auto *checklistGroup = new QGroupBox(tr("Troubleshooting checklist"), this);
    auto *checklistLayout = new QVBoxLayout(checklistGroup);
    checklistLayout->setContentsMargins(4, 4, 4, 4);
    checklistLayout->addWidget(m_checklist);
    m_checklist->setAccessibleName(tr("Troubleshooting checklist"));

    // The checklist beside the alerts, as the runbook pairs them.
    auto *alerts = new QWidget(this);
    auto *alertsLayout = new QHBoxLayout(alerts);
    alertsLayout->setContentsMargins(0, 0, 0, 0);
    alertsLayout->addWidget(m_alerts, 3);
    alertsLayout->addWidget(checklistGroup, 1);

    m_tabs = new QTabWidget(this);
    m_tabs->addTab(alerts, tr("&Alerts"));
    m_tabs->addTab(m_queue, tr("&Queue"));
    m_tabs->addTab(m_log, tr("E&vent log"));
    m_alertHistory = new QTreeView(this);
    m_alertHistory->setModel(m_alerts->history());
    m_alertHistory->setRootIsDecorated(false);
    m_alertHistory->setUniformRowHeights(true);
    m_alertHistory->setAccessibleName(tr("Alert history"));
    m_tabs->addTab(m_alertHistory, tr("Alert &history"));
    // The newest change in view, unless the reader scrolled up to an older one.
    connect(m_alerts->history(), &QAbstractItemModel::rowsInserted, m_alertHistory, [this] {
        QScrollBar *bar = m_alertHistory->verticalScrollBar();
        if (bar->value() >= bar->maximum() - 1)
            m_alertHistory->scrollToBottom();
    });
    m_tabs->setAccessibleName(tr("Details"));

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_charts);
    m_splitter->addWidget(m_convergence);
    m_splitter->addWidget(m_tabs);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setStretchFactor(2, 2);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_tiles);
    leftLayout->addWidget(m_splitter, 1);

    auto *scroll = m_controlsArea = new QScrollArea(this);
    scroll->setWidget(m_controls);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    // Wider when a translation's buttons need it, so nothing is clipped under the hidden horizontal bar.
    scroll->setFixedWidth(std::max(kControlsWidth, m_controls->minimumSizeHint().width()
                                                       + scroll->verticalScrollBar()->sizeHint().width()));
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    // Narrower than the tiles and charts need (1024 px, a long translation), the dashboard scrolls
    // sideways rather than clip or make the window wider than asked.
    auto *dashboard = new FitOrScrollArea(this);
    dashboard->setContent(left);

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(dashboard, 1);
    layout->addWidget(scroll);

    m_convergence->setTimeline(m_charts->timeline());
    return central;
}

void MainWindow::buildStatusBar()
{
    m_flagsStatus = new QLabel(this);
    m_loopStatus = new QLabel(this);
    m_tickStatus = new QLabel(this);
    m_journalStatus = new QLabel(this);
    m_endpointStatus = new QLabel(
        m_options.endpointUrl.isEmpty() ? tr("HTTP API off") : tr("API on %1").arg(m_options.endpointUrl), this);
    bool first = true;
    for (QLabel *label : {m_flagsStatus, m_loopStatus, m_tickStatus, m_journalStatus, m_endpointStatus}) {
        if (!first) { // a rule between the fields, so that they never read as one sentence
            auto *rule = new QFrame(this);
            rule->setFrameShape(QFrame::VLine);
            rule->setFrameShadow(QFrame::Sunken);
            statusBar()->addPermanentWidget(rule);
        }
        first = false;
        label->setContentsMargins(4, 0, 4, 0);
        statusBar()->addPermanentWidget(label);
    }
}

void MainWindow::connectActions()
{
    OperatorActions &a = *m_actions;
    connect(a.processOnce, &QAction::triggered, this, [this] {
        logAction(tr("operator: process once"));
        m_source.processOnce();
    });
    connect(a.drain, &QAction::triggered, this, &MainWindow::startDrain);
    connect(a.purge, &QAction::triggered, this, &MainWindow::confirmPurge);
    connect(a.gradualRecovery, &QAction::triggered, this, [this] {
        if (m_recovery->running()) {
            logAction(tr("operator: cancel gradual recovery"));
            m_recovery->cancel();
        } else {
            m_recovery->start();
        }
    });
    connect(a.restartLoop, &QAction::triggered, this, [this] {
        logAction(tr("operator: restart loop (router kept)"));
        m_source.stopLoop();
        m_source.startLoop();
    });
    connect(a.resetBandit, &QAction::triggered, this, [this] {
        const QString policy = QString::fromStdString(m_source.latestSnapshot().health.policy);
        if (!confirmLosingWhatWasLearned(tr("Reset the %1 policy?").arg(policy), QStringLiteral("ResetConfirmation"),
                                         tr("&Reset"))) {
            qCInfo(lcOperator).noquote() << tr("operator: reset bandit cancelled");
            return;
        }
        logAction(tr("operator: reset bandit"));
        m_source.resetPolicy();
    });
    connect(a.evaluationEnabled, &QAction::triggered, this, [this](bool on) {
        logAction(tr("operator: trajectory evaluation %1").arg(onOff(on)));
        m_source.setEvaluationEnabled(on);
    });
    connect(a.loopEnabled, &QAction::triggered, this, [this](bool on) {
        logAction(tr("operator: feedback loop %1").arg(onOff(on)));
        m_source.setLoopEnabled(on);
    });
    connect(a.simulatorEnabled, &QAction::triggered, this, [this](bool on) {
        logAction(tr("operator: simulator %1").arg(onOff(on)));
        m_source.setSimulatorEnabled(on);
    });
    connect(a.driftNow, &QAction::triggered, this, [this] {
        logAction(tr("operator: drift — the simulated models' rewards changed"));
        m_source.driftSimulator();
    });
    connect(a.restoreDefaults, &QAction::triggered, this, &MainWindow::restoreDefaultTuning);
    connect(a.resetLayout, &QAction::triggered, this, &MainWindow::resetLayout);
    connect(a.presetLow, &QAction::triggered, this, [this] { applyPreset(kLowVolume, tr("low volume")); });
    connect(a.presetMedium, &QAction::triggered, this, [this] { applyPreset(kMediumVolume, tr("medium volume")); });
    connect(a.presetHigh, &QAction::triggered, this, [this] { applyPreset(kHighVolume, tr("high volume")); });
    connect(a.quit, &QAction::triggered, this, &QWidget::close);

    // Settings changes are marked on the charts; a slider dragged through many values is one mark.
    connect(m_controls, &ControlPanel::batchSizeChanged, this, [this](int batchSize) {
        annotate(QDateTime::currentMSecsSinceEpoch(), tr("batch size %L1").arg(batchSize), kSettingMark,
                 QStringLiteral("batch"));
        m_source.setBatchSize(batchSize);
    });
    connect(m_controls, &ControlPanel::intervalChanged, this, [this](double seconds) {
        annotate(QDateTime::currentMSecsSinceEpoch(), tr("interval %L1 s").arg(seconds), kSettingMark,
                 QStringLiteral("interval"));
        m_source.setIntervalSeconds(seconds);
    });
    connect(m_controls, &ControlPanel::emissionRateChanged, this, [this](double itemsPerMinute) {
        annotate(QDateTime::currentMSecsSinceEpoch(), tr("emission rate %L1 items/min").arg(itemsPerMinute),
                 kSettingMark, QStringLiteral("rate"));
        m_source.setEmissionRate(itemsPerMinute);
    });
    connect(m_controls, &ControlPanel::queueCapacityChosen, this, &MainWindow::changeQueueCapacity);
    connect(m_alerts, &AlertsPanel::timeScaleChosen, this, [this](double timeScale) {
        logAction(timeScale > 1.0 ? tr("operator: alert time scale demo ×%1").arg(timeScale)
                                  : tr("operator: alert time scale real time"));
    });
    connect(m_alerts, &AlertsPanel::alertStateChanged, this, [this](const AlertHistoryModel::Change &change) {
        const QColor color = change.to == QLatin1String("firing")    ? kFiringMark
                             : change.to == QLatin1String("pending") ? kPendingMark
                                                                     : kResolvedMark;
        annotate(
            change.time.toMSecsSinceEpoch(),
            tr("alert %1: %2 → %3")
                .arg(change.alert, AlertHistoryModel::stateText(change.from), AlertHistoryModel::stateText(change.to)),
            color);
    });
    connect(m_controls, &ControlPanel::policyChosen, this, [this](const QString &name) {
        const QString current = QString::fromStdString(m_source.latestSnapshot().health.policy);
        if (name == current)
            return;
        if (!confirmLosingWhatWasLearned(tr("Switch from %1 to %2?").arg(current, name),
                                         QStringLiteral("PolicyConfirmation"), tr("&Switch"))) {
            qCInfo(lcOperator).noquote() << tr("operator: policy switch to %1 cancelled").arg(name);
            m_controls->showPolicy(current);
            return;
        }
        logAction(tr("operator: policy %1").arg(name));
        m_source.setPolicy(name);
    });
    if (m_options.log)
        feedEventLog(*m_options.log, *m_log);
}

void MainWindow::applyPreset(const VolumePreset &preset, const QString &name)
{
    logAction(tr("operator: %1 preset: batch %2, interval %3 s, simulator %4 items/min")
                  .arg(name)
                  .arg(preset.batchSize)
                  .arg(preset.intervalSeconds)
                  .arg(preset.itemsPerMinute));
    m_source.setBatchSize(preset.batchSize);
    m_source.setIntervalSeconds(preset.intervalSeconds);
    if (m_source.capabilities().simulator)
        m_source.setEmissionRate(preset.itemsPerMinute);
}

// Growing the queue loses nothing; shrinking it below the depth drops the oldest items, so it asks first
// and says how many.
void MainWindow::changeQueueCapacity(std::size_t capacity)
{
    const EngineSnapshot snapshot = m_source.latestSnapshot(); // a copy: the question below runs the event loop
    const std::size_t depth = snapshot.health.queueDepth;
    if (capacity < depth
        && !confirmDestructive(tr("Shrink the queue?"),
                               tr("Shrink the queue to %L1 items? It holds %L2: the %L3 oldest are dropped, and "
                                  "counted as dropped.")
                                   .arg(capacity)
                                   .arg(depth)
                                   .arg(depth - capacity),
                               QString(), tr("&Shrink and drop"), QStringLiteral("CapacityConfirmation"))) {
        qCInfo(lcOperator).noquote() << tr("operator: queue capacity %L1 cancelled").arg(capacity);
        m_controls->showQueueCapacity(snapshot.queueCapacity);
        return;
    }
    logAction(tr("operator: queue capacity %L1").arg(capacity));
    m_source.setQueueCapacity(capacity);
}

void MainWindow::startDrain()
{
    logAction(tr("operator: force drain of %L1 items").arg(m_source.latestSnapshot().health.queueDepth));
    m_source.drain();
    if (!m_drainDialog) {
        // Without a cancel button where the engine cannot stop a drain (a remote one's API).
        m_drainDialog =
            new QProgressDialog(tr("Draining the queue…"),
                                m_source.capabilities().cancelDrain ? tr("&Cancel drain") : QString(), 0, 0, this);
        m_drainDialog->setWindowTitle(tr("Force drain"));
        m_drainDialog->setWindowModality(Qt::NonModal);
        m_drainDialog->setMinimumDuration(
            100); // any drain still running after 100 ms shows it; a quicker one flashes nothing
        m_drainDialog->setAutoClose(false);
        m_drainDialog->setAutoReset(false);
        connect(m_drainDialog, &QProgressDialog::canceled, this, [this] {
            logAction(tr("operator: cancel drain"));
            m_source.cancelDrain();
        });
    }
    m_drainDialog->setRange(0, 0);
    m_drainDialog->setValue(0);
}

void MainWindow::showDrain(const DrainProgress &drain)
{
    if (!m_drainDialog)
        return;
    if (drain.active) {
        const auto total =
            static_cast<int>(std::min<std::uint64_t>(drain.processed + drain.failed + drain.remaining, INT_MAX));
        m_drainDialog->setMaximum(std::max(total, 1));
        m_drainDialog->setValue(static_cast<int>(std::min<std::uint64_t>(drain.processed + drain.failed, INT_MAX)));
        m_drainDialog->setLabelText(tr("Draining: %L1 processed, %L2 failed, %L3 remaining")
                                        .arg(drain.processed)
                                        .arg(drain.failed)
                                        .arg(drain.remaining));
        return;
    }
    m_drainDialog->deleteLater();
    statusBar()->showMessage(
        drain.cancelled ? tr("Drain cancelled: %L1 processed, %L2 left").arg(drain.processed).arg(drain.remaining)
                        : tr("Drain finished: %L1 processed, %L2 failed").arg(drain.processed).arg(drain.failed),
        kStatusMessageMs);
}

bool MainWindow::confirmLosingWhatWasLearned(const QString &question, const QString &objectName,
                                             const QString &confirmText)
{
    const QString policy = QString::fromStdString(m_source.latestSnapshot().health.policy);
    return confirmDestructive(tr("Start learning from scratch"), question,
                              tr("Everything %1 has learned is lost: the new policy starts from nothing, and the "
                                 "regret comparison starts again. Queued feedback is kept.")
                                  .arg(policy),
                              confirmText, objectName);
}

// Every question before something is lost: a warning whose default is Cancel.
bool MainWindow::confirmDestructive(const QString &title, const QString &question, const QString &details,
                                    const QString &confirmText, const QString &objectName)
{
    QMessageBox box(QMessageBox::Warning, title, question, QMessageBox::NoButton, this);
    box.setInformativeText(details);
    QPushButton *confirm = box.addButton(confirmText, QMessageBox::DestructiveRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(QMessageBox::Cancel);
    box.setObjectName(objectName);
    box.exec();
    return box.clickedButton() == confirm;
}

void MainWindow::confirmPurge()
{
    const EngineSnapshot snapshot = m_source.latestSnapshot();
    const std::size_t depth = snapshot.health.queueDepth;
    if (depth == 0) {
        statusBar()->showMessage(tr("The queue is empty: nothing to purge."), kStatusMessageMs);
        return;
    }
    if (!confirmDestructive(tr("Purge the queue"),
                            tr("Discard the %Ln queued feedback item(s) without processing them?", nullptr,
                               static_cast<int>(std::min<std::size_t>(depth, INT_MAX))),
                            tr("The bandit will not learn from them. Items that arrive while this question is open "
                               "are kept. The count is logged and metered (rl_feedback_purged_total)."),
                            tr("&Purge"), QStringLiteral("PurgeConfirmation"))) {
        qCInfo(lcOperator).noquote() << tr("operator: purge cancelled");
        return;
    }
    logAction(tr("operator: purge confirmed (%L1 items shown)").arg(depth));
    m_source.purgeSeen(snapshot);
}

void MainWindow::showSnapshot(const EngineSnapshot &snapshot)
{
    annotateEngine(snapshot);
    m_stats.add(snapshot);
    m_sample = m_stats.current();
    m_tiles->showStats(snapshot, m_sample);
    m_charts->addSample(m_sample);
    m_convergence->showSnapshot(snapshot);
    QList<Checklist::Item> checks;
    for (const TroubleshootingChecklist::Item &item : TroubleshootingChecklist::evaluate(snapshot, m_sample))
        checks.append({item.text, item.ok, item.detail});
    m_checklist->setItems(checks);
    m_queue->showSnapshot(snapshot);
    m_controls->showSnapshot(snapshot);
    if (snapshot.drain.active)
        showDrain(snapshot.drain);
    showStatus(snapshot);
}

// The default interval is 15 s: until the first tick the window says when it comes, so a quiet first
// minute does not read as a stuck loop.
QString MainWindow::tickText(const EngineSnapshot &snapshot)
{
    const HealthState &health = snapshot.health;
    if (health.lastTickMs)
        return tr("last tick %1")
            .arg(QDateTime::fromMSecsSinceEpoch(*health.lastTickMs).toString(QStringLiteral("HH:mm:ss")));
    if (!health.loopRunning)
        return tr("no tick yet");
    const double wait = health.intervalSeconds - snapshot.uptimeSeconds;
    return wait > 0.5 ? tr("first tick in %L1 s").arg(std::ceil(wait)) : tr("first tick due now");
}

void MainWindow::showStatus(const EngineSnapshot &snapshot)
{
    const HealthState &health = snapshot.health;
    m_actions->evaluationEnabled->setChecked(health.trajectoryEvaluationEnabled);
    m_actions->loopEnabled->setChecked(health.rlFeedbackEnabled);
    m_actions->simulatorEnabled->setChecked(snapshot.simulatorEnabled);
    m_actions->restartLoop->setEnabled(health.rlFeedbackEnabled && m_source.capabilities().loopRestart);
    if (!snapshot.settingsKnown) {
        m_flagsStatus->setText(tr("flags: not in the metrics"));
        m_loopStatus->setText(tr("router, loop and policy: not in the metrics"));
        m_tickStatus->setText(tr("figures as Prometheus scraped them"));
        m_journalStatus->setText(tr("journal: not in the metrics"));
        m_journalStatus->setToolTip({});
        return;
    }

    m_flagsStatus->setText(
        tr("evaluation %1 · loop %2").arg(onOff(health.trajectoryEvaluationEnabled), onOff(health.rlFeedbackEnabled)));
    m_loopStatus->setText(tr("router %1 · loop %2 · policy %3")
                              .arg(health.routerRegistered ? tr("registered") : tr("missing"),
                                   health.loopRunning ? tr("running") : tr("stopped"),
                                   QString::fromStdString(health.policy)));
    m_tickStatus->setText(tickText(snapshot));
    showJournal(health.journal);
}

void MainWindow::showJournal(const std::optional<JournalHealth> &journal)
{
    if (!journal) {
        m_journalStatus->setText(tr("journal off"));
        m_journalStatus->setToolTip(tr("--ephemeral: nothing is kept on disk; a restart forgets the queue, the "
                                       "pending decisions and what the policy learned."));
        return;
    }
    const QString directory = QString::fromStdString(journal->directory);
    if (journal->restoring) {
        m_journalStatus->setText(tr("journal: restoring…"));
        m_journalStatus->setToolTip(directory);
        return;
    }
    const QString checkpoint =
        journal->lastCheckpointMs
            ? QDateTime::fromMSecsSinceEpoch(*journal->lastCheckpointMs).toString(QStringLiteral("HH:mm:ss"))
            : tr("none yet");
    m_journalStatus->setText(
        journal->lastError.empty()
            ? tr("journal %1 · checkpoint %2")
                  .arg(QLocale().formattedDataSize(static_cast<qint64>(journal->bytes)), checkpoint)
            : tr("journal error: %1").arg(QString::fromStdString(journal->lastError)));
    m_journalStatus->setToolTip(
        tr("Folder: %1\nSync: %2\nQueued rows: %L3 · decision log: %L4 rows\nRestored at start: %5")
            .arg(directory, QString::fromStdString(journal->sync))
            .arg(journal->queuedRows)
            .arg(journal->decisionLogRows)
            .arg(QString::fromStdString(journal->restored)));
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        const QKeySequence pressed(static_cast<QKeyEvent *>(event)->keyCombination());
        // Accepted: the focused button or list gets its Space (press, select), not the pause.
        if (pressed == QKeySequence(Qt::Key_Space) && !qobject_cast<QLineEdit *>(watched)
            && !qobject_cast<QAbstractSpinBox *>(watched)) {
            event->accept();
            return true;
        }
        for (const QAction *action : m_actions->findChildren<QAction *>()) {
            if (!action->shortcut().isEmpty() && action->shortcut() == pressed) {
                event->ignore(); // not overridden: the shortcut map gives it to the action
                return true;
            }
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_options.useSettings)
        saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::restoreSettings()
{
    if (!m_options.useSettings) {
        resetLayout();
        return;
    }
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(kDefaultSize);
    if (!m_splitter->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray()))
        m_splitter->setSizes(kDefaultPaneSizes);
    m_tabs->setCurrentIndex(settings.value(QStringLiteral("window/tab"), 0).toInt());
    // charts/windowMinutes: what versions before zooming saved.
    const qint64 savedMinutes = settings.value(QStringLiteral("charts/windowMinutes"), 1).toLongLong();
    m_charts->timeline()->setSpanMs(
        settings.value(QStringLiteral("charts/windowSeconds"), savedMinutes * 60).toLongLong() * 1000);
    m_logDepth->setChecked(settings.value(QStringLiteral("charts/logQueueDepth"), false).toBool());
    m_logLatency->setChecked(settings.value(QStringLiteral("charts/logLatency"), false).toBool());
}

void MainWindow::resetLayout()
{
    if (m_options.useSettings) {
        QSettings settings;
        settings.remove(QStringLiteral("window"));
        settings.remove(QStringLiteral("charts"));
    }
    if (isMaximized() || isFullScreen())
        showNormal();
    resize(kDefaultSize);
    m_splitter->setSizes(kDefaultPaneSizes);
    m_tabs->setCurrentIndex(0);
    m_charts->timeline()->setSpanMs(60'000);
    m_charts->timeline()->setLive(true);
    m_logDepth->setChecked(false);
    m_logLatency->setChecked(false);
}

void MainWindow::showShortcuts()
{
    QStringList rows;
    for (const QAction *action : findChildren<QAction *>()) {
        if (action->shortcut().isEmpty())
            continue;
        rows << QStringLiteral("<tr><td><b>%1</b></td><td>&nbsp;&nbsp;%2</td><td>&nbsp;&nbsp;%3</td></tr>")
                    .arg(action->shortcut().toString(QKeySequence::NativeText).toHtmlEscaped(),
                         action->text().remove(QLatin1Char('&')).toHtmlEscaped(), action->toolTip().toHtmlEscaped());
    }
    QMessageBox box(QMessageBox::NoIcon, tr("Keyboard shortcuts"),
                    QStringLiteral("<table>%1</table>").arg(rows.join(QString())), QMessageBox::Close, this);
    box.setTextFormat(Qt::RichText);
    box.setObjectName(QStringLiteral("ShortcutsDialog"));
    box.exec();
}

void MainWindow::showAbout()
{
    const QString versions = tr("Qt %1 · SQLite %2 · Boost %3.%4 · nlohmann/json %5.%6.%7")
                                 .arg(QString::fromLatin1(qVersion()), QString::fromLatin1(sqlite3_libversion()))
                                 .arg(BOOST_VERSION / 100000)
                                 .arg(BOOST_VERSION / 100 % 1000)
                                 .arg(NLOHMANN_JSON_VERSION_MAJOR)
                                 .arg(NLOHMANN_JSON_VERSION_MINOR)
                                 .arg(NLOHMANN_JSON_VERSION_PATCH);
    QMessageBox box(QMessageBox::Information, tr("About RL Feedback Studio"),
                    tr("RL Feedback Studio %1: a contextual-bandit model router and its trajectory-feedback loop, "
                       "to watch, tune and operate live.")
                        .arg(QCoreApplication::applicationVersion()),
                    QMessageBox::Close, this);
    box.setInformativeText(versions);
    box.setObjectName(QStringLiteral("AboutDialog"));
    box.exec();
}

void MainWindow::restoreDefaultTuning()
{
    const EngineOptions defaults;
    logAction(tr("operator: restore default settings"));
    m_source.setBatchSize(static_cast<int>(defaults.loop.batchSize));
    m_source.setIntervalSeconds(defaults.loop.intervalSeconds);
    m_source.setEvaluationEnabled(defaults.loop.evaluationEnabled);
    m_source.setLoopEnabled(defaults.loop.loopEnabled);
    if (m_source.capabilities().simulator) {
        m_source.setEmissionRate(defaults.emissionRate);
        m_source.setSimulatorEnabled(defaults.simulatorEnabled);
    }
    m_alerts->setTimeScale(AlertMonitor::Options().timeScale);
    if (m_options.useSettings && m_source.capabilities().localSettings)
        TuningSettings::clear(); // this machine's saved tuning; a remote instance keeps none here
    statusBar()->showMessage(
        m_source.capabilities().simulator
            ? tr("Default settings restored: batch size %L1, interval %L2 s, %L3 items/min; the policy and what it "
                 "learned are kept")
                  .arg(defaults.loop.batchSize)
                  .arg(defaults.loop.intervalSeconds)
                  .arg(defaults.emissionRate)
            : tr("Default settings restored: batch size %L1, interval %L2 s; the policy and what it learned are kept")
                  .arg(defaults.loop.batchSize)
                  .arg(defaults.loop.intervalSeconds),
        kStatusMessageMs);
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("window/tab"), m_tabs->currentIndex());
    settings.setValue(QStringLiteral("charts/windowSeconds"), m_charts->timeline()->spanMs() / 1000);
    settings.setValue(QStringLiteral("charts/logQueueDepth"), m_logDepth->isChecked());
    settings.setValue(QStringLiteral("charts/logLatency"), m_logLatency->isChecked());
    // Before the engine is up (a restore still running, a start that failed) the snapshot holds the
    // configuration, not what the operator ran: nothing to save then.
    // A remote engine's settings are its own, not the ones this window starts its engine with.
    if (m_source.capabilities().localSettings && m_source.latestSnapshot().health.routerRegistered)
        TuningSettings::save(m_source.latestSnapshot(), m_source.alerts().timeScale(), m_options.tuningOverrides);
}

} // namespace rl
