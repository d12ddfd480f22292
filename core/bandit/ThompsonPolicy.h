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
    std::size_t pick(std::span<const double> x) override; // skips the propensities' quadrature

private:
    // Every arm's sampled score into draws, its posterior sd into sds; scores are the point estimates.
    void draw(std::span<const double> x, const std::vector<double> &scores, std::vector<double> &sds,
              std::vector<double> &draws);
};

} // namespace rl
