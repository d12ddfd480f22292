#include "core/bandit/RidgePolicy.h"

#include <string>

#include "core/bandit/PolicySupport.h"

namespace rl {

RidgePolicy::RidgePolicy(PolicyConfig config, bool randomised)
    : Policy(std::move(config))
{
    policy::validateConfig(m_config);
    m_arms.assign(m_config.arms, RidgeArm(m_config.dimension, m_config.ridge));
    if (randomised)
        m_rng.emplace(m_config.seed);
}

void RidgePolicy::update(std::size_t arm, std::span<const double> x, double reward)
{
    policy::checkUpdate(m_config, arm, x, reward);
    m_arms[arm].update(x, reward);
    ++m_updates;
}

std::vector<double> RidgePolicy::estimates(std::span<const double> x) const
{
    policy::checkContext(m_config, x);
    std::vector<double> out(m_arms.size());
    for (std::size_t k = 0; k < m_arms.size(); ++k)
        out[k] = m_arms[k].estimate(x);
    return out;
}

nlohmann::json RidgePolicy::state() const
{
    auto s = policy::stateHeader(*this);
    if (m_rng)
        s["rng"] = m_rng->state();
    nlohmann::json arms = nlohmann::json::array();
    for (const auto &arm : m_arms)
        arms.push_back(arm.state());
    s["models"] = std::move(arms);
    return s;
}

void RidgePolicy::restore(const nlohmann::json &state)
{
    // Everything is parsed into locals first: a rejected state leaves the policy untouched.
    const auto updates = policy::readStateHeader(*this, state);
    std::optional<Rng> rng;
    if (m_rng) {
        rng.emplace();
        rng->restore(policy::member(state, "rng", "policy state"));
    }
    const auto &models = policy::member(state, "models", "policy state");
    if (!models.is_array() || models.size() != m_config.arms)
        throw std::invalid_argument("policy state.models: expected an array of " + std::to_string(m_config.arms)
                                    + " arm states");
    std::vector<RidgeArm> arms;
    arms.reserve(m_config.arms);
    for (std::size_t k = 0; k < m_config.arms; ++k)
        arms.push_back(
            RidgeArm::fromState(models[k], m_config.dimension, "policy state.models[" + std::to_string(k) + "]"));

    m_arms = std::move(arms);
    m_rng = std::move(rng);
    m_updates = updates;
}

} // namespace rl
