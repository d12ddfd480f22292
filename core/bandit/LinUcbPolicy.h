#pragma once

// Private to core/*.cpp.

#include "core/bandit/RidgePolicy.h"

namespace rl {

// Disjoint LinUCB: picks argmax theta.x + alpha * sqrt(x^T A^-1 x). Deterministic, so propensity 1.
class LinUcbPolicy final : public RidgePolicy {
public:
    static constexpr std::string_view kName = "linucb";

    explicit LinUcbPolicy(PolicyConfig config);

    std::string_view name() const override { return kName; }
    Selection select(std::span<const double> x) override;
};

} // namespace rl
