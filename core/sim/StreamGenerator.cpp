#include "core/sim/StreamGenerator.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "core/support/Limits.h"
#include "core/support/NumberFormat.h"

namespace rl {

namespace {

StreamSpec validated(StreamSpec spec)
{
    spec.validate();
    return spec;
}

// Per arm, positive weights summing to 1 (Dirichlet(1, ..., 1): normalised exponential draws), so that a
// context in [0, 1)^d has an expected reward in [0, 1).
std::vector<FeatureVector> drawWeights(std::size_t arms, std::size_t dimension, std::uint64_t seed)
{
    Rng rng(seed);
    std::vector<FeatureVector> weights(arms, FeatureVector(dimension));
    for (FeatureVector &w : weights) {
        double sum = 0.0;
        for (double &v : w) {
            v = -std::log(1.0 - rng.uniform()); // uniform() < 1, so the argument is > 0
            sum += v;
        }
        for (double &v : w)
            v /= sum;
    }
    return weights;
}

TrueWeights weightsOf(const StreamSpec &spec)
{
    std::vector<TrueWeights::Change> drift;
    for (const StreamSpec::Drift &change : spec.drift)
        drift.push_back({change.round, drawWeights(spec.arms, spec.dimension, change.seed)});
    return TrueWeights(drawWeights(spec.arms, spec.dimension, spec.seed), std::move(drift));
}

} // namespace

void StreamSpec::validate() const
{
    const auto fail = [](const std::string &what) { throw std::invalid_argument(what); };
    if (arms < 1 || arms > kMaxArms)
        fail("arms: " + std::to_string(arms) + " is not in 1.." + std::to_string(kMaxArms));
    if (dimension < 1 || dimension > kMaxDimension)
        fail("dims: " + std::to_string(dimension) + " is not in 1.." + std::to_string(kMaxDimension));
    if (rounds < 1 || rounds > kMaxRounds)
        fail("rounds: " + std::to_string(rounds) + " is not in 1.." + std::to_string(kMaxRounds));
    if (!(noiseSd >= 0.0 && noiseSd <= kMaxNoiseSd))
        fail("noise: " + formatNumber(noiseSd) + " is not in 0.." + formatNumber(kMaxNoiseSd));
    std::size_t previous = 0;
    for (const Drift &change : drift) {
        const std::string round = "drift: round " + std::to_string(change.round);
        if (change.round == 0)
            fail(round + ": the first weights hold from round 0, a drift starts at round 1 or later");
        if (change.round >= rounds)
            fail(round + " is past the last round (" + std::to_string(rounds) + " rounds, counting from 0)");
        if (change.round == previous)
            fail(round + " is given twice");
        if (change.round < previous)
            fail(round + " comes after round " + std::to_string(previous) + ": drifts go in round order");
        previous = change.round;
    }
}

StreamGenerator::StreamGenerator(StreamSpec spec)
    : m_spec(validated(std::move(spec)))
    , m_weights(weightsOf(m_spec))
    // The contexts and noise come from their own stream, so changing a drift leaves them as they were.
    , m_rng(m_spec.seed ^ 0x9e3779b97f4a7c15ULL)
{
}

nlohmann::json StreamGenerator::meta() const
{
    nlohmann::json arms = nlohmann::json::array();
    for (std::size_t k = 0; k < m_spec.arms; ++k)
        arms.push_back(std::string("arm-").append(std::to_string(k)));
    nlohmann::json document = m_weights.toJson();
    document["seed"] = m_spec.seed;
    document["arms"] = std::move(arms);
    document["dimension"] = m_spec.dimension;
    document["rounds"] = m_spec.rounds;
    document["noise_sd"] = m_spec.noiseSd;
    for (std::size_t i = 0; i < m_spec.drift.size(); ++i)
        document["drift"][i]["seed"] = m_spec.drift[i].seed;
    document["generator"] = "rlstudio simulate-stream";
    return document;
}

std::string StreamGenerator::header() const
{
    std::string line = "t";
    // Appended piece by piece: GCC 12 warns (-Wrestrict, wrongly) about ",x" + std::to_string(i).
    for (std::size_t i = 0; i < m_spec.dimension; ++i)
        line.append(",x").append(std::to_string(i));
    for (std::size_t k = 0; k < m_spec.arms; ++k)
        line.append(",r").append(std::to_string(k));
    return line + "\n";
}

std::size_t StreamGenerator::next(std::string &out, std::size_t maxRounds)
{
    const std::size_t count = std::min(maxRounds, m_spec.rounds - m_round);
    FeatureVector x(m_spec.dimension);
    for (std::size_t n = 0; n < count; ++n, ++m_round) {
        out += std::to_string(m_round);
        for (double &v : x) {
            v = m_rng.uniform();
            out.append(1, ',').append(formatNumber(v));
        }
        for (const FeatureVector &w : m_weights.at(m_round)) {
            double reward = m_rng.normal(0.0, m_spec.noiseSd);
            for (std::size_t i = 0; i < x.size(); ++i)
                reward += w[i] * x[i];
            out.append(1, ',').append(formatNumber(std::clamp(reward, 0.0, 1.0)));
        }
        out += '\n';
    }
    return count;
}

} // namespace rl
