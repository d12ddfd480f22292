#pragma once

#include <cstddef>
#include <vector>

namespace rl {

// One logged decision of a contextual bandit, as off-policy evaluation reads it.
struct LoggedRound {
    std::vector<double> features;
    std::size_t action = 0;  // 0-based
    double propensity = 1.0; // the logger's probability of that action, in (0, 1]
    double reward = 0.0;
    std::vector<double> logging; // the logger's whole distribution over the arms where logged; else empty
};

} // namespace rl
