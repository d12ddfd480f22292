#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <limits>
#include <string>

#include "core/feedback/FeatureVector.h"

namespace rl {

// One routing history entry: what was chosen, from what features, with what probability. The features are
// held inline (the router's are always kContextFeatures long) so remembering a decision allocates nothing.
struct RoutingDecision {
    std::string trajectoryId;
    std::size_t arm = 0;
    std::array<double, kContextFeatures> features{};
    double propensity = 1.0;
    std::chrono::steady_clock::time_point decidedAt;
    // The reward observed when the call returned; NaN until recorded.
    double immediateReward = std::numeric_limits<double>::quiet_NaN();
};

} // namespace rl
