#pragma once

#include <cstddef>
#include <functional>
#include <optional>

#include <nlohmann/json_fwd.hpp>

namespace rl {

class Policy;
class TrueWeights;
struct LearningStream;

struct ReplayResult {
    static constexpr std::size_t kWindow = 1000; // the optimal share is over the last this many rounds

    std::size_t rounds = 0;
    std::optional<double> regretAt1k; // cumulative expected regret after 1,000 rounds; none for a shorter run
    std::optional<double> regretAt5k;
    double regretEnd = 0.0;
    double optimalShareLast1k = 0.0; // share of the last min(kWindow, rounds) rounds that picked the best arm
    bool cancelled = false;          // progress asked to stop; the figures cover the rounds done
    // The checkpoints a run did not reach are null.
    nlohmann::json toJson() const;
};

// Runs the policy over the stream: it sees only the reward of the arm it picked; regret is expected regret
// against the weights in force at each round, max_k w_k.x - w_pick.x. progress, if given, is called every
// few thousand rounds with the rounds done; returning false stops the replay. Throws std::invalid_argument
// when the shapes of the policy, the stream and the weights differ.
ReplayResult runReplay(Policy &policy, const LearningStream &stream, const TrueWeights &trueWeights,
                       const std::function<bool(std::size_t)> &progress = {});

} // namespace rl
