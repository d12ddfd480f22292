#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "core/offpolicy/LoggedRound.h"

namespace rl {

// The direct method's reward model: per arm, a ridge regression of the reward on the logged features,
// (λI + XᵀX) θ = Xᵀr over the rows that took the arm, no intercept, fitted once on the whole log. An arm the
// log never took predicts 0.
class RewardModel {
public:
    static RewardModel fit(const std::vector<LoggedRound> &log, std::size_t arms, std::size_t dimension,
                           double ridge = 1.0);

    double predict(std::size_t arm, std::span<const double> x) const;

private:
    std::vector<std::vector<double>> m_theta; // per arm
};

} // namespace rl
