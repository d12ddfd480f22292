#include <algorithm>
#include <cmath>
#include <functional>
#include <optional>
#include <vector>

#include <QMutex>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include "core/feedback/FeedbackQueue.h"
#include "core/feedback/ModelCatalogue.h"
#include "core/metrics/Metrics.h"
#include "gui/host/EngineHost.h"

using rl::DrainProgress;
using rl::EngineHost;
using rl::EngineOptions;
using rl::EngineSnapshot;

namespace {

constexpr int kTimeoutMs = 10000;

// The messages of the rlstudio.engine category, from any thread, while a LogCapture lives.
class LogCapture {
public:
    LogCapture() { s_previous = qInstallMessageHandler(&LogCapture::handle); }
    ~LogCapture() { qInstallMessageHandler(s_previous); }

    QStringList lines() const
    {
        const QMutexLocker lock(&s_mutex);
        return s_lines;
    }

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        if (QLatin1String(context.category) == QLatin1String("rlstudio.engine")) {
            const QMutexLocker lock(&s_mutex);
            s_lines << QStringLiteral("%1 %2").arg(
                type == QtWarningMsg ? QStringLiteral("warning") : QStringLiteral("info"), message);
        }
        s_previous(type, context, message);
    }

    static inline QMutex s_mutex;
    static inline QStringList s_lines;
    static inline QtMessageHandler s_previous = nullptr;
};

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

// A quiet engine with room for a deep queue: every item stays queued and keeps its routing decision.
EngineOptions deepOptions()
{
    EngineOptions options = quietOptions();
    options.queueCapacity = 1000000;
    options.historyCapacity = 1000000;
    return options;
}

// Fills the queue with `count` simulated requests' feedback and waits until the snapshot shows it.
bool fillQueue(EngineHost &host, int count)
{
    const std::size_t before = host.latestSnapshot().health.queueDepth;
    host.emitRequests(count);
    return waitFor(host, [&](const EngineSnapshot &s) { return s.health.queueDepth == before + count; });
}

// Starts a drain and waits for its outcome.
std::optional<DrainProgress> drainQueue(EngineHost &host)
{
    QSignalSpy finished(&host, &EngineHost::drainFinished);
    host.drain();
    if (!finished.wait(kTimeoutMs))
        return std::nullopt;
    return finished.takeFirst().at(0).value<DrainProgress>();
}

// The loop as an operator could run it by hand: `rounds` times, emit `perRound` requests and drain them,
// so the live policy learns between rounds.
bool learnInRounds(EngineHost &host, int rounds, int perRound)
{
    for (int round = 0; round < rounds; ++round) {
        host.emitRequests(perRound);
        const auto outcome = drainQueue(host);
        if (!outcome || outcome->remaining != 0 || outcome->failed != 0)
            return false;
    }
    return true;
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
    void drainReportsProgressUntilEmpty();
    void drainLetsCommandsThrough();
    void cancelDrainStopsIt();
    void batchLatenciesArriveWithSnapshots();
    void failuresAreTotalledByReason();
    void failuresAndDropsAreLogged();
    void queueHeadShowsTheFirstItems();
    void comparisonTracksTheLivePolicy();
    void policyChangesRestartTheComparison();
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
    QCOMPARE(snapshot.health.policy, std::string("adaptive"));
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

void TestEngineHost::drainReportsProgressUntilEmpty()
{
    constexpr int kItems = 200000;
    EngineHost host(deepOptions());
    QVERIFY(fillQueue(host, kItems));
    QCOMPARE(host.latestSnapshot().queueCapacity, std::size_t(1000000));

    std::vector<DrainProgress> seen;
    std::size_t latencies = 0;
    connect(&host, &EngineHost::snapshotReady, &host, [&](const EngineSnapshot &s) {
        if (seen.empty() && !s.drain.active)
            return; // still queued from before the drain
        seen.push_back(s.drain);
        latencies += s.batchLatenciesMs.size();
    });
    const auto outcome = drainQueue(host);
    QVERIFY(outcome);

    // Every drain shows as running before it ends, and its progress only moves forward.
    const auto running = std::count_if(seen.begin(), seen.end(), [](const DrainProgress &d) { return d.active; });
    qInfo("%zu snapshots during the drain, %td of them running; %zu batch latencies", seen.size(), running, latencies);
    QVERIFY(running >= 1);
    QVERIFY(seen.front().active);
    QCOMPARE(seen.front().startDepth, std::size_t(kItems));
    for (std::size_t i = 0; i < seen.size(); ++i) {
        const DrainProgress &d = seen[i];
        QCOMPARE(d.startDepth, std::size_t(kItems));
        QCOMPARE(d.processed + d.failed + d.remaining, std::uint64_t(kItems)); // nothing else touches the queue
        if (i > 0)
            QVERIFY(d.processed >= seen[i - 1].processed);
    }
    QVERIFY(!seen.back().active);

    QVERIFY(!outcome->active);
    QVERIFY(!outcome->cancelled);
    QCOMPARE(outcome->remaining, std::size_t(0));
    QCOMPARE(outcome->processed, std::uint64_t(kItems));
    QCOMPARE(outcome->failed, std::uint64_t(0));
    QCOMPARE(outcome->batches, std::uint64_t(kItems / 1000));
    QCOMPARE(latencies, std::size_t(kItems / 1000)); // one per batch, each in exactly one snapshot

    // The host's latest snapshot already shows the outcome when drainFinished arrives, and keeps it.
    const EngineSnapshot &latest = host.latestSnapshot();
    QCOMPARE(latest.drain.processed, outcome->processed);
    QVERIFY(!latest.drain.active);
    QCOMPARE(latest.health.queueDepth, std::size_t(0));
    QCOMPARE(latest.health.totals.processed, std::uint64_t(kItems));
    host.processOnce();
    QVERIFY(waitFor(host, [](const EngineSnapshot &s) { return s.health.lastTickMs.has_value(); }));
    QCOMPARE(host.latestSnapshot().drain.processed, std::uint64_t(kItems));
}

void TestEngineHost::drainLetsCommandsThrough()
{
    constexpr int kItems = 500000; // about ten 8 ms slices here
    EngineHost host(deepOptions());
    QVERIFY(fillQueue(host, kItems));

    QSignalSpy finished(&host, &EngineHost::drainFinished);
    host.drain();
    QVERIFY(waitFor(host, [](const EngineSnapshot &s) { return s.drain.active; }));
    // Posted while a slice runs: it runs between two slices, so its batch comes out of the drain's queue.
    host.processOnce();
    QVERIFY(finished.wait(kTimeoutMs));
    const auto outcome = finished.takeFirst().at(0).value<DrainProgress>();
    QCOMPARE(host.latestSnapshot().lastProcess.processed, std::size_t(25));
    QCOMPARE(outcome.remaining, std::size_t(0));
    QCOMPARE(outcome.processed, std::uint64_t(kItems - 25));
    QCOMPARE(host.latestSnapshot().health.totals.processed, std::uint64_t(kItems));
}

void TestEngineHost::cancelDrainStopsIt()
{
    constexpr int kItems = 50000;
    EngineHost host(deepOptions());
    QVERIFY(fillQueue(host, kItems));

    // The cancel reaches the worker before the drain's first batch, so it stops with everything left.
    QSignalSpy finished(&host, &EngineHost::drainFinished);
    host.drain();
    host.cancelDrain();
    QVERIFY(finished.wait(kTimeoutMs));
    const auto cancelled = finished.takeFirst().at(0).value<DrainProgress>();
    QVERIFY(cancelled.cancelled);
    QVERIFY(!cancelled.active);
    QCOMPARE(cancelled.startDepth, std::size_t(kItems));
    QVERIFY(cancelled.remaining > 0);
    QCOMPARE(cancelled.processed + cancelled.remaining, std::uint64_t(kItems));
    QCOMPARE(host.latestSnapshot().health.queueDepth, cancelled.remaining);
    QVERIFY(host.latestSnapshot().drain.cancelled);

    // A cancel applies to the drains requested before it, not to the next one.
    const auto next = drainQueue(host);
    QVERIFY(next);
    QVERIFY(!next->cancelled);
    QCOMPARE(next->startDepth, cancelled.remaining);
    QCOMPARE(next->remaining, std::size_t(0));
    QCOMPARE(host.latestSnapshot().health.totals.processed, std::uint64_t(kItems));
    QVERIFY(!host.latestSnapshot().drain.cancelled);
    QCOMPARE(finished.size(), 1); // the second drain's, nothing else
}

void TestEngineHost::batchLatenciesArriveWithSnapshots()
{
    EngineHost host(quietOptions());
    QVERIFY(fillQueue(host, 100));
    QVERIFY(host.latestSnapshot().batchLatenciesMs.empty());

    std::vector<double> latencies;
    connect(&host, &EngineHost::snapshotReady, &host, [&](const EngineSnapshot &s) {
        latencies.insert(latencies.end(), s.batchLatenciesMs.begin(), s.batchLatenciesMs.end());
    });
    host.setIntervalSeconds(0.02); // four ticks of 25 empty the queue
    QVERIFY(waitFor(host, [](const EngineSnapshot &s) { return s.health.queueDepth == 0; }));
    QVERIFY(waitFor(host, [&](const EngineSnapshot &) { return latencies.size() >= 4; }));
    QCOMPARE(latencies.size(), std::size_t(4)); // idle ticks run no batch and record nothing
    for (double ms : latencies)
        QVERIFY2(ms > 0.0 && ms < 1000.0, qPrintable(QString::number(ms)));
}

// What the router reports as lost or failed reaches the log, summed up rather than a line per item.
void TestEngineHost::failuresAndDropsAreLogged()
{
    const LogCapture log;
    // 30 requests: the queue keeps the last 25 items (5 dropped), the history the last 10 decisions, so
    // draining learns from 10 and finds no decision for 15 (traj-5 .. traj-19).
    EngineOptions options = quietOptions();
    options.historyCapacity = 10;
    options.queueCapacity = 25;
    EngineHost host(options);
    host.emitRequests(30);
    QVERIFY(waitFor(host, [](const EngineSnapshot &s) { return s.health.totals.dropped == 5; }));
    QVERIFY(drainQueue(host));
    // The source text: the application installs English plural forms ("5 feedback items"); this test does not.
    const QRegularExpression dropped(QStringLiteral(
        "^warning dropped 5 feedback item\\(s\\) in the last \\d+\\.\\d s: the queue is full \\(capacity 25\\)$"));
    QTRY_VERIFY_WITH_TIMEOUT(!log.lines().filter(dropped).isEmpty(), kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(log.lines().contains(QStringLiteral("info feedback matching no routing decision: 15; "
                                                                 "the last: no routing decision awaits trajectory "
                                                                 "'traj-20'")),
                             kTimeoutMs);
}

void TestEngineHost::failuresAreTotalledByReason()
{
    // A history of 10 decisions: feedback for the 20 older requests finds no decision to learn from.
    EngineOptions options = quietOptions();
    options.historyCapacity = 10;
    EngineHost host(options);
    QVERIFY(fillQueue(host, 30));
    QCOMPARE(host.latestSnapshot().failedMissingHistory, std::uint64_t(0));

    const auto outcome = drainQueue(host);
    QVERIFY(outcome);
    QCOMPARE(outcome->failed, std::uint64_t(20));
    QCOMPARE(outcome->processed, std::uint64_t(10));
    const EngineSnapshot &s = host.latestSnapshot();
    QCOMPARE(s.failedMissingHistory, std::uint64_t(20));
    QCOMPARE(s.failedInvalid, std::uint64_t(0));
    QCOMPARE(s.failedException, std::uint64_t(0));
    QCOMPARE(s.health.totals.failed, std::uint64_t(20));
    QCOMPARE(host.metrics().value("rl_feedback_failed_total", {}, "reason", "missing_history"), 20.0);
}

void TestEngineHost::queueHeadShowsTheFirstItems()
{
    EngineHost host(quietOptions());
    QVERIFY(waitFor(host, [](const EngineSnapshot &s) { return s.queueCapacity > 0; }));
    QCOMPARE(host.latestSnapshot().queueCapacity, rl::FeedbackQueue::kDefaultCapacity);
    QVERIFY(host.latestSnapshot().queueHead.empty());
    QVERIFY(fillQueue(host, 30));

    const auto checkHead = [&](int first) {
        const auto &head = host.latestSnapshot().queueHead;
        QCOMPARE(head.size(), std::size_t(std::min(20, 30 - first)));
        for (std::size_t i = 0; i < head.size(); ++i) {
            QCOMPARE(head[i].trajectoryId, "traj-" + std::to_string(first + 1 + static_cast<int>(i))); // oldest first
            QVERIFY(rl::ModelCatalogue::defaults().indexOf(head[i].modelId).has_value());
            QVERIFY(head[i].overallScore >= 0.0 && head[i].overallScore <= 1.0);
            QVERIFY(head[i].timestampMs > 0);
            QVERIFY(i == 0 || head[i].timestampMs >= head[i - 1].timestampMs);
        }
    };
    checkHead(0);
    host.processOnce();
    QVERIFY(waitFor(host, [](const EngineSnapshot &s) { return s.health.queueDepth == 5; }));
    checkHead(25);
    host.purge();
    QVERIFY(waitFor(host, [](const EngineSnapshot &s) { return s.queueHead.empty(); }));
}

void TestEngineHost::comparisonTracksTheLivePolicy()
{
    EngineHost host(quietOptions());
    QVERIFY(waitFor(host, [](const EngineSnapshot &s) { return !s.models.empty(); }));
    QCOMPARE(host.latestSnapshot().models.size(), rl::ModelCatalogue::defaults().size());

    QVERIFY(learnInRounds(host, 25, 100));
    const EngineSnapshot at2500 = host.latestSnapshot();
    QVERIFY(learnInRounds(host, 25, 100));
    const EngineSnapshot &at5000 = host.latestSnapshot();
    QCOMPARE(at5000.comparisonRequests, std::uint64_t(5000));

    // LinUCB levels off where the original's policy keeps paying.
    qInfo("regret at 2500 / 5000: linucb %.2f / %.2f, seed shadow %.2f / %.2f", at2500.liveRegret, at5000.liveRegret,
          at2500.baselineRegret, at5000.baselineRegret);
    QVERIFY(at5000.baselineRegret > at5000.liveRegret);
    QVERIFY(at5000.baselineRegret - at2500.baselineRegret > 5.0 * (at5000.liveRegret - at2500.liveRegret));

    // Over the recent contexts the live estimates have converged on the truth. They learn 0.6 reward +
    // 0.4 trajectory quality, so they stay a few hundredths off it.
    std::uint64_t picks = 0;
    const rl::ModelCatalogue catalogue = rl::ModelCatalogue::defaults();
    for (std::size_t arm = 0; arm < at5000.models.size(); ++arm) {
        const rl::ModelView &model = at5000.models[arm];
        qInfo("%s: %llu picks, estimated %.3f, true %.3f", model.name.c_str(),
              static_cast<unsigned long long>(model.picks), model.estimatedReward, model.trueReward);
        QCOMPARE(model.name, catalogue.at(arm).id);
        QCOMPARE(model.picks, at5000.simulator.picks[arm]);
        QVERIFY(model.trueReward > 0.0 && model.trueReward < 1.0);
        QVERIFY(std::abs(model.estimatedReward - model.trueReward) < 0.1);
        picks += model.picks;
    }
    QCOMPARE(picks, std::uint64_t(5000));
}

void TestEngineHost::policyChangesRestartTheComparison()
{
    EngineHost host(quietOptions());
    QVERIFY(learnInRounds(host, 2, 100));
    QCOMPARE(host.latestSnapshot().comparisonRequests, std::uint64_t(200));
    QVERIFY(host.latestSnapshot().liveRegret > 0.0);
    QVERIFY(host.latestSnapshot().baselineRegret > 0.0);

    const auto restarted = [](const EngineSnapshot &s) {
        return s.comparisonRequests == 0 && s.liveRegret == 0.0 && s.baselineRegret == 0.0
               && std::all_of(s.models.begin(), s.models.end(), [](const rl::ModelView &m) { return m.picks == 0; });
    };
    host.setPolicy(QStringLiteral("thompson"));
    QVERIFY(waitFor(host, [](const EngineSnapshot &s) { return s.health.policy == "thompson"; }));
    QVERIFY(restarted(host.latestSnapshot()));
    // A fresh policy estimates nothing yet; the truth over the same recent contexts is unchanged.
    for (const rl::ModelView &model : host.latestSnapshot().models) {
        QCOMPARE(model.estimatedReward, 0.0);
        QVERIFY(model.trueReward > 0.0);
    }

    QVERIFY(learnInRounds(host, 1, 50));
    QCOMPARE(host.latestSnapshot().comparisonRequests, std::uint64_t(50));
    host.resetPolicy();
    QVERIFY(waitFor(host, restarted));
    QCOMPARE(host.latestSnapshot().health.policy, std::string("thompson"));
}

QTEST_GUILESS_MAIN(TestEngineHost)
#include "tst_enginehost.moc"
