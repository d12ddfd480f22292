// The alert states another evaluator serves (/api/v1/rules, Prometheus's shape): parsed, one row per rule
// with its worst alert, filtered to the instances shown, resolution remembered, and an evaluator that stops
// answering said in the header while the last states stay.
#include <QSignalSpy>
#include <QTest>

#include "gui/host/ServedAlerts.h"

using rl::AlertStatus;
using rl::AlertView;
using rl::PrometheusClient;
using rl::PromLabels;
using rl::ServedAlerts;

namespace {

// Prometheus's answer for one group: QueueStalled pending on a:9100 and firing on b:9100 since 12:00:00,
// HighFailureRate inactive. The nanosecond times are Prometheus's own.
QByteArray rulesDocument(bool queueAlerts)
{
    const QByteArray alerts =
        queueAlerts ? R"json([{"labels":{"alertname":"QueueStalled","instance":"a:9100","severity":"page"},
                        "annotations":{"description":"queue at 120 on a:9100"},"state":"pending",
                        "activeAt":"2026-12-01T12:00:30.123456789Z","value":"1.2e+02"},
                       {"labels":{"alertname":"QueueStalled","instance":"b:9100","severity":"page"},
                        "annotations":{"description":"queue at 300 on b:9100"},"state":"firing",
                        "activeAt":"2026-12-01T12:00:00Z","value":"3e+02"}])json"
                    : "[]";
    return R"json({"status":"success","data":{"groups":[{"name":"rl","file":"/etc/prometheus/rl.yml","interval":15,
        "rules":[{"state":")json"
           + QByteArray(queueAlerts ? "firing" : "inactive")
           + R"json(","name":"QueueStalled","query":"rl_feedback_queue_depth > 100","duration":300,
                  "labels":{"severity":"page"},"annotations":{"summary":"Queue stalled"},"alerts":)json"
           + alerts + R"json(,"health":"ok","lastError":"","type":"alerting"},
                 {"state":"inactive","name":"HighFailureRate","query":"x > 0.1","duration":600,"labels":{},
                  "annotations":{},"alerts":[],"health":"err","lastError":"bad data","type":"alerting"},
                 {"name":"rl:rate","query":"sum by (job) (x)","type":"recording"}]}]}})json";
}

constexpr double kNoon = 1796126400.0; // 2026-12-01T12:00:00Z

AlertView named(const std::vector<AlertView> &views, const std::string &name)
{
    for (const AlertView &view : views) {
        if (view.name == name)
            return view;
    }
    throw std::runtime_error("no rule " + name);
}

} // namespace

class TstServedAlerts : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parsesTheAlertingRules()
    {
        const auto rules = PrometheusClient::parseRules(rulesDocument(true));
        QVERIFY2(rules.ok(), qPrintable(rules.error));
        QCOMPARE(rules.data.size(), std::size_t(2)); // the recording rule left out
        QCOMPARE(rules.data[0].file, QStringLiteral("/etc/prometheus/rl.yml"));
        QCOMPARE(rules.data[0].intervalSeconds, 15.0);
        QCOMPARE(rules.data[0].forSeconds, 300.0);
        QCOMPARE(rules.data[0].alerts.size(), std::size_t(2));
        QCOMPARE(rules.data[0].alerts[0].activeAt, kNoon + 30.123);
        QCOMPARE(rules.data[1].lastError, QStringLiteral("bad data"));
        QVERIFY(!PrometheusClient::parseRules(R"({"status":"error","error":"no"})").ok());
    }

    void oneRowPerRuleWithItsWorstAlert()
    {
        ServedAlerts alerts(QStringLiteral("Prometheus at http://prom:9090"));
        QSignalSpy changed(&alerts, &ServedAlerts::alertChanged);
        alerts.update(PrometheusClient::parseRules(rulesDocument(true)).data, kNoon + 600);
        QCOMPARE(changed.size(), 2); // the first answer announces every rule
        const AlertView queue = named(alerts.views(), "QueueStalled");
        QCOMPARE(queue.state, AlertStatus::State::Firing);
        QCOMPARE(*queue.value, 300.0);
        QCOMPARE(*queue.firedAt, kNoon + 300); // active at noon, `for` 5 minutes
        QCOMPARE(queue.description, std::string("queue at 300 on b:9100"));
        QCOMPARE(queue.instances, (std::vector<std::string>{"a:9100", "b:9100"}));
        QCOMPARE(queue.severity, std::string("page"));
        QCOMPARE(named(alerts.views(), "HighFailureRate").error, std::string("bad data"));
        QVERIFY(alerts.origin().contains(QStringLiteral("/etc/prometheus/rl.yml")));
        QVERIFY(alerts.origin().contains(QStringLiteral("Prometheus at http://prom:9090")));
        QVERIFY(!alerts.timeScalable());
    }

    void filterKeepsTheInstancesShown()
    {
        ServedAlerts alerts(QStringLiteral("prom"));
        alerts.setFilter([](const PromLabels &labels) { return labels.value(QStringLiteral("instance")) == "a:9100"; });
        alerts.update(PrometheusClient::parseRules(rulesDocument(true)).data, kNoon + 600);
        const AlertView queue = named(alerts.views(), "QueueStalled");
        QCOMPARE(queue.state, AlertStatus::State::Pending);
        QCOMPARE(*queue.value, 120.0);
        QCOMPARE(queue.instances, std::vector<std::string>{"a:9100"});
    }

    void resolutionIsRemembered()
    {
        ServedAlerts alerts(QStringLiteral("prom"));
        alerts.update(PrometheusClient::parseRules(rulesDocument(true)).data, kNoon + 600);
        QSignalSpy changed(&alerts, &ServedAlerts::alertChanged);
        alerts.update(PrometheusClient::parseRules(rulesDocument(false)).data, kNoon + 615);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(1).toString(), QStringLiteral("inactive"));
        QCOMPARE(*named(alerts.views(), "QueueStalled").resolvedAt, kNoon + 615);
        alerts.update(PrometheusClient::parseRules(rulesDocument(false)).data, kNoon + 630);
        QCOMPARE(*named(alerts.views(), "QueueStalled").resolvedAt, kNoon + 615);
    }

    void rulesAreKeptApartAndFiltered()
    {
        // The same rule name in two groups is two rules: neither's state is read as the other's change.
        auto rules = PrometheusClient::parseRules(rulesDocument(true)).data;
        rl::PromRule twin = rules[0];
        twin.group = QStringLiteral("other");
        twin.alerts.clear();
        rules.push_back(twin);
        ServedAlerts alerts(QStringLiteral("prom"));
        alerts.update(rules, kNoon + 600);
        QSignalSpy changed(&alerts, &ServedAlerts::alertChanged);
        alerts.update(rules, kNoon + 615);
        QCOMPARE(changed.size(), 0);
        // A rule about other metrics is left out unless an alert of the instances shown is active.
        alerts.setRuleFilter([](const rl::PromRule &rule) { return rule.query.contains(QStringLiteral("rl_")); });
        alerts.update(rules, kNoon + 630);
        QCOMPARE(alerts.views().size(), std::size_t(2)); // HighFailureRate's query reads "x"
        // ... shown while it fires for an instance shown, and said to be over when it stops.
        rules[1].alerts = {rules[0].alerts[1]};
        rules[1].alerts[0].labels[QStringLiteral("alertname")] = QStringLiteral("HighFailureRate");
        alerts.update(rules, kNoon + 645);
        QCOMPARE(named(alerts.views(), "HighFailureRate").state, AlertStatus::State::Firing);
        rules[1].alerts.clear();
        QSignalSpy over(&alerts, &ServedAlerts::alertChanged);
        alerts.update(rules, kNoon + 660);
        QCOMPARE(alerts.views().size(), std::size_t(2));
        QCOMPARE(over.size(), 1);
        QCOMPARE(over.first().at(0).toString(), QStringLiteral("HighFailureRate"));
        QCOMPARE(over.first().at(1).toString(), QStringLiteral("inactive"));
    }

    void anEvaluatorNotAnsweringIsSaid()
    {
        ServedAlerts alerts(QStringLiteral("prom"));
        alerts.update(PrometheusClient::parseRules(rulesDocument(true)).data, kNoon + 600);
        QSignalSpy evaluated(&alerts, &ServedAlerts::evaluated);
        alerts.setUnavailable(QStringLiteral("connection refused"));
        QCOMPARE(evaluated.size(), 1);
        QVERIFY(alerts.origin().contains(QStringLiteral("connection refused")));
        QCOMPARE(named(alerts.views(), "QueueStalled").state, AlertStatus::State::Firing); // kept
        alerts.update(PrometheusClient::parseRules(rulesDocument(true)).data, kNoon + 615);
        QVERIFY(!alerts.origin().contains(QStringLiteral("connection refused")));
    }
};

QTEST_GUILESS_MAIN(TstServedAlerts)
#include "tst_servedalerts.moc"
