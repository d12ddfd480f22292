// The runbook's checklist judged on the live series: a steady saw-tooth queue is stable at every moment, a
// queue the loop falls behind is not, and "keeps up" is never claimed while the loop flag is off.
#include <functional>
#include <optional>

#include <QTest>

#include "gui/host/LiveStats.h"
#include "gui/host/TroubleshootingChecklist.h"

using namespace rl;

namespace {

constexpr qint64 kStartMs = 1'700'000'000'000;
constexpr qint64 kStepMs = 100; // the window's snapshot rate is higher; the judgement must not depend on it

struct Run {
    std::function<double(double)> depth; // at t seconds
    bool loopFlag = true;
    std::function<std::uint64_t(double)> processed = [](double t) { return static_cast<std::uint64_t>(10 * t); };
};

EngineSnapshot snapshotAt(const Run &run, double t)
{
    EngineSnapshot snapshot;
    snapshot.wallTimeMs = kStartMs + static_cast<qint64>(t * 1000.0);
    HealthState &health = snapshot.health;
    health.rlFeedbackEnabled = run.loopFlag;
    health.trajectoryEvaluationEnabled = true;
    health.routerRegistered = true;
    health.loopRunning = true;
    health.batchSize = 25;
    health.queueCapacity = 10000;
    health.queueDepth = static_cast<std::size_t>(run.depth(t));
    health.totals.emitted = static_cast<std::uint64_t>(10 * t);
    health.totals.processed = run.processed(t);
    return snapshot;
}

std::optional<bool> stateOf(const QList<TroubleshootingChecklist::Item> &items, const QString &text)
{
    for (const TroubleshootingChecklist::Item &item : items) {
        if (item.text == text)
            return item.ok;
    }
    qFatal("no checklist item %s", qPrintable(text));
}

// Feeds the run's snapshots for `seconds` and returns each judgement of the item from `from` seconds on.
QList<std::optional<bool>> judge(const Run &run, const QString &item, double seconds, double from)
{
    LiveStats stats;
    QList<std::optional<bool>> verdicts;
    for (qint64 ms = 0; ms <= static_cast<qint64>(seconds * 1000.0); ms += kStepMs) {
        const double t = static_cast<double>(ms) / 1000.0;
        const EngineSnapshot snapshot = snapshotAt(run, t);
        stats.add(snapshot);
        if (t >= from)
            verdicts << stateOf(TroubleshootingChecklist::evaluate(snapshot, stats.current()), item);
    }
    return verdicts;
}

} // namespace

class TstTroubleshootingChecklist : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void steadySawToothIsStableAtEveryMoment()
    {
        // 15 items a second, emptied by the loop every 2 s: peaks of 30, above the SLO of 10.
        Run run;
        run.depth = [](double t) { return 15.0 * std::fmod(t, 2.0); };
        for (const std::optional<bool> &verdict : judge(run, QStringLiteral("Queue depth stable or falling"), 120, 30))
            QCOMPARE(verdict, std::optional<bool>(true));
    }

    void queueTheLoopFallsBehindIsNotStable()
    {
        // The same saw-tooth on a floor that rises 1 item a second.
        Run run;
        run.depth = [](double t) { return t + 15.0 * std::fmod(t, 2.0); };
        const auto verdicts = judge(run, QStringLiteral("Queue depth stable or falling"), 120, 60);
        for (const std::optional<bool> &verdict : verdicts)
            QCOMPARE(verdict, std::optional<bool>(false));
    }

    void keepingUpIsNotClaimedWithTheLoopOff()
    {
        // A drain at 30 s processed everything emitted so far, which lifts the minute's average; the loop
        // flag is off all the while.
        Run run;
        run.loopFlag = false;
        run.depth = [](double t) { return t < 30 ? 10.0 * t : 10.0 * (t - 30); };
        run.processed = [](double t) { return t < 30 ? 0 : 300; };
        for (const std::optional<bool> &verdict :
             judge(run, QStringLiteral("Processing keeps up with emission"), 60, 31))
            QCOMPARE(verdict, std::optional<bool>(false));
    }
};

QTEST_GUILESS_MAIN(TstTroubleshootingChecklist)
#include "tst_troubleshootingchecklist.moc"
