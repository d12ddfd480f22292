#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include "gui/host/AlertMonitor.h"

using rl::AlertMonitor;
using rl::AlertRuleFile;
using rl::EngineSnapshot;

namespace {

// 2026-01-01T00:00:00Z: snapshots in the tests start here.
constexpr std::int64_t kStartMs = 1767225600000;

// Two groups: "fast" every 10 s, "slow" on Prometheus's default of 1 m.
const char *const kRules = R"(groups:
  - name: fast
    interval: 10s
    rules:
      - alert: DeepQueue
        expr: rl_feedback_queue_depth > 100
        for: 20s
        labels:
          severity: page
        annotations:
          summary: "Queue at {{ $value }}"
  - name: slow
    rules:
      - alert: AnyDrop
        expr: rl_feedback_dropped_total > 0
)";

AlertMonitor::Options options(double timeScale = 1.0)
{
    return {{{"test.yml", AlertRuleFile::parse(kRules, "test.yml")}}, timeScale};
}

EngineSnapshot snapshot(double seconds, std::size_t depth, std::uint64_t dropped = 0)
{
    EngineSnapshot s;
    s.wallTimeMs = kStartMs + static_cast<std::int64_t>(seconds * 1000.0);
    s.health.queueDepth = depth;
    s.health.totals.dropped = dropped;
    return s;
}

const rl::AlertStatus &status(const AlertMonitor &monitor, std::size_t group)
{
    return monitor.groups().at(group).evaluator.statuses().at(0);
}

} // namespace

class TestAlertMonitor : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void shippedRulesByDefault()
    {
        const AlertMonitor monitor({});
        QCOMPARE(monitor.groups().size(), std::size_t(1));
        QCOMPARE(monitor.groups()[0].file, std::string("rl_feedback_alerts.yml"));
        QCOMPARE(monitor.groups()[0].evaluator.rules().size(), std::size_t(7));
        QCOMPARE(monitor.groups()[0].intervalSeconds, 30.0);
        QVERIFY(monitor.warnings().empty()); // every metric they read is recorded
    }

    // Each group runs on its own interval, as Prometheus runs them; "for" holds before firing.
    void groupsRunOnTheirIntervals()
    {
        AlertMonitor monitor(options());
        QSignalSpy changes(&monitor, &AlertMonitor::alertChanged);
        monitor.record(snapshot(0, 500));
        QCOMPARE(changes.size(), 2); // the first evaluation announces every rule
        QCOMPARE(status(monitor, 0).state, rl::AlertStatus::State::Pending);
        QCOMPARE(monitor.groups()[1].lastEvaluation, std::optional(kStartMs / 1000.0));

        monitor.record(snapshot(9, 500, 3)); // neither group is due
        QCOMPARE(status(monitor, 1).state, rl::AlertStatus::State::Inactive);
        monitor.record(snapshot(10, 500, 3)); // fast is due, slow is not
        QCOMPARE(status(monitor, 1).state, rl::AlertStatus::State::Inactive);
        QCOMPARE(monitor.groups()[0].lastEvaluation, std::optional(kStartMs / 1000.0 + 10));
        monitor.record(snapshot(20, 500, 3)); // held for 20 s: fires
        QCOMPARE(status(monitor, 0).state, rl::AlertStatus::State::Firing);
        monitor.record(snapshot(60, 500, 3)); // slow is due; without `for` it fires at once
        QCOMPARE(status(monitor, 1).state, rl::AlertStatus::State::Firing);
        QCOMPARE(changes.last().at(0).toString(), QStringLiteral("AnyDrop"));
        QCOMPARE(changes.last().at(1).toString(), QStringLiteral("firing"));
    }

    // ×10 divides the intervals and `for` too: the fast group runs every second, DeepQueue fires after 2 s.
    void timeScaleCompressesIntervals()
    {
        AlertMonitor monitor(options(10.0));
        QCOMPARE(monitor.periodSeconds(monitor.groups()[0]), 1.0);
        QCOMPARE(monitor.periodSeconds(monitor.groups()[1]), 6.0);
        monitor.record(snapshot(0, 500));
        monitor.record(snapshot(1, 500));
        QCOMPARE(status(monitor, 0).state, rl::AlertStatus::State::Pending);
        monitor.record(snapshot(2, 500));
        QCOMPARE(status(monitor, 0).state, rl::AlertStatus::State::Firing);
        monitor.setTimeScale(1.0); // the state stays; the windows are real again
        QCOMPARE(status(monitor, 0).state, rl::AlertStatus::State::Firing);
        QCOMPARE(monitor.periodSeconds(monitor.groups()[0]), 10.0);
    }

    void changesAreLoggedBySeverity()
    {
        AlertMonitor monitor(options());
        QTest::ignoreMessage(QtWarningMsg, "alert DeepQueue (page) is pending: value 500, fires after 20 s");
        monitor.record(snapshot(0, 500));
        QTest::ignoreMessage(QtCriticalMsg, "alert DeepQueue (page) is firing: value 6,170");
        monitor.record(snapshot(20, 6170));
        QTest::ignoreMessage(QtInfoMsg, "alert DeepQueue (page) is resolved");
        monitor.record(snapshot(30, 0));
        QTest::ignoreMessage(QtWarningMsg, "alert DeepQueue (page) is pending: value 500, fires after 20 s");
        monitor.record(snapshot(40, 500));
        QTest::ignoreMessage(QtInfoMsg, "alert DeepQueue (page) is no longer pending"); // it never fired
        monitor.record(snapshot(50, 0));
    }

    // GET /api/v1/alerts as Prometheus writes it: active alerts, labels with alertname, rendered annotations,
    // the value in Go's exponent form.
    void alertsDocumentHasPrometheusShape()
    {
        AlertMonitor monitor(options());
        monitor.record(snapshot(0, 6170));
        const nlohmann::json expected = nlohmann::json::parse(R"({"status": "success", "data": {"alerts": [{
            "labels": {"alertname": "DeepQueue", "severity": "page"},
            "annotations": {"summary": "Queue at 6170"},
            "state": "pending",
            "activeAt": "2026-01-01T00:00:00.000Z",
            "value": "6.17e+03"}]}})");
        QVERIFY2(monitor.alertsDocument() == expected, monitor.alertsDocument().dump().c_str());
    }

    void rulesDocumentHasPrometheusShape()
    {
        AlertMonitor monitor(options());
        nlohmann::json document = monitor.rulesDocument();
        QCOMPARE(document["data"]["groups"][0]["rules"][0]["health"].get<std::string>(), std::string("unknown"));
        QCOMPARE(document["data"]["groups"][0]["lastEvaluation"].get<std::string>(),
                 std::string("0001-01-01T00:00:00Z"));
        monitor.record(snapshot(1.5, 0));
        document = monitor.rulesDocument();
        const nlohmann::json &group = document["data"]["groups"][0];
        QCOMPARE(group["name"].get<std::string>(), std::string("fast"));
        QCOMPARE(group["file"].get<std::string>(), std::string("test.yml"));
        QCOMPARE(group["interval"].get<double>(), 10.0);
        QCOMPARE(group["lastEvaluation"].get<std::string>(), std::string("2026-01-01T00:00:01.500Z"));
        const nlohmann::json &rule = group["rules"][0];
        QCOMPARE(rule["name"].get<std::string>(), std::string("DeepQueue"));
        QCOMPARE(rule["query"].get<std::string>(), std::string("rl_feedback_queue_depth > 100"));
        QCOMPARE(rule["duration"].get<double>(), 20.0);
        QCOMPARE(rule["state"].get<std::string>(), std::string("inactive"));
        QCOMPARE(rule["health"].get<std::string>(), std::string("ok"));
        QCOMPARE(rule["type"].get<std::string>(), std::string("alerting"));
        QVERIFY(rule["alerts"].is_array() && rule["alerts"].empty());
        QCOMPARE(document["data"]["groups"][1]["interval"].get<double>(), 60.0);
        QVERIFY(monitor.rulesDocument("record")["data"]["groups"][0]["rules"].empty());
        QCOMPARE(group["limit"].get<long long>(), 0LL);
        const char *limited =
            "groups:\n- name: g\n  limit: 5\n  rules:\n  - alert: A\n    expr: rl_feedback_queue_depth > 1\n";
        const AlertMonitor withLimit({{{"l.yml", AlertRuleFile::parse(limited, "l.yml")}}, 1.0});
        QCOMPARE(withLimit.rulesDocument()["data"]["groups"][0]["limit"].get<long long>(), 5LL); // as written
    }

    void ruleReadingAnUnrecordedMetricIsWarnedAbout()
    {
        const char *text = "groups:\n- name: g\n  rules:\n  - alert: Up\n    expr: up == 0\n";
        QTest::ignoreMessage(QtWarningMsg,
                             "mine.yml: rule Up reads up, which rlstudio does not record: it can only see no data");
        const AlertMonitor monitor({{{"mine.yml", AlertRuleFile::parse(text, "mine.yml")}}, 1.0});
        QCOMPARE(monitor.warnings().size(), std::size_t(1));
    }

    // A file of no groups (empty, "groups: []", comments only) is valid, as promtool says; the monitor then
    // has nothing to evaluate, and must not fall over on it.
    void fileWithoutGroupsIsFine()
    {
        AlertMonitor monitor({{{"empty.yml", AlertRuleFile::parse("# nothing yet\n", "empty.yml")}}, 60.0});
        QVERIFY(monitor.groups().empty());
        monitor.record(snapshot(0, 500));
        QCOMPARE(monitor.alertsDocument()["data"]["alerts"].size(), std::size_t(0));
        QCOMPARE(monitor.rulesDocument()["data"]["groups"].size(), std::size_t(0));
    }

    void loadRulesNamesTheFile()
    {
        QCOMPARE(AlertMonitor::loadRules("shipped").file, std::string("rl_feedback_alerts.yml"));
        const QTemporaryDir dir;
        const auto failure = [](const std::string &path) {
            try {
                AlertMonitor::loadRules(path);
            } catch (const std::exception &error) {
                return std::string(error.what());
            }
            return std::string("loaded");
        };
        const std::string folder = dir.path().toStdString();
        QCOMPARE(failure(folder), folder + ": is a directory, not a file");
        QCOMPARE(failure(folder + "/none.yml"), folder + "/none.yml: no such file");
    }
};

QTEST_GUILESS_MAIN(TestAlertMonitor)
#include "tst_alertmonitor.moc"
