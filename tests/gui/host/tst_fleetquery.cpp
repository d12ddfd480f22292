// The fleet table's PromQL and its parsing: a selector that is anything but label matchers is refused with
// the reason; one combined answer becomes one row per instance, worst first; alerts attach to the instances
// they name and fleet-wide ones to none; Prometheus's JSON shapes, NaN included, parse.
#include <cmath>

#include <QTest>

#include "core/alerting/PromQlExpression.h"
#include "core/loop/LoopConfig.h"
#include "gui/host/FleetQuery.h"
#include "gui/host/PrometheusClient.h"

using rl::FleetQuery;
using rl::PromLabels;
using rl::PromSample;

namespace {

PromSample sample(const QString &instance, const QString &tenant, FleetQuery::Column column, double value)
{
    return {PromLabels{{QStringLiteral("job"), QStringLiteral("rlstudio")},
                       {QStringLiteral("instance"), instance},
                       {QStringLiteral("tenant"), tenant},
                       {QStringLiteral("workspace"), QStringLiteral("default")},
                       {QStringLiteral("rl_column"), FleetQuery::columnName(column)}},
            value};
}

} // namespace

class TstFleetQuery : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void selectorMustBeLabelMatchers_data()
    {
        QTest::addColumn<QString>("selector");
        QTest::addColumn<QString>("problem"); // empty: accepted
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("matchers") << QStringLiteral("{tenant=~\"a|b\", job=\"rlstudio\"}") << QString();
        QTest::newRow("no braces") << QStringLiteral("tenant=\"a\"") << QStringLiteral("must start with {");
        QTest::newRow("a metric") << QStringLiteral("up") << QStringLiteral("must start with {");
        QTest::newRow("an operator") << QStringLiteral("{a=\"b\"} or x{}")
                                     << QStringLiteral("binary expression must contain only scalar");
        QTest::newRow("a range") << QStringLiteral("{a=\"b\"}[5m] + x{}") << QStringLiteral("is not label matchers");
        QTest::newRow("bad regex") << QStringLiteral("{a=~\"(\"}") << QStringLiteral("is not label matchers");
    }
    void selectorMustBeLabelMatchers()
    {
        QFETCH(QString, selector);
        QFETCH(QString, problem);
        try {
            const FleetQuery query(selector);
            QVERIFY2(problem.isEmpty(), "accepted");
            QVERIFY(query.expression().contains(QStringLiteral("rl_feedback_queue_depth") + query.selector()));
        } catch (const rl::ConfigError &error) {
            QVERIFY2(!problem.isEmpty(), error.what());
            QVERIFY2(QString::fromUtf8(error.what()).contains(problem), error.what());
            QVERIFY2(QString::fromUtf8(error.what()).contains(QStringLiteral("--selector")), error.what());
        }
    }

    void oneRowPerInstanceWorstFirst()
    {
        const FleetQuery query;
        using C = FleetQuery::Column;
        const std::vector<PromSample> answer{
            sample(QStringLiteral("a:1"), QStringLiteral("acme"), C::Up, 1),
            sample(QStringLiteral("a:1"), QStringLiteral("acme"), C::QueueDepth, 3),
            sample(QStringLiteral("a:1"), QStringLiteral("acme"), C::Success, 1.0),
            sample(QStringLiteral("b:1"), QStringLiteral("globex"), C::Up, 1),
            sample(QStringLiteral("b:1"), QStringLiteral("globex"), C::QueueDepth, 40),
            sample(QStringLiteral("b:1"), QStringLiteral("globex"), C::P95Latency, std::nan("")),
            sample(QStringLiteral("c:1"), QStringLiteral("initech"), C::Up, 0),
            sample(QStringLiteral("d:1"), QStringLiteral("umbrella"), C::Up, 1),
            sample(QStringLiteral("d:1"), QStringLiteral("umbrella"), C::Success, 0.5),
        };
        const rl::FleetSnapshot fleet = query.parse(answer, 1000.0);
        QCOMPARE(fleet.timeSeconds, 1000.0);
        QCOMPARE(fleet.instances.size(), 4u);
        QCOMPARE(fleet.instances[0].tenant, QStringLiteral("initech"));  // down
        QCOMPARE(fleet.instances[1].tenant, QStringLiteral("umbrella")); // half its items failed
        QCOMPARE(fleet.instances[2].tenant, QStringLiteral("globex"));   // the deeper queue
        QCOMPARE(fleet.instances[3].tenant, QStringLiteral("acme"));
        QCOMPARE(fleet.instances[2].queueDepth, 40.0);
        QVERIFY(std::isnan(fleet.instances[2].p95LatencyMs));
        QVERIFY(std::isnan(fleet.instances[0].queueDepth)); // no value: unknown, not zero
        QVERIFY(fleet.instances[0].isDown());
    }

    void alertsAttachToTheInstancesTheyName()
    {
        using C = FleetQuery::Column;
        rl::FleetSnapshot fleet =
            FleetQuery().parse({sample(QStringLiteral("a:1"), QStringLiteral("acme"), C::Up, 1),
                                sample(QStringLiteral("b:1"), QStringLiteral("globex"), C::Up, 1)},
                               0.0);
        const auto alert = [](PromLabels labels, const QString &state) {
            rl::PromAlert result;
            result.labels = std::move(labels);
            result.state = state;
            return result;
        };
        FleetQuery::attachAlerts(
            fleet, {alert({{QStringLiteral("alertname"), QStringLiteral("Deep")},
                           {QStringLiteral("instance"), QStringLiteral("b:1")}},
                          QStringLiteral("firing")),
                    alert({{QStringLiteral("alertname"), QStringLiteral("Slow")},
                           {QStringLiteral("tenant"), QStringLiteral("acme")}},
                          QStringLiteral("pending")),
                    alert({{QStringLiteral("alertname"), QStringLiteral("FleetWide")}}, QStringLiteral("firing"))});
        QCOMPARE(fleet.instances[0].tenant, QStringLiteral("globex")); // a firing alert sorts it first
        QCOMPARE(fleet.instances[0].firingAlerts, QStringList{QStringLiteral("Deep")});
        QVERIFY(fleet.instances[0].pendingAlerts.isEmpty());
        QCOMPARE(fleet.instances[1].pendingAlerts, QStringList{QStringLiteral("Slow")});
        QVERIFY(fleet.instances[1].firingAlerts.isEmpty());
    }

    void chartsQueryEscapesAndParses()
    {
        // A trailing comma in the selector, and instance names with regex characters: still one valid query.
        const FleetQuery query(QStringLiteral("{job=\"rl\",}"));
        rl::FleetInstance first, second;
        first.job = second.job = QStringLiteral("rl");
        first.instance = QStringLiteral("10.0.0.1:8000");
        second.instance = QStringLiteral("a\\b");
        const QString expression = query.chartsExpression({first, second}, false, 60.0);
        QVERIFY2(expression.contains(QStringLiteral("{job=\"rl\", job=~\"rl\", instance=~\"10\\\\.0\\\\.0\\\\.1:8000|"
                                                    "a\\\\\\\\b\", tenant=~\"\", workspace=~\"\"}")),
                 qPrintable(expression));
        for (const QString &text : {expression, query.totalsExpression({first, second})}) {
            try {
                const rl::PromQlExpression parsed(text.toStdString());
                Q_UNUSED(parsed);
            } catch (const rl::PromQlError &error) {
                QFAIL(error.what());
            }
        }
    }

    void tenantsOfOneProcessStayApart()
    {
        // The original service labels one process's series by tenant and workspace: a row is all of its
        // identity, so drilling down to one tenant leaves the other out, and so do its alerts.
        rl::FleetInstance acme;
        acme.job = QStringLiteral("svc");
        acme.instance = QStringLiteral("10.0.0.1:8000");
        acme.tenant = QStringLiteral("acme");
        acme.workspace = QStringLiteral("default");
        const QString expression = FleetQuery().chartsExpression({acme}, false, 60.0);
        QVERIFY2(expression.contains(QStringLiteral("tenant=~\"acme\", workspace=~\"default\"")),
                 qPrintable(expression));
        PromLabels alert{{QStringLiteral("alertname"), QStringLiteral("X")},
                         {QStringLiteral("instance"), QStringLiteral("10.0.0.1:8000")},
                         {QStringLiteral("tenant"), QStringLiteral("globex")}};
        QVERIFY(!FleetQuery::concerns(alert, acme));
        alert[QStringLiteral("tenant")] = QStringLiteral("acme");
        QVERIFY(FleetQuery::concerns(alert, acme));
        QVERIFY(!FleetQuery::concerns({{QStringLiteral("alertname"), QStringLiteral("FleetWide")}}, acme));
        // Two rows differing in two labels: the matchers would let in their cross combinations, so the
        // series are kept to the rows' identities too.
        rl::FleetInstance globex = acme;
        globex.instance = QStringLiteral("10.0.0.2:8000");
        globex.tenant = QStringLiteral("globex");
        const QString two = FleetQuery().chartsExpression({acme, globex}, false, 60.0);
        QVERIFY2(two.contains(QStringLiteral("and on (job, instance, tenant, workspace) (label_replace(")),
                 qPrintable(two));
        QVERIFY(!expression.contains(QStringLiteral(" and on "))); // one row: the matchers are exact
    }

    void parsesPrometheusAnswers()
    {
        const auto vector = rl::PrometheusClient::parseVector(
            R"({"status":"success","data":{"resultType":"vector","result":[
                {"metric":{"instance":"a:1"},"value":[1700000000.5,"NaN"]},
                {"metric":{"instance":"b:1"},"value":[1700000000.5,"2.5"]}]}})");
        QVERIFY2(vector.ok(), qPrintable(vector.error));
        QCOMPARE(vector.data.size(), 2u);
        QVERIFY(std::isnan(vector.data[0].value));
        QCOMPARE(vector.data[1].value, 2.5);
        QCOMPARE(vector.data[1].labels.value(QStringLiteral("instance")), QStringLiteral("b:1"));

        const auto matrix = rl::PrometheusClient::parseMatrix(
            R"({"status":"success","data":{"resultType":"matrix","result":[
                {"metric":{},"values":[[10,"1"],[20,"+Inf"]]}]}})");
        QVERIFY2(matrix.ok(), qPrintable(matrix.error));
        QCOMPARE(matrix.data[0].points.size(), 2u);
        QCOMPARE(matrix.data[0].points[0], std::make_pair(10.0, 1.0));
        QVERIFY(std::isinf(matrix.data[0].points[1].second));

        const auto alerts = rl::PrometheusClient::parseAlerts(
            R"({"status":"success","data":{"alerts":[{"labels":{"alertname":"X"},"state":"firing",
                "activeAt":"2026-12-01T02:12:19.722123456Z","value":"3e+01",
                "annotations":{"summary":"queue deep"}}]}})");
        QVERIFY2(alerts.ok(), qPrintable(alerts.error));
        QCOMPARE(alerts.data[0].state, QStringLiteral("firing"));
        QCOMPARE(alerts.data[0].value, 30.0);
        QCOMPARE(alerts.data[0].summary, QStringLiteral("queue deep"));
        QCOMPARE(alerts.data[0].activeAt, 1796091139.722);

        const auto targets = rl::PrometheusClient::parseTargets(
            R"({"status":"success","data":{"activeTargets":[{"labels":{"job":"rl","instance":"a:1"},"health":"down",
                "lastError":"connect: connection refused"}],"droppedTargets":[]}})");
        QVERIFY2(targets.ok(), qPrintable(targets.error));
        QCOMPARE(targets.data.size(), 1u);
        QCOMPARE(targets.data[0].health, QStringLiteral("down"));
        QCOMPARE(targets.data[0].lastError, QStringLiteral("connect: connection refused"));
        QCOMPARE(targets.data[0].labels.value(QStringLiteral("instance")), QStringLiteral("a:1"));

        const auto refused = rl::PrometheusClient::parseVector(
            R"({"status":"error","errorType":"bad_data","error":"1:5: parse error: unexpected"})");
        QCOMPARE(refused.error, QStringLiteral("1:5: parse error: unexpected"));
        QVERIFY(!rl::PrometheusClient::parseVector("<html>").ok());
        QVERIFY(rl::PrometheusClient::parseVector(R"({"status":"success","data":{"resultType":"matrix","result":[]}})")
                    .error.contains(QStringLiteral("instant vector")));
    }
};

QTEST_GUILESS_MAIN(TstFleetQuery)
#include "tst_fleetquery.moc"
