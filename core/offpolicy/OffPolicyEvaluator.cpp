#include "core/offpolicy/OffPolicyEvaluator.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cmath>
#include <future>
#include <limits>
#include <thread>

#include "core/offpolicy/RewardModel.h"
#include "core/support/NumberFormat.h"
#include "core/support/Rng.h"

namespace rl {

namespace {

constexpr std::array kNames{std::pair{Estimator::Ips, std::string_view("ips")},
                            std::pair{Estimator::Snips, std::string_view("snips")},
                            std::pair{Estimator::Dm, std::string_view("dm")},
                            std::pair{Estimator::Dr, std::string_view("dr")},
                            std::pair{Estimator::Sndr, std::string_view("sndr")},
                            std::pair{Estimator::SwitchDr, std::string_view("switch-dr")}};

// What each estimator needs of a row, summed: the point estimates and every resample's come from these.
struct Sums {
    double count = 0.0;    // rows (a resample: their Poisson counts)
    double weight = 0.0;   // Σ w
    double weighted = 0.0; // Σ w r
    double direct = 0.0;   // Σ Σ_a π(a|x) q̂(x, a)
    double residual = 0.0; // Σ w (r − q̂(x, a))
    double switched = 0.0; // Σ [w ≤ τ] w (r − q̂(x, a))

    void add(const Sums &row, double times)
    {
        count += times;
        weight += times * row.weight;
        weighted += times * row.weighted;
        direct += times * row.direct;
        residual += times * row.residual;
        switched += times * row.switched;
    }

    double estimate(Estimator estimator) const
    {
        switch (estimator) {
        case Estimator::Ips:
            return weighted / count;
        case Estimator::Snips: // undefined where the target never agrees with the logger
            return weight > 0.0 ? weighted / weight : std::numeric_limits<double>::quiet_NaN();
        case Estimator::Dm:
            return direct / count;
        case Estimator::Dr:
            return (direct + residual) / count;
        case Estimator::Sndr:
            return weight > 0.0 ? direct / count + residual / weight : std::numeric_limits<double>::quiet_NaN();
        case Estimator::SwitchDr:
            return (direct + switched) / count;
        }
        return 0.0;
    }
};

// Poisson(1) by its inverse distribution function, four draws from each 64-bit random number (16 bits a
// draw: the probabilities are then right to 1/65536, plenty for a bootstrap — mean 1, variance 0.99997 —
// and the generator, not the arithmetic, is what a million rows times a thousand resamples costs). At
// that resolution no draw exceeds 8.
class PoissonOne {
public:
    PoissonOne()
    {
        double term = std::exp(-1.0), total = 0.0;
        for (std::size_t k = 0; k < m_thresholds.size(); ++k) {
            total += term;
            m_thresholds[k] = static_cast<std::uint32_t>(std::min(65536.0, std::round(total * 65536.0)));
            term /= static_cast<double>(k + 1);
        }
    }
    unsigned draw(std::uint32_t sixteenBits) const
    {
        unsigned k = 0;
        while (k + 1 < m_thresholds.size() && sixteenBits >= m_thresholds[k])
            ++k;
        return k;
    }

private:
    std::array<std::uint32_t, 13> m_thresholds{};
};

// Linear interpolation between order statistics, as numpy's percentile does by default.
double quantile(const std::vector<double> &sorted, double q)
{
    const double at = q * static_cast<double>(sorted.size() - 1);
    const auto below = static_cast<std::size_t>(std::floor(at));
    const std::size_t above = std::min(below + 1, sorted.size() - 1);
    return sorted[below] + (at - static_cast<double>(below)) * (sorted[above] - sorted[below]);
}

std::string percent(double share)
{
    return formatNumber(std::round(share * 1000.0) / 10.0) + " %";
}

} // namespace

std::string_view estimatorName(Estimator estimator)
{
    for (const auto &[known, name] : kNames)
        if (known == estimator)
            return name;
    return {};
}

std::optional<Estimator> estimatorNamed(std::string_view name)
{
    for (const auto &[known, knownName] : kNames)
        if (knownName == name)
            return known;
    return std::nullopt;
}

const std::vector<Estimator> &allEstimators()
{
    static const std::vector<Estimator> all{Estimator::Ips, Estimator::Snips, Estimator::Dm,
                                            Estimator::Dr,  Estimator::Sndr,  Estimator::SwitchDr};
    return all;
}

OffPolicyResult OffPolicyEvaluator::evaluate(const std::vector<LoggedRound> &log, const TargetPolicy &target,
                                             const OffPolicyOptions &options,
                                             const std::function<bool(double)> &progress)
{
    const std::size_t arms = target.arms(), dimension = target.dimension();
    if (log.empty())
        throw std::invalid_argument("the log has no rows");
    if (!(options.ridge > 0.0) || !(options.switchTau >= 0.0))
        throw std::invalid_argument("the ridge must be above 0 and Switch-DR's τ at least 0");
    const auto stillWanted = [&progress](double fraction) {
        if (progress && !progress(fraction))
            throw OffPolicyCancelled();
    };
    std::vector<bool> logged(arms, false);
    for (std::size_t i = 0; i < log.size(); ++i) {
        const LoggedRound &round = log[i];
        const std::string row = "row " + std::to_string(i + 1) + ": ";
        if (round.features.size() != dimension)
            throw std::invalid_argument(row + std::to_string(round.features.size()) + " features, the target reads "
                                        + std::to_string(dimension));
        if (round.action >= arms)
            throw std::invalid_argument(row + "action " + std::to_string(round.action) + " is not one of the target's "
                                        + std::to_string(arms) + " arms");
        if (!(round.propensity > 0.0 && round.propensity <= 1.0))
            throw std::invalid_argument(row + "propensity " + formatNumber(round.propensity) + " is not in (0, 1]");
        if (!round.logging.empty() && round.logging.size() != arms)
            throw std::invalid_argument(row + std::to_string(round.logging.size())
                                        + " logged probabilities, the target has " + std::to_string(arms) + " arms");
        logged[round.action] = true;
    }

    // Each row's terms, once: the reward model and the target's distribution are fixed.
    const RewardModel model = RewardModel::fit(log, arms, dimension, options.ridge);
    std::vector<Sums> rows(log.size());
    std::vector<double> pi(arms);
    OffPolicyDiagnostics diagnostics;
    diagnostics.rows = log.size();
    double deficiency = 0.0, squares = 0.0;
    Sums total;
    for (std::size_t i = 0; i < log.size(); ++i) {
        if (i % 65536 == 0)
            stillWanted(0.0);
        const LoggedRound &round = log[i];
        target.distribution(round.features, pi);
        Sums &row = rows[i];
        const double w = pi[round.action] / round.propensity;
        double direct = 0.0;
        for (std::size_t arm = 0; arm < arms; ++arm) {
            if (pi[arm] > 0.0)
                direct += pi[arm] * model.predict(arm, round.features);
            const bool supported = round.logging.empty() ? logged[arm] : round.logging[arm] > 0.0;
            if (!supported)
                deficiency += pi[arm];
        }
        const double residual = w * (round.reward - model.predict(round.action, round.features));
        row = {1.0, w, w * round.reward, direct, residual, w <= options.switchTau ? residual : 0.0};
        total.add(row, 1.0);
        squares += w * w;
        diagnostics.maxWeight = std::max(diagnostics.maxWeight, w);
    }
    const auto n = static_cast<double>(log.size());
    diagnostics.meanWeight = total.weight / n;
    diagnostics.effectiveSampleSize = squares > 0.0 ? total.weight * total.weight / squares : 0.0;
    diagnostics.supportDeficiency = deficiency / n;
    if (diagnostics.supportDeficiency > kSupportWarning)
        diagnostics.warnings.push_back(
            "the target picks an action the logger never picks in " + percent(diagnostics.supportDeficiency)
            + " of its choices: IPS and SNIPS cannot see those rewards (they are biased), DM and the DR family "
              "reach them only through the reward model's extrapolation");
    if (total.weight == 0.0)
        diagnostics.warnings.push_back("the target never picks the logged action: every importance weight is 0, "
                                       "SNIPS and SNDR are undefined and IPS says nothing");
    else if (diagnostics.effectiveSampleSize < kEffectiveShareWarning * n)
        diagnostics.warnings.push_back("the effective sample size is "
                                       + formatNumber(std::round(diagnostics.effectiveSampleSize)) + " of "
                                       + std::to_string(log.size())
                                       + " rows: the target differs so much from the logger that few rows carry "
                                         "the weighted estimates (maximum weight "
                                       + formatNumber(diagnostics.maxWeight) + ")");

    // Every resample's sums, the rows read block by block for all the resamples a thread holds.
    const std::size_t resamples = options.bootstrap;
    std::vector<Sums> resampled(resamples);
    if (resamples > 0) {
        constexpr std::size_t kBlock = 2048;
        const std::size_t threads =
            std::max<std::size_t>(1, std::min<std::size_t>(std::thread::hardware_concurrency(), resamples));
        std::atomic<std::size_t> blocksDone{0};
        std::atomic<bool> cancelled{false};
        const std::size_t blocks = (rows.size() + kBlock - 1) / kBlock;
        const PoissonOne poisson;
        const auto work = [&](std::size_t first, std::size_t last) {
            std::vector<Rng> generators;
            generators.reserve(last - first);
            for (std::size_t b = first; b < last; ++b)
                generators.emplace_back(options.seed * 0x9E3779B97F4A7C15ULL + b + 1);
            for (std::size_t block = 0; block < blocks && !cancelled.load(std::memory_order_relaxed); ++block) {
                const std::size_t begin = block * kBlock, end = std::min(rows.size(), begin + kBlock);
                for (std::size_t b = first; b < last; ++b) {
                    Rng &rng = generators[b - first];
                    Sums &sums = resampled[b];
                    std::uint64_t bits = 0;
                    for (std::size_t i = begin; i < end; ++i) {
                        if ((i - begin) % 4 == 0)
                            bits = rng.next();
                        if (const unsigned times = poisson.draw(static_cast<std::uint32_t>(bits & 0xFFFF)))
                            sums.add(rows[i], times);
                        bits >>= 16;
                    }
                }
                blocksDone.fetch_add(1, std::memory_order_relaxed);
            }
        };
        std::vector<std::future<void>> running;
        for (std::size_t t = 0; t < threads; ++t)
            running.push_back(
                std::async(std::launch::async, work, resamples * t / threads, resamples * (t + 1) / threads));
        const double totalBlocks = static_cast<double>(blocks * threads);
        for (std::future<void> &thread : running) {
            while (thread.wait_for(std::chrono::milliseconds(100)) != std::future_status::ready) {
                if (progress && !progress(static_cast<double>(blocksDone.load()) / totalBlocks))
                    cancelled = true;
            }
        }
        for (std::future<void> &thread : running)
            thread.get();
        if (cancelled)
            throw OffPolicyCancelled();
    }

    OffPolicyResult result;
    result.diagnostics = std::move(diagnostics);
    std::vector<double> values;
    for (const Estimator estimator : options.estimators) {
        EstimateInterval interval{estimator, total.estimate(estimator), 0.0, 0.0};
        interval.lower = interval.upper = interval.value;
        values.clear();
        for (const Sums &sums : resampled) {
            const double value = sums.count > 0.0 ? sums.estimate(estimator) : std::nan("");
            if (std::isfinite(value)) // a resample without a weighted row has no SNIPS: left out, not 0
                values.push_back(value);
        }
        if (!values.empty()) {
            std::sort(values.begin(), values.end());
            interval.lower = quantile(values, 0.025);
            interval.upper = quantile(values, 0.975);
        }
        result.estimates.push_back(interval);
    }
    stillWanted(1.0);
    return result;
}

} // namespace rl
