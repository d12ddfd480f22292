#pragma once

#include <vector>

#include "core/offpolicy/TargetPolicy.h"

namespace rl {

// Greedy on W·x (a k×d weights matrix, as meta.json's true_weights are written), or ε-greedy: ε/k on every
// arm and the rest on the best one. A tie goes to the lowest arm, as the routers break them.
class LinearTarget : public TargetPolicy {
public:
    // Throws std::invalid_argument for an empty or ragged matrix or ε outside [0, 1].
    explicit LinearTarget(std::vector<std::vector<double>> weights, double epsilon = 0.0);

    std::size_t arms() const override { return m_weights.size(); }
    std::size_t dimension() const override { return m_weights.front().size(); }
    void distribution(std::span<const double> x, std::span<double> out) const override;

private:
    std::vector<std::vector<double>> m_weights;
    double m_epsilon;
};

} // namespace rl
