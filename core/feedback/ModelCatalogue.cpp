#include "core/feedback/ModelCatalogue.h"

#include <limits>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "core/support/InputFile.h"
#include "core/support/JsonReader.h"
#include "core/support/Limits.h"
#include "core/support/NumberFormat.h"

namespace rl {

namespace {

std::string entryName(std::size_t index)
{
    return "models[" + std::to_string(index) + "]";
}

void requireRange(const std::string &where, const char *field, double value, double low, double high)
{
    if (!(value >= low && value <= high)) // written so NaN fails too
        throw std::invalid_argument(where + "." + field + ": " + formatNumber(value) + " is outside ["
                                    + formatNumber(low) + ", " + formatNumber(high) + "]");
}

// Ids appear in metric labels and HTTP answers: printable, short, no control characters.
void validateId(const std::string &id, const std::string &where)
{
    if (id.empty())
        throw std::invalid_argument(where + ".id: is empty");
    if (id.size() > ModelCatalogue::kMaxIdLength)
        throw std::invalid_argument(where + ".id: is " + std::to_string(id.size()) + " bytes long, more than "
                                    + std::to_string(ModelCatalogue::kMaxIdLength));
    for (std::size_t i = 0; i < id.size(); ++i) {
        const auto c = static_cast<unsigned char>(id[i]);
        if (c < 0x20 || c == 0x7f)
            throw std::invalid_argument(where + ".id: holds the control character " + std::to_string(c) + " at byte "
                                        + std::to_string(i + 1));
    }
}

void validate(const ModelSpec &model, std::size_t index)
{
    const std::string where = entryName(index);
    validateId(model.id, where);
    if (model.maxTokens <= 0)
        throw std::invalid_argument(where + ".max_tokens: " + std::to_string(model.maxTokens) + " is not positive");
    constexpr double kUnbounded = std::numeric_limits<double>::max();
    requireRange(where, "cost_per_1k_tokens", model.costPer1kTokens, 0.0, kUnbounded);
    requireRange(where, "average_latency_ms", model.averageLatencyMs, 0.0, kUnbounded);
    requireRange(where, "accuracy_score", model.accuracyScore, 0.0, 1.0);
    requireRange(where, "reliability_score", model.reliabilityScore, 0.0, 1.0);
}

} // namespace

ModelCatalogue ModelCatalogue::defaults()
{
    return ModelCatalogue({
        {"gpt-4", "openai", 8192, 0.03, 2000.0, 0.95, 0.98},
        {"gpt-3.5-turbo", "openai", 4096, 0.002, 1000.0, 0.85, 0.95},
        {"claude-3-opus", "anthropic", 200000, 0.015, 3000.0, 0.97, 0.99},
        {"claude-3-sonnet", "anthropic", 200000, 0.003, 1500.0, 0.92, 0.97},
    });
}

namespace {

void checkCount(std::size_t models)
{
    if (models == 0)
        throw std::invalid_argument("models: the catalogue needs at least one model");
    if (models > kMaxArms)
        throw std::invalid_argument("models: " + std::to_string(models) + " models, more than the "
                                    + std::to_string(kMaxArms) + " a router chooses between");
}

} // namespace

ModelCatalogue::ModelCatalogue(std::vector<ModelSpec> models, std::size_t dimension)
    : m_models(std::move(models))
    , m_dimension(dimension)
{
    checkCount(m_models.size());
    if (m_dimension == 0 || m_dimension > kMaxDimension)
        throw std::invalid_argument("dimension: " + std::to_string(m_dimension) + " is outside [1, "
                                    + std::to_string(kMaxDimension) + "]");
    for (std::size_t i = 0; i < m_models.size(); ++i) {
        validate(m_models[i], i);
        if (const auto j = indexOf(m_models[i].id); *j != i)
            throw std::invalid_argument(entryName(i) + ".id: '" + m_models[i].id + "' repeats " + entryName(*j)
                                        + ".id");
    }
}

ModelCatalogue ModelCatalogue::fromJson(const nlohmann::json &document)
{
    if (!document.is_object())
        throw std::invalid_argument(std::string("model catalogue: expected a JSON object, got ")
                                    + document.type_name());
    const auto models = document.find("models");
    if (models == document.end())
        throw std::invalid_argument("models: missing");
    if (!models->is_array())
        throw std::invalid_argument(std::string("models: expected an array, got ") + models->type_name());
    checkCount(models->size()); // before reading a hundred thousand entries only to refuse them
    const JsonReader top(document, {});
    std::size_t dimension = kContextFeatures;
    if (top.has("dimension")) {
        const auto value = top.integer("dimension");
        if (value < 1 || value > static_cast<long long>(kMaxDimension))
            top.fail("dimension", std::to_string(value) + " is outside [1, " + std::to_string(kMaxDimension) + "]");
        dimension = static_cast<std::size_t>(value);
    }

    std::vector<ModelSpec> specs;
    specs.reserve(models->size());
    for (std::size_t i = 0; i < models->size(); ++i) {
        const JsonReader reader((*models)[i], entryName(i));
        specs.push_back({reader.string("id"), reader.string("provider"), reader.integer("max_tokens"),
                         reader.number("cost_per_1k_tokens"), reader.number("average_latency_ms"),
                         reader.number("accuracy_score"), reader.number("reliability_score")});
    }
    return ModelCatalogue(std::move(specs), dimension);
}

ModelCatalogue ModelCatalogue::parse(std::string_view text, const std::string &where)
{
    const nlohmann::json document = parseJson(text, where);
    try {
        return fromJson(document);
    } catch (const std::invalid_argument &error) {
        throw std::invalid_argument(where + ": " + error.what());
    }
}

ModelCatalogue ModelCatalogue::fromFile(const std::string &path)
{
    return parse(readInputFile(path, kMaxFileBytes, "a model catalogue"), path);
}

std::optional<std::size_t> ModelCatalogue::indexOf(std::string_view id) const
{
    for (std::size_t i = 0; i < m_models.size(); ++i) {
        if (m_models[i].id == id)
            return i;
    }
    return std::nullopt;
}

nlohmann::json ModelCatalogue::toJson() const
{
    auto models = nlohmann::json::array();
    for (const auto &model : m_models) {
        models.push_back({{"id", model.id},
                          {"provider", model.provider},
                          {"max_tokens", model.maxTokens},
                          {"cost_per_1k_tokens", model.costPer1kTokens},
                          {"average_latency_ms", model.averageLatencyMs},
                          {"accuracy_score", model.accuracyScore},
                          {"reliability_score", model.reliabilityScore}});
    }
    return {{"models", std::move(models)}, {"dimension", m_dimension}};
}

} // namespace rl
