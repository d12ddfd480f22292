#include "core/bandit/ThompsonPolicy.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/bandit/PolicySupport.h"

namespace rl {

namespace {

// P(score_k <= t) for score_k ~ N(mean, sd^2). With sd = 0 the score is exactly `mean`, and a tie goes to
// the lower arm index, as in argmax: an arm below `chosen` beats it on a tie, one above does not.
double scoreBelow(double t, double mean, double sd, bool tieLoses)
{
    if (sd > 0.0)
        return 0.5 * std::erfc((mean - t) / (sd * std::numbers::sqrt2));
    return (tieLoses ? t > mean : t >= mean) ? 1.0 : 0.0;
}

template<class F>
double adaptiveSimpson(const F &f, double a, double b, double fa, double fm, double fb, double whole, double tolerance,
                       int depth)
{
    const double m = 0.5 * (a + b);
    const double flm = f(0.5 * (a + m));
    const double frm = f(0.5 * (m + b));
    const double left = (m - a) / 6.0 * (fa + 4.0 * flm + fm);
    const double right = (b - m) / 6.0 * (fm + 4.0 * frm + fb);
    const double delta = left + right - whole;
    if (depth == 0 || std::abs(delta) <= 15.0 * tolerance)
        return left + right + delta / 15.0;
    return adaptiveSimpson(f, a, m, fa, flm, fm, left, tolerance / 2.0, depth - 1)
           + adaptiveSimpson(f, m, b, fm, frm, fb, right, tolerance / 2.0, depth - 1);
}

// The probability that `chosen` wins the draw. Arms' sampled scores are independent normals, so
// P = integral over z of phi(z) * prod_{k != chosen} P(score_k <= mean_c + sd_c z): the exact propensity up to
// quadrature error, at a cost independent of d, where estimating it from extra posterior draws would be both
// noisy and dear. Once the arms are well apart the pairwise bounds below already pin it within 1e-6, so the
// integral is only needed while the policy still hesitates.
double winProbability(const std::vector<double> &means, const std::vector<double> &sds, std::size_t chosen)
{
    // With q_k = P(score_k beats chosen), 1 - sum q_k <= P <= 1 - max q_k.
    double sumLoss = 0.0;
    double maxLoss = 0.0;
    for (std::size_t k = 0; k < means.size(); ++k) {
        if (k == chosen)
            continue;
        const double q = 1.0 - scoreBelow(means[chosen], means[k], std::hypot(sds[k], sds[chosen]), k < chosen);
        sumLoss += q;
        maxLoss = std::max(maxLoss, q);
    }
    if (sumLoss - maxLoss <= 1e-6)
        return std::clamp(1.0 - 0.5 * (sumLoss + maxLoss), 0.0, 1.0);

    const auto others = [&](double t) {
        double p = 1.0;
        for (std::size_t k = 0; k < means.size() && p > 0.0; ++k)
            if (k != chosen)
                p *= scoreBelow(t, means[k], sds[k], k < chosen);
        return p;
    };
    const double mean = means[chosen];
    const double sd = sds[chosen];
    if (sd == 0.0)
        return others(mean);
    const auto integrand = [&](double z) {
        return std::exp(-0.5 * z * z) * (0.5 * std::numbers::inv_sqrtpi * std::numbers::sqrt2) * others(mean + sd * z);
    };
    // Fixed panels first, so a narrow feature of the product cannot hide between the first few samples.
    constexpr int kPanels = 16;
    constexpr double kReach = 8.0;
    constexpr double kTolerance = 1e-6;
    double total = 0.0;
    for (int i = 0; i < kPanels; ++i) {
        const double a = -kReach + 2.0 * kReach * i / kPanels;
        const double b = a + 2.0 * kReach / kPanels;
        const double fa = integrand(a);
        const double fm = integrand(0.5 * (a + b));
        const double fb = integrand(b);
        const double whole = (b - a) / 6.0 * (fa + 4.0 * fm + fb);
        total += adaptiveSimpson(integrand, a, b, fa, fm, fb, whole, kTolerance / kPanels, 20);
    }
    return std::clamp(total, 0.0, 1.0);
}

} // namespace

ThompsonPolicy::ThompsonPolicy(PolicyConfig config)
    : RidgePolicy(std::move(config), true)
{
}

void ThompsonPolicy::draw(std::span<const double> x, const std::vector<double> &scores, std::vector<double> &sds,
                          std::vector<double> &draws)
{
    // theta~ . x for theta~ ~ N(theta, v^2 A^-1) is exactly N(theta . x, v^2 x^T A^-1 x), and only that dot
    // product decides. So we draw it directly: the same distribution as sampling theta~ through a Cholesky
    // factor of A^-1, at one normal per arm instead of d and with no factor to keep up to date.
    sds.resize(m_arms.size());
    draws.resize(m_arms.size());
    for (std::size_t k = 0; k < m_arms.size(); ++k) {
        sds[k] = m_config.thompsonScale * std::sqrt(m_arms[k].variance(x));
        draws[k] = m_rng->normal(scores[k], sds[k]);
    }
}

Selection ThompsonPolicy::select(std::span<const double> x)
{
    Selection s;
    s.scores = estimates(x);
    std::vector<double> sds;
    std::vector<double> draws;
    draw(x, s.scores, sds, draws);
    s.arm = policy::argmax(draws);
    s.probabilities.resize(m_arms.size());
    for (std::size_t k = 0; k < m_arms.size(); ++k)
        s.probabilities[k] = winProbability(s.scores, sds, k);
    s.propensity = s.probabilities[s.arm];
    return s;
}

std::size_t ThompsonPolicy::pick(std::span<const double> x)
{
    std::vector<double> sds;
    std::vector<double> draws;
    draw(x, estimates(x), sds, draws);
    return policy::argmax(draws);
}

} // namespace rl
