#pragma once

#include <cstddef>
#include <functional>
#include <vector>

#include "core/offpolicy/LoggedRound.h"
#include "core/support/MeanInterval.h"

namespace rl {

class Policy;

struct ReplayEstimate {
    MeanInterval value;      // the mean reward over the matched rows, with its 95 % interval
    std::size_t matched = 0; // rows where the policy picked the logged action: what it learned from
    std::size_t rows = 0;
    bool cancelled = false; // progress asked to stop; the figures cover the rows walked
};

// The replay method (Li et al., 2011) for a policy that learns: it walks the log in order, and where it picks
// the logged action the reward counts and it learns from it; other rows are skipped. Unbiased only when the
// logger picked uniformly at random, so a row whose propensity is not 1/k (k the policy's arms, within 1e-6
// relatively) is refused. progress(fraction) is called now and then; false stops. Throws
// std::invalid_argument naming the row (1-based) at fault, or for an empty log or a shape that does not fit.
ReplayEstimate replayMethod(const std::vector<LoggedRound> &log, Policy &policy,
                            const std::function<bool(double)> &progress = {});

} // namespace rl
