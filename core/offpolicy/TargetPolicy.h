#pragma once

#include <cstddef>
#include <span>

namespace rl {

// A policy whose value off-policy evaluation estimates: its distribution over the arms for a context,
// frozen (it does not learn from the log).
class TargetPolicy {
public:
    virtual ~TargetPolicy() = default;

    virtual std::size_t arms() const = 0;
    virtual std::size_t dimension() const = 0;
    // The probability of each arm for context x (dimension() values); out has arms() entries summing to 1.
    virtual void distribution(std::span<const double> x, std::span<double> out) const = 0;
};

} // namespace rl
