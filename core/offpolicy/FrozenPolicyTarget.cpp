#include "core/offpolicy/FrozenPolicyTarget.h"

#include <algorithm>

#include "core/bandit/Policy.h"

namespace rl {

FrozenPolicyTarget::FrozenPolicyTarget(std::unique_ptr<Policy> policy)
    : m_policy(std::move(policy))
{
}

FrozenPolicyTarget::~FrozenPolicyTarget() = default;

std::size_t FrozenPolicyTarget::arms() const
{
    return m_policy->config().arms;
}

std::size_t FrozenPolicyTarget::dimension() const
{
    return m_policy->config().dimension;
}

void FrozenPolicyTarget::distribution(std::span<const double> x, std::span<double> out) const
{
    const std::lock_guard lock(m_mutex);
    const Selection selection = m_policy->select(x);
    std::copy(selection.probabilities.begin(), selection.probabilities.end(), out.begin());
}

} // namespace rl
