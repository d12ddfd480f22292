#include "bench/CapacityBench.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/loop/FeedbackProcessor.h"
#include "core/metrics/Metrics.h"
#include "core/routing/ModelRouter.h"
#include "core/support/Rng.h"

namespace rl {

namespace {

using Clock = std::chrono::steady_clock;

RoutingContext drawContext(Rng &rng)
{
    RoutingContext context;
    context.complexity = static_cast<Complexity>(rng.below(4));
    context.tokenEstimate = static_cast<long long>(1 + rng.below(100000));
    context.qualityRequirement = 0.5 + 0.5 * rng.uniform();
    if (rng.uniform() < 0.8)
        context.latencyRequirementMs = 200.0 + 9800.0 * rng.uniform();
    if (rng.uniform() < 0.8)
        context.costBudgetUsd = 1.5 * rng.uniform();
    return context;
}

TrajectoryFeedback drawFeedback(Rng &rng, RouteResult &route)
{
    TrajectoryFeedback feedback;
    feedback.trajectoryId = std::move(route.trajectoryId);
    feedback.modelId = std::move(route.modelId);
    feedback.accuracyScore = rng.uniform();
    feedback.efficiencyScore = rng.uniform();
    feedback.errorHandlingScore = rng.uniform();
    feedback.overallScore = trajectoryQuality(feedback);
    feedback.trajectoryLength = static_cast<int>(1 + rng.below(30));
    feedback.success = feedback.overallScore > 0.5;
    return feedback;
}

// Nearest rank on a sorted sample.
double percentile(const std::vector<double> &sorted, double p)
{
    const auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(sorted.size())));
    return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

double peakRssMb()
{
    std::ifstream status("/proc/self/status");
    std::string key;
    while (status >> key) {
        if (key == "VmHWM:") {
            double kb = 0.0;
            status >> kb;
            return kb / 1024.0;
        }
        status.ignore(std::numeric_limits<std::streamsize>::max(), '\n');
    }
    return 0.0; // not Linux: unknown
}

} // namespace

nlohmann::json BenchResult::toJson() const
{
    return {{"depth", config.depth},      {"batch", config.batch},
            {"policy", config.policy},    {"items", items},
            {"seconds", seconds},         {"items_per_second", itemsPerSecond},
            {"p50_batch_us", p50BatchUs}, {"p99_batch_us", p99BatchUs},
            {"peak_rss_mb", peakRssMb}};
}

BenchResult runCapacityBench(const BenchConfig &config)
{
    if (config.depth == 0)
        throw std::invalid_argument("bench depth 0: must be at least 1");
    RouterConfig routerConfig;
    routerConfig.policy = config.policy;
    routerConfig.policyConfig.seed = config.seed;
    routerConfig.queueCapacity = config.depth;
    routerConfig.historyCapacity = config.depth;
    Metrics metrics;
    ModelRouter router(ModelCatalogue::defaults(), metrics, routerConfig);
    FeedbackProcessor processor(metrics, &router);

    // Fill: the history and the queue both reach `depth`, as in the original's measurements.
    Rng rng(config.seed);
    for (std::size_t i = 0; i < config.depth; ++i) {
        auto route = router.route(drawContext(rng));
        router.recordOutcome(route.trajectoryId, rng.uniform());
        router.enqueueFeedback(drawFeedback(rng, route));
    }

    BenchResult result;
    result.config = config;
    std::vector<double> batchUs;
    batchUs.reserve(config.depth / std::max<std::size_t>(config.batch, 1) + 1);
    const auto start = Clock::now();
    for (;;) {
        const auto batchStart = Clock::now();
        const auto summary = processor.processOnce(config.batch);
        const auto batchEnd = Clock::now();
        if (summary.status == ProcessStatus::Idle)
            break;
        if (summary.status != ProcessStatus::Success)
            throw std::runtime_error("bench: a batch ended with status " + std::string(toString(summary.status))
                                     + (summary.error.empty() ? "" : ": " + summary.error));
        if (summary.failed)
            throw std::runtime_error("bench: " + std::to_string(summary.failed) + " items failed to process");
        result.items += summary.processed;
        batchUs.push_back(std::chrono::duration<double, std::micro>(batchEnd - batchStart).count());
    }
    result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    result.itemsPerSecond = result.seconds > 0.0 ? static_cast<double>(result.items) / result.seconds : 0.0;
    std::sort(batchUs.begin(), batchUs.end());
    result.p50BatchUs = percentile(batchUs, 0.50);
    result.p99BatchUs = percentile(batchUs, 0.99);
    result.peakRssMb = peakRssMb();
    return result;
}

} // namespace rl
