#include "core/sim/Replay.h"

#include <algorithm>
#include <deque>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/bandit/Policy.h"
#include "core/sim/LearningStream.h"
#include "core/sim/TrueWeights.h"

namespace rl {

nlohmann::json ReplayResult::toJson() const
{
    const auto optional = [](const std::optional<double> &value) {
        return value ? nlohmann::json(*value) : nlohmann::json();
    };
    nlohmann::json document{{"rounds", rounds},
                            {"regret_at_1k", optional(regretAt1k)},
                            {"regret_at_5k", optional(regretAt5k)},
                            {"regret_end", regretEnd},
                            {"optimal_share_last_1k", optimalShareLast1k}};
    if (window)
        document["window"] = {
            {"from", window->from}, {"to", window->to}, {"optimal_share", optional(optimalShareInWindow)}};
    if (cancelled)
        document["cancelled"] = true;
    return document;
}

std::size_t replayRounds(Policy &policy, const LearningStream &stream, const TrueWeights &trueWeights,
                         std::span<const std::size_t> order,
                         const std::function<bool(std::size_t, const RoundOutcome &)> &onRound)
{
    const std::size_t d = stream.dimension;
    const std::size_t arms = stream.arms;
    if (policy.config().dimension != d || policy.config().arms != arms)
        throw std::invalid_argument("the stream has " + std::to_string(arms) + " arms x " + std::to_string(d)
                                    + " features, the policy " + std::to_string(policy.config().arms) + " x "
                                    + std::to_string(policy.config().dimension));
    if (trueWeights.arms() != arms || trueWeights.dimension() != d)
        throw std::invalid_argument("the true weights are " + std::to_string(trueWeights.arms()) + " arms x "
                                    + std::to_string(trueWeights.dimension()) + " features, the stream "
                                    + std::to_string(arms) + " x " + std::to_string(d));
    const std::size_t streamRounds = stream.rounds();
    if (std::any_of(order.begin(), order.end(), [streamRounds](std::size_t row) { return row >= streamRounds; }))
        throw std::invalid_argument("the replay order names a row beyond the stream's " + std::to_string(streamRounds));

    const std::size_t rounds = order.empty() ? streamRounds : order.size();
    std::vector<double> expected(arms);
    for (std::size_t t = 0; t < rounds; ++t) {
        const std::size_t row = order.empty() ? t : order[t];
        const std::span<const double> x(stream.contexts.data() + row * d, d);
        const std::size_t arm = policy.pick(x);
        policy.update(arm, x, stream.rewards[row * arms + arm]);

        const std::vector<FeatureVector> &weights = trueWeights.at(row);
        for (std::size_t k = 0; k < arms; ++k) {
            double v = 0.0;
            for (std::size_t i = 0; i < d; ++i)
                v += weights[k][i] * x[i];
            expected[k] = v;
        }
        const double best = *std::max_element(expected.begin(), expected.end());
        if (!onRound(t, RoundOutcome{best - expected[arm], expected[arm] >= best}))
            return t + 1;
    }
    return rounds;
}

ReplayResult runReplay(Policy &policy, const LearningStream &stream, const TrueWeights &trueWeights,
                       const std::function<bool(std::size_t)> &progress, std::optional<RoundWindow> window)
{
    if (window && (window->from >= window->to || window->to > stream.rounds()))
        throw std::invalid_argument("the window " + std::to_string(window->from) + ":" + std::to_string(window->to)
                                    + " is not a range of rounds within the stream's "
                                    + std::to_string(stream.rounds()));
    constexpr std::size_t kWindow = ReplayResult::kWindow;
    constexpr std::size_t kProgressEvery = 4096;
    ReplayResult result;
    result.window = window;
    std::deque<bool> optimal; // of the last kWindow rounds: whether the best arm was picked
    std::size_t optimalInWindow = 0;
    std::size_t optimalInAskedWindow = 0;
    double regret = 0.0;
    result.rounds = replayRounds(policy, stream, trueWeights, {}, [&](std::size_t t, const RoundOutcome &round) {
        regret += round.regret;
        optimal.push_back(round.optimal);
        optimalInWindow += round.optimal;
        if (optimal.size() > kWindow) {
            optimalInWindow -= optimal.front();
            optimal.pop_front();
        }
        if (window && t >= window->from && t < window->to)
            optimalInAskedWindow += round.optimal;
        if (t + 1 == 1000)
            result.regretAt1k = regret;
        if (t + 1 == 5000)
            result.regretAt5k = regret;
        if (progress && (t + 1) % kProgressEvery == 0 && !progress(t + 1)) {
            result.cancelled = t + 1 < stream.rounds();
            return false;
        }
        return true;
    });
    result.regretEnd = regret;
    if (!optimal.empty())
        result.optimalShareLast1k = static_cast<double>(optimalInWindow) / static_cast<double>(optimal.size());
    if (window && result.rounds >= window->to)
        result.optimalShareInWindow =
            static_cast<double>(optimalInAskedWindow) / static_cast<double>(window->to - window->from);
    return result;
}

} // namespace rl
