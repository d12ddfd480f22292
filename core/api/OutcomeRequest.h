#pragma once

#include <string>
#include <string_view>

namespace rl {

// The body of POST /v1/outcome: the immediate reward observed when a routed call returned.
struct OutcomeRequest {
    std::string trajectoryId;
    double immediateReward = 0.0;

    // Throws ApiError naming the field: malformed JSON, an unknown key, a missing or bad trajectory id, a
    // reward that is not a finite number within kMaxInputMagnitude.
    static OutcomeRequest parse(std::string_view body);
};

} // namespace rl
