#include "core/offpolicy/RewardModel.h"

#include <Eigen/Dense>

namespace rl {

RewardModel RewardModel::fit(const std::vector<LoggedRound> &log, std::size_t arms, std::size_t dimension, double ridge)
{
    const auto d = static_cast<Eigen::Index>(dimension);
    std::vector<Eigen::MatrixXd> gram(arms, Eigen::MatrixXd::Identity(d, d) * ridge);
    std::vector<Eigen::VectorXd> moment(arms, Eigen::VectorXd::Zero(d));
    for (const LoggedRound &round : log) {
        const Eigen::Map<const Eigen::VectorXd> x(round.features.data(), d);
        gram[round.action].selfadjointView<Eigen::Lower>().rankUpdate(x);
        moment[round.action] += round.reward * x;
    }
    RewardModel model;
    model.m_theta.reserve(arms);
    for (std::size_t arm = 0; arm < arms; ++arm) {
        // The lower triangle holds the updates; LDLT reads only it.
        const Eigen::VectorXd theta = gram[arm].ldlt().solve(moment[arm]);
        model.m_theta.emplace_back(theta.data(), theta.data() + theta.size());
    }
    return model;
}

double RewardModel::predict(std::size_t arm, std::span<const double> x) const
{
    const std::vector<double> &theta = m_theta[arm];
    double value = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i)
        value += theta[i] * x[i];
    return value;
}

} // namespace rl
