#pragma once

// Private to core/*.cpp.

#include "core/bandit/RidgePolicy.h"

namespace rl {

// Linear Thompson sampling: each arm draws theta~ ~ N(theta, v^2 A^-1) and the best draw wins.
class ThompsonPolicy final : public RidgePolicy {
public:
    static constexpr std::string_view kName = "thompson";

    explicit ThompsonPolicy(PolicyConfig config);

    std::string_view name() const override { return kName; }
    Selection select(std::span<const double> x) override;
};

} // namespace rl
