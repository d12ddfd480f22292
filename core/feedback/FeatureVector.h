#pragma once

#include <vector>

namespace rl {

using FeatureVector = std::vector<double>;

struct RoutingContext;

// The one feature extraction, used both to select a model and to learn from its feedback (the original
// used two different ones). The first five follow the original's _extract_context_vector: complexity
// 0.25/0.5/0.75/1.0, log1p(tokens)/log1p(100000), quality, 1 - min(1, latency_ms/10000), min(1, budget);
// the sixth is a constant 1 so linear policies can learn a per-model intercept.
inline constexpr std::size_t kContextFeatures = 6;
FeatureVector extractFeatures(const RoutingContext &context);

} // namespace rl
