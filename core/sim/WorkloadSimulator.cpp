#include "core/sim/WorkloadSimulator.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "core/bandit/Policy.h"
#include "core/feedback/RoutingContext.h"
#include "core/loop/TrajectoryEvaluator.h"
#include "core/routing/ModelRouter.h"

namespace rl {

namespace {

// Default hidden weights: a per-model intercept plus modest feature weights keep w.x mostly inside
// [0.1, 0.9]; a draw is kept only if, over a probe set of contexts, no single model is best for more than
// kMaxBestShare of them and at least kMinContenders models are best for kMinContenderShare each, so the
// best choice really depends on the context and the router has something to learn.
constexpr double kInterceptLow = 0.3;
constexpr double kInterceptHigh = 0.5;
constexpr double kFeatureWeight = 0.3; // feature weights uniform in [-kFeatureWeight, kFeatureWeight]
constexpr std::size_t kProbeContexts = 200;
constexpr double kMaxBestShare = 0.6;
constexpr std::size_t kMinContenders = 3;
constexpr double kMinContenderShare = 0.05;
constexpr int kMaxWeightDraws = 1000;

constexpr int kParSteps = 4; // the simulated task's expected length
constexpr std::size_t kMinSteps = 3;
constexpr std::size_t kMaxSteps = 12;
constexpr double kErrorRate = 0.3; // per-step failure probability at reward 0
// advance() refuses to emit more than this at once: an hour at 10^7 per minute is a typo, not a workload.
constexpr double kMaxDuePerAdvance = 1e9;

// The shadow's generators are seeded apart from the contexts' (and from each other), so no draw echoes another.
constexpr std::uint64_t kBaselinePolicySeedOffset = 0x9e3779b97f4a7c15;
constexpr std::uint64_t kBaselineNoiseSeedOffset = 0x3c6ef372fe94f82a;

double uniformIn(Rng &rng, double low, double high)
{
    return low + (high - low) * rng.uniform();
}

std::size_t argmax(const std::vector<double> &values)
{
    return static_cast<std::size_t>(std::max_element(values.begin(), values.end()) - values.begin());
}

void requireRate(double itemsPerMinute)
{
    if (!std::isfinite(itemsPerMinute) || itemsPerMinute < 0.0)
        throw std::invalid_argument("simulator rate " + std::to_string(itemsPerMinute)
                                    + " items/min is not a finite number >= 0");
}

} // namespace

WorkloadSimulator::WorkloadSimulator(ModelRouter &router, TrajectoryEvaluator &evaluator, SimulatorConfig config)
    : m_router(router)
    , m_evaluator(evaluator)
    , m_config(std::move(config))
    , m_rng(m_config.seed)
    , m_baselineNoise(m_config.seed + kBaselineNoiseSeedOffset)
{
    requireRate(m_config.itemsPerMinute);
    if (!std::isfinite(m_config.noiseSd) || m_config.noiseSd < 0.0)
        throw std::invalid_argument("simulator noise sd " + std::to_string(m_config.noiseSd)
                                    + " is not a finite number >= 0");
    const std::size_t arms = m_router.catalogue().size();
    if (m_config.trueWeights.empty()) {
        drawTrueWeights();
    } else if (m_config.trueWeights.size() != arms) {
        throw std::invalid_argument("simulator has " + std::to_string(m_config.trueWeights.size())
                                    + " true weight vectors but the router has " + std::to_string(arms) + " models");
    }
    for (std::size_t arm = 0; arm < arms; ++arm) {
        const FeatureVector &w = m_config.trueWeights[arm];
        if (w.size() != kContextFeatures)
            throw std::invalid_argument("simulator true weights of model " + std::to_string(arm) + " have "
                                        + std::to_string(w.size()) + " entries, expected "
                                        + std::to_string(kContextFeatures));
        if (!std::all_of(w.begin(), w.end(), [](double v) { return std::isfinite(v); }))
            throw std::invalid_argument("simulator true weights of model " + std::to_string(arm)
                                        + " are not all finite");
    }
    m_recent.reserve(kRecentContexts);
    restartComparison();
}

WorkloadSimulator::~WorkloadSimulator() = default;

RoutingContext WorkloadSimulator::drawContext()
{
    RoutingContext context;
    context.complexity = static_cast<Complexity>(m_rng.below(4));
    context.tokenEstimate = std::llround(std::exp(uniformIn(m_rng, std::log(100.0), std::log(100000.0))));
    context.qualityRequirement = uniformIn(m_rng, 0.5, 1.0);
    context.latencyRequirementMs = uniformIn(m_rng, 500.0, 10000.0);
    context.costBudgetUsd = uniformIn(m_rng, 0.05, 2.0);
    return context;
}

void WorkloadSimulator::drawTrueWeights()
{
    const std::size_t arms = m_router.catalogue().size();
    for (int attempt = 0; attempt < kMaxWeightDraws; ++attempt) {
        m_config.trueWeights.assign(arms, FeatureVector(kContextFeatures));
        for (FeatureVector &w : m_config.trueWeights) {
            for (std::size_t i = 0; i + 1 < kContextFeatures; ++i)
                w[i] = uniformIn(m_rng, -kFeatureWeight, kFeatureWeight);
            w[kContextFeatures - 1] = uniformIn(m_rng, kInterceptLow, kInterceptHigh); // the constant feature
        }
        if (arms < 2)
            return;
        std::vector<std::size_t> best(arms, 0);
        std::vector<double> expected(arms);
        for (std::size_t probe = 0; probe < kProbeContexts; ++probe) {
            const FeatureVector x = extractFeatures(drawContext());
            for (std::size_t arm = 0; arm < arms; ++arm)
                expected[arm] = expectedReward(arm, x);
            ++best[argmax(expected)];
        }
        const auto contenders = std::count_if(best.begin(), best.end(), [](std::size_t n) {
            return static_cast<double>(n) >= kMinContenderShare * kProbeContexts;
        });
        if (*std::max_element(best.begin(), best.end()) <= kMaxBestShare * kProbeContexts
            && static_cast<std::size_t>(contenders) >= std::min(kMinContenders, arms))
            return;
    }
}

double WorkloadSimulator::expectedReward(std::size_t arm, const FeatureVector &x) const
{
    const FeatureVector &w = m_config.trueWeights.at(arm);
    if (x.size() != w.size())
        throw std::invalid_argument("feature vector has " + std::to_string(x.size()) + " entries, expected "
                                    + std::to_string(w.size()));
    double dot = 0.0;
    for (std::size_t i = 0; i < w.size(); ++i)
        dot += w[i] * x[i];
    return std::clamp(dot, 0.0, 1.0);
}

void WorkloadSimulator::emitOne()
{
    const RoutingContext context = drawContext();
    const FeatureVector x = extractFeatures(context);
    const RouteResult routed = m_router.route(context);

    std::vector<double> expected(m_config.trueWeights.size());
    for (std::size_t arm = 0; arm < expected.size(); ++arm)
        expected[arm] = expectedReward(arm, x);
    const double best = expected[argmax(expected)];
    ++m_stats.requests;
    ++m_stats.picks[routed.arm];
    m_stats.optimalPicks += expected[routed.arm] >= best ? 1 : 0;
    m_stats.cumulativeRegret += best - expected[routed.arm];

    const double reward = std::clamp(expected[routed.arm] + m_rng.normal(0.0, m_config.noiseSd), 0.0, 1.0);
    m_router.recordOutcome(routed.trajectoryId, reward);

    const std::size_t shadowArm = m_baseline->select(x).arm;
    m_stats.baselineRegret += best - expected[shadowArm];
    m_baseline->update(shadowArm, x,
                       std::clamp(expected[shadowArm] + m_baselineNoise.normal(0.0, m_config.noiseSd), 0.0, 1.0));
    rememberContext(x);

    // The agent run behind the call: a poorer model wanders longer, fails more steps, recovers fewer and
    // answers wrongly more often, so the evaluator's scores carry the same signal as the reward.
    Trajectory trajectory;
    trajectory.id = routed.trajectoryId;
    trajectory.modelId = routed.modelId;
    trajectory.expectedSteps = kParSteps;
    const auto wander = static_cast<std::size_t>((1.0 - reward) * 7.0 + 3.0 * m_rng.uniform());
    const std::size_t steps = std::min(kMaxSteps, kMinSteps + wander);
    trajectory.steps.resize(steps);
    for (std::size_t i = 0; i < steps; ++i) {
        TrajectoryStep &step = trajectory.steps[i];
        step.kind = i == 0           ? TrajectoryStep::Kind::Reasoning
                    : i + 1 == steps ? TrajectoryStep::Kind::Response
                    : i % 2 == 1     ? TrajectoryStep::Kind::ToolCall
                                     : TrajectoryStep::Kind::Reasoning;
        step.error = m_rng.uniform() < (1.0 - reward) * kErrorRate;
        step.recovered = step.error && i + 1 < steps && m_rng.uniform() < reward; // a later step can retry
    }
    trajectory.success = m_rng.uniform() < reward;
    m_evaluator.evaluate(trajectory);
}

std::size_t WorkloadSimulator::emit(std::size_t n)
{
    for (std::size_t i = 0; i < n; ++i)
        emitOne();
    return n;
}

std::size_t WorkloadSimulator::advance(double seconds)
{
    if (!std::isfinite(seconds) || seconds < 0.0)
        throw std::invalid_argument("simulator cannot advance by " + std::to_string(seconds)
                                    + " seconds: expected a finite number >= 0");
    const double due = m_config.itemsPerMinute / 60.0 * seconds + m_carry;
    if (due > kMaxDuePerAdvance)
        throw std::invalid_argument("advancing " + std::to_string(seconds) + " seconds at "
                                    + std::to_string(m_config.itemsPerMinute) + " items/min would emit "
                                    + std::to_string(due) + " requests at once");
    // The tolerance keeps sums like six steps of 1/6 from landing a hair below a whole request.
    const double whole = std::floor(due + 1e-9);
    m_carry = std::max(0.0, due - whole);
    return emit(static_cast<std::size_t>(whole));
}

void WorkloadSimulator::setRate(double itemsPerMinute)
{
    requireRate(itemsPerMinute);
    m_config.itemsPerMinute = itemsPerMinute;
}

void WorkloadSimulator::rememberContext(const FeatureVector &x)
{
    if (m_recent.size() < kRecentContexts)
        m_recent.push_back(x);
    else
        m_recent[m_recentNext] = x; // same size, so no allocation once the ring is full
    m_recentNext = (m_recentNext + 1) % kRecentContexts;
}

void WorkloadSimulator::restartComparison()
{
    m_stats = SimulatorStats{};
    m_stats.picks.assign(m_router.catalogue().size(), 0);
    PolicyConfig baseline;
    baseline.arms = m_router.catalogue().size();
    baseline.dimension = kContextFeatures;
    baseline.seed = m_config.seed + kBaselinePolicySeedOffset;
    m_baseline = makePolicy("seed", baseline);
    m_baselineNoise = Rng(m_config.seed + kBaselineNoiseSeedOffset);
}

void WorkloadSimulator::drift()
{
    drawTrueWeights();
}

std::vector<ArmRewards> WorkloadSimulator::recentRewards() const
{
    std::vector<ArmRewards> rewards(m_router.catalogue().size());
    if (m_recent.empty())
        return rewards;
    for (const FeatureVector &x : m_recent) {
        const std::vector<double> estimates = m_router.estimates(x);
        for (std::size_t arm = 0; arm < rewards.size(); ++arm) {
            rewards[arm].estimated += estimates[arm];
            rewards[arm].truth += expectedReward(arm, x);
        }
    }
    const auto n = static_cast<double>(m_recent.size());
    for (ArmRewards &arm : rewards) {
        arm.estimated /= n;
        arm.truth /= n;
    }
    return rewards;
}

} // namespace rl
