#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/feedback/FeatureVector.h"

namespace rl {

struct ModelSpec {
    std::string id;
    std::string provider;
    long long maxTokens = 0;
    double costPer1kTokens = 0.0;
    double averageLatencyMs = 0.0;
    double accuracyScore = 0.0;
    double reliabilityScore = 0.0;
};

// The models a router chooses between (an arm index is a position in this list) and the dimension of the
// contexts it chooses on: kContextFeatures for the routing context's features, or any other for callers
// that send their own feature vectors.
class ModelCatalogue {
public:
    static constexpr std::size_t kMaxIdLength = 128;
    static constexpr std::size_t kMaxFileBytes = 1 << 20;

    static ModelCatalogue defaults(); // gpt-4, gpt-3.5-turbo, claude-3-opus, claude-3-sonnet, as the original
    // Accepts {"models": [ {id, provider, max_tokens, cost_per_1k_tokens, average_latency_ms,
    // accuracy_score, reliability_score}, ... ], "dimension": N (optional)}; throws std::invalid_argument
    // naming the bad field.
    static ModelCatalogue fromJson(const nlohmann::json &document);
    // The same from JSON text; errors start with `where`.
    static ModelCatalogue parse(std::string_view text, const std::string &where);
    // Reads at most kMaxFileBytes of a regular file; throws InputError or std::invalid_argument naming it.
    static ModelCatalogue fromFile(const std::string &path);

    // Throws std::invalid_argument if empty, longer than kMaxArms, an id is empty, longer than kMaxIdLength
    // or holds a control character, ids repeat, a field is out of range, or the dimension is outside
    // [1, kMaxDimension].
    explicit ModelCatalogue(std::vector<ModelSpec> models, std::size_t dimension = kContextFeatures);

    std::size_t size() const { return m_models.size(); }
    std::size_t dimension() const { return m_dimension; }
    // Whether routing contexts can be routed: their features are exactly this dimension.
    bool routesContexts() const { return m_dimension == kContextFeatures; }
    const ModelSpec &at(std::size_t arm) const { return m_models.at(arm); }
    const std::vector<ModelSpec> &models() const { return m_models; }
    std::optional<std::size_t> indexOf(std::string_view id) const;
    nlohmann::json toJson() const;

private:
    std::vector<ModelSpec> m_models;
    std::size_t m_dimension;
};

} // namespace rl
