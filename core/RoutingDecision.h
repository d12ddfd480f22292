#pragma once

#include <chrono>
#include <cstddef>
#include <limits>
#include <string>

#include "core/FeatureVector.h"

namespace rl {

// One routing history entry: what was chosen, from what features, with what probability.
struct RoutingDecision {
    std::string trajectoryId;
    std::size_t arm = 0;
    FeatureVector features;
    double propensity = 1.0;
    std::chrono::steady_clock::time_point decidedAt;
    // The reward observed when the call returned; NaN until recorded.
    double immediateReward = std::numeric_limits<double>::quiet_NaN();
};

} // namespace rl
