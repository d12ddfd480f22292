#include "core/bandit/RidgeArm.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

#include "core/bandit/PolicySupport.h"

namespace rl {

namespace {

Eigen::Map<const Eigen::VectorXd> asVector(std::span<const double> x)
{
    return {x.data(), static_cast<Eigen::Index>(x.size())};
}

} // namespace

RidgeArm::RidgeArm(std::size_t dimension, double ridge)
    : m_inverse(Eigen::MatrixXd::Identity(dimension, dimension) / ridge)
    , m_b(Eigen::VectorXd::Zero(dimension))
    , m_theta(Eigen::VectorXd::Zero(dimension))
    , m_scratch(dimension)
{
}

double RidgeArm::estimate(std::span<const double> x) const
{
    return m_theta.dot(asVector(x));
}

double RidgeArm::variance(std::span<const double> x) const
{
    // Column by column rather than x.dot(A^-1 * x), which would allocate a temporary.
    const auto v = asVector(x);
    double sum = 0.0;
    for (Eigen::Index i = 0; i < v.size(); ++i)
        sum += v[i] * m_inverse.col(i).dot(v);
    return std::max(sum, 0.0); // rounding can dip below zero when x is nearly 0
}

void RidgeArm::update(std::span<const double> x, double reward)
{
    const auto v = asVector(x);
    // (A + x x^T)^-1 = A^-1 - u u^T / (1 + x.u) with u = A^-1 x. Scaling u by 1/sqrt(1 + x.u) first makes
    // each correction term v_i v_j, so A^-1 stays exactly symmetric in floating point.
    m_scratch.noalias() = m_inverse * v;
    m_scratch /= std::sqrt(1.0 + v.dot(m_scratch));
    m_inverse.noalias() -= m_scratch * m_scratch.transpose();
    m_b += reward * v;
    refreshTheta();
    ++m_count;
}

void RidgeArm::refreshTheta()
{
    m_theta.noalias() = m_inverse * m_b;
}

nlohmann::json RidgeArm::state() const
{
    nlohmann::json rows = nlohmann::json::array();
    for (Eigen::Index r = 0; r < m_inverse.rows(); ++r) {
        const Eigen::VectorXd row = m_inverse.row(r);
        rows.push_back(std::vector<double>(row.data(), row.data() + row.size()));
    }
    return {{"a_inv", std::move(rows)},
            {"b", std::vector<double>(m_b.data(), m_b.data() + m_b.size())},
            {"count", m_count}};
}

RidgeArm RidgeArm::fromState(const nlohmann::json &state, std::size_t dimension, const std::string &where)
{
    const auto d = static_cast<Eigen::Index>(dimension);
    const auto inverse =
        policy::readMatrix(policy::member(state, "a_inv", where), dimension, dimension, where + ".a_inv");
    const auto b = policy::readNumbers(policy::member(state, "b", where), dimension, where + ".b");

    RidgeArm arm;
    arm.m_inverse =
        Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(inverse.data(), d, d);
    const double scale = arm.m_inverse.cwiseAbs().maxCoeff();
    if ((arm.m_inverse - arm.m_inverse.transpose()).cwiseAbs().maxCoeff() > 1e-9 * scale)
        throw std::invalid_argument(where + ".a_inv: not symmetric");
    if (arm.m_inverse.llt().info() != Eigen::Success)
        throw std::invalid_argument(where + ".a_inv: not positive definite");
    arm.m_b = Eigen::Map<const Eigen::VectorXd>(b.data(), d);
    arm.m_scratch.resize(d);
    arm.m_count = policy::readCount(policy::member(state, "count", where), where + ".count");
    arm.refreshTheta();
    return arm;
}

} // namespace rl
