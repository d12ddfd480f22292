#include "core/sim/Replay.h"

#include <algorithm>
#include <deque>
#include <span>
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
    const auto checkpoint = [](const std::optional<double> &regret) {
        return regret ? nlohmann::json(*regret) : nlohmann::json();
    };
    nlohmann::json document{{"rounds", rounds},
                            {"regret_at_1k", checkpoint(regretAt1k)},
                            {"regret_at_5k", checkpoint(regretAt5k)},
                            {"regret_end", regretEnd},
                            {"optimal_share_last_1k", optimalShareLast1k}};
    if (cancelled)
        document["cancelled"] = true;
    return document;
}

ReplayResult runReplay(Policy &policy, const LearningStream &stream, const TrueWeights &trueWeights,
                       const std::function<bool(std::size_t)> &progress)
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

    constexpr std::size_t kWindow = ReplayResult::kWindow;
    constexpr std::size_t kProgressEvery = 4096;
    const std::size_t rounds = stream.rounds();
    ReplayResult result;
    std::vector<double> expected(arms);
    std::deque<bool> optimal; // of the last kWindow rounds: whether the best arm was picked
    std::size_t optimalInWindow = 0;
    double regret = 0.0;
    for (std::size_t t = 0; t < rounds; ++t) {
        if (progress && t % kProgressEvery == 0 && t > 0 && !progress(t)) {
            result.cancelled = true;
            break;
        }
        const std::span<const double> x(stream.contexts.data() + t * d, d);
        const auto selection = policy.select(x);
        policy.update(selection.arm, x, stream.rewards[t * arms + selection.arm]);

        const std::vector<FeatureVector> &weights = trueWeights.at(t);
        for (std::size_t k = 0; k < arms; ++k) {
            double v = 0.0;
            for (std::size_t i = 0; i < d; ++i)
                v += weights[k][i] * x[i];
            expected[k] = v;
        }
        const double best = *std::max_element(expected.begin(), expected.end());
        regret += best - expected[selection.arm];
        optimal.push_back(expected[selection.arm] >= best);
        optimalInWindow += optimal.back();
        if (optimal.size() > kWindow) {
            optimalInWindow -= optimal.front();
            optimal.pop_front();
        }
        result.rounds = t + 1;
        if (result.rounds == 1000)
            result.regretAt1k = regret;
        if (result.rounds == 5000)
            result.regretAt5k = regret;
    }
    result.regretEnd = regret;
    if (!optimal.empty())
        result.optimalShareLast1k = static_cast<double>(optimalInWindow) / static_cast<double>(optimal.size());
    return result;
}

} // namespace rl
