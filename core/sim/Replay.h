#pragma once

#include <cstddef>
#include <functional>

#include <nlohmann/json_fwd.hpp>

namespace rl {

class Policy;
class TrueWeights;
struct LearningStream;

struct ReplayResult {
    std::size_t rounds = 0;
    double regretAt1k = 0.0; // cumulative expected regret after 1,000 rounds (or the end, if fewer)
    double regretAt5k = 0.0;
    double regretEnd = 0.0;
    double optimalShareLast1k = 0.0; // share of the last 1,000 rounds that picked the best arm
    bool cancelled = false;          // progress asked to stop; the figures cover the rounds done
    nlohmann::json toJson() const;
};

// Runs the policy over the stream: it sees only the reward of the arm it picked; regret is expected regret
// against the weights in force at each round, max_k w_k.x - w_pick.x. progress, if given, is called every
// few thousand rounds with the rounds done; returning false stops the replay. Throws std::invalid_argument
// when the shapes of the policy, the stream and the weights differ.
ReplayResult runReplay(Policy &policy, const LearningStream &stream, const TrueWeights &trueWeights,
                       const std::function<bool(std::size_t)> &progress = {});

} // namespace rl
