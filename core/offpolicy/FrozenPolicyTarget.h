#pragma once

#include <memory>
#include <mutex>

#include "core/offpolicy/TargetPolicy.h"

namespace rl {

class Policy;

// A learned policy as deployed, frozen: its own distribution over the arms for each context (LinUCB's one arm,
// ε-greedy's mixture, Thompson sampling's win probabilities), learning nothing from the log. Made from a saved
// state (restorePolicy, `GET /v1/state`'s "state").
class FrozenPolicyTarget : public TargetPolicy {
public:
    explicit FrozenPolicyTarget(std::unique_ptr<Policy> policy);
    ~FrozenPolicyTarget() override;

    std::size_t arms() const override;
    std::size_t dimension() const override;
    void distribution(std::span<const double> x, std::span<double> out) const override;

private:
    // select() is what computes the distribution; it draws from the policy's generator, which changes no
    // probability, so a call stays frozen in effect. The lock keeps concurrent callers apart.
    mutable std::mutex m_mutex;
    std::unique_ptr<Policy> m_policy;
};

} // namespace rl
