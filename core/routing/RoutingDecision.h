#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>

#include "core/feedback/FeatureVector.h"

namespace rl {

// One routing history entry: what was chosen, from what features, with what probability.
struct RoutingDecision {
    std::uint64_t eventId = 0; // unique per router, and across restarts once restored
    std::string trajectoryId;
    std::size_t arm = 0;
    FeatureVector features;
    double propensity = 1.0;
    std::chrono::steady_clock::time_point decidedAt;
    // The reward observed when the call returned; NaN until recorded.
    double immediateReward = std::numeric_limits<double>::quiet_NaN();
};

} // namespace rl
