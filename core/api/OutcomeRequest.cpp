#include "core/api/OutcomeRequest.h"

#include <cmath>

#include <nlohmann/json.hpp>

#include "core/api/ApiError.h"
#include "core/api/ApiJson.h"
#include "core/support/JsonReader.h"
#include "core/support/Limits.h"
#include "core/support/NumberFormat.h"

namespace rl {

OutcomeRequest OutcomeRequest::parse(std::string_view body)
{
    const nlohmann::json object = api::parseObject(body);
    api::rejectUnknownKeys(object, {"trajectory_id", "immediate_reward"});
    OutcomeRequest request;
    try {
        const JsonReader reader(object, {});
        request.trajectoryId = reader.string("trajectory_id");
        request.immediateReward = reader.number("immediate_reward");
    } catch (const std::invalid_argument &error) {
        api::rethrowInvalid(error);
    }
    api::checkId(request.trajectoryId, "trajectory_id");
    if (!std::isfinite(request.immediateReward) || std::abs(request.immediateReward) > kMaxInputMagnitude)
        throw ApiError::invalid("immediate_reward", "immediate_reward: " + formatNumber(request.immediateReward)
                                                        + " is not a finite number within ±"
                                                        + formatNumber(kMaxInputMagnitude));
    return request;
}

} // namespace rl
