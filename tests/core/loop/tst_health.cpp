#include <QtTest>

#include <nlohmann/json.hpp>

#include "core/loop/Health.h"

class TestHealth : public QObject {
    Q_OBJECT

private slots:
    void keysAndValues()
    {
        rl::HealthState state;
        state.rlFeedbackEnabled = true;
        state.trajectoryEvaluationEnabled = false;
        state.routerRegistered = true;
        state.loopRunning = true;
        state.queueDepth = 42;
        state.queueCapacity = 10000;
        state.batchSize = 25;
        state.intervalSeconds = 2.5;
        state.policy = "linucb";
        state.totals = {1, 2, 3, 4, 5, 6, 7};

        const nlohmann::json json = state.toJson();
        QCOMPARE(json.size(), std::size_t(12));
        QVERIFY(json.at("journal").is_null());
        QCOMPARE(json.at("rl_feedback_enabled"), nlohmann::json(true));
        QCOMPARE(json.at("trajectory_evaluation_enabled"), nlohmann::json(false));
        QCOMPARE(json.at("router_registered"), nlohmann::json(true));
        QCOMPARE(json.at("loop_running"), nlohmann::json(true));
        QCOMPARE(json.at("queue_depth").get<std::size_t>(), std::size_t(42));
        QCOMPARE(json.at("queue_capacity").get<std::size_t>(), std::size_t(10000));
        QCOMPARE(json.at("batch_size").get<std::size_t>(), std::size_t(25));
        QCOMPARE(json.at("interval_seconds").get<double>(), 2.5);
        QCOMPARE(json.at("policy").get<std::string>(), std::string("linucb"));

        const nlohmann::json &totals = json.at("totals");
        QCOMPARE(totals.size(), std::size_t(7));
        QCOMPARE(totals.at("routed").get<std::uint64_t>(), std::uint64_t(1));
        QCOMPARE(totals.at("emitted").get<std::uint64_t>(), std::uint64_t(2));
        QCOMPARE(totals.at("processed").get<std::uint64_t>(), std::uint64_t(3));
        QCOMPARE(totals.at("failed").get<std::uint64_t>(), std::uint64_t(4));
        QCOMPARE(totals.at("dropped").get<std::uint64_t>(), std::uint64_t(5));
        QCOMPARE(totals.at("purged").get<std::uint64_t>(), std::uint64_t(6));
        QCOMPARE(totals.at("evicted").get<std::uint64_t>(), std::uint64_t(7));
    }

    void lastTickNullBeforeFirstTick()
    {
        const nlohmann::json json = rl::HealthState{}.toJson();
        QVERIFY(json.contains("last_tick"));
        QVERIFY(json.at("last_tick").is_null());
    }

    void lastTickIso8601_data()
    {
        QTest::addColumn<qint64>("epochMs");
        QTest::addColumn<QString>("expected");
        QTest::newRow("epoch") << qint64(0) << "1970-01-01T00:00:00.000Z";
        QTest::newRow("millis") << qint64(1717245296789) << "2024-06-01T12:34:56.789Z";
        QTest::newRow("leap day") << qint64(1709251199999) << "2024-02-29T23:59:59.999Z";
        QTest::newRow("before epoch") << qint64(-1) << "1969-12-31T23:59:59.999Z";
    }

    void lastTickIso8601()
    {
        QFETCH(qint64, epochMs);
        QFETCH(QString, expected);
        rl::HealthState state;
        state.lastTickMs = epochMs;
        QCOMPARE(QString::fromStdString(state.toJson().at("last_tick").get<std::string>()), expected);
        // The same instant as Qt reads it back.
        QCOMPARE(QDateTime::fromString(expected, Qt::ISODateWithMs).toMSecsSinceEpoch(), epochMs);
    }
};

QTEST_GUILESS_MAIN(TestHealth)
#include "tst_health.moc"
