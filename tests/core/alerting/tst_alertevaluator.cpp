#include <QtTest>

#include <functional>

#include "core/alerting/AlertEvaluator.h"
#include "core/alerting/AlertRuleFile.h"
#include "core/alerting/SeriesStore.h"

using State = rl::AlertStatus::State;

namespace {

std::vector<rl::AlertRule> shippedRules()
{
    QFile file(QStringLiteral(RLSTUDIO_RESOURCES_DIR "/rl_feedback_alerts.yml"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    return rl::AlertRuleFile::parse(file.readAll().toStdString(), "rl_feedback_alerts.yml").rules();
}

// The app's summed series as functions of time.
struct Workload {
    std::function<double(double)> processed = [](double t) { return t; }; // healthy: one item a second
    std::function<double(double)> failed = [](double) { return 0.0; };
    std::function<double(double)> depth = [](double) { return 0.0; };
    std::function<double(double)> dropped = [](double) { return 0.0; };
};

// Records the series every `step` seconds from t = 0 up to `until` and evaluates after every second
// record (every 30 s at the default step, the group's interval). Returns each rule's changes of state as
// "pending@0 firing@900 inactive@2070".
std::map<std::string, QString> simulate(rl::AlertEvaluator &evaluator, const Workload &workload, double until,
                                        double step = 15)
{
    rl::SeriesStore store(evaluator.requiredRetentionSeconds() + 10 * step);
    std::map<std::string, QString> timelines;
    std::vector<State> last(evaluator.rules().size(), State::Inactive);
    for (long i = 0; i * step <= until; ++i) {
        const double t = static_cast<double>(i) * step;
        store.record("rl_feedback_processed_total", t, workload.processed(t));
        store.record("rl_feedback_failed_total", t, workload.failed(t));
        store.record("rl_feedback_queue_depth", t, workload.depth(t));
        store.record("rl_feedback_dropped_total", t, workload.dropped(t));
        if (i % 2 != 0)
            continue;
        const auto statuses = evaluator.evaluate(store, t);
        for (std::size_t r = 0; r < statuses.size(); ++r) {
            if (statuses[r].state == last[r])
                continue;
            last[r] = statuses[r].state;
            QString &timeline = timelines[statuses[r].rule->name];
            timeline +=
                QString("%1%2@%3")
                    .arg(timeline.isEmpty() ? "" : " ", QString::fromUtf8(rl::stateName(statuses[r].state).data()))
                    .arg(t);
        }
    }
    return timelines;
}

// Every rule's timeline: the ones given, and no change at all for the others.
void compareTimelines(const std::map<std::string, QString> &actual, const std::map<std::string, QString> &expected)
{
    for (const auto &rule : shippedRules()) {
        const auto a = actual.find(rule.name);
        const auto e = expected.find(rule.name);
        QCOMPARE(a == actual.end() ? QString() : a->second, e == expected.end() ? QString() : e->second);
    }
}

const rl::AlertStatus &statusOf(const std::vector<rl::AlertStatus> &statuses, std::string_view name)
{
    return *std::find_if(statuses.begin(), statuses.end(), [&](const auto &s) { return s.rule->name == name; });
}

} // namespace

class TestAlertEvaluator : public QObject {
    Q_OBJECT

private slots:
    void healthyLoopRaisesNothing()
    {
        rl::AlertEvaluator evaluator(shippedRules());
        Workload workload;
        workload.depth = [](double) { return 3.0; };
        compareTimelines(simulate(evaluator, workload, 3 * 3600), {});
    }

    void queueDepthHigh()
    {
        // 30 items for 32 minutes, then empty. The 15-minute average (60 samples) is above 25 from the first
        // evaluation; it fires 15 minutes later and clears once at most 50 of the 60 samples are 30s: at 2055 s,
        // so at the evaluation at 2070 s.
        rl::AlertEvaluator evaluator(shippedRules());
        Workload workload;
        workload.depth = [](double t) { return t < 1920 ? 30.0 : 0.0; };
        compareTimelines(simulate(evaluator, workload, 2400),
                         {{"RLFeedbackQueueDepthHigh", "pending@0 firing@900 inactive@2070"}});
    }

    void queueDepthCritical()
    {
        // 150 items for 20 minutes: critical fires after 10 minutes and clears when the average is 97.5
        // (39 of 60 samples); high fires after 15 and clears at 22.5 (9 of 60).
        rl::AlertEvaluator evaluator(shippedRules());
        Workload workload;
        workload.depth = [](double t) { return t < 1200 ? 150.0 : 0.0; };
        compareTimelines(simulate(evaluator, workload, 2400),
                         {{"RLFeedbackQueueDepthCritical", "pending@0 firing@600 inactive@1500"},
                          {"RLFeedbackQueueDepthHigh", "pending@0 firing@900 inactive@1950"}});
    }

    void processingFailures()
    {
        // One failure at 600 s: increase over 15 minutes is 1 until the last 0 sample (585 s) leaves the window.
        rl::AlertEvaluator evaluator(shippedRules());
        Workload workload;
        workload.failed = [](double t) { return t < 600 ? 0.0 : 1.0; };
        compareTimelines(simulate(evaluator, workload, 2000),
                         {{"RLFeedbackProcessingFailures", "pending@600 firing@1200 inactive@1500"}});
    }

    void feedbackDropped()
    {
        // 600 items dropped at 300 s: pending at once, firing a minute later, and inactive once the 5-minute
        // window no longer reaches back before the drop.
        rl::AlertEvaluator evaluator(shippedRules());
        Workload workload;
        workload.dropped = [](double t) { return t < 300 ? 0.0 : 600.0; };
        compareTimelines(simulate(evaluator, workload, 1200),
                         {{"RLFeedbackDropped", "pending@300 firing@360 inactive@600"}});
    }

    void processingStalled()
    {
        // Nothing processed while 10 items wait; processing resumes at 2000 s. The success rate is then 0/0
        // (NaN, never < 0.95), so only the stalled rule fires.
        rl::AlertEvaluator evaluator(shippedRules());
        Workload workload;
        workload.processed = [](double t) { return t < 2000 ? 500.0 : 500.0 + (t - 2000); };
        workload.depth = [](double) { return 10.0; };
        compareTimelines(simulate(evaluator, workload, 2400),
                         {{"RLFeedbackProcessingStalled", "pending@30 firing@1230 inactive@2010"}});
    }

    void processingRateDropped()
    {
        // 2 items/s for two hours, then 0.5/s. The 5-minute rate falls below half the baseline (an hour
        // earlier, 2/s) once (570 - 1.5 d) / 285 < 1, d seconds after the drop: at 7410 s. It clears when the
        // baseline itself has fallen to 1/s: (3570 - 1.5 e) / 1785 <= 1, e = t - 10800, first at 12000 s.
        rl::AlertEvaluator evaluator(shippedRules());
        Workload workload;
        workload.processed = [](double t) { return t <= 7200 ? 2 * t : 14400 + (t - 7200) / 2; };
        const auto timelines = simulate(evaluator, workload, 12300);
        compareTimelines(timelines, {{"RLFeedbackProcessingRateDropped", "pending@7410 firing@8310 inactive@12000"}});
    }

    void successRateLow()
    {
        // 1 processed and 0.1 failed per second until failures stop at 1650 s: 91% success, then back above
        // 95% once t / (t + 165) >= 0.95, at 3135 s. The failures rule fires too.
        rl::AlertEvaluator evaluator(shippedRules());
        Workload workload;
        workload.failed = [](double t) { return 0.1 * std::min(t, 1650.0); };
        compareTimelines(simulate(evaluator, workload, 4000),
                         {{"RLFeedbackSuccessRateLow", "pending@30 firing@930 inactive@3150"},
                          {"RLFeedbackProcessingFailures", "pending@30 firing@630 inactive@2550"}});
    }

    void timeScaleCompressesWindowsAndFor()
    {
        // queueDepthHigh at 60x: the same story in seconds instead of minutes.
        rl::AlertEvaluator evaluator(shippedRules(), 60);
        QCOMPARE(evaluator.requiredRetentionSeconds(), 90.0);
        Workload workload;
        workload.depth = [](double t) { return t < 32 ? 30.0 : 0.0; };
        compareTimelines(simulate(evaluator, workload, 40, 0.25),
                         {{"RLFeedbackQueueDepthHigh", "pending@0 firing@15 inactive@34.5"}});
    }

    void statusFields()
    {
        rl::AlertEvaluator evaluator(shippedRules());
        QCOMPARE(evaluator.statuses().size(), std::size_t(7));
        for (const auto &status : evaluator.statuses()) {
            QCOMPARE(status.state, State::Inactive);
            QVERIFY(status.rule != nullptr);
            QVERIFY(!status.resolvedAt && !status.firedAt && !status.value && status.error.empty());
        }

        rl::SeriesStore store(3600);
        const auto record = [&](double t, double depth) { store.record("rl_feedback_queue_depth", t, depth); };
        record(100, 150);
        auto critical = statusOf(evaluator.evaluate(store, 100), "RLFeedbackQueueDepthCritical");
        QCOMPARE(critical.state, State::Pending);
        QCOMPARE(critical.activeSince, 100.0);
        QCOMPARE(critical.value, std::optional(150.0));
        QVERIFY(!critical.firedAt);

        record(699, 150);
        critical = statusOf(evaluator.evaluate(store, 699), "RLFeedbackQueueDepthCritical");
        QCOMPARE(critical.state, State::Pending); // 599 s of the 600
        record(700, 150);
        critical = statusOf(evaluator.evaluate(store, 700), "RLFeedbackQueueDepthCritical");
        QCOMPARE(critical.state, State::Firing);
        QCOMPARE(critical.firedAt, std::optional(700.0));
        QCOMPARE(critical.activeSince, 100.0);

        // No data at all: the expression yields nothing, the alert resolves.
        critical = statusOf(evaluator.evaluate(store, 5000), "RLFeedbackQueueDepthCritical");
        QCOMPARE(critical.state, State::Inactive);
        QCOMPARE(critical.resolvedAt, std::optional(5000.0));
        QVERIFY(!critical.firedAt && !critical.value);

        // A new episode starts afresh.
        record(5100, 150);
        critical = statusOf(evaluator.evaluate(store, 5100), "RLFeedbackQueueDepthCritical");
        QCOMPARE(critical.state, State::Pending);
        QCOMPARE(critical.activeSince, 5100.0);
        QVERIFY(!critical.resolvedAt);

        QCOMPARE(statusOf(evaluator.statuses(), "RLFeedbackQueueDepthCritical").state, State::Pending);
        evaluator.reset();
        critical = statusOf(evaluator.statuses(), "RLFeedbackQueueDepthCritical");
        QCOMPARE(critical.state, State::Inactive);
        QVERIFY(!critical.resolvedAt);
    }

    // Prometheus resolves only what fired: a pending alert that ends leaves no "resolved" behind.
    void pendingThatEndsBeforeFiringIsNotResolved()
    {
        rl::AlertEvaluator evaluator(shippedRules());
        rl::SeriesStore store(3600);
        store.record("rl_feedback_queue_depth", 0, 150);
        QCOMPARE(statusOf(evaluator.evaluate(store, 0), "RLFeedbackQueueDepthCritical").state, State::Pending);
        store.record("rl_feedback_queue_depth", 60, 0);
        store.record("rl_feedback_queue_depth", 120, 0);
        const auto status = statusOf(evaluator.evaluate(store, 120), "RLFeedbackQueueDepthCritical");
        QCOMPARE(status.state, State::Inactive); // average 50
        QCOMPARE(status.resolvedAt, std::nullopt);
    }

    void forZeroFiresAtOnce()
    {
        const auto file = rl::AlertRuleFile::parse(
            "groups:\n- name: g\n  rules:\n  - alert: Now\n    expr: rl_feedback_queue_depth > 0\n", "now.yml");
        rl::AlertEvaluator evaluator(file.rules());
        rl::SeriesStore store(3600);
        store.record("rl_feedback_queue_depth", 10, 1);
        const auto status = evaluator.evaluate(store, 10).at(0);
        QCOMPARE(status.state, State::Firing);
        QCOMPARE(status.activeSince, 10.0);
        QCOMPARE(status.firedAt, std::optional(10.0));
    }

    void setTimeScaleKeepsStates()
    {
        rl::AlertEvaluator evaluator(shippedRules());
        rl::SeriesStore store(3600);
        store.record("rl_feedback_queue_depth", 0, 150);
        evaluator.evaluate(store, 0);
        store.record("rl_feedback_queue_depth", 20, 150);
        QCOMPARE(statusOf(evaluator.evaluate(store, 20), "RLFeedbackQueueDepthCritical").state, State::Pending);
        evaluator.setTimeScale(60); // for: 10m is now 10 s, already held for 20
        QCOMPARE(evaluator.timeScale(), 60.0);
        const auto status = statusOf(evaluator.evaluate(store, 21), "RLFeedbackQueueDepthCritical");
        QCOMPARE(status.state, State::Firing);
        QCOMPARE(status.activeSince, 0.0);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, evaluator.setTimeScale(0));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 evaluator.setTimeScale(std::numeric_limits<double>::infinity()));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, rl::AlertEvaluator(shippedRules(), -1));
        QCOMPARE(evaluator.timeScale(), 60.0);
    }

    void retention()
    {
        rl::AlertEvaluator evaluator(shippedRules());
        // Rule 5 reads 30 minutes an hour back.
        QCOMPARE(evaluator.requiredRetentionSeconds(), 5400.0);
        evaluator.setTimeScale(2);
        QCOMPARE(evaluator.requiredRetentionSeconds(), 2700.0);
    }

    void movedEvaluatorKeepsRulePointers()
    {
        rl::AlertEvaluator first(shippedRules());
        rl::AlertEvaluator moved(std::move(first));
        for (std::size_t i = 0; i < moved.rules().size(); ++i)
            QCOMPARE(moved.statuses()[i].rule, &moved.rules()[i]);
    }

    void renderedForTheUser()
    {
        const auto rules = shippedRules();
        QCOMPARE(rules[0].render("description", 1),
                 std::string("1 RL feedback items failed processing in the last 15 minutes. Check logs for errors."));
        QCOMPARE(
            rules[1].render("description", 27.5),
            std::string(
                "Queue depth averaging 27.5 items over 15 minutes. May indicate slow processing or increased load."));
        QCOMPARE(rules[4].render("description", 255.0 / 285 / 2),
                 std::string("Processing rate is 44.74% of recent baseline. Investigate for performance degradation."));
        QCOMPARE(rules[5].render("description", 30.0 / 33),
                 std::string("Success rate is 90.91%. Investigate failure patterns."));
        QCOMPARE(rules[5].render("summary", 0), std::string("RL feedback success rate below 95%"));
    }
};

QTEST_GUILESS_MAIN(TestAlertEvaluator)
#include "tst_alertevaluator.moc"
