#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace rl {

enum class Complexity { Simple, Moderate, Complex, Critical };

std::optional<Complexity> parseComplexity(std::string_view text); // case-insensitive
std::string_view toString(Complexity complexity);

// What a caller knows about a request before it is routed (the original's RoutingContext).
struct RoutingContext {
    std::string taskType = "general";
    Complexity complexity = Complexity::Moderate;
    long long tokenEstimate = 1000;
    std::optional<double> latencyRequirementMs;
    std::optional<double> costBudgetUsd;
    double qualityRequirement = 0.8;
    std::string tenant;
    std::string workspace;
};

} // namespace rl
