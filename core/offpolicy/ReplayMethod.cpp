#include "core/offpolicy/ReplayMethod.h"

#include <cmath>
#include <stdexcept>
#include <string>

#include "core/bandit/Policy.h"
#include "core/support/NumberFormat.h"

namespace rl {

ReplayEstimate replayMethod(const std::vector<LoggedRound> &log, Policy &policy,
                            const std::function<bool(double)> &progress)
{
    constexpr std::size_t kProgressEvery = 4096;
    if (log.empty())
        throw std::invalid_argument("the log has no rows");
    const std::size_t arms = policy.config().arms;
    const double uniform = 1.0 / static_cast<double>(arms);
    ReplayEstimate estimate;
    estimate.rows = log.size();
    std::vector<double> rewards;
    for (std::size_t i = 0; i < log.size(); ++i) {
        const LoggedRound &round = log[i];
        const std::string row = "row " + std::to_string(i + 1);
        // As relative as BanditLog's match of a propensity to its distribution: files hold 15 digits or fewer.
        if (std::abs(round.propensity - uniform) > 1e-6 * uniform)
            throw std::invalid_argument(row + ": propensity " + formatNumber(round.propensity)
                                        + ", where the replay method needs uniformly random logging (1/"
                                        + std::to_string(arms) + ")");
        if (round.features.size() != policy.config().dimension || round.action >= arms)
            throw std::invalid_argument(row + ": " + std::to_string(round.features.size()) + " features and action "
                                        + std::to_string(round.action) + " do not fit the policy's "
                                        + std::to_string(arms) + " arms x " + std::to_string(policy.config().dimension)
                                        + " features");
        if (progress && i % kProgressEvery == 0 && i > 0
            && !progress(static_cast<double>(i) / static_cast<double>(log.size()))) {
            estimate.cancelled = true;
            break;
        }
        if (policy.pick(round.features) != round.action)
            continue;
        policy.update(round.action, round.features, round.reward);
        rewards.push_back(round.reward);
    }
    estimate.matched = rewards.size();
    if (!rewards.empty())
        estimate.value = MeanInterval::of(rewards);
    else
        estimate.value.mean = std::nan("");
    return estimate;
}

} // namespace rl
