#include "core/bandit/LinUcbPolicy.h"

#include <cmath>

#include "core/bandit/PolicySupport.h"

namespace rl {

LinUcbPolicy::LinUcbPolicy(PolicyConfig config)
    : RidgePolicy(std::move(config), false)
{
}

Selection LinUcbPolicy::select(std::span<const double> x)
{
    Selection s;
    s.scores = estimates(x);
    std::vector<double> upper(m_arms.size());
    for (std::size_t k = 0; k < m_arms.size(); ++k)
        upper[k] = s.scores[k] + m_config.alpha * std::sqrt(m_arms[k].variance(x));
    s.arm = policy::argmax(upper);
    s.probabilities.assign(m_arms.size(), 0.0);
    s.probabilities[s.arm] = 1.0;
    s.propensity = 1.0;
    return s;
}

} // namespace rl
