#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/feedback/FeatureVector.h"

namespace rl {

// The hidden linear reward functions of a stream, one weight vector per arm, from its meta.json:
// `true_weights`, and for a non-stationary stream the changes `drift: [{"round": R, "true_weights": ...}]`,
// in force from round R (counting from 0) on.
class TrueWeights {
public:
    static constexpr std::size_t kMaxFileBytes = 16 << 20;

    struct Change {
        std::size_t round;
        std::vector<FeatureVector> weights;
    };

    // Throws std::invalid_argument unless every set has the same shape (at least one arm, one feature;
    // at most kMaxArms x kMaxDimension), every weight is finite and within ±kMaxInputMagnitude, and the
    // changes' rounds increase from 1.
    TrueWeights(std::vector<FeatureVector> initial, std::vector<Change> drift = {});

    // meta.json's text; errors start with `where`.
    static TrueWeights parse(std::string_view text, const std::string &where);
    // A regular file of at most kMaxFileBytes; throws InputError or std::invalid_argument naming it.
    static TrueWeights load(const std::string &path);

    std::size_t arms() const { return m_initial.size(); }
    std::size_t dimension() const { return m_initial.front().size(); }
    // The weights in force at a round.
    const std::vector<FeatureVector> &at(std::size_t round) const;
    const std::vector<FeatureVector> &initial() const { return m_initial; }
    const std::vector<Change> &drift() const { return m_drift; }

    // {"true_weights": [...]} plus "drift" when there is any: what parse() reads.
    nlohmann::json toJson() const;

private:
    std::vector<FeatureVector> m_initial;
    std::vector<Change> m_drift;
};

} // namespace rl
