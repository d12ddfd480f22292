// Drives the real main window on a real engine (offscreen): the operator's buttons, sliders, charts,
// alerts and the German translation.
#include <functional>

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QChartView>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTranslator>
#include <QWheelEvent>

#include "gui/host/EngineHost.h"
#include "gui/host/GradualRecovery.h"
#include "gui/host/LogRouter.h"
#include "gui/host/LoggingCategories.h"
#include "gui/ui/AlertsPanel.h"
#include "gui/ui/ChartsPanel.h"
#include "gui/ui/ControlPanel.h"
#include "gui/ui/MainWindow.h"
#include "gui/ui/OperatorActions.h"
#include "gui/ui/TilesPanel.h"
#include "gui/ui/TuningSettings.h"
#include "widgets/AlertList.h"
#include "widgets/ChartTimeline.h"
#include "widgets/Checklist.h"
#include "widgets/GaugeTile.h"
#include "widgets/LabelledSlider.h"
#include "widgets/LogView.h"
#include "widgets/StatTile.h"
#include "widgets/TimeSeriesChart.h"

using namespace rl;

namespace {

constexpr int kWaitMs = 10000;

// A quiet engine: no simulator and no ticks unless a test asks, so the queue holds what the test puts in.
EngineOptions quietEngine()
{
    EngineOptions options;
    options.simulatorEnabled = false;
    options.loop.intervalSeconds = 3600.0;
    options.loop.batchSize = 25;
    return options;
}

// Waits for the snapshot that satisfies the predicate; fails the test after kWaitMs.
template<typename Predicate>
bool waitForSnapshot(EngineHost &host, Predicate predicate)
{
    if (predicate(host.latestSnapshot()))
        return true;
    QSignalSpy spy(&host, &EngineHost::snapshotReady);
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < kWaitMs) {
        if (!spy.wait(kWaitMs - static_cast<int>(timer.elapsed())))
            return false;
        if (predicate(host.latestSnapshot()))
            return true;
    }
    return false;
}

bool depthIs(EngineHost &host, std::size_t depth)
{
    return waitForSnapshot(host, [depth](const EngineSnapshot &s) { return s.health.queueDepth == depth; });
}

// Answers the confirmation named objectName as soon as it opens, after doing what is given while it is
// open: its destructive button, or Cancel.
void answer(const QString &objectName, bool accept, const std::function<void()> &meanwhile = {})
{
    QTimer::singleShot(0, [objectName, accept, meanwhile] {
        if (meanwhile)
            meanwhile();
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        QVERIFY(box);
        QCOMPARE(box->objectName(), objectName);
        for (QAbstractButton *button : box->buttons()) {
            if ((box->buttonRole(button) == QMessageBox::DestructiveRole) == accept) {
                button->click();
                return;
            }
        }
        QFAIL("no such button");
    });
}

// Saves to path in the export dialog as soon as it opens.
void saveAs(const QString &path)
{
    QTimer::singleShot(0, [path] {
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        QCOMPARE(dialog->objectName(), QStringLiteral("ExportDialog"));
        dialog->selectFile(path);
        static_cast<QDialog *>(dialog)->accept(); // QFileDialog's override is protected; it checks the name
    });
}

QMenu *menuNamed(QMenuBar *bar, const QString &title)
{
    for (QAction *menu : bar->actions()) {
        if (menu->text() == title)
            return menu->menu();
    }
    return nullptr;
}

// Shortcuts reach only the active window; a closed dialog leaves none active offscreen.
bool activate(QWidget &window)
{
    window.activateWindow();
    return QTest::qWaitForWindowActive(&window);
}

// Exports are written off the UI thread; the status bar names the file once it is there.
bool savedAs(QMainWindow &window, const QString &path)
{
    return QTest::qWaitFor([&] { return window.statusBar()->currentMessage().contains(QFileInfo(path).fileName()); },
                           kWaitMs);
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool hasAnnotation(const ChartTimeline &timeline, const QString &text)
{
    for (const ChartTimeline::Annotation &a : timeline.annotations()) {
        if (a.text.contains(text))
            return true;
    }
    return false;
}

} // namespace

class TstMainWindow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("rlstudio-tests"));
        qRegisterMetaType<EngineSnapshot>();
    }

    void processOnceRemovesExactlyOneBatch()
    {
        EngineHost host(quietEngine());
        MainWindow window(host, {});
        window.show();
        host.emitRequests(100);
        QVERIFY(depthIs(host, 100));
        window.actions().processOnce->trigger();
        QVERIFY(depthIs(host, 75));
        QVERIFY(waitForSnapshot(host, [](const EngineSnapshot &s) { return s.health.totals.processed == 25; }));
    }

    // What was logged before the window existed (start-up, e.g. why the API is off) is in its event log,
    // and nothing after is lost or doubled.
    void startUpMessagesReachTheEventLog()
    {
        LogRouter log;
        qCWarning(lcUi) << "HTTP API off: the port is in use";
        EngineHost host(quietEngine());
        MainWindow::Options options;
        options.log = &log;
        MainWindow window(host, options);
        qCWarning(lcUi) << "after the window";
        LogView *events = window.eventLog();
        events->setFilterText(QStringLiteral("port is in use"));
        QTRY_COMPARE_WITH_TIMEOUT(events->visibleCount(), 1, kWaitMs);
        events->setFilterText(QStringLiteral("after the window"));
        QTRY_COMPARE_WITH_TIMEOUT(events->visibleCount(), 1, kWaitMs);
    }

    // The operator's shortcuts work while a text field has the focus: Ctrl+E in the log's filter box
    // toggles trajectory evaluation instead of moving the cursor.
    void shortcutsWorkInTextFields()
    {
        EngineHost host(quietEngine());
        MainWindow window(host, {});
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(waitForSnapshot(host, [](const EngineSnapshot &s) { return s.health.trajectoryEvaluationEnabled; }));
        window.findChild<QTabWidget *>()->setCurrentWidget(window.eventLog());
        auto *filter = window.eventLog()->findChild<QLineEdit *>();
        QVERIFY(filter);
        filter->setFocus();
        QTRY_VERIFY(filter->hasFocus());
        QTest::keyClick(filter, Qt::Key_E, Qt::ControlModifier);
        QVERIFY(waitForSnapshot(host, [](const EngineSnapshot &s) { return !s.health.trajectoryEvaluationEnabled; }));
        QVERIFY(filter->text().isEmpty());
    }

    // With the loop flag off, Process once does nothing, as the original's does, and says why.
    void processOnceWithTheLoopOffSaysWhy()
    {
        EngineOptions options = quietEngine();
        options.loop.loopEnabled = false;
        EngineHost host(options);
        MainWindow window(host, {});
        window.show();
        host.emitRequests(30);
        QVERIFY(depthIs(host, 30));
        QSignalSpy failed(&host, &EngineHost::commandFailed);
        window.actions().processOnce->trigger();
        QVERIFY(failed.wait(kWaitMs));
        QVERIFY(failed.first().first().toString().contains(QStringLiteral("flag")));
        QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("Drain")));
        QCOMPARE(host.latestSnapshot().health.queueDepth, std::size_t(30));
    }

    // Gradual recovery says when it is not really done (the loop flag is off), and its action cancels it
    // while it runs.
    void gradualRecoveryTellsTheTruthAndCancels()
    {
        EngineOptions options = quietEngine();
        options.loop.loopEnabled = false;
        EngineHost host(options);
        MainWindow window(host, {});
        window.show();
        host.emitRequests(50);
        QVERIFY(depthIs(host, 50));
        QAction *recovery = window.actions().gradualRecovery;
        const QString idleText = recovery->text();
        QSignalSpy steps(window.findChild<GradualRecovery *>(), &GradualRecovery::stepChanged);
        recovery->trigger();
        QVERIFY(recovery->text() != idleText); // now it cancels
        QTRY_VERIFY_WITH_TIMEOUT(
            !steps.isEmpty() && steps.last().first().value<GradualRecovery::Step>() == GradualRecovery::Step::Done,
            kWaitMs);
        QVERIFY2(steps.last().at(1).toString().contains(QStringLiteral("flag is off")),
                 qPrintable(steps.last().at(1).toString()));
        QCOMPARE(recovery->text(), idleText);

        steps.clear();
        recovery->trigger();
        recovery->trigger(); // cancelled while it disables evaluation
        QVERIFY(!steps.isEmpty());
        QCOMPARE(steps.last().first().value<GradualRecovery::Step>(), GradualRecovery::Step::Stopped);
        QCOMPARE(recovery->text(), idleText);
    }

    // A full queue drops its oldest items: the Dropped tile, the rates chart, the checklist and the queue
    // gauge (depth out of capacity) all say so.
    void dropsAreCountedAndShown()
    {
        EngineOptions options = quietEngine();
        options.queueCapacity = 10;
        EngineHost host(options);
        MainWindow window(host, {});
        window.show();
        host.emitRequests(25);
        QVERIFY(waitForSnapshot(host, [](const EngineSnapshot &s) { return s.health.totals.dropped == 15; }));
        QTRY_VERIFY_WITH_TIMEOUT(window.tilesPanel()->droppedTile()->toolTip().contains(QStringLiteral("15 in total")),
                                 kWaitMs);
        QCOMPARE(window.tilesPanel()->droppedTile()->level(), StatTile::Level::Critical);
        QVERIFY2(window.tilesPanel()->queueGauge()->toolTip().contains(QStringLiteral("10 / 10")),
                 qPrintable(window.tilesPanel()->queueGauge()->toolTip()));
        const int dropsItem = 5; // after flag, router, loop, exceptions and queue depth
        QCOMPARE(window.checklist()->stateOf(dropsItem), std::optional<bool>(false));
        QCOMPARE(window.checklist()->stateOf(dropsItem - 1), std::optional<bool>(false)); // a full queue is not stable
        TimeSeriesChart *rates = window.chartsPanel()->throughputChart();
        QTRY_VERIFY_WITH_TIMEOUT(
            rates->valueText(3, host.latestSnapshot().wallTimeMs).startsWith(QStringLiteral("dropped: "))
                && !rates->valueText(3, host.latestSnapshot().wallTimeMs).contains(QStringLiteral("no data")),
            kWaitMs);
    }

    // The tuning the operator left is there at the next start, except what the command line sets, which wins
    // (and is said) without being saved over the operator's value. Restore defaults forgets it all.
    void tuningSurvivesARestartUnlessTheCommandLineSetsIt()
    {
        using Key = TuningSettings::Key;
        TuningSettings::clear();
        {
            EngineHost host(quietEngine());
            MainWindow window(host, {});
            window.show();
            host.setBatchSize(77);
            host.setIntervalSeconds(2.5);
            host.setLoopEnabled(false);
            QVERIFY(waitForSnapshot(host, [](const EngineSnapshot &s) {
                return s.health.batchSize == 77 && s.health.intervalSeconds == 2.5 && !s.health.rlFeedbackEnabled;
            }));
            window.close();
        }
        EngineOptions options = quietEngine(); // as `--interval 3600` would start it
        AlertMonitor::Options alerts;
        TuningSettings::Overrides overrides;
        overrides[Key::Interval] = {QStringLiteral("--interval 3600"), 3600.0};
        const QStringList notices = TuningSettings::apply(options, alerts, overrides);
        QCOMPARE(options.loop.batchSize, std::size_t(77));
        QCOMPARE(options.loop.loopEnabled, false);
        QCOMPARE(options.loop.intervalSeconds, 3600.0);
        QCOMPARE(notices.size(), 1);
        QVERIFY2(notices.first().contains(QStringLiteral("--interval 3600")) && notices.first().contains(u"2.5"),
                 qPrintable(notices.first()));
        {
            EngineHost host(options, alerts);
            MainWindow::Options windowOptions;
            windowOptions.tuningOverrides = overrides;
            MainWindow window(host, windowOptions);
            window.show();
            QVERIFY(waitForSnapshot(host, [](const EngineSnapshot &s) { return s.health.batchSize == 77; }));
            window.close();
        }
        QCOMPARE(QSettings().value(QStringLiteral("tuning/intervalSeconds")).toDouble(), 2.5);
        {
            EngineHost host(options, alerts);
            MainWindow window(host, {});
            window.show();
            window.actions().restoreDefaults->trigger();
            QVERIFY(waitForSnapshot(host, [](const EngineSnapshot &s) {
                return s.health.batchSize == 25 && s.health.intervalSeconds == 15.0 && s.health.rlFeedbackEnabled;
            }));
            QVERIFY(!QSettings().contains(QStringLiteral("tuning/batchSize")));
        }
        TuningSettings::clear();
    }

    // A saved value is held to the command line's ranges: a bad one is named and not used.
    void badSavedTuningIsNamedAndNotUsed()
    {
        TuningSettings::clear();
        QSettings settings;
        settings.setValue(QStringLiteral("tuning/batchSize"), QStringLiteral("lots"));
        settings.setValue(QStringLiteral("tuning/policy"), QStringLiteral("oracle"));
        settings.setValue(QStringLiteral("tuning/loopEnabled"), QStringLiteral("maybe"));
        settings.setValue(QStringLiteral("tuning/intervalSeconds"), 2.5);
        EngineOptions options = quietEngine();
        AlertMonitor::Options alerts;
        const QStringList notices = TuningSettings::apply(options, alerts, {});
        QCOMPARE(notices.size(), 3);
        for (const char *name : {"tuning/batchSize", "tuning/policy", "tuning/loopEnabled"})
            QVERIFY2(notices.join(QLatin1Char('\n')).contains(QLatin1String(name)), qPrintable(notices.join(u'\n')));
        QCOMPARE(options.loop.batchSize, quietEngine().loop.batchSize);
        QCOMPARE(options.policy, quietEngine().policy);
        QCOMPARE(options.loop.loopEnabled, true);
        QCOMPARE(options.loop.intervalSeconds, 2.5);
        TuningSettings::clear();
    }

    // A documentation run (--screenshot) shows the default layout and leaves the user's settings alone.
    void documentationRunsLeaveSettingsAlone()
    {
        QSettings().setValue(QStringLiteral("window/tab"), 2);
        {
            EngineHost host(quietEngine());
            MainWindow::Options options;
            options.useSettings = false;
            MainWindow window(host, options);
            window.show();
            auto *tabs = window.findChild<QTabWidget *>();
            QVERIFY(tabs);
            QCOMPARE(tabs->currentIndex(), 0);
            tabs->setCurrentIndex(1);
            window.close();
        }
        QCOMPARE(QSettings().value(QStringLiteral("window/tab")).toInt(), 2);
        {
            EngineHost host(quietEngine());
            MainWindow window(host, {});
            QCOMPARE(window.findChild<QTabWidget *>()->currentIndex(), 2); // an ordinary run restores them
        }
    }

    void purgeCancelledKeepsTheQueue()
    {
        EngineHost host(quietEngine());
        MainWindow window(host, {});
        window.show();
        host.emitRequests(40);
        QVERIFY(depthIs(host, 40));
        answer(QStringLiteral("PurgeConfirmation"), false);
        window.actions().purge->trigger();
        host.processOnce(); // a round trip through the worker: a purge sent before it would show after it
        QVERIFY(depthIs(host, 15));
        QCOMPARE(host.latestSnapshot().health.totals.purged, 0u);
    }

    void purgeAcceptedEmptiesTheQueueAndCounts()
    {
        EngineHost host(quietEngine());
        MainWindow window(host, {});
        window.show();
        host.emitRequests(40);
        QVERIFY(depthIs(host, 40));
        answer(QStringLiteral("PurgeConfirmation"), true);
        window.actions().purge->trigger();
        QVERIFY(depthIs(host, 0));
        QVERIFY(waitForSnapshot(host, [](const EngineSnapshot &s) { return s.health.totals.purged == 40; }));
    }

    // The confirmation counts what it shows; items that arrive while it is open are not purged.
    void purgeDiscardsExactlyWhatWasConfirmed()
    {
        EngineHost host(quietEngine());
        MainWindow window(host, {});
        window.show();
        host.emitRequests(40);
        QVERIFY(depthIs(host, 40));
        answer(QStringLiteral("PurgeConfirmation"), true, [&host] {
            host.emitRequests(7);
            QVERIFY(depthIs(host, 47));
        });
        window.actions().purge->trigger();
        QVERIFY(depthIs(host, 7));
        QVERIFY(waitForSnapshot(host, [](const EngineSnapshot &s) { return s.health.totals.purged == 40; }));
    }

    void purgeOfAnEmptyQueueAsksNothing()
    {
        EngineHost host(quietEngine());
        MainWindow window(host, {});
        window.show();
        QVERIFY(depthIs(host, 0));
        window.actions().purge->trigger(); // would block on a dialog nobody answers
        QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("empty")));
    }

    // A wheel over the policy combo scrolls past it unless the operator has put focus on it; a switch or a
    // reset asks first, and a No keeps the policy and what it learned.
    void policyIsNeverChangedInPassing()
    {
        EngineHost host(quietEngine());
        MainWindow window(host, {});
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QComboBox *policy = window.controlPanel()->policySelector();
        const int adaptive = policy->findData(QStringLiteral("adaptive")); // the default
        QTRY_COMPARE_WITH_TIMEOUT(policy->currentIndex(), adaptive, kWaitMs);
        QSignalSpy chosen(window.controlPanel(), &ControlPanel::policyChosen);
        window.setFocus();
        QVERIFY(!policy->hasFocus());
        const QPointF centre = QRectF(policy->rect()).center();
        QWheelEvent wheel(centre, policy->mapToGlobal(centre), QPoint(), QPoint(0, -120), Qt::NoButton, Qt::NoModifier,
                          Qt::NoScrollPhase, false);
        QApplication::sendEvent(policy, &wheel);
        QCOMPARE(policy->currentIndex(), adaptive);
        QCOMPARE(chosen.count(), 0);

        answer(QStringLiteral("PolicyConfirmation"), false);
        Q_EMIT policy->activated(policy->findData(QStringLiteral("thompson"))); // as a key press would
        QCOMPARE(policy->currentIndex(), adaptive);
        QCOMPARE(host.latestSnapshot().health.policy, std::string("adaptive"));

        answer(QStringLiteral("PolicyConfirmation"), true);
        policy->setCurrentIndex(policy->findData(QStringLiteral("thompson")));
        Q_EMIT policy->activated(policy->currentIndex());
        QVERIFY(waitForSnapshot(host, [](const EngineSnapshot &s) { return s.health.policy == "thompson"; }));

        answer(QStringLiteral("ResetConfirmation"), false);
        window.actions().resetBandit->trigger();
        answer(QStringLiteral("ResetConfirmation"), true);
        window.actions().resetBandit->trigger();
        QVERIFY(waitForSnapshot(host, [](const EngineSnapshot &s) { return s.health.policy == "thompson"; }));
    }

    void drainOfAnEmptyQueueIsReported()
    {
        // A drain that ends before its first batch still gets a last-drain line under the buttons.
        EngineHost host(quietEngine());
        MainWindow window(host, {});
        window.show();
        QVERIFY(waitForSnapshot(host, [](const EngineSnapshot &s) { return s.health.routerRegistered; }));
        QVERIFY(!host.latestSnapshot().drain.started);
        QSignalSpy finished(&host, &EngineHost::drainFinished);
        window.actions().drain->trigger();
        QVERIFY(finished.wait(kWaitMs));
        const auto outcome = finished.takeFirst().at(0).value<DrainProgress>();
        QVERIFY(outcome.started && !outcome.active);
        QCOMPARE(outcome.batches, std::uint64_t(0));
        QLabel *status = nullptr;
        for (QLabel *label : window.controlPanel()->findChildren<QLabel *>()) {
            if (label->accessibleName() == QCoreApplication::translate("rl::ControlPanel", "Operation progress"))
                status = label;
        }
        QVERIFY(status);
        QVERIFY(waitForSnapshot(host, [](const EngineSnapshot &s) { return s.drain.started; }));
        QVERIFY2(status->text().startsWith(QStringLiteral("Last drain: 0 processed")),
                 qPrintable(status->text())); // on the same snapshot
    }

    void batchSizeSliderChangesTheWorkersBatch()
    {
        EngineHost host(quietEngine());
        MainWindow window(host, {});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QDoubleSpinBox *entry = window.controlPanel()->batchSizeSlider()->spinBox();
        entry->setFocus();
        entry->selectAll();
        QTest::keyClicks(entry, QStringLiteral("1000")); // the user types an exact value
        QTest::keyClick(entry, Qt::Key_Return);
        QVERIFY(waitForSnapshot(host, [](const EngineSnapshot &s) { return s.health.batchSize == 1000; }));
        host.emitRequests(1500);
        QVERIFY(depthIs(host, 1500));
        window.actions().processOnce->trigger();
        QVERIFY(depthIs(host, 500));
    }

    // Started as `--batch-size 5000 --interval 0.01 --rate 600000`, the controls read exactly that, and
    // a rate of 0 reads 0.
    void controlsShowTheEnginesValues()
    {
        EngineOptions options = quietEngine();
        options.loop.batchSize = 5000;
        options.loop.intervalSeconds = 0.01;
        options.emissionRate = 600000.0;
        EngineHost host(options);
        MainWindow window(host, {});
        window.show();
        ControlPanel *controls = window.controlPanel();
        QVERIFY(waitForSnapshot(host, [](const EngineSnapshot &s) { return s.health.batchSize == 5000; }));
        QTRY_COMPARE_WITH_TIMEOUT(controls->batchSizeSlider()->value(), 5000.0, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(controls->intervalSlider()->value(), 0.01, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(controls->emissionRateSlider()->value(), 600000.0, kWaitMs);
        const QLocale locale;
        QCOMPARE(controls->batchSizeSlider()->spinBox()->text(),
                 locale.toString(5000.0, 'f', 0) + QStringLiteral(" items"));
        QCOMPARE(controls->intervalSlider()->spinBox()->text(), locale.toString(0.01, 'f', 2) + QStringLiteral(" s"));
        QCOMPARE(controls->emissionRateSlider()->spinBox()->text(),
                 locale.toString(600000.0, 'f', 0) + QStringLiteral(" items/min"));
        host.setEmissionRate(0.0);
        QTRY_COMPARE_WITH_TIMEOUT(controls->emissionRateSlider()->spinBox()->text(), QStringLiteral("0 items/min"),
                                  kWaitMs);
    }

    void intervalSliderChangesHowOftenTheWorkerTicks()
    {
        EngineHost host(quietEngine());
        MainWindow window(host, {});
        window.show();
        host.emitRequests(10);
        QVERIFY(depthIs(host, 10));
        QVERIFY(!host.latestSnapshot().health.lastTickMs); // a 1-hour interval: no tick yet
        QTest::keyClick(window.controlPanel()->intervalSlider()->slider(), Qt::Key_Home); // 0.01 s
        QVERIFY(waitForSnapshot(host, [](const EngineSnapshot &s) { return s.health.intervalSeconds == 0.01; }));
        QVERIFY(waitForSnapshot(
            host, [](const EngineSnapshot &s) { return s.health.lastTickMs && s.health.queueDepth == 0; }));
    }

    void chartsReceivePoints()
    {
        EngineOptions options = quietEngine();
        options.simulatorEnabled = true;
        options.emissionRate = 6000.0;
        options.loop.intervalSeconds = 0.2;
        EngineHost host(options);
        MainWindow window(host, {});
        window.resize(1280, 800);
        window.show();
        for (TimeSeriesChart *chart :
             {window.chartsPanel()->queueDepthChart(), window.chartsPanel()->throughputChart(),
              window.chartsPanel()->latencyChart(), window.chartsPanel()->successRateChart()}) {
            QSignalSpy redrawn(chart, &TimeSeriesChart::redrawn);
            while (chart->displayedPointCount(0) == 0)
                QVERIFY2(redrawn.wait(kWaitMs), qPrintable(chart->accessibleName()));
            QVERIFY(chart->displayedPointCount(0) <= chart->plotWidthPixels());
        }
    }

    void alertGoesPendingThenFiringAndResolvesOnRecord()
    {
        EngineOptions options = quietEngine();
        options.loop.loopEnabled = false; // nothing leaves the queue
        // ×600: for 15m becomes 1.5 s, avg_over_time(...[15m]) a 1.5 s window.
        EngineHost host(options, {{}, 600.0});
        MainWindow window(host, {});
        window.show();
        AlertsPanel *alerts = window.alertsPanel();
        const QString rule = QStringLiteral("RLFeedbackQueueDepthHigh");
        QCOMPARE(alerts->list()->stateOf(rule), QStringLiteral("inactive"));

        QSignalSpy changes(&host.alerts(), &rl::AlertMonitor::alertChanged);
        qsizetype seen = 0; // each wait looks only at changes after the previous state it found
        const auto waitForState = [&](const QString &state) {
            for (;;) {
                for (; seen < changes.size(); ++seen) {
                    const QList<QVariant> &change = changes.at(seen);
                    if (change.at(0).toString() == rule && change.at(1).toString() == state) {
                        ++seen;
                        return true;
                    }
                }
                if (!changes.wait(kWaitMs))
                    return false;
            }
        };
        host.emitRequests(60); // depth 60 > 25
        QVERIFY(waitForState(QStringLiteral("pending")));
        QVERIFY(waitForState(QStringLiteral("firing")));
        QCOMPARE(alerts->list()->stateOf(QStringLiteral("RLFeedbackQueueDepthCritical")), QStringLiteral("inactive"));
        host.purge();
        QVERIFY(waitForState(QStringLiteral("inactive")));

        // Each change is in the alert history, from and to, and marked on the charts.
        QStringList history;
        const AlertHistoryModel &model = *alerts->history();
        for (int row = 0; row < model.rowCount(); ++row) {
            if (model.change(row).alert == rule)
                history << model.change(row).from + QStringLiteral(">") + model.change(row).to;
        }
        QCOMPARE(history, (QStringList{QStringLiteral("inactive>pending"), QStringLiteral("pending>firing"),
                                       QStringLiteral("firing>inactive")}));
        const ChartTimeline &timeline = *window.chartsPanel()->timeline();
        QVERIFY(hasAnnotation(timeline, QStringLiteral("alert RLFeedbackQueueDepthHigh: Pending → Firing")));
        QVERIFY(hasAnnotation(timeline, QStringLiteral("alert RLFeedbackQueueDepthHigh: Firing → Inactive")));
    }

    // Shrinking the queue below its depth asks first and says what is dropped; cancelled, nothing changes;
    // confirmed, the oldest go, counted as dropped. Growing it asks nothing.
    void queueCapacityShrinksOnlyWhenConfirmed()
    {
        EngineHost host(quietEngine());
        MainWindow window(host, {});
        window.show();
        host.emitRequests(30);
        QVERIFY(depthIs(host, 30));
        QSpinBox *capacity = window.controlPanel()->queueCapacityBox();
        QTRY_COMPARE_WITH_TIMEOUT(capacity->value(), 10000, kWaitMs);
        const auto commit = [capacity](int value) { // typed and Enter, as the operator would
            capacity->setFocus();
            capacity->selectAll();
            QTest::keyClicks(capacity, QString::number(value));
            QTest::keyClick(capacity, Qt::Key_Return);
        };
        answer(QStringLiteral("CapacityConfirmation"), false);
        commit(10);
        QCOMPARE(capacity->value(), 10000); // back to the engine's
        QVERIFY(depthIs(host, 30));
        answer(QStringLiteral("CapacityConfirmation"), true);
        commit(10);
        QVERIFY(waitForSnapshot(host, [](const EngineSnapshot &s) {
            return s.queueCapacity == 10 && s.health.queueDepth == 10 && s.health.totals.dropped == 20;
        }));
        commit(50); // no question: nothing is lost
        QVERIFY(waitForSnapshot(
            host, [](const EngineSnapshot &s) { return s.queueCapacity == 50 && s.health.queueDepth == 10; }));
        QTest::keyClick(capacity, Qt::Key_Up); // a step is not a commit
        QCOMPARE(capacity->value(), 51);
        QVERIFY(waitForSnapshot(host, [](const EngineSnapshot &s) { return s.queueCapacity == 50; }));
        QVERIFY(hasAnnotation(*window.chartsPanel()->timeline(), QStringLiteral("operator: queue capacity 50")));
    }

    // Space pauses and resumes every chart, except where the focused control already uses it: a button
    // presses, a text field types.
    void spacePausesTheChartsUnlessTheFocusUsesIt()
    {
        EngineHost host(quietEngine());
        MainWindow window(host, {});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ChartTimeline *timeline = window.chartsPanel()->timeline();
        auto *chartView = window.chartsPanel()->queueDepthChart()->findChild<QChartView *>();
        chartView->setFocus();
        QTest::keyClick(chartView, Qt::Key_Space);
        QVERIFY(!timeline->isLive());
        QVERIFY(window.chartsPanel()->pauseAction()->isChecked());
        QVERIFY2(window.chartsPanel()->pausedNote()->text().startsWith(QStringLiteral("Paused:")),
                 qPrintable(window.chartsPanel()->pausedNote()->text()));
        QTest::keyClick(chartView, Qt::Key_Space);
        QVERIFY(timeline->isLive());
        QVERIFY(window.chartsPanel()->pausedNote()->text().isEmpty());

        QSignalSpy processed(window.actions().processOnce, &QAction::triggered);
        QToolButton *processButton = nullptr;
        for (QToolButton *button : window.controlPanel()->findChildren<QToolButton *>()) {
            if (button->defaultAction() == window.actions().processOnce)
                processButton = button;
        }
        QVERIFY(processButton);
        processButton->setFocus();
        QTest::keyClick(processButton, Qt::Key_Space);
        QCOMPARE(processed.count(), 1);
        QVERIFY(timeline->isLive());

        auto *filter = window.eventLog()->findChild<QLineEdit *>();
        filter->setFocus();
        QTest::keyClicks(filter, QStringLiteral("a b"));
        QCOMPARE(filter->text(), QStringLiteral("a b"));
        QVERIFY(timeline->isLive());
    }

    // Zooming from the View menu steps through round spans, and the window selector names what is shown.
    void zoomNamesTheSpanShown()
    {
        EngineHost host(quietEngine());
        MainWindow::Options options;
        options.useSettings = false;
        MainWindow window(host, options);
        window.show();
        QVERIFY(activate(window));
        QComboBox *selector = window.chartsPanel()->windowSelector();
        QCOMPARE(selector->currentText(), QStringLiteral("1 min"));
        QTest::keyClick(&window, Qt::Key_Minus, Qt::ControlModifier); // zoom out
        QCOMPARE(selector->currentText(), QStringLiteral("1 min 30 s (zoomed)"));
        QCOMPARE(window.chartsPanel()->timeline()->spanMs(), 90'000);
        QTest::keyClick(&window, Qt::Key_Plus, Qt::ControlModifier); // and back in
        QCOMPARE(selector->currentText(), QStringLiteral("1 min"));
        QCOMPARE(selector->findText(QStringLiteral("1 min 30 s (zoomed)")), -1);
        selector->setCurrentIndex(selector->findText(QStringLiteral("24 h")));
        Q_EMIT selector->activated(selector->currentIndex());
        QCOMPARE(window.chartsPanel()->timeline()->spanMs(), 24 * 3600'000LL);
    }

    // Operator actions, settings changes and the engine's start are marked on the charts' time axis.
    void actionsSettingsAndStartsAreMarkedOnTheCharts()
    {
        EngineHost host(quietEngine());
        MainWindow window(host, {});
        window.show();
        const ChartTimeline &timeline = *window.chartsPanel()->timeline();
        QTRY_VERIFY_WITH_TIMEOUT(hasAnnotation(timeline, QStringLiteral("engine started")), kWaitMs);
        window.actions().loopEnabled->trigger();
        QVERIFY(hasAnnotation(timeline, QStringLiteral("operator: feedback loop off")));
        auto *batch = window.controlPanel()->findChildren<LabelledSlider *>().first();
        auto *entry = batch->findChild<QDoubleSpinBox *>();
        entry->setValue(40);
        entry->setValue(50); // the same setting again at once: one mark, the last value
        const auto batchMarks = std::count_if(
            timeline.annotations().begin(), timeline.annotations().end(),
            [](const ChartTimeline::Annotation &a) { return a.text.startsWith(QStringLiteral("batch size")); });
        QCOMPARE(batchMarks, 1);
        QVERIFY(hasAnnotation(timeline, QStringLiteral("batch size 50")));
    }

    // Every export in the menus writes its file: the window as PNG, a chart as SVG and its visible range as
    // CSV, the event log and the alert history as CSV.
    void exportsWriteTheirFiles()
    {
        LogRouter log;
        EngineHost host(quietEngine());
        MainWindow::Options options;
        options.log = &log;
        options.useSettings = false;
        MainWindow window(host, options);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.actions().processOnce->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(window.eventLog()->entryCount() > 0, kWaitMs);
        QTemporaryDir dir;

        const QString png = dir.filePath(QStringLiteral("window.png"));
        QVERIFY(activate(window)); // before the dialog's timer is set: waiting runs timers
        saveAs(png);
        QTest::keyClick(&window, Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(savedAs(window, png));
        QCOMPARE(QImage(png).size(), window.size() * window.devicePixelRatio());

        const QString events = dir.filePath(QStringLiteral("events.csv"));
        QVERIFY(activate(window)); // before the dialog's timer is set: waiting runs timers
        saveAs(events);
        QTest::keyClick(&window, Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(savedAs(window, events));
        const QByteArray eventsText = readAll(events);
        QVERIFY2(eventsText.startsWith("Time,Level,Category,Message\r\n"), eventsText.constData());
        QVERIFY2(eventsText.contains("operator: process once"), eventsText.constData());

        const QString alerts = dir.filePath(QStringLiteral("alerts.csv"));
        QVERIFY(activate(window)); // before the dialog's timer is set: waiting runs timers
        saveAs(alerts);
        QTest::keyClick(&window, Qt::Key_H, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(savedAs(window, alerts));
        QCOMPARE(readAll(alerts), QByteArray("Time,Alert,From,To,Value\r\n"));

        QMenu *exportMenu = menuNamed(window.menuBar(), QStringLiteral("E&xport"));
        QVERIFY(exportMenu);
        QMenu *depth = nullptr;
        for (QAction *action : exportMenu->actions()) {
            if (action->menu() && action->text() == QStringLiteral("Queue depth"))
                depth = action->menu();
        }
        QVERIFY(depth);
        const QString svg = dir.filePath(QStringLiteral("depth.svg"));
        saveAs(svg);
        depth->actions().at(1)->trigger();
        QVERIFY(savedAs(window, svg));
        QVERIFY(readAll(svg).contains("<svg"));
        const QString csv = dir.filePath(QStringLiteral("depth.csv"));
        saveAs(csv);
        depth->actions().at(2)->trigger();
        QVERIFY(savedAs(window, csv));
        QVERIFY2(readAll(csv).startsWith("time,depth (items)\r\n"), readAll(csv).constData());
    }

    // The log scales and the span the operator chose are there at the next start; Reset layout undoes them.
    void chartViewSurvivesARestart()
    {
        QSettings().remove(QStringLiteral("charts"));
        EngineHost host(quietEngine());
        {
            MainWindow window(host, {});
            window.show();
            QMenu *view = menuNamed(window.menuBar(), QStringLiteral("&View"));
            QVERIFY(view);
            for (QAction *action : view->actions()) {
                if (action->text() == QStringLiteral("Logarithmic &queue depth"))
                    action->trigger();
            }
            QVERIFY(window.chartsPanel()->queueDepthChart()->isLogScale());
            QVERIFY(!window.chartsPanel()->latencyChart()->isLogScale());
            window.chartsPanel()->timeline()->setSpanMs(90'000); // zoomed between the presets
            window.close();
        }
        MainWindow window(host, {});
        QVERIFY(window.chartsPanel()->queueDepthChart()->isLogScale());
        QCOMPARE(window.chartsPanel()->timeline()->spanMs(), 90'000);
        window.actions().resetLayout->trigger();
        QVERIFY(!window.chartsPanel()->queueDepthChart()->isLogScale());
        QCOMPARE(window.chartsPanel()->timeline()->spanMs(), 60'000);
        QSettings().remove(QStringLiteral("charts"));
    }

    // The smallest supported window, in English and in German: the window is the size asked for, and
    // the dashboard scrolls rather than widening it.
    void fitsIn1024By700InBothLanguages()
    {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/rlstudio_de.qm")));
        for (const bool german : {false, true}) {
            if (german)
                QCoreApplication::installTranslator(&translator);
            EngineHost host(quietEngine());
            MainWindow::Options options;
            options.useSettings = false;
            MainWindow window(host, options);
            window.resize(1024, 700);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QVERIFY2(window.minimumSizeHint().width() <= 1024 && window.minimumSizeHint().height() <= 700,
                     qPrintable(QStringLiteral("%1x%2")
                                    .arg(window.minimumSizeHint().width())
                                    .arg(window.minimumSizeHint().height())));
            QCOMPARE(window.size(), QSize(1024, 700));
            if (german)
                QCoreApplication::removeTranslator(&translator);
        }
    }

    // Every control says what it does when hovered: buttons, boxes, sliders and entry fields.
    void everyControlHasATooltip()
    {
        EngineHost host(quietEngine());
        MainWindow::Options options;
        options.useSettings = false;
        MainWindow window(host, options);
        window.show();
        QStringList silent;
        int checked = 0;
        for (QWidget *control : window.findChildren<QWidget *>()) {
            const bool isControl = qobject_cast<QAbstractButton *>(control) || qobject_cast<QComboBox *>(control)
                                   || qobject_cast<QAbstractSpinBox *>(control) || qobject_cast<QSlider *>(control)
                                   || qobject_cast<QLineEdit *>(control);
            if (!isControl || control->isHidden() || qobject_cast<QTabBar *>(control->parentWidget())
                || control->inherits("QTableCornerButton")                    // a table's select-all corner
                || qobject_cast<QAbstractSpinBox *>(control->parentWidget())) // a spin box's own line edit
                continue;
            ++checked;
            QString tip = control->toolTip();
            for (QWidget *up = control->parentWidget(); tip.isEmpty() && up && up != &window; up = up->parentWidget()) {
                if (qobject_cast<LabelledSlider *>(up)) // the slider and its box share the control's tooltip
                    tip = up->toolTip();
            }
            if (tip.isEmpty())
                silent << QStringLiteral("%1 \"%2\"")
                              .arg(QString::fromLatin1(control->metaObject()->className()),
                                   control->accessibleName().isEmpty() ? control->property("text").toString()
                                                                       : control->accessibleName());
        }
        QVERIFY2(silent.isEmpty(), qPrintable(silent.join(QStringLiteral(", "))));
        QVERIFY2(checked >= 25, qPrintable(QString::number(checked)));
    }

    // Help lists every shortcut with what it does, and About names the versions the build uses.
    void helpListsShortcutsAndVersions()
    {
        EngineHost host(quietEngine());
        MainWindow window(host, {});
        window.show();
        QMenu *help = nullptr;
        for (QAction *menu : window.menuBar()->actions()) {
            if (menu->text() == QStringLiteral("&Help"))
                help = menu->menu();
        }
        QVERIFY(help);
        QString shown;
        const auto readAndClose = [&shown](const QString &objectName) {
            QTimer::singleShot(0, [&shown, objectName] {
                auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
                QVERIFY(box);
                QCOMPARE(box->objectName(), objectName);
                shown = box->text() + box->informativeText();
                box->close();
            });
        };
        readAndClose(QStringLiteral("ShortcutsDialog"));
        help->actions().at(0)->trigger();
        QVERIFY2(shown.contains(QKeySequence(Qt::CTRL | Qt::Key_P).toString(QKeySequence::NativeText))
                     && shown.contains(QStringLiteral("Process once")),
                 qPrintable(shown));
        readAndClose(QStringLiteral("AboutDialog"));
        help->actions().at(1)->trigger();
        QVERIFY2(shown.contains(QString::fromLatin1(qVersion())) && shown.contains(QStringLiteral("SQLite")),
                 qPrintable(shown));
    }

    // Before the first tick the status bar says when it comes, not just "no tick yet".
    void statusBarSaysWhenTheFirstTickComes()
    {
        EngineHost host(quietEngine()); // a 1-hour interval
        MainWindow window(host, {});
        window.show();
        const auto tickLabel = [&window]() -> QString {
            for (const QLabel *label : window.statusBar()->findChildren<QLabel *>()) {
                if (label->text().startsWith(QStringLiteral("first tick")))
                    return label->text();
            }
            return {};
        };
        QTRY_VERIFY_WITH_TIMEOUT(!tickLabel().isEmpty(), kWaitMs);
        const QString text = tickLabel();
        QString digits = text;
        digits.remove(QRegularExpression(QStringLiteral("[^0-9]"))); // whatever the locale's grouping
        QVERIFY2(text.endsWith(QStringLiteral(" s")) && digits.toInt() > 3500 && digits.toInt() <= 3600,
                 qPrintable(text));
    }

    void germanTranslationIsComplete()
    {
        QFile ts(QStringLiteral(RLSTUDIO_SOURCE_DIR "/translations/rlstudio_de.ts"));
        QVERIFY(ts.open(QIODevice::ReadOnly));
        const QByteArray text = ts.readAll();
        QVERIFY(text.count("<message") > 100);
        QCOMPARE(text.count("type=\"unfinished\""), 0);
        QCOMPARE(text.count("type=\"vanished\""), 0);

        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/rlstudio_de.qm")));
        QVERIFY(!translator.isEmpty());
        QCoreApplication::installTranslator(&translator);
        {
            EngineHost host(quietEngine());
            MainWindow window(host, {});
            QCOMPARE(window.windowTitle(), QStringLiteral("RL Feedback Studio")); // a name, not translated
            QCOMPARE(window.actions().processOnce->text(),
                     QCoreApplication::translate("rl::OperatorActions", "&Process once"));
            QVERIFY(window.actions().processOnce->text() != QStringLiteral("&Process once"));
        }
        QCoreApplication::removeTranslator(&translator);
    }
};

QTEST_MAIN(TstMainWindow)
#include "tst_mainwindow.moc"
