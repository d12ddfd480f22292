#include <functional>

#include <QSignalSpy>
#include <QTest>

#include "core/Metrics.h"
#include "gui/EngineHost.h"

using rl::EngineHost;
using rl::EngineOptions;
using rl::EngineSnapshot;

namespace {

constexpr int kTimeoutMs = 10000;

// A quiet engine: no simulated traffic and a tick period far beyond the test, so the queue changes only
// when the test says so.
EngineOptions quietOptions()
{
    EngineOptions options;
    options.simulatorEnabled = false;
    options.loop.intervalSeconds = rl::LoopConfig::kMaxIntervalSeconds;
    options.loop.batchSize = 25;
    options.seed = 7;
    return options;
}

// Waits, on snapshotReady, until the host's latest snapshot satisfies `ready`.
bool waitFor(EngineHost &host, const std::function<bool(const EngineSnapshot &)> &ready)
{
    QSignalSpy spy(&host, &EngineHost::snapshotReady);
    QDeadlineTimer deadline(kTimeoutMs);
    while (!ready(host.latestSnapshot())) {
        if (deadline.hasExpired() || !spy.wait(static_cast<int>(deadline.remainingTime())))
            return false;
    }
    return true;
}

// Fills the queue with `count` simulated requests' feedback and waits until the snapshot shows it.
bool fillQueue(EngineHost &host, int count)
{
    const std::size_t before = host.latestSnapshot().health.queueDepth;
    host.emitRequests(count);
    return waitFor(host, [&](const EngineSnapshot &s) { return s.health.queueDepth == before + count; });
}

} // namespace

class TestEngineHost : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void snapshotArrives();
    void processOnceTakesOneBatch();
    void purgeEmptiesTheQueue();
    void batchSizeAndIntervalTakeEffect();
    void badCommandsAreRejected();
};

void TestEngineHost::snapshotArrives()
{
    EngineHost host(quietOptions());
    QSignalSpy spy(&host, &EngineHost::snapshotReady);
    QVERIFY(spy.wait(kTimeoutMs));
    const auto snapshot = spy.takeFirst().at(0).value<EngineSnapshot>();
    QVERIFY(snapshot.health.routerRegistered);
    QVERIFY(snapshot.health.rlFeedbackEnabled);
    QVERIFY(snapshot.health.loopRunning);
    QCOMPARE(snapshot.health.policy, std::string("linucb"));
    QCOMPARE(snapshot.health.batchSize, std::size_t(25));
    QCOMPARE(snapshot.health.queueDepth, std::size_t(0));
    QVERIFY(!snapshot.simulatorEnabled);
    QVERIFY(snapshot.wallTimeMs > 0);
    QCOMPARE(host.latestSnapshot().wallTimeMs, snapshot.wallTimeMs);
}

void TestEngineHost::processOnceTakesOneBatch()
{
    EngineHost host(quietOptions());
    QVERIFY(fillQueue(host, 100));
    QVERIFY(!host.latestSnapshot().health.lastTickMs);

    host.processOnce();
    QVERIFY(waitFor(host, [](const EngineSnapshot &s) { return s.health.lastTickMs.has_value(); }));
    const EngineSnapshot &after = host.latestSnapshot();
    QCOMPARE(std::string(rl::toString(after.lastProcess.status)), std::string("success"));
    QCOMPARE(after.lastProcess.processed, std::size_t(25));
    QCOMPARE(after.lastProcess.failed, std::size_t(0));
    QCOMPARE(after.health.queueDepth, std::size_t(75));
    QCOMPARE(after.health.totals.processed, std::uint64_t(25));
    QCOMPARE(after.health.totals.emitted, std::uint64_t(100));
    QCOMPARE(host.metrics().value("rl_feedback_processed_total", {}, "result", "success"), 25.0);
}

void TestEngineHost::purgeEmptiesTheQueue()
{
    EngineHost host(quietOptions());
    QVERIFY(fillQueue(host, 40));
    QCOMPARE(host.latestSnapshot().health.totals.purged, std::uint64_t(0));

    host.purge();
    QVERIFY(waitFor(host, [](const EngineSnapshot &s) { return s.health.queueDepth == 0; }));
    QCOMPARE(host.latestSnapshot().health.totals.purged, std::uint64_t(40));
    QCOMPARE(host.latestSnapshot().health.totals.processed, std::uint64_t(0));
    QCOMPARE(host.metrics().value("rl_feedback_purged_total", {}), 40.0);
}

void TestEngineHost::batchSizeAndIntervalTakeEffect()
{
    EngineHost host(quietOptions());
    QVERIFY(fillQueue(host, 100));

    host.setBatchSize(7);
    QVERIFY(waitFor(host, [](const EngineSnapshot &s) { return s.health.batchSize == 7; }));
    host.processOnce();
    QVERIFY(waitFor(host, [](const EngineSnapshot &s) { return s.health.queueDepth == 93; }));
    QCOMPARE(host.latestSnapshot().lastProcess.processed, std::size_t(7));
    QCOMPARE(host.latestSnapshot().lastProcess.batchSize, std::size_t(7));

    // The running loop picks the new period up at once: 14 ticks of 7 empty the queue within a second.
    host.setIntervalSeconds(0.05);
    QVERIFY(waitFor(host, [](const EngineSnapshot &s) { return s.health.intervalSeconds == 0.05; }));
    QVERIFY(waitFor(host, [](const EngineSnapshot &s) { return s.health.queueDepth == 0; }));
    QCOMPARE(host.latestSnapshot().health.totals.processed, std::uint64_t(100));

    host.stopLoop();
    QVERIFY(waitFor(host, [](const EngineSnapshot &s) { return !s.health.loopRunning; }));
    QVERIFY(fillQueue(host, 10));
    host.startLoop();
    QVERIFY(waitFor(host, [](const EngineSnapshot &s) { return s.health.loopRunning && s.health.queueDepth == 0; }));
    QCOMPARE(host.latestSnapshot().health.totals.processed, std::uint64_t(110));
}

void TestEngineHost::badCommandsAreRejected()
{
    EngineHost host(quietOptions());
    QSignalSpy failures(&host, &EngineHost::commandFailed);

    host.setBatchSize(0);
    QVERIFY(failures.wait(kTimeoutMs));
    QVERIFY2(failures.last().at(0).toString().contains(QLatin1String("1..100000")),
             qPrintable(failures.last().at(0).toString()));

    host.setPolicy(QStringLiteral("oracle"));
    QVERIFY(failures.wait(kTimeoutMs));
    QVERIFY2(failures.last().at(0).toString().contains(QLatin1String("oracle")),
             qPrintable(failures.last().at(0).toString()));

    host.setIntervalSeconds(0.0);
    QVERIFY(failures.wait(kTimeoutMs));
    host.setEmissionRate(-1.0);
    QVERIFY(failures.wait(kTimeoutMs));
    QCOMPARE(host.metrics().value("rl_input_rejected_total", {}, "source", "operator"), 4.0);

    // The engine kept its settings.
    host.setPolicy(QStringLiteral("thompson"));
    QVERIFY(waitFor(host, [](const EngineSnapshot &s) { return s.health.policy == "thompson"; }));
    QCOMPARE(host.latestSnapshot().health.batchSize, std::size_t(25));
    QCOMPARE(host.latestSnapshot().health.intervalSeconds, rl::LoopConfig::kMaxIntervalSeconds);
}

QTEST_GUILESS_MAIN(TestEngineHost)
#include "tst_enginehost.moc"
