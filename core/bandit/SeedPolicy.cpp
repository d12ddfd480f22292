#include "core/bandit/SeedPolicy.h"

#include <string>

#include "core/bandit/PolicySupport.h"

namespace rl {

namespace {

Eigen::Map<const Eigen::VectorXd> asVector(std::span<const double> x)
{
    return {x.data(), static_cast<Eigen::Index>(x.size())};
}

} // namespace

SeedPolicy::SeedPolicy(PolicyConfig config)
    : Policy(std::move(config))
    , m_rng(m_config.seed)
{
    policy::validateConfig(m_config);
    const auto d = static_cast<Eigen::Index>(m_config.dimension);
    const auto arms = static_cast<Eigen::Index>(m_config.arms);
    m_weights.resize(d, arms);
    // As the original: N(0, 0.1) per weight, arm by arm, unless the weights are given.
    for (Eigen::Index k = 0; k < arms; ++k)
        for (Eigen::Index i = 0; i < d; ++i)
            m_weights(i, k) = m_config.initialWeights.empty() ? m_rng.normal(0.0, 0.1) : m_config.initialWeights[k][i];
    m_counts.assign(m_config.arms, 0);
}

Selection SeedPolicy::select(std::span<const double> x)
{
    return policy::epsilonGreedy(m_rng, m_config.epsilon, estimates(x));
}

void SeedPolicy::update(std::size_t arm, std::span<const double> x, double reward)
{
    policy::checkUpdate(m_config, arm, x, reward);
    const auto v = asVector(x);
    auto w = m_weights.col(static_cast<Eigen::Index>(arm));
    ++m_counts[arm];
    const double learningRate = 1.0 / (1.0 + static_cast<double>(m_counts[arm]));
    const double error = reward - w.dot(v);
    w += learningRate * error * v;
    ++m_updates;
}

std::vector<double> SeedPolicy::estimates(std::span<const double> x) const
{
    policy::checkContext(m_config, x);
    const Eigen::VectorXd scores = m_weights.transpose() * asVector(x);
    return {scores.data(), scores.data() + scores.size()};
}

nlohmann::json SeedPolicy::state() const
{
    auto s = policy::stateHeader(*this);
    s["rng"] = m_rng.state();
    nlohmann::json weights = nlohmann::json::array();
    for (Eigen::Index k = 0; k < m_weights.cols(); ++k) {
        const auto w = m_weights.col(k);
        weights.push_back(std::vector<double>(w.data(), w.data() + w.size()));
    }
    s["weights"] = std::move(weights);
    s["counts"] = m_counts;
    return s;
}

void SeedPolicy::restore(const nlohmann::json &state)
{
    // Everything is parsed into locals first: a rejected state leaves the policy untouched.
    const auto updates = policy::readStateHeader(*this, state);
    Rng rng;
    rng.restore(policy::member(state, "rng", "policy state"));
    const auto weights = policy::readMatrix(policy::member(state, "weights", "policy state"), m_config.arms,
                                            m_config.dimension, "policy state.weights");
    const auto &counts = policy::member(state, "counts", "policy state");
    if (!counts.is_array() || counts.size() != m_config.arms)
        throw std::invalid_argument("policy state.counts: expected an array of " + std::to_string(m_config.arms)
                                    + " counts");
    std::vector<std::uint64_t> parsedCounts;
    for (std::size_t k = 0; k < counts.size(); ++k)
        parsedCounts.push_back(policy::readCount(counts[k], "policy state.counts[" + std::to_string(k) + "]"));

    m_rng = rng;
    // Row k of the saved matrix is arm k, which is column k here.
    m_weights = Eigen::Map<const Eigen::MatrixXd>(weights.data(), static_cast<Eigen::Index>(m_config.dimension),
                                                  static_cast<Eigen::Index>(m_config.arms));
    m_counts = std::move(parsedCounts);
    m_updates = updates;
}

} // namespace rl
