#include <QTest>

#include <nlohmann/json.hpp>

#include "core/api/ApiError.h"
#include "core/api/ConfigChange.h"
#include "core/api/FeedbackSubmission.h"
#include "core/api/OutcomeRequest.h"
#include "core/api/PurgeRequest.h"
#include "core/api/RouteRequest.h"
#include "core/feedback/ModelCatalogue.h"

namespace {

// The error a parse throws, or a failed check when it does not throw.
template<typename Parse>
rl::ApiError errorOf(Parse parse)
{
    try {
        parse();
    } catch (const rl::ApiError &error) {
        return error;
    }
    return rl::ApiError(0, "none", {}, "no error");
}

std::string item(const std::string &id, const std::string &model, double accuracy = 0.9)
{
    return nlohmann::json{{"trajectory_id", id},     {"model_id", model},         {"accuracy_score", accuracy},
                          {"efficiency_score", 0.5}, {"error_handling_score", 1}, {"overall_score", 0.7}}
        .dump();
}

} // namespace

class TestApiRequests : public QObject {
    Q_OBJECT

    const rl::ModelCatalogue m_contexts = rl::ModelCatalogue::defaults();
    const rl::ModelCatalogue m_features{rl::ModelCatalogue::defaults().models(), 3};

private Q_SLOTS:
    void routeReadsTheOriginalsContext()
    {
        const auto request = rl::RouteRequest::parse(
            R"({"complexity":"Critical","token_estimate":4200,"quality_requirement":0.9,"latency_requirement_ms":null,
                "cost_budget_usd":0.5,"trajectory_id":"t-1","tenant":"acme"})",
            m_contexts);
        QVERIFY(request.context.has_value());
        QVERIFY(request.context->complexity == rl::Complexity::Critical);
        QCOMPARE(request.context->tokenEstimate, 4200LL);
        QVERIFY(!request.context->latencyRequirementMs.has_value());
        QCOMPARE(*request.context->costBudgetUsd, 0.5);
        QCOMPARE(request.trajectoryId, std::string("t-1"));
        QVERIFY(rl::RouteRequest::parse("{}", m_contexts).context.has_value()); // every field has a default
    }

    void routeReadsFeaturesOfTheCataloguesDimension()
    {
        const auto request = rl::RouteRequest::parse(R"({"features":[0.5,-1,2e3]})", m_features);
        QCOMPARE(request.features, (rl::FeatureVector{0.5, -1.0, 2000.0}));
        QVERIFY(!request.context.has_value());
        QVERIFY(request.trajectoryId.empty());
    }

    void routeErrorsNameTheField_data()
    {
        QTest::addColumn<bool>("featureCatalogue");
        QTest::addColumn<QString>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        QTest::newRow("not json") << false << "{\"complexity\":" << 400 << "malformed_json"
                                  << ""
                                  << "body: not valid JSON";
        QTest::newRow("not an object") << false << "[1,2]" << 400 << "invalid_field"
                                       << ""
                                       << "expected a JSON object, got an array of 2";
        QTest::newRow("unknown key") << false << R"({"complexty":"simple"})" << 400 << "invalid_field"
                                     << "complexty"
                                     << "complexty: unknown field";
        QTest::newRow("bad complexity") << false << R"({"complexity":"huge"})" << 400 << "invalid_field"
                                        << "complexity"
                                        << "'huge' is not simple, moderate, complex or critical";
        QTest::newRow("quality range") << false << R"({"quality_requirement":1.5})" << 400 << "invalid_field"
                                       << "quality_requirement"
                                       << "1.5 is outside [0, 1]";
        QTest::newRow("wrong type") << false << R"({"token_estimate":"many"})" << 400 << "invalid_field"
                                    << "token_estimate"
                                    << "expected an integer, got string";
        QTest::newRow("both") << false << R"({"features":[1,2,3,4,5,6],"complexity":"simple"})" << 400
                              << "invalid_field"
                              << "features"
                              << "not both";
        QTest::newRow("context to a feature router") << true << R"({"complexity":"simple"})" << 400 << "invalid_field"
                                                     << "features"
                                                     << "features: missing; this router chooses on 3 features";
        QTest::newRow("feature count") << true << R"({"features":[1,2]})" << 400 << "invalid_field"
                                       << "features"
                                       << "2 values, the catalogue's dimension is 3";
        QTest::newRow("overflowing feature") << true << R"({"features":[1,1e999,2]})" << 400 << "malformed_json"
                                             << ""
                                             << "number overflow";
        QTest::newRow("huge feature") << true << R"({"features":[1,1e101,2]})" << 400 << "invalid_field"
                                      << "features[1]"
                                      << "features[1]: 1e+101 is not a finite number within";
        QTest::newRow("string feature") << true << R"({"features":[1,2,"3"]})" << 400 << "invalid_field"
                                        << "features[2]"
                                        << "expected a number, got \"3\"";
        QTest::newRow("control character in id")
            << false << "{\"trajectory_id\":\"a\\u0000b\"}" << 400 << "invalid_field"
            << "trajectory_id"
            << "holds the control character 0 at byte 2";
        QTest::newRow("empty id") << false << R"({"trajectory_id":""})" << 400 << "invalid_field"
                                  << "trajectory_id"
                                  << "trajectory_id: is empty";
    }

    void routeErrorsNameTheField()
    {
        QFETCH(bool, featureCatalogue);
        QFETCH(QString, body);
        QFETCH(int, status);
        QFETCH(QString, reason);
        QFETCH(QString, field);
        QFETCH(QString, message);
        const rl::ApiError error =
            errorOf([&] { rl::RouteRequest::parse(body.toStdString(), featureCatalogue ? m_features : m_contexts); });
        QCOMPARE(error.status(), status);
        QCOMPARE(QString::fromStdString(error.reason()), reason);
        QCOMPARE(QString::fromStdString(error.field()), field);
        QVERIFY2(QString::fromUtf8(error.what()).contains(message), error.what());
        const nlohmann::json json = error.toJson();
        QCOMPARE(json["error"]["status"].get<int>(), status);
        QCOMPARE(json["error"].contains("field"), !field.isEmpty());
    }

    void ndjsonAcceptsTheGoodLinesAndNamesTheBadOnes()
    {
        const std::string body = item("a", "gpt-4") + "\n\n" + item("b", "gpt-5") + "\r\n" + item("c", "gpt-4", 1.5)
                                 + "\n{not json\n" + item("d", "claude-3-opus") + "\n   \n";
        const auto submission = rl::FeedbackSubmission::parse(body, true, m_contexts, 1234);
        QCOMPARE(submission.accepted.size(), std::size_t(2));
        QCOMPARE(submission.accepted[0].trajectoryId, std::string("a"));
        QCOMPARE(submission.accepted[1].trajectoryId, std::string("d"));
        QCOMPARE(submission.accepted[1].timestampMs, std::int64_t(1234)); // absent: the time it arrived
        QCOMPARE(submission.rejected.size(), std::size_t(3));
        QCOMPARE(submission.rejected[0].line, std::size_t(3)); // blank lines count
        QVERIFY(submission.rejected[0].reason.find("model_id 'gpt-5' is not in the catalogue") != std::string::npos);
        QCOMPARE(submission.rejected[1].line, std::size_t(4));
        QVERIFY(submission.rejected[1].reason.find("accuracy_score 1.5 is outside [0, 1]") != std::string::npos);
        QCOMPARE(submission.rejected[2].line, std::size_t(5));
        QVERIFY(submission.rejected[2].reason.find("not valid JSON") != std::string::npos);
        const nlohmann::json json = submission.toJson();
        QCOMPARE(json["accepted"].get<int>(), 2);
        QCOMPARE(json["rejected"][1]["line"].get<int>(), 4);
    }

    void aSingleObjectIsOneItem()
    {
        const auto good = rl::FeedbackSubmission::parse(item("a", "gpt-4"), false, m_contexts, 0);
        QCOMPARE(good.accepted.size(), std::size_t(1));
        // Two objects are not one: application/json is exactly one item.
        const auto two =
            rl::FeedbackSubmission::parse(item("a", "gpt-4") + "\n" + item("b", "gpt-4"), false, m_contexts, 0);
        QVERIFY(two.accepted.empty());
        QCOMPARE(two.rejected.size(), std::size_t(1));
        const auto missing = rl::FeedbackSubmission::parse(R"({"trajectory_id":"a"})", false, m_contexts, 0);
        QVERIFY(missing.rejected.at(0).reason.find("model_id: missing") != std::string::npos);
    }

    void outcomeNeedsAFiniteReward()
    {
        const auto outcome = rl::OutcomeRequest::parse(R"({"trajectory_id":"t","immediate_reward":0.25})");
        QCOMPARE(outcome.immediateReward, 0.25);
        QCOMPARE(
            errorOf([] { rl::OutcomeRequest::parse(R"({"trajectory_id":"t","immediate_reward":1e999})"); }).reason(),
            std::string("malformed_json")); // JSON has no NaN or infinity; overflow is refused as such
        QCOMPARE(
            errorOf([] { rl::OutcomeRequest::parse(R"({"trajectory_id":"t","immediate_reward":-1e300})"); }).field(),
            std::string("immediate_reward"));
        QCOMPARE(errorOf([] { rl::OutcomeRequest::parse(R"({"immediate_reward":1})"); }).field(),
                 std::string("trajectory_id"));
        QCOMPARE(errorOf([] { rl::OutcomeRequest::parse(R"({"trajectory_id":"t","reward":1})"); }).field(),
                 std::string("reward"));
    }

    void configAcceptsWhatTheCommandLineAccepts()
    {
        const auto change = rl::ConfigChange::parse(
            R"({"loop_enabled":false,"batch_size":100000,"interval_seconds":0.01,"policy":"thompson"})");
        QCOMPARE(*change.loopEnabled, false);
        QCOMPARE(*change.batchSize, std::size_t(100000));
        QCOMPARE(*change.intervalSeconds, 0.01);
        QCOMPARE(*change.policy, std::string("thompson"));
        QVERIFY(!change.evaluationEnabled);
        QCOMPARE(errorOf([] { rl::ConfigChange::parse(R"({"batch_size":0})"); }).field(), std::string("batch_size"));
        QCOMPARE(errorOf([] { rl::ConfigChange::parse(R"({"interval_seconds":86401})"); }).field(),
                 std::string("interval_seconds"));
        const auto policy = errorOf([] { rl::ConfigChange::parse(R"({"policy":"best"})"); });
        QCOMPARE(policy.field(), std::string("policy"));
        QVERIFY(std::string(policy.what()).find("known: ") != std::string::npos);
        QCOMPARE(errorOf([] { rl::ConfigChange::parse(R"({"loop_enabled":"yes"})"); }).field(),
                 std::string("loop_enabled"));
        QCOMPARE(errorOf([] { rl::ConfigChange::parse(R"({"batchsize":5})"); }).field(), std::string("batchsize"));
        QCOMPARE(*rl::ConfigChange::parse(R"({"queue_capacity":10000000})").queueCapacity, std::size_t(10'000'000));
        QCOMPARE(errorOf([] { rl::ConfigChange::parse(R"({"queue_capacity":0})"); }).field(),
                 std::string("queue_capacity"));
        QCOMPARE(errorOf([] { rl::ConfigChange::parse(R"({"queue_capacity":10000001})"); }).field(),
                 std::string("queue_capacity"));
    }

    void errorsWithCutTextStillSerialize()
    {
        // 39 ASCII bytes, then a two-byte character: the message quotes the first 40 bytes, half of it.
        const std::string value = std::string(39, 'a') + "\xc3\xa9";
        const rl::ApiError error =
            errorOf([&] { rl::RouteRequest::parse(R"({"complexity":")" + value + R"("})", m_contexts); });
        QCOMPARE(error.field(), std::string("complexity"));
        const std::string text = rl::answerText(error.toJson());
        QVERIFY(text.find("\xef\xbf\xbd") != std::string::npos); // U+FFFD where the character was cut
        QVERIFY(nlohmann::json::accept(text));
    }

    void purgeNeedsTheConfirmedCount()
    {
        QCOMPARE(rl::PurgeRequest::parse(R"({"count":299})").count, std::size_t(299));
        QCOMPARE(errorOf([] { rl::PurgeRequest::parse("{}"); }).field(), std::string("count"));
        QCOMPARE(errorOf([] { rl::PurgeRequest::parse(R"({"count":-1})"); }).field(), std::string("count"));
    }
};

QTEST_GUILESS_MAIN(TestApiRequests)
#include "tst_apirequests.moc"
