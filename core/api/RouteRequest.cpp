#include "core/api/RouteRequest.h"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "core/api/ApiError.h"
#include "core/api/ApiJson.h"
#include "core/feedback/ModelCatalogue.h"
#include "core/routing/ModelRouter.h"
#include "core/support/JsonReader.h"
#include "core/support/Limits.h"
#include "core/support/NumberFormat.h"

namespace rl {

namespace {

constexpr std::string_view kContextKeys[] = {
    "task_type",       "complexity", "token_estimate", "quality_requirement", "latency_requirement_ms",
    "cost_budget_usd", "tenant",     "workspace"};

bool isContextKey(std::string_view key)
{
    return std::find(std::begin(kContextKeys), std::end(kContextKeys), key) != std::end(kContextKeys);
}

FeatureVector readFeatures(const nlohmann::json &value, std::size_t dimension)
{
    if (!value.is_array())
        throw ApiError::invalid("features", "features: expected an array of numbers, got " + describeJson(value));
    if (value.size() != dimension)
        throw ApiError::invalid("features", "features: " + std::to_string(value.size())
                                                + " values, the catalogue's dimension is " + std::to_string(dimension));
    FeatureVector features;
    features.reserve(dimension);
    for (std::size_t i = 0; i < value.size(); ++i) {
        const std::string field = "features[" + std::to_string(i) + "]";
        if (!value[i].is_number())
            throw ApiError::invalid(field, field + ": expected a number, got " + describeJson(value[i]));
        const double x = value[i].get<double>();
        if (!std::isfinite(x) || std::abs(x) > kMaxInputMagnitude)
            throw ApiError::invalid(field, field + ": " + formatNumber(x) + " is not a finite number within ±"
                                               + formatNumber(kMaxInputMagnitude));
        features.push_back(x);
    }
    return features;
}

RoutingContext readContext(const JsonReader &reader)
{
    RoutingContext context;
    if (reader.has("task_type"))
        context.taskType = reader.string("task_type");
    if (reader.has("complexity")) {
        const std::string text = reader.string("complexity");
        const auto complexity = parseComplexity(text);
        if (!complexity)
            throw ApiError::invalid("complexity", "complexity: '" + text.substr(0, 40)
                                                      + "' is not simple, moderate, complex or critical");
        context.complexity = *complexity;
    }
    if (reader.has("token_estimate")) {
        context.tokenEstimate = reader.integer("token_estimate");
        if (context.tokenEstimate < 0)
            reader.fail("token_estimate", std::to_string(context.tokenEstimate) + " is negative");
    }
    const auto number = [&reader](const char *key, double low, double high) {
        const double value = reader.number(key);
        if (!(value >= low && value <= high))
            reader.fail(key,
                        formatNumber(value) + " is outside [" + formatNumber(low) + ", " + formatNumber(high) + "]");
        return value;
    };
    if (reader.has("quality_requirement"))
        context.qualityRequirement = number("quality_requirement", 0.0, 1.0);
    if (reader.has("latency_requirement_ms") && !reader.isNull("latency_requirement_ms"))
        context.latencyRequirementMs = number("latency_requirement_ms", 0.0, kMaxInputMagnitude);
    if (reader.has("cost_budget_usd") && !reader.isNull("cost_budget_usd"))
        context.costBudgetUsd = number("cost_budget_usd", 0.0, kMaxInputMagnitude);
    if (reader.has("tenant"))
        context.tenant = reader.string("tenant");
    if (reader.has("workspace"))
        context.workspace = reader.string("workspace");
    return context;
}

} // namespace

RouteRequest RouteRequest::parse(std::string_view body, const ModelCatalogue &catalogue)
{
    const nlohmann::json object = api::parseObject(body);
    RouteRequest request;
    api::rejectUnknownKeys(object,
                           {"features", "trajectory_id", "task_type", "complexity", "token_estimate",
                            "quality_requirement", "latency_requirement_ms", "cost_budget_usd", "tenant", "workspace"});
    bool hasContext = false;
    for (const auto &item : object.items())
        hasContext = hasContext || isContextKey(item.key());
    try {
        const JsonReader reader(object, {});
        if (reader.has("trajectory_id")) {
            request.trajectoryId = reader.string("trajectory_id");
            api::checkId(request.trajectoryId, "trajectory_id");
        }
        const auto features = object.find("features");
        if (features != object.end()) {
            if (hasContext)
                throw ApiError::invalid("features", "features: give either features or the routing context's "
                                                    "fields, not both");
            request.features = readFeatures(*features, catalogue.dimension());
        } else if (!catalogue.routesContexts()) {
            throw ApiError::invalid("features", "features: missing; this router chooses on "
                                                    + std::to_string(catalogue.dimension())
                                                    + " features of the caller's, not on a routing context");
        } else {
            request.context = readContext(reader);
        }
    } catch (const ApiError &) {
        throw;
    } catch (const std::invalid_argument &error) {
        api::rethrowInvalid(error);
    }
    return request;
}

nlohmann::json routeResponse(const RouteResult &result)
{
    return {{"event_id", std::to_string(result.eventId)},
            {"trajectory_id", result.trajectoryId},
            {"model_id", result.modelId},
            {"arm", result.arm},
            {"probabilities", result.probabilities},
            {"propensity", result.propensity},
            {"expected_reward", result.expectedReward},
            {"fallbacks", result.fallbacks},
            {"policy", result.policy},
            {"policy_version", result.policyVersion.toString()}};
}

} // namespace rl
