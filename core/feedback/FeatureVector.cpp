#include "core/feedback/FeatureVector.h"

#include <algorithm>
#include <cmath>

#include "core/feedback/RoutingContext.h"

namespace rl {

namespace {

constexpr double kTokenScale = 100000.0; // log1p(tokens) / log1p(kTokenScale)
constexpr double kLatencyScaleMs = 10000.0;
constexpr double kUnsetLatencyFeature = 0.5; // no latency requirement: neither tight nor loose

} // namespace

// Every branch is written so a NaN input lands on the "unset" value instead of poisoning the policy.
FeatureVector extractFeatures(const RoutingContext &context)
{
    const double complexity = 0.25 * (static_cast<double>(context.complexity) + 1.0);
    const double tokens =
        context.tokenEstimate > 0
            ? std::clamp(std::log1p(static_cast<double>(context.tokenEstimate)) / std::log1p(kTokenScale), 0.0, 1.0)
            : 0.0;
    const double quality = context.qualityRequirement >= 0.0 ? std::min(context.qualityRequirement, 1.0) : 0.0;
    const auto &latency = context.latencyRequirementMs;
    const double latencyFeature =
        latency && *latency > 0.0 ? 1.0 - std::min(1.0, *latency / kLatencyScaleMs) : kUnsetLatencyFeature;
    const auto &budget = context.costBudgetUsd;
    const double budgetFeature = budget && *budget > 0.0 ? std::min(1.0, *budget) : 0.0;
    return {complexity, tokens, quality, latencyFeature, budgetFeature, 1.0};
}

} // namespace rl
