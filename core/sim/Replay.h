#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <span>

#include <nlohmann/json_fwd.hpp>

namespace rl {

class Policy;
class TrueWeights;
struct LearningStream;

// Rounds [from, to), counting from 0.
struct RoundWindow {
    std::size_t from = 0;
    std::size_t to = 0;
};

struct ReplayResult {
    static constexpr std::size_t kWindow = 1000; // the optimal share is over the last this many rounds

    std::size_t rounds = 0;
    std::optional<double> regretAt1k; // cumulative expected regret after 1,000 rounds; none for a shorter run
    std::optional<double> regretAt5k;
    double regretEnd = 0.0;
    double optimalShareLast1k = 0.0;   // share of the last min(kWindow, rounds) rounds that picked the best arm
    std::optional<RoundWindow> window; // asked for: the share of optimal picks over its rounds
    std::optional<double> optimalShareInWindow; // none when the run stopped before the window's end
    bool cancelled = false;                     // progress asked to stop; the figures cover the rounds done
    // The checkpoints a run did not reach are null.
    nlohmann::json toJson() const;
};

// What one round of a replay cost: the expected regret against the weights in force, and whether the pick
// was a best arm.
struct RoundOutcome {
    double regret = 0.0;
    bool optimal = false;
};

// The policy over the stream's rows in `order` (empty: every row in the stream's order): it sees only the
// reward of the arm it picked; a row's regret is max_k w_k.x - w_pick.x with the weights in force at that
// row's round. onRound is called after every round with its index in the order; returning false stops.
// Returns the rounds done. Throws std::invalid_argument when the shapes of the policy, the stream and the
// weights differ, or an index in order is beyond the stream.
std::size_t replayRounds(Policy &policy, const LearningStream &stream, const TrueWeights &trueWeights,
                         std::span<const std::size_t> order,
                         const std::function<bool(std::size_t, const RoundOutcome &)> &onRound);

// replayRounds over the whole stream in order, summed up. progress, if given, is called every few thousand
// rounds with the rounds done; returning false stops the replay. Throws std::invalid_argument as
// replayRounds does, or for a window that is empty or reaches beyond the stream.
ReplayResult runReplay(Policy &policy, const LearningStream &stream, const TrueWeights &trueWeights,
                       const std::function<bool(std::size_t)> &progress = {},
                       std::optional<RoundWindow> window = std::nullopt);

} // namespace rl
