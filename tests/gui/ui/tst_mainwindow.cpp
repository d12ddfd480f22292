// Drives the real main window on a real engine (offscreen): the operator's buttons, sliders, charts,
// alerts and the German translation.
#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QSignalSpy>
#include <QSlider>
#include <QTest>
#include <QTimer>
#include <QTranslator>

#include "gui/host/EngineHost.h"
#include "gui/ui/AlertsPanel.h"
#include "gui/ui/ChartsPanel.h"
#include "gui/ui/ControlPanel.h"
#include "gui/ui/MainWindow.h"
#include "gui/ui/OperatorActions.h"
#include "widgets/AlertList.h"
#include "widgets/LabelledSlider.h"
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

// Answers the purge confirmation as soon as it opens.
void answerPurge(bool accept)
{
    QTimer::singleShot(0, [accept] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        QVERIFY(box);
        QCOMPARE(box->objectName(), QStringLiteral("PurgeConfirmation"));
        for (QAbstractButton *button : box->buttons()) {
            const bool isPurge = box->buttonRole(button) == QMessageBox::DestructiveRole;
            if (isPurge == accept) {
                button->click();
                return;
            }
        }
        QFAIL("no such button");
    });
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

    void purgeCancelledKeepsTheQueue()
    {
        EngineHost host(quietEngine());
        MainWindow window(host, {});
        window.show();
        host.emitRequests(40);
        QVERIFY(depthIs(host, 40));
        answerPurge(false);
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
        answerPurge(true);
        window.actions().purge->trigger();
        QVERIFY(depthIs(host, 0));
        QVERIFY(waitForSnapshot(host, [](const EngineSnapshot &s) { return s.health.totals.purged == 40; }));
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
        QSlider *slider = window.controlPanel()->batchSizeSlider()->slider();
        QTest::keyClick(slider, Qt::Key_End); // the user moves it to the maximum, 1000
        QVERIFY(waitForSnapshot(host, [](const EngineSnapshot &s) { return s.health.batchSize == 1000; }));
        host.emitRequests(1500);
        QVERIFY(depthIs(host, 1500));
        window.actions().processOnce->trigger();
        QVERIFY(depthIs(host, 500));
    }

    void intervalSliderChangesHowOftenTheWorkerTicks()
    {
        EngineHost host(quietEngine());
        MainWindow window(host, {});
        window.show();
        host.emitRequests(10);
        QVERIFY(depthIs(host, 10));
        QVERIFY(!host.latestSnapshot().health.lastTickMs); // a 1-hour interval: no tick yet
        QTest::keyClick(window.controlPanel()->intervalSlider()->slider(), Qt::Key_Home); // 0.1 s
        QVERIFY(waitForSnapshot(host, [](const EngineSnapshot &s) { return s.health.intervalSeconds == 0.1; }));
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

    void alertGoesPendingThenFiringAndResolves()
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
