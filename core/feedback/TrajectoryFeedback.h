#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json_fwd.hpp>

namespace rl {

// Feedback derived from evaluating a whole trajectory (the original's fields).
struct TrajectoryFeedback {
    std::string trajectoryId;
    std::string modelId;
    double accuracyScore = 0.0;
    double efficiencyScore = 0.0;
    double errorHandlingScore = 0.0;
    double overallScore = 0.0;
    int trajectoryLength = 0;
    bool success = false;
    std::string reasoning;
    std::int64_t timestampMs = 0; // wall clock, milliseconds since the epoch
    std::uint64_t seq = 0;        // the journal's number for the item once durable; 0 when not journaled

    // Why this item cannot be learned from (empty id, a score outside [0, 1] or not finite, negative
    // length), naming the field and value; nullopt when it is fine.
    std::optional<std::string> validate() const;

    nlohmann::json toJson() const;
    // Throws std::invalid_argument naming the missing or mistyped field. Does not call validate().
    static TrajectoryFeedback fromJson(const nlohmann::json &object);
};

// 0.5 accuracy + 0.3 efficiency + 0.2 error handling, as the original.
double trajectoryQuality(const TrajectoryFeedback &feedback);
// 0.6 immediate + 0.4 trajectory quality, as the original's enhanced reward. Where no immediate reward
// was recorded (NaN) the trajectory quality stands alone.
double combinedReward(double immediateReward, const TrajectoryFeedback &feedback);

} // namespace rl
