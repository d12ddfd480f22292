#pragma once

// Private to core/*.cpp.

#include "core/bandit/RidgePolicy.h"

namespace rl {

// Epsilon-greedy on per-arm ridge estimates: the seed policy's exploration with a learner that converges.
class EpsilonGreedyPolicy final : public RidgePolicy {
public:
    static constexpr std::string_view kName = "egreedy";

    explicit EpsilonGreedyPolicy(PolicyConfig config);

    std::string_view name() const override { return kName; }
    Selection select(std::span<const double> x) override;
};

} // namespace rl
