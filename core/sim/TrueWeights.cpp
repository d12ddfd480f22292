#include "core/sim/TrueWeights.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "core/support/InputFile.h"
#include "core/support/JsonReader.h"
#include "core/support/Limits.h"
#include "core/support/NumberFormat.h"

namespace rl {

namespace {

// One set of weights, one row per arm; `shape` is the set everything must match (nullptr for the first).
void checkSet(const std::vector<FeatureVector> &set, const std::vector<FeatureVector> *shape, const std::string &where)
{
    if (set.empty() || set.size() > kMaxArms)
        throw std::invalid_argument(where + " must hold 1.." + std::to_string(kMaxArms)
                                    + " weight vectors, one per arm");
    if (shape && set.size() != shape->size())
        throw std::invalid_argument(where + " has " + std::to_string(set.size()) + " arms, true_weights has "
                                    + std::to_string(shape->size()));
    const std::size_t width = shape ? shape->front().size() : set.front().size();
    for (std::size_t k = 0; k < set.size(); ++k) {
        const std::string row = where + "[" + std::to_string(k) + "]";
        if (set[k].empty() || set[k].size() > kMaxDimension)
            throw std::invalid_argument(row + " must hold 1.." + std::to_string(kMaxDimension) + " weights");
        if (set[k].size() != width)
            throw std::invalid_argument(row + " has " + std::to_string(set[k].size()) + " entries, true_weights[0] has "
                                        + std::to_string(width));
        for (std::size_t i = 0; i < width; ++i) {
            if (!std::isfinite(set[k][i]) || std::abs(set[k][i]) > kMaxInputMagnitude)
                throw std::invalid_argument(row + "[" + std::to_string(i) + "]: " + formatNumber(set[k][i])
                                            + " is not a finite number within ±" + formatNumber(kMaxInputMagnitude));
        }
    }
}

std::vector<FeatureVector> readSet(const nlohmann::json &value, const std::string &where)
{
    if (!value.is_array())
        throw std::invalid_argument(where + " must be an array of weight vectors, got " + describeJson(value));
    if (value.size() > kMaxArms)
        throw std::invalid_argument(where + " must hold 1.." + std::to_string(kMaxArms)
                                    + " weight vectors, one per arm");
    std::vector<FeatureVector> set;
    for (std::size_t k = 0; k < value.size(); ++k) {
        const nlohmann::json &row = value[k];
        const std::string rowName = where + "[" + std::to_string(k) + "]";
        if (!row.is_array() || row.size() > kMaxDimension)
            throw std::invalid_argument(rowName + " must be an array of 1.." + std::to_string(kMaxDimension)
                                        + " numbers, got " + describeJson(row));
        FeatureVector weights;
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (!row[i].is_number())
                throw std::invalid_argument(rowName + "[" + std::to_string(i) + "]: expected a number, got "
                                            + describeJson(row[i]));
            weights.push_back(row[i].get<double>());
        }
        set.push_back(std::move(weights));
    }
    return set;
}

} // namespace

TrueWeights::TrueWeights(std::vector<FeatureVector> initial, std::vector<Change> drift)
    : m_initial(std::move(initial))
    , m_drift(std::move(drift))
{
    checkSet(m_initial, nullptr, "true_weights");
    std::size_t previous = 0;
    for (std::size_t i = 0; i < m_drift.size(); ++i) {
        const std::string where = "drift[" + std::to_string(i) + "]";
        if (m_drift[i].round <= previous)
            throw std::invalid_argument(where + ".round: " + std::to_string(m_drift[i].round) + " must be greater than "
                                        + std::to_string(previous) + " (the previous change's round, or 0)");
        previous = m_drift[i].round;
        checkSet(m_drift[i].weights, &m_initial, where + ".true_weights");
    }
}

TrueWeights TrueWeights::parse(std::string_view text, const std::string &where)
{
    const nlohmann::json meta = parseJson(text, where);
    try {
        if (!meta.is_object() || !meta.contains("true_weights"))
            throw std::invalid_argument("missing 'true_weights'");
        std::vector<Change> drift;
        if (const auto found = meta.find("drift"); found != meta.end()) {
            if (!found->is_array())
                throw std::invalid_argument("drift must be an array of {round, true_weights}, got "
                                            + describeJson(*found));
            for (std::size_t i = 0; i < found->size(); ++i) {
                const std::string name = "drift[" + std::to_string(i) + "]";
                const JsonReader change((*found)[i], name);
                const std::int64_t round = change.integer("round");
                if (round < 1)
                    change.fail("round", std::to_string(round) + " is not a round after the first");
                if (!change.has("true_weights"))
                    change.fail("true_weights", "missing");
                drift.push_back(
                    {static_cast<std::size_t>(round), readSet((*found)[i]["true_weights"], name + ".true_weights")});
            }
        }
        return TrueWeights(readSet(meta["true_weights"], "true_weights"), std::move(drift));
    } catch (const std::invalid_argument &error) {
        throw std::invalid_argument(where + ": " + error.what());
    }
}

TrueWeights TrueWeights::load(const std::string &path)
{
    return parse(readInputFile(path, kMaxFileBytes, "a stream's meta.json"), path);
}

const std::vector<FeatureVector> &TrueWeights::at(std::size_t round) const
{
    // The last change at or before the round; the rounds increase, so a binary search finds it.
    const auto after = std::upper_bound(m_drift.begin(), m_drift.end(), round,
                                        [](std::size_t r, const Change &change) { return r < change.round; });
    return after == m_drift.begin() ? m_initial : std::prev(after)->weights;
}

nlohmann::json TrueWeights::toJson() const
{
    nlohmann::json document{{"true_weights", m_initial}};
    if (!m_drift.empty()) {
        nlohmann::json drift = nlohmann::json::array();
        for (const Change &change : m_drift)
            drift.push_back({{"round", change.round}, {"true_weights", change.weights}});
        document["drift"] = std::move(drift);
    }
    return document;
}

} // namespace rl
