#include "core/feedback/TrajectoryFeedback.h"

#include <cmath>
#include <limits>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "core/support/JsonReader.h"
#include "core/support/NumberFormat.h"

namespace rl {

namespace {

std::optional<std::string> checkScore(const char *field, double value)
{
    if (!std::isfinite(value))
        return std::string(field) + " " + formatNumber(value) + " is not a finite number";
    if (value < 0.0 || value > 1.0)
        return std::string(field) + " " + formatNumber(value) + " is outside [0, 1]";
    return std::nullopt;
}

} // namespace

std::optional<std::string> TrajectoryFeedback::validate() const
{
    if (trajectoryId.empty())
        return "trajectory_id is empty";
    if (modelId.empty())
        return "model_id is empty";
    for (const auto &[field, value] :
         {std::pair{"accuracy_score", accuracyScore}, std::pair{"efficiency_score", efficiencyScore},
          std::pair{"error_handling_score", errorHandlingScore}, std::pair{"overall_score", overallScore}}) {
        if (auto problem = checkScore(field, value))
            return problem;
    }
    if (trajectoryLength < 0)
        return "trajectory_length " + std::to_string(trajectoryLength) + " is negative";
    return std::nullopt;
}

nlohmann::json TrajectoryFeedback::toJson() const
{
    return {{"trajectory_id", trajectoryId},
            {"model_id", modelId},
            {"accuracy_score", accuracyScore},
            {"efficiency_score", efficiencyScore},
            {"error_handling_score", errorHandlingScore},
            {"overall_score", overallScore},
            {"trajectory_length", trajectoryLength},
            {"success", success},
            {"reasoning", reasoning},
            {"timestamp_ms", timestampMs}};
}

// The ids and scores are required; length, success, reasoning and timestamp default when absent.
TrajectoryFeedback TrajectoryFeedback::fromJson(const nlohmann::json &object)
{
    const JsonReader reader(object, "feedback");
    TrajectoryFeedback feedback;
    feedback.trajectoryId = reader.string("trajectory_id");
    feedback.modelId = reader.string("model_id");
    feedback.accuracyScore = reader.number("accuracy_score");
    feedback.efficiencyScore = reader.number("efficiency_score");
    feedback.errorHandlingScore = reader.number("error_handling_score");
    feedback.overallScore = reader.number("overall_score");
    if (reader.has("trajectory_length")) {
        const auto length = reader.integer("trajectory_length");
        if (length < std::numeric_limits<int>::min() || length > std::numeric_limits<int>::max())
            reader.fail("trajectory_length", std::to_string(length) + " is out of range");
        feedback.trajectoryLength = static_cast<int>(length);
    }
    if (reader.has("success"))
        feedback.success = reader.boolean("success");
    if (reader.has("reasoning"))
        feedback.reasoning = reader.string("reasoning");
    if (reader.has("timestamp_ms"))
        feedback.timestampMs = reader.integer("timestamp_ms");
    return feedback;
}

double trajectoryQuality(const TrajectoryFeedback &feedback)
{
    return 0.5 * feedback.accuracyScore + 0.3 * feedback.efficiencyScore + 0.2 * feedback.errorHandlingScore;
}

double combinedReward(double immediateReward, const TrajectoryFeedback &feedback)
{
    const double quality = trajectoryQuality(feedback);
    return std::isnan(immediateReward) ? quality : 0.6 * immediateReward + 0.4 * quality;
}

} // namespace rl
