#include "core/bandit/EpsilonGreedyPolicy.h"

#include "core/bandit/PolicySupport.h"

namespace rl {

EpsilonGreedyPolicy::EpsilonGreedyPolicy(PolicyConfig config)
    : RidgePolicy(std::move(config), true)
{
}

Selection EpsilonGreedyPolicy::select(std::span<const double> x)
{
    return policy::epsilonGreedy(*m_rng, m_config.epsilon, estimates(x));
}

} // namespace rl
