#include "core/offpolicy/LinearTarget.h"

#include <stdexcept>
#include <string>

namespace rl {

LinearTarget::LinearTarget(std::vector<std::vector<double>> weights, double epsilon)
    : m_weights(std::move(weights))
    , m_epsilon(epsilon)
{
    if (m_weights.empty() || m_weights.front().empty())
        throw std::invalid_argument("the target's weights are empty: expected a k×d matrix");
    for (std::size_t arm = 0; arm < m_weights.size(); ++arm) {
        if (m_weights[arm].size() != m_weights.front().size())
            throw std::invalid_argument("the target's weights: arm " + std::to_string(arm) + " has "
                                        + std::to_string(m_weights[arm].size()) + " weights, arm 0 has "
                                        + std::to_string(m_weights.front().size()));
    }
    if (!(epsilon >= 0.0 && epsilon <= 1.0))
        throw std::invalid_argument("the target's epsilon must be in [0, 1]");
}

void LinearTarget::distribution(std::span<const double> x, std::span<double> out) const
{
    std::size_t best = 0;
    double bestScore = 0.0;
    for (std::size_t arm = 0; arm < m_weights.size(); ++arm) {
        double score = 0.0;
        for (std::size_t i = 0; i < x.size(); ++i)
            score += m_weights[arm][i] * x[i];
        if (arm == 0 || score > bestScore)
            best = arm, bestScore = score;
    }
    const double spread = m_epsilon / static_cast<double>(m_weights.size());
    for (std::size_t arm = 0; arm < out.size(); ++arm)
        out[arm] = spread + (arm == best ? 1.0 - m_epsilon : 0.0);
}

} // namespace rl
