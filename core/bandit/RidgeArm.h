#pragma once

// Private to core/*.cpp (it exposes Eigen, a private dependency of rlcore).

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

#include <Eigen/Dense>
#include <nlohmann/json.hpp>

namespace rl {

// One arm's ridge regression of reward on context: A = ridge * I + sum x x^T, b = sum r x, theta = A^-1 b.
// A^-1 is kept directly and updated by Sherman-Morrison, so an update and every query are O(d^2).
class RidgeArm {
public:
    RidgeArm(std::size_t dimension, double ridge);

    double estimate(std::span<const double> x) const; // theta . x
    double variance(std::span<const double> x) const; // x^T A^-1 x
    void update(std::span<const double> x, double reward);
    std::uint64_t count() const { return m_count; }

    nlohmann::json state() const;
    // Throws std::invalid_argument naming `where` and the problem.
    static RidgeArm fromState(const nlohmann::json &state, std::size_t dimension, const std::string &where);

private:
    RidgeArm() = default;
    void refreshTheta();

    Eigen::MatrixXd m_inverse; // A^-1, symmetric positive definite
    Eigen::VectorXd m_b;
    Eigen::VectorXd m_theta;
    Eigen::VectorXd m_scratch; // A^-1 x, preallocated so update() never allocates
    std::uint64_t m_count = 0;
};

} // namespace rl
