#pragma once

// Private to core/*.cpp.

#include <optional>
#include <vector>

#include "core/bandit/Policy.h"
#include "core/bandit/RidgeArm.h"
#include "core/support/Rng.h"

namespace rl {

// What egreedy, linucb and thompson share: one RidgeArm per arm, learning, point estimates and state.
// They differ only in select().
class RidgePolicy : public Policy {
public:
    void update(std::size_t arm, std::span<const double> x, double reward) override;
    std::vector<double> estimates(std::span<const double> x) const override;
    nlohmann::json state() const override;
    void restore(const nlohmann::json &state) override;

protected:
    // A randomised policy owns an Rng seeded from config.seed, saved and restored with the arms.
    RidgePolicy(PolicyConfig config, bool randomised);

    std::vector<RidgeArm> m_arms;
    std::optional<Rng> m_rng;
};

} // namespace rl
