#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/offpolicy/LoggedRound.h"

namespace rl {

// A logged bandit's decisions as `rlstudio evaluate` reads them, in either format `rlstudio export` writes:
//  - CSV: x0..x{d-1}, action (0-based), propensity, reward, optionally the whole logging distribution
//    p0..p{k-1}; event_id, timestamp_ms and policy_version are read past. The columns in any order, x0..
//    and p0.. each counting up.
//  - DSJSON, one JSON object a line (Vowpal Wabbit's): _label_Action (1-based), _label_probability,
//    _label_cost (the reward negated), the features under c.x, the actions `a` (1-based) with their
//    probabilities `p`.
// Every error names the file and line (and column in CSV) and the problem; a propensity outside
// [1e-12, 1], an action the target does not have, a distribution that does not sum to 1 or gives the
// action another probability are errors.
class BanditLog {
public:
    static constexpr std::size_t kMaxFileBytes = std::size_t(2) << 30;
    static constexpr std::size_t kMaxLineBytes = 64 << 10;

    // arms: the target's, which every action must be below (0: unchecked). Throws InputError or
    // std::runtime_error naming the file.
    static BanditLog load(const std::string &path, std::size_t arms);
    static BanditLog parse(std::string_view text, const std::string &where, std::size_t arms);

    std::vector<LoggedRound> rounds;
    std::size_t dimension = 0;
    std::size_t arms = 0; // as the logged distributions have them; 0 when the log has none
};

} // namespace rl
