#pragma once

// Private to core/*.cpp (it exposes Eigen, a private dependency of rlcore).

#include <cstdint>
#include <vector>

#include <Eigen/Dense>

#include "core/bandit/Policy.h"
#include "core/support/Rng.h"

namespace rl {

// The original router's bandit, kept faithfully as a baseline: epsilon-greedy over linear weights learned
// by SGD with step 1/(1 + n_arm). Its step shrinks too fast to tell the arms apart (see the workload README).
class SeedPolicy final : public Policy {
public:
    static constexpr std::string_view kName = "seed";

    explicit SeedPolicy(PolicyConfig config);

    std::string_view name() const override { return kName; }
    Selection select(std::span<const double> x) override;
    void update(std::size_t arm, std::span<const double> x, double reward) override;
    std::vector<double> estimates(std::span<const double> x) const override;
    nlohmann::json state() const override;
    void restore(const nlohmann::json &state) override;

private:
    Rng m_rng;
    Eigen::MatrixXd m_weights; // dimension x arms: column k is arm k's weights
    std::vector<std::uint64_t> m_counts;
};

} // namespace rl
