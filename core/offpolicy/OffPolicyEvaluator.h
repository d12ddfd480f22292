#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/offpolicy/LoggedRound.h"
#include "core/offpolicy/TargetPolicy.h"

namespace rl {

// The estimators of a target policy's value on logged contexts, with their standard definitions (as Open
// Bandit Pipeline has them), w = π_target(a|x) / propensity and q̂ the RewardModel:
//   IPS = mean(w r)                       SNIPS = Σ w r / Σ w
//   DM = mean(Σ_a π(a|x) q̂(x, a))         DR = DM + mean(w (r − q̂(x, a)))
//   SNDR = DM + Σ w (r − q̂) / Σ w         Switch-DR = DM + mean([w ≤ τ] w (r − q̂))
enum class Estimator { Ips, Snips, Dm, Dr, Sndr, SwitchDr };

std::string_view estimatorName(Estimator estimator); // ips, snips, dm, dr, sndr, switch-dr
std::optional<Estimator> estimatorNamed(std::string_view name);
const std::vector<Estimator> &allEstimators();

struct OffPolicyOptions {
    std::vector<Estimator> estimators = allEstimators();
    std::size_t bootstrap = 1000; // resamples for the intervals; 0: none
    std::uint64_t seed = 1;
    double switchTau = 10.0; // Switch-DR keeps the correction of rows whose weight is at most this
    double ridge = 1.0;      // the reward model's λ
};

struct EstimateInterval {
    Estimator estimator = Estimator::Ips;
    double value = 0.0;              // NaN where undefined (SNIPS and SNDR when no weight is above 0)
    double lower = 0.0, upper = 0.0; // the 95 % bootstrap percentile interval; the value itself without one
};

struct OffPolicyDiagnostics {
    std::size_t rows = 0;
    double effectiveSampleSize = 0.0; // (Σ w)² / Σ w²
    double maxWeight = 0.0, meanWeight = 0.0;
    // The share of the target's choices the logger never makes (its probability mass on arms the logged
    // distribution gives 0, or, without it, on arms the log never took): no importance weight sees them.
    double supportDeficiency = 0.0;
    std::vector<std::string> warnings; // what makes the estimates doubtful, one sentence each
};

struct OffPolicyResult {
    std::vector<EstimateInterval> estimates; // in the order asked
    OffPolicyDiagnostics diagnostics;
};

// Thrown when the progress callback asks to stop.
class OffPolicyCancelled : public std::runtime_error {
public:
    OffPolicyCancelled()
        : std::runtime_error("evaluation cancelled")
    {
    }
};

// Estimates with 95 % intervals from a Poisson bootstrap (each row weighted by a Poisson(1) count per
// resample, the large-sample equivalent of resampling with replacement; the reward model stays the one
// fitted on the whole log, so the intervals leave out its own uncertainty): the rows are read once, block by
// block, for every resample at a time, so a million rows and a thousand resamples take seconds, on every
// core. Resample b draws from its own generator seeded from (seed, b), so the intervals do not depend on
// the number of threads.
class OffPolicyEvaluator {
public:
    static constexpr double kSupportWarning = 0.05;       // deficiency above which the output warns
    static constexpr double kEffectiveShareWarning = 0.1; // effective sample size below this share of rows

    // progress(fraction done) is called now and then from the calling thread; false cancels. Throws
    // std::invalid_argument for an empty log or rows that do not fit the target (named by row, 1-based).
    static OffPolicyResult evaluate(const std::vector<LoggedRound> &log, const TargetPolicy &target,
                                    const OffPolicyOptions &options = {},
                                    const std::function<bool(double)> &progress = {});
};

} // namespace rl
