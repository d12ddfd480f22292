#include "gui/ui/FleetWindow.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>

#include "core/loop/LoopConfig.h"
#include "gui/host/FleetQuery.h"
#include "gui/host/LoggingCategories.h"
#include "gui/host/PrometheusEngineSource.h"
#include "gui/ui/EventLogFeed.h"
#include "gui/ui/FleetChartsPanel.h"
#include "gui/ui/FleetOperations.h"
#include "gui/ui/FleetPanel.h"
#include "gui/ui/MainWindow.h"
#include "gui/ui/models/FleetTableModel.h"
#include "widgets/AlertList.h"
#include "widgets/ChartTimeline.h"
#include "widgets/LogView.h"
#include "widgets/StatusLine.h"
#include "widgets/StatusPalette.h"

namespace rl {

namespace {

struct RangePreset {
    const char *text;
    qint64 spanMs;
};
// The time-range picker's spans, as Grafana offers them.
constexpr RangePreset kRanges[] = {
    {QT_TRANSLATE_NOOP("rl::FleetWindow", "Last 15 minutes"), 15LL * 60 * 1000},
    {QT_TRANSLATE_NOOP("rl::FleetWindow", "Last hour"), 3600LL * 1000},
    {QT_TRANSLATE_NOOP("rl::FleetWindow", "Last 6 hours"), 6 * 3600LL * 1000},
    {QT_TRANSLATE_NOOP("rl::FleetWindow", "Last 24 hours"), 24 * 3600LL * 1000},
    {QT_TRANSLATE_NOOP("rl::FleetWindow", "Last 7 days"), 7 * 24 * 3600LL * 1000},
};
constexpr double kRefreshChoices[] = {1, 5, 15, 30, 60, 0};

QString clock(double seconds)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(seconds * 1000.0)).time(),
                              QStringLiteral("HH:mm:ss"));
}

} // namespace

FleetWindow::FleetWindow(Options options, QWidget *parent)
    : QMainWindow(parent)
    , m_prometheus(options.source.url)
    , m_url(options.source.url.toDisplayString())
    , m_selectorApplied(options.source.selector)
    , m_logRouter(options.log)
    , m_openInMain(new QAction(tr("Open in &main window"), this))
    , m_source(new PrometheusSource(options.source))
    , m_fleet(new FleetPanel(this))
    , m_charts(new FleetChartsPanel(this))
    , m_alerts(new AlertList(this))
    , m_log(new LogView(this))
    , m_operations(new FleetOperations(options.token, this))
    , m_tabs(new QTabWidget(this))
    , m_status(new StatusLine(this))
{
    setWindowTitle(tr("RL Feedback Studio — fleet at %1").arg(m_url));
    m_thread.setObjectName(QStringLiteral("prometheus"));
    m_source->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_source, &QObject::deleteLater);
    connect(m_source, &PrometheusSource::fleetReady, this, &FleetWindow::showFleet);
    connect(m_source, &PrometheusSource::chartsReady, this, &FleetWindow::showCharts);
    connect(m_source, &PrometheusSource::statusChanged, this, &FleetWindow::showStatus);
    connect(m_source, &PrometheusSource::requestSent, this, [this](const QString &panel) { ++m_requestCounts[panel]; });
    connect(m_source, &PrometheusSource::refreshStarted, this, [this](int number) { m_refreshes = number; });

    m_alerts->setObjectName(QStringLiteral("fleetAlerts"));
    m_alerts->setBanner(tr("Pending and firing alerts as Prometheus at %1 evaluates them").arg(m_url));
    m_tabs->addTab(m_charts, tr("&Charts"));
    m_tabs->addTab(m_alerts, tr("&Alerts"));
    m_tabs->addTab(m_log, tr("E&vent log"));
    if (options.log)
        feedEventLog(*options.log, *m_log);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_fleet);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({2, 3}); // the same proportions from the start, not only when resized
    setCentralWidget(splitter);
    m_status->setObjectName(QStringLiteral("sourceStatus"));
    m_status->setText(tr("Connecting to Prometheus at %1…").arg(m_url));
    statusBar()->addWidget(m_status, 1);
    buildToolBar();
    // The picker shows the refresh asked for, added if it is not one of its choices.
    const double refresh = options.source.refreshSeconds;
    int refreshIndex = m_refresh->findData(refresh);
    if (refreshIndex < 0) {
        m_refresh->addItem(tr("%1 s").arg(refresh), refresh);
        refreshIndex = m_refresh->count() - 1;
    }
    m_refresh->setCurrentIndex(refreshIndex);
    buildMenus();

    connect(m_fleet, &FleetPanel::selectionChanged, this, &FleetWindow::drillDown);
    connect(m_charts, &FleetChartsPanel::rangeRequested, this, [this](double start, double end, bool live) {
        tellSource([start, end, live](PrometheusSource &s) { s.setChartRange(start, end, live); });
        showRangeLabel();
    });
    connect(m_charts->timeline(), &ChartTimeline::rangeChanged, this, &FleetWindow::showRangeLabel);

    ChartTimeline *timeline = m_charts->timeline();
    m_charts->setInitialSpan(static_cast<qint64>(options.rangeSeconds * 1000.0));
    showRangeLabel();
    const double end = static_cast<double>(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
    const double span = static_cast<double>(timeline->spanMs()) / 1000.0;
    m_thread.start();
    tellSource([end, span](PrometheusSource &s) {
        s.setChartRange(end - span, end, true);
        s.start();
    });
    resize(1280, 800);
}

FleetWindow::~FleetWindow()
{
    m_thread.quit();
    m_thread.wait();
}

template<typename Slot>
void FleetWindow::tellSource(Slot &&slot)
{
    // Queued: the source runs on its thread; the window goes on.
    QMetaObject::invokeMethod(
        m_source, [source = m_source, slot = std::forward<Slot>(slot)] { slot(*source); }, Qt::QueuedConnection);
}

void FleetWindow::buildToolBar()
{
    QToolBar *bar = addToolBar(tr("Fleet"));
    bar->setObjectName(QStringLiteral("fleetToolBar"));
    bar->setMovable(false);

    m_range = new QComboBox(bar);
    m_range->setObjectName(QStringLiteral("rangeBox"));
    for (const RangePreset &preset : kRanges)
        m_range->addItem(tr(preset.text));
    m_range->addItem(tr("Custom range…"));
    m_range->setToolTip(tr("The charts' time range, up to what Prometheus keeps; the wheel zooms, a drag pans, "
                           "a double-click returns to live"));
    connect(m_range, &QComboBox::activated, this, &FleetWindow::pickRange);
    bar->addWidget(new QLabel(tr("Range: "), bar));
    bar->addWidget(m_range);
    m_rangeLabel = new QLabel(bar);
    m_rangeLabel->setObjectName(QStringLiteral("rangeLabel"));
    m_rangeLabel->setContentsMargins(6, 0, 12, 0);
    bar->addWidget(m_rangeLabel);

    m_refresh = new QComboBox(bar);
    m_refresh->setObjectName(QStringLiteral("refreshBox"));
    for (const double seconds : kRefreshChoices)
        m_refresh->addItem(seconds == 0   ? tr("off")
                           : seconds < 60 ? tr("%1 s").arg(seconds)
                                          : tr("%1 min").arg(seconds / 60),
                           seconds);
    m_refresh->setToolTip(tr("How often the table, the alerts and the charts ask Prometheus: one query each"));
    connect(m_refresh, &QComboBox::activated, this, [this] {
        const double seconds = m_refresh->currentData().toDouble();
        tellSource([seconds](PrometheusSource &s) { s.setRefreshSeconds(seconds); });
    });
    bar->addWidget(new QLabel(tr("Refresh: "), bar));
    bar->addWidget(m_refresh);

    m_sum = new QCheckBox(tr("&Sum selected"), bar);
    m_sum->setObjectName(QStringLiteral("sumBox"));
    m_sum->setToolTip(tr("One series for the selected instances together instead of one each"));
    connect(m_sum, &QCheckBox::toggled, this, &FleetWindow::drillDown);
    bar->addSeparator();
    bar->addWidget(m_sum);

    m_selector = new QLineEdit(bar);
    m_selector->setObjectName(QStringLiteral("selectorField"));
    m_selector->setPlaceholderText(tr("{tenant=~\"acme|globex\"}"));
    m_selector->setToolTip(tr("Label matchers that pick the instances, applied with Enter; empty for all"));
    m_selector->setClearButtonEnabled(true);
    connect(m_selector, &QLineEdit::returnPressed, this, &FleetWindow::applySelector);
    bar->addSeparator();
    bar->addWidget(new QLabel(tr("Selector: "), bar));
    bar->addWidget(m_selector);
    showRangeLabel();
}

void FleetWindow::pickRange(int index)
{
    if (index >= static_cast<int>(std::size(kRanges))) {
        askCustomRange();
        return;
    }
    ChartTimeline *timeline = m_charts->timeline();
    timeline->setLive(true);
    timeline->setSpanMs(kRanges[index].spanMs);
}

void FleetWindow::askCustomRange()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Custom range"));
    const ChartTimeline *timeline = m_charts->timeline();
    auto *from = new QDateTimeEdit(QDateTime::fromMSecsSinceEpoch(timeline->startMs()), &dialog);
    auto *to = new QDateTimeEdit(QDateTime::fromMSecsSinceEpoch(timeline->endMs()), &dialog);
    for (QDateTimeEdit *edit : {from, to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        edit->setMaximumDateTime(QDateTime::currentDateTime());
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *form = new QFormLayout(&dialog);
    form->addRow(tr("From:"), from);
    form->addRow(tr("To:"), to);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted || from->dateTime() >= to->dateTime()) {
        showRangeLabel();
        return;
    }
    m_charts->timeline()->showRange(from->dateTime().toMSecsSinceEpoch(), to->dateTime().toMSecsSinceEpoch());
}

void FleetWindow::showRangeLabel()
{
    const ChartTimeline *timeline = m_charts->timeline();
    const auto at = [](qint64 ms) {
        return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), QStringLiteral("yyyy-MM-dd HH:mm"));
    };
    m_rangeLabel->setText(timeline->isLive() ? tr("live")
                                             : tr("%1 – %2").arg(at(timeline->startMs()), at(timeline->endMs())));
    // The picker names a preset only while the range is one.
    int index = -1;
    for (int i = 0; i < static_cast<int>(std::size(kRanges)); ++i)
        if (timeline->isLive() && kRanges[i].spanMs == timeline->spanMs())
            index = i;
    if (index >= 0)
        m_range->setCurrentIndex(index);
    else
        m_range->setCurrentIndex(static_cast<int>(std::size(kRanges)));
}

void FleetWindow::applySelector()
{
    const QString text = m_selector->text();
    try {
        const FleetQuery query(text); // refused here, with the reason, before it reaches the source
    } catch (const ConfigError &error) {
        m_selector->setStyleSheet(QStringLiteral("color: %1").arg(StatusPalette::critical(palette()).name()));
        statusBar()->showMessage(QString::fromUtf8(error.what()), 15000);
        return;
    }
    m_selector->setStyleSheet({});
    qCInfo(lcOperator).noquote() << tr("operator: fleet selector %1").arg(text.isEmpty() ? tr("(all)") : text);
    m_selectorApplied = text;
    tellSource([text](PrometheusSource &s) { s.setSelector(text); });
}

void FleetWindow::buildMenus()
{
    m_openInMain->setShortcut(Qt::CTRL | Qt::Key_O);
    m_openInMain->setToolTip(tr("Show the selected instances (all those shown when none is selected), summed, in the "
                                "main window's tiles, charts, checklist and alerts, read from Prometheus"));
    connect(m_openInMain, &QAction::triggered, this, &FleetWindow::openInMainWindow);
    QMenu *operate = menuBar()->addMenu(tr("&Operate"));
    operate->setToolTipsVisible(true);
    operate->addAction(m_openInMain);
    operate->addSeparator();
    for (QAction *action : m_operations->actions())
        operate->addAction(action);
    // The same on the table's rows; a double click opens them.
    QTableView *table = m_fleet->view();
    table->setContextMenuPolicy(Qt::ActionsContextMenu);
    table->addAction(m_openInMain);
    auto *separator = new QAction(this);
    separator->setSeparator(true);
    table->addAction(separator);
    for (QAction *action : m_operations->actions())
        table->addAction(action);
    connect(table, &QTableView::doubleClicked, this, &FleetWindow::openInMainWindow);
    connect(m_operations, &FleetOperations::finished, this, [this](const QString &operation, int done, int asked) {
        statusBar()->showMessage(tr("%1: %2 of %n instance(s) done; each answer is in the event log", nullptr, asked)
                                     .arg(operation)
                                     .arg(done),
                                 15000);
    });
}

MainWindow *FleetWindow::openInMainWindow()
{
    std::vector<FleetInstance> rows = m_fleet->selectedRows();
    if (rows.empty())
        rows = m_fleet->shownRows();
    if (rows.empty()) {
        statusBar()->showMessage(tr("No instances yet: wait for Prometheus's answer"), 15000);
        return nullptr;
    }
    const double refresh = m_refresh->currentData().toDouble();
    auto *source =
        new PrometheusEngineSource({m_prometheus, m_selectorApplied, rows,
                                    refresh > 0.0 ? refresh : PrometheusEngineSource::kDefaultRefreshSeconds});
    MainWindow::Options options;
    options.log = m_logRouter;
    options.useSettings = false; // a view of the fleet's instances: the local window's layout stays as saved
    // A window of its own, owned by this one: closed with it, so no view outlives the fleet it came from.
    auto *window = new MainWindow(*source, options, this);
    window->setWindowFlag(Qt::Window);
    window->setAttribute(Qt::WA_DeleteOnClose);
    connect(window, &QObject::destroyed, source, &QObject::deleteLater);
    qCInfo(lcOperator).noquote() << tr("operator: opened %1 in the main window").arg(source->remoteUrl());
    window->resize(size());
    window->show();
    return window;
}

void FleetWindow::closeEvent(QCloseEvent *event)
{
    for (MainWindow *window : findChildren<MainWindow *>(Qt::FindDirectChildrenOnly))
        window->close();
    QMainWindow::closeEvent(event);
}

void FleetWindow::drillDown()
{
    const std::vector<FleetInstance> rows = m_fleet->selectedRows();
    m_operations->setSelection(rows);
    const bool summed = m_sum->isChecked();
    tellSource([rows, summed](PrometheusSource &s) { s.setDrillDown(rows, summed); });
}

void FleetWindow::showFleet(const FleetSnapshot &fleet)
{
    m_fleet->setFleet(fleet);
    m_operations->setSelection(m_fleet->selectedRows()); // what a purge counts is what the table shows now
    QList<AlertList::Row> rows;
    for (const PromAlert &alert : fleet.alerts) {
        QStringList labels;
        for (auto it = alert.labels.cbegin(); it != alert.labels.cend(); ++it)
            labels << QStringLiteral("`%1=\"%2\"`").arg(it.key(), it.value());
        const QString where =
            alert.labels.value(QStringLiteral("instance"), alert.labels.value(QStringLiteral("tenant"), tr("fleet")));
        rows.append(
            {QStringLiteral("%1 · %2").arg(alert.labels.value(QStringLiteral("alertname")), where),
             alert.labels.value(QStringLiteral("severity")), alert.state, QLocale().toString(alert.value, 'g', 4),
             alert.activeAt > 0 ? clock(alert.activeAt) : QString(),
             QStringLiteral("**%1**\n\n%2").arg(alert.summary.toHtmlEscaped(), labels.join(QStringLiteral(" ")))});
    }
    m_alerts->setRows(rows);
    int firing = 0;
    for (const PromAlert &alert : fleet.alerts)
        firing += alert.state == QLatin1String("firing");
    // Only when it changes: a tab's new text lays out the whole window again.
    const QString alertsTab = firing > 0 ? tr("&Alerts (%1 firing)").arg(firing) : tr("&Alerts");
    if (m_tabs->tabText(1) != alertsTab)
        m_tabs->setTabText(1, alertsTab);
    Q_EMIT fleetShown();
}

void FleetWindow::showCharts(const FleetCharts &charts)
{
    m_charts->setCharts(charts);
    Q_EMIT chartsShown();
}

void FleetWindow::showStatus(const SourceStatus &status)
{
    QString text;
    QColor color;
    switch (status.state) {
    case SourceStatus::State::Connecting:
        text = tr("Connecting to Prometheus at %1…").arg(m_url);
        break;
    case SourceStatus::State::Connected:
        text = tr("Prometheus at %1: %n instance(s), updated %2 (%3 ms)", nullptr, status.instances)
                   .arg(m_url, clock(status.lastAnswerSeconds), QString::number(status.roundTripMs));
        break;
    case SourceStatus::State::Unreachable:
        // One arg() call each: a message may hold a "%" of its own.
        text = status.lastAnswerSeconds > 0
                   ? tr("Prometheus at %1 unreachable: %2; retrying in %3 s; showing what it said at %4")
                         .arg(m_url, status.message, QString::number(status.retryInSeconds),
                              clock(status.lastAnswerSeconds))
                   : tr("Prometheus at %1 unreachable: %2; retrying in %3 s")
                         .arg(m_url, status.message, QString::number(status.retryInSeconds));
        color = StatusPalette::critical(palette());
        break;
    case SourceStatus::State::Refused:
        text = tr("Prometheus at %1 refused a query: %2").arg(m_url, status.message);
        color = StatusPalette::warning(palette());
        break;
    }
    m_status->setText(text, color);
    // Where the data stops and starts again, marked on the charts.
    if (status.state != m_lastState
        && (status.state == SourceStatus::State::Unreachable || m_lastState == SourceStatus::State::Unreachable)) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        m_charts->timeline()->addAnnotation(now,
                                            status.state == SourceStatus::State::Unreachable
                                                ? tr("Prometheus unreachable: %1").arg(status.message)
                                                : tr("Prometheus reachable again"),
                                            StatusPalette::critical(palette()), QStringLiteral("prometheus"));
        qCWarning(lcUi).noquote() << text;
    }
    m_lastState = status.state;
}

} // namespace rl
