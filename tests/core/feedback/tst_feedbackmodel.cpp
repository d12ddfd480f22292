#include <QtTest>

#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/feedback/FeatureVector.h"
#include "core/feedback/ModelCatalogue.h"
#include "core/feedback/RoutingContext.h"
#include "core/feedback/TrajectoryFeedback.h"
#include "core/support/InputFile.h"

using nlohmann::json;

namespace {

json modelJson()
{
    return {{"id", "local-llama"},       {"provider", "self"},          {"max_tokens", 32768},
            {"cost_per_1k_tokens", 0.0}, {"average_latency_ms", 400.0}, {"accuracy_score", 0.7},
            {"reliability_score", 0.9}};
}

// The message of the std::invalid_argument that f throws; fails the test if it throws nothing.
template<typename F>
QString invalidArgument(F &&f)
{
    try {
        f();
    } catch (const std::invalid_argument &error) {
        return QString::fromStdString(error.what());
    }
    return QStringLiteral("<nothing thrown>");
}

rl::TrajectoryFeedback validFeedback()
{
    rl::TrajectoryFeedback f;
    f.trajectoryId = "traj-1";
    f.modelId = "gpt-4";
    f.accuracyScore = 0.9;
    f.efficiencyScore = 0.5;
    f.errorHandlingScore = 0.25;
    f.overallScore = 0.7;
    f.trajectoryLength = 7;
    f.success = true;
    f.reasoning = "ok";
    f.timestampMs = 1717200000123;
    return f;
}

} // namespace

class TestFeedbackModel : public QObject {
    Q_OBJECT

private slots:
    void catalogueDefaultsAreTheOriginalFour()
    {
        const auto catalogue = rl::ModelCatalogue::defaults();
        QCOMPARE(catalogue.size(), std::size_t(4));
        const auto &gpt4 = catalogue.at(0);
        QCOMPARE(gpt4.id, std::string("gpt-4"));
        QCOMPARE(gpt4.provider, std::string("openai"));
        QCOMPARE(gpt4.maxTokens, 8192LL);
        QCOMPARE(gpt4.costPer1kTokens, 0.03);
        QCOMPARE(gpt4.averageLatencyMs, 2000.0);
        QCOMPARE(gpt4.accuracyScore, 0.95);
        QCOMPARE(gpt4.reliabilityScore, 0.98);
        QCOMPARE(catalogue.at(1).id, std::string("gpt-3.5-turbo"));
        QCOMPARE(catalogue.at(1).costPer1kTokens, 0.002);
        QCOMPARE(catalogue.at(2).id, std::string("claude-3-opus"));
        QCOMPARE(catalogue.at(2).maxTokens, 200000LL);
        QCOMPARE(catalogue.at(2).accuracyScore, 0.97);
        QCOMPARE(catalogue.at(3).id, std::string("claude-3-sonnet"));
        QCOMPARE(catalogue.at(3).averageLatencyMs, 1500.0);
        QCOMPARE(catalogue.at(3).reliabilityScore, 0.97);
        QCOMPARE(catalogue.indexOf("claude-3-opus"), std::optional<std::size_t>(2));
        QCOMPARE(catalogue.indexOf("gpt-5"), std::optional<std::size_t>());
    }

    void catalogueJsonRoundTrips()
    {
        const auto defaults = rl::ModelCatalogue::defaults();
        const auto reloaded = rl::ModelCatalogue::fromJson(defaults.toJson());
        QCOMPARE(reloaded.toJson(), defaults.toJson());

        const auto custom = rl::ModelCatalogue::fromJson({{"models", json::array({modelJson()})}});
        QCOMPARE(custom.size(), std::size_t(1));
        QCOMPARE(custom.at(0).id, std::string("local-llama"));
        QCOMPARE(custom.at(0).maxTokens, 32768LL);
        QCOMPARE(custom.at(0).averageLatencyMs, 400.0);
    }

    void catalogueFromFile()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("models.json").toStdString();
        std::ofstream(path) << rl::ModelCatalogue::defaults().toJson().dump(2);
        QCOMPARE(rl::ModelCatalogue::fromFile(path).size(), std::size_t(4));

        std::ofstream(path) << "{\"models\": [";
        const QString truncated = invalidArgument([&] { rl::ModelCatalogue::fromFile(path); });
        QVERIFY2(truncated.contains("models.json") && truncated.contains("not valid JSON"), qPrintable(truncated));

        try {
            rl::ModelCatalogue::fromFile(path + ".absent");
            QFAIL("a missing file was read");
        } catch (const rl::InputError &error) {
            QCOMPARE(QString::fromUtf8(error.what()), QString::fromStdString(path + ".absent: no such file"));
        }
    }

    void badCatalogueJsonNamesTheField_data()
    {
        QTest::addColumn<QString>("document");
        QTest::addColumn<QString>("expected");
        const auto with = [](const char *key, json value) {
            json model = modelJson();
            model[key] = std::move(value);
            return QString::fromStdString(json{{"models", json::array({modelJson(), model})}}.dump());
        };
        const auto without = [](const char *key) {
            json model = modelJson();
            model.erase(key);
            return QString::fromStdString(json{{"models", json::array({model})}}.dump());
        };
        QTest::newRow("not an object") << "[1]"
                                       << "expected a JSON object, got array";
        QTest::newRow("no models") << "{}"
                                   << "models: missing";
        QTest::newRow("models not an array") << R"({"models": 3})"
                                             << "models: expected an array, got number";
        QTest::newRow("empty") << R"({"models": []})"
                               << "at least one model";
        QTest::newRow("model not an object") << R"({"models": ["gpt-4"]})"
                                             << "models[0]: expected a JSON object";
        QTest::newRow("missing id") << without("id") << "models[0].id: missing";
        QTest::newRow("mistyped tokens") << with("max_tokens", "lots")
                                         << "models[1].max_tokens: expected an integer, got string";
        QTest::newRow("fractional tokens") << with("max_tokens", 1.5) << "models[1].max_tokens: expected an integer";
        QTest::newRow("zero tokens") << with("max_tokens", 0) << "models[1].max_tokens: 0 is not positive";
        QTest::newRow("negative cost") << with("cost_per_1k_tokens", -1) << "models[1].cost_per_1k_tokens: -1";
        QTest::newRow("accuracy above 1") << with("accuracy_score", 1.5) << "models[1].accuracy_score: 1.5 is outside";
        QTest::newRow("mistyped reliability")
            << with("reliability_score", true) << "models[1].reliability_score: expected a number, got boolean";
        QTest::newRow("empty id") << with("id", "") << "models[1].id: is empty";
        QTest::newRow("repeated id") << with("id", "local-llama") << "models[1].id: 'local-llama' repeats models[0].id";
        // Ids go into metric labels and HTTP answers: a NUL once went raw into /metrics.
        QTest::newRow("control character")
            << with("id", std::string("gpt\0-4", 6)) << "models[1].id: holds the control character 0 at byte 4";
        QTest::newRow("long id") << with("id", std::string(129, 'm'))
                                 << "models[1].id: is 129 bytes long, more than 128";
        json many = json::array();
        for (int i = 0; i < 65; ++i) {
            json model = modelJson();
            model["id"] =
                std::string("m").append(std::to_string(i)); // not "m" + ...: GCC 12's -Wrestrict false positive
            many.push_back(model);
        }
        QTest::newRow("too many") << QString::fromStdString(json{{"models", many}}.dump())
                                  << "models: 65 models, more than the 64 a router chooses between";
    }

    void catalogueTextIsBounded()
    {
        const std::string deep = R"({"models": )" + std::string(100000, '[') + std::string(100000, ']') + "}";
        try {
            rl::ModelCatalogue::parse(deep, "models.json");
            QFAIL("deep nesting was parsed");
        } catch (const std::invalid_argument &error) {
            QCOMPARE(QString::fromUtf8(error.what()),
                     QStringLiteral("models.json: nested deeper than 32 levels at byte 43"));
        }
    }

    void badCatalogueJsonNamesTheField()
    {
        QFETCH(QString, document);
        QFETCH(QString, expected);
        const QString message =
            invalidArgument([&] { rl::ModelCatalogue::fromJson(json::parse(document.toStdString())); });
        QVERIFY2(message.contains(expected), qPrintable(message));
    }

    void featuresMatchTheWorkload()
    {
        // x0..x4 of the reference workload follow the original's _extract_context_vector.
        std::ifstream in(std::string(RLSTUDIO_WORKLOAD_DIR) + "/feedback_workload.csv");
        QVERIFY(in);
        std::string line;
        std::getline(in, line);
        int rows = 0;
        while (std::getline(in, line)) {
            std::vector<std::string> cells;
            std::stringstream stream(line);
            for (std::string cell; std::getline(stream, cell, ',');)
                cells.push_back(cell);
            QCOMPARE(cells.size(), std::size_t(21));
            rl::RoutingContext context;
            context.complexity = *rl::parseComplexity(cells[3]);
            context.tokenEstimate = std::stoll(cells[4]);
            context.qualityRequirement = std::stod(cells[5]);
            context.latencyRequirementMs = std::stod(cells[6]);
            context.costBudgetUsd = std::stod(cells[7]);
            const auto x = rl::extractFeatures(context);
            QCOMPARE(x.size(), rl::kContextFeatures);
            for (std::size_t k = 0; k < 5; ++k)
                QVERIFY2(std::abs(x[k] - std::stod(cells[8 + k])) < 1e-9, line.c_str());
            QCOMPARE(x[5], 1.0);
            ++rows;
        }
        QCOMPARE(rows, 1000);
    }

    void featureEdgeCases()
    {
        rl::RoutingContext context; // moderate, 1000 tokens, quality 0.8, no latency or budget set
        auto x = rl::extractFeatures(context);
        QCOMPARE(x[0], 0.5);
        QCOMPARE(x[1], std::log1p(1000.0) / std::log1p(100000.0));
        QCOMPARE(x[2], 0.8);
        QCOMPARE(x[3], 0.5);
        QCOMPARE(x[4], 0.0);
        QCOMPARE(x[5], 1.0);

        context.complexity = rl::Complexity::Simple;
        context.tokenEstimate = 0;
        context.qualityRequirement = 1.7;
        context.latencyRequirementMs = 2500.0;
        context.costBudgetUsd = 0.25;
        x = rl::extractFeatures(context);
        QCOMPARE(x[0], 0.25);
        QCOMPARE(x[1], 0.0);
        QCOMPARE(x[2], 1.0);
        QCOMPARE(x[3], 0.75);
        QCOMPARE(x[4], 0.25);

        context.complexity = rl::Complexity::Critical;
        context.tokenEstimate = 10'000'000;
        context.qualityRequirement = std::numeric_limits<double>::quiet_NaN();
        context.latencyRequirementMs = 0.0; // set but not positive: as unset
        context.costBudgetUsd = 40.0;
        x = rl::extractFeatures(context);
        QCOMPARE(x[0], 1.0);
        QCOMPARE(x[1], 1.0);
        QCOMPARE(x[2], 0.0);
        QCOMPARE(x[3], 0.5);
        QCOMPARE(x[4], 1.0);

        context.latencyRequirementMs = 60000.0;
        context.costBudgetUsd = -3.0;
        x = rl::extractFeatures(context);
        QCOMPARE(x[3], 0.0);
        QCOMPARE(x[4], 0.0);
    }

    void complexityNames()
    {
        QCOMPARE(rl::parseComplexity("CRITICAL"), std::optional(rl::Complexity::Critical));
        QCOMPARE(rl::parseComplexity("Simple"), std::optional(rl::Complexity::Simple));
        QCOMPARE(rl::parseComplexity("hard"), std::optional<rl::Complexity>());
        QCOMPARE(rl::toString(rl::Complexity::Moderate), std::string_view("moderate"));
    }

    void feedbackValidation_data()
    {
        QTest::addColumn<int>("field");
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("expected");
        const double nan = std::numeric_limits<double>::quiet_NaN();
        QTest::newRow("accuracy high") << 0 << 1.25 << "accuracy_score 1.25 is outside [0, 1]";
        QTest::newRow("efficiency low") << 1 << -0.5 << "efficiency_score -0.5 is outside [0, 1]";
        QTest::newRow("error handling nan") << 2 << nan << "error_handling_score nan is not a finite number";
        QTest::newRow("overall inf") << 3 << std::numeric_limits<double>::infinity()
                                     << "overall_score inf is not a finite number";
    }

    void feedbackValidation()
    {
        QFETCH(int, field);
        QFETCH(double, value);
        QFETCH(QString, expected);
        auto f = validFeedback();
        QCOMPARE(f.validate(), std::optional<std::string>());
        double *scores[] = {&f.accuracyScore, &f.efficiencyScore, &f.errorHandlingScore, &f.overallScore};
        *scores[field] = value;
        QCOMPARE(QString::fromStdString(f.validate().value_or("<valid>")), expected);
    }

    void feedbackValidationOfIdsAndLength()
    {
        auto f = validFeedback();
        f.trajectoryId.clear();
        QCOMPARE(f.validate(), std::optional<std::string>("trajectory_id is empty"));
        f = validFeedback();
        f.modelId.clear();
        QCOMPARE(f.validate(), std::optional<std::string>("model_id is empty"));
        f = validFeedback();
        f.trajectoryLength = -2;
        QCOMPARE(f.validate(), std::optional<std::string>("trajectory_length -2 is negative"));
        f = validFeedback();
        f.accuracyScore = 0.0;
        f.overallScore = 1.0; // the bounds themselves are fine
        QCOMPARE(f.validate(), std::optional<std::string>());
    }

    void feedbackJsonRoundTrips()
    {
        const auto f = validFeedback();
        const json j = f.toJson();
        QCOMPARE(j.at("trajectory_id"), json("traj-1"));
        QCOMPARE(j.at("model_id"), json("gpt-4"));
        QCOMPARE(j.at("error_handling_score"), json(0.25));
        QCOMPARE(j.at("trajectory_length"), json(7));
        QCOMPARE(j.at("timestamp_ms"), json(1717200000123));
        QCOMPARE(rl::TrajectoryFeedback::fromJson(j).toJson(), j);

        // Only the ids and the scores are required.
        const auto minimal = rl::TrajectoryFeedback::fromJson({{"trajectory_id", "t"},
                                                               {"model_id", "m"},
                                                               {"accuracy_score", 1},
                                                               {"efficiency_score", 0},
                                                               {"error_handling_score", 0.5},
                                                               {"overall_score", 0.5}});
        QCOMPARE(minimal.accuracyScore, 1.0);
        QCOMPARE(minimal.trajectoryLength, 0);
        QCOMPARE(minimal.success, false);
        QCOMPARE(minimal.reasoning, std::string());

        // fromJson reads; it does not judge values.
        json outOfRange = j;
        outOfRange["accuracy_score"] = 3.0;
        QVERIFY(rl::TrajectoryFeedback::fromJson(outOfRange).validate().has_value());
    }

    void badFeedbackJsonNamesTheField()
    {
        const json good = validFeedback().toJson();
        const auto messageFor = [&](const char *key, const json *value) {
            json j = good;
            if (value)
                j[key] = *value;
            else
                j.erase(key);
            return invalidArgument([&] { rl::TrajectoryFeedback::fromJson(j); });
        };
        const json text = "x", number = 1, fraction = 2.5, huge = 1e12;
        QCOMPARE(messageFor("trajectory_id", nullptr), QString("feedback.trajectory_id: missing"));
        QCOMPARE(messageFor("model_id", &number), QString("feedback.model_id: expected a string, got number"));
        QCOMPARE(messageFor("overall_score", &text), QString("feedback.overall_score: expected a number, got string"));
        QCOMPARE(messageFor("trajectory_length", &fraction),
                 QString("feedback.trajectory_length: expected an integer, got number"));
        QCOMPARE(messageFor("success", &number), QString("feedback.success: expected true or false, got number"));
        QCOMPARE(messageFor("timestamp_ms", &huge), QString("feedback.timestamp_ms: expected an integer, got number"));
        const json bigLength = 4'000'000'000LL;
        QCOMPARE(messageFor("trajectory_length", &bigLength),
                 QString("feedback.trajectory_length: 4000000000 is out of range"));
        QCOMPARE(invalidArgument([] { rl::TrajectoryFeedback::fromJson(json::array()); }),
                 QString("feedback: expected a JSON object, got array"));
    }

    void rewards()
    {
        auto f = validFeedback(); // accuracy 0.9, efficiency 0.5, error handling 0.25
        QCOMPARE(rl::trajectoryQuality(f), 0.5 * 0.9 + 0.3 * 0.5 + 0.2 * 0.25); // 0.65
        QVERIFY(std::abs(rl::trajectoryQuality(f) - 0.65) < 1e-12);
        QVERIFY(std::abs(rl::combinedReward(0.4, f) - (0.6 * 0.4 + 0.4 * 0.65)) < 1e-12); // 0.5
        QVERIFY(std::abs(rl::combinedReward(0.4, f) - 0.5) < 1e-12);
        QCOMPARE(rl::combinedReward(std::numeric_limits<double>::quiet_NaN(), f), rl::trajectoryQuality(f));
        f.accuracyScore = f.efficiencyScore = f.errorHandlingScore = 1.0;
        QVERIFY(std::abs(rl::combinedReward(1.0, f) - 1.0) < 1e-12);
        QCOMPARE(rl::combinedReward(0.0, rl::TrajectoryFeedback{}), 0.0);
    }
};

QTEST_GUILESS_MAIN(TestFeedbackModel)
#include "tst_feedbackmodel.moc"
