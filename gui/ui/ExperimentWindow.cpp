#include "gui/ui/ExperimentWindow.h"

#include <QAction>
#include <QDir>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>

#include "gui/ui/ComparePanel.h"
#include "gui/ui/EvaluatePanel.h"

namespace rl {

ExperimentWindow::ExperimentWindow(Options options, QWidget *parent)
    : QMainWindow(parent)
    , m_options(std::move(options))
    , m_tabs(new QTabWidget(this))
    , m_evaluate(new EvaluatePanel(m_tabs))
    , m_compare(new ComparePanel(m_tabs))
{
    setObjectName(QStringLiteral("ExperimentWindow"));
    setWindowTitle(tr("Experiments — RL Feedback Studio"));
    m_tabs->addTab(m_evaluate, tr("&Evaluate"));
    m_tabs->addTab(m_compare, tr("&Compare"));
    m_tabs->setTabToolTip(0, tr("What a target policy would have earned on a logged bandit's decisions"));
    m_tabs->setTabToolTip(1, tr("Policies' regret over a learning stream on several seeds, with 95 % intervals"));
    setCentralWidget(m_tabs);
    m_compare->setSaveFolder(m_options.runsFolder.isEmpty()
                                 ? QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
                                       .filePath(QStringLiteral("comparisons"))
                                 : m_options.runsFolder);
    buildMenus();
    statusBar();
    connect(m_evaluate, &EvaluatePanel::resultsChanged, this, [this](bool available) {
        m_evaluateResults = available;
        updateExports();
    });
    connect(m_compare, &ComparePanel::resultsChanged, this, [this](bool available) {
        m_compareResults = available;
        updateExports();
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, &ExperimentWindow::updateExports);
    updateExports();
    resize(1280, 800);
    restoreSettings();
}

ExperimentWindow::~ExperimentWindow()
{
    saveSettings();
}

void ExperimentWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    m_exportCsv = file->addAction(tr("Export as &CSV…"), QKeySequence(tr("Ctrl+Shift+C")), this, [this] {
        if (m_tabs->currentWidget() == m_evaluate)
            m_evaluate->exportCsv();
        else
            m_compare->exportCsv();
    });
    m_exportPng = file->addAction(tr("Export the chart as &PNG…"), QKeySequence(tr("Ctrl+Shift+P")), this, [this] {
        if (m_tabs->currentWidget() == m_evaluate)
            m_evaluate->exportPng();
        else
            m_compare->exportPng();
    });
    file->addSeparator();
    file->addAction(tr("&Close"), QKeySequence::Close, this, &QWidget::close);
    QMenu *run = menuBar()->addMenu(tr("&Run"));
    QAction *start = run->addAction(tr("&Run the current tab"), QKeySequence(tr("Ctrl+Return")), this, [this] {
        if (m_tabs->currentWidget() == m_evaluate)
            m_evaluate->evaluate();
        else
            m_compare->compare();
    });
    start->setToolTip(tr("Evaluate, or Compare, with the inputs shown"));
}

void ExperimentWindow::updateExports()
{
    const bool available = m_tabs->currentWidget() == m_evaluate ? m_evaluateResults : m_compareResults;
    const QString why = tr("Nothing to export yet: run it first");
    for (QAction *action : {m_exportCsv, m_exportPng}) {
        action->setEnabled(available);
        action->setToolTip(available ? QString() : why);
    }
}

void ExperimentWindow::showEvaluate()
{
    m_tabs->setCurrentWidget(m_evaluate);
}

void ExperimentWindow::showCompare()
{
    m_tabs->setCurrentWidget(m_compare);
}

void ExperimentWindow::restoreSettings()
{
    if (!m_options.useSettings)
        return;
    const QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("experiments/geometry")).toByteArray());
    m_tabs->setCurrentIndex(settings.value(QStringLiteral("experiments/tab"), 0).toInt());
    m_evaluate->restoreInputs(settings);
    m_compare->restoreInputs(settings);
}

void ExperimentWindow::saveSettings() const
{
    if (!m_options.useSettings)
        return;
    QSettings settings;
    settings.setValue(QStringLiteral("experiments/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("experiments/tab"), m_tabs->currentIndex());
    m_evaluate->saveInputs(settings);
    m_compare->saveInputs(settings);
}

} // namespace rl
