#include "core/bandit/Policy.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>

#include "core/bandit/AdaptivePolicy.h"
#include "core/bandit/EpsilonGreedyPolicy.h"
#include "core/bandit/LinUcbPolicy.h"
#include "core/bandit/PolicySpec.h"
#include "core/bandit/PolicySupport.h"
#include "core/bandit/SeedPolicy.h"
#include "core/bandit/ThompsonPolicy.h"
#include "core/support/JsonReader.h"
#include "core/support/NumberFormat.h"
#include "core/support/Rng.h"

namespace rl {

namespace {

constexpr std::array<std::string_view, 5> kPolicyNames{
    SeedPolicy::kName, EpsilonGreedyPolicy::kName, LinUcbPolicy::kName, ThompsonPolicy::kName, AdaptivePolicy::kName};

} // namespace

std::unique_ptr<Policy> makePolicy(std::string_view name, const PolicyConfig &config)
{
    if (name == SeedPolicy::kName)
        return std::make_unique<SeedPolicy>(config);
    if (name == EpsilonGreedyPolicy::kName)
        return std::make_unique<EpsilonGreedyPolicy>(config);
    if (name == LinUcbPolicy::kName)
        return std::make_unique<LinUcbPolicy>(config);
    if (name == ThompsonPolicy::kName)
        return std::make_unique<ThompsonPolicy>(config);
    if (name == AdaptivePolicy::kName)
        return std::make_unique<AdaptivePolicy>(config);
    std::string known;
    for (const auto n : kPolicyNames)
        known += (known.empty() ? "" : ", ") + std::string(n);
    throw std::invalid_argument("unknown policy '" + std::string(name) + "' (known: " + known + ")");
}

std::unique_ptr<Policy> restorePolicy(const nlohmann::json &state)
{
    const JsonReader reader(state, "policy state");
    const std::string name = reader.string("policy");
    const auto known = policyNames();
    if (std::find(known.begin(), known.end(), name) == known.end())
        makePolicy(name, PolicyConfig{}); // throws naming the known policies
    const auto count = [&reader](const char *key) {
        const std::int64_t value = reader.integer(key);
        if (value < 1)
            reader.fail(key, "must be at least 1");
        return static_cast<std::size_t>(value);
    };
    PolicyConfig config;
    config.arms = count("arms");
    config.dimension = count("dimension");
    if (state.contains("parameters")) {
        try {
            config = PolicySpec::fromJson(name, state.at("parameters")).apply(config);
        } catch (const std::invalid_argument &error) {
            throw std::invalid_argument(std::string("policy state.") + error.what());
        }
    }
    std::unique_ptr<Policy> policy = makePolicy(name, config);
    policy->restore(state);
    return policy;
}

std::span<const std::string_view> policyNames()
{
    return kPolicyNames;
}

namespace policy {

void validateConfig(const PolicyConfig &config)
{
    const auto fail = [](const std::string &what) { throw std::invalid_argument("policy config: " + what); };
    if (config.arms < 1 || config.arms > kMaxArms)
        fail("arms must be in 1.." + std::to_string(kMaxArms) + ", got " + std::to_string(config.arms));
    if (config.dimension < 1 || config.dimension > kMaxDimension)
        fail("dimension must be in 1.." + std::to_string(kMaxDimension) + ", got " + std::to_string(config.dimension));
    if (!(config.epsilon >= 0.0 && config.epsilon <= 1.0))
        fail("epsilon must be in [0, 1], got " + formatNumber(config.epsilon));
    if (!(config.alpha >= 0.0 && std::isfinite(config.alpha)))
        fail("alpha must be finite and >= 0, got " + formatNumber(config.alpha));
    if (!(config.ridge > 0.0 && std::isfinite(config.ridge)))
        fail("ridge must be finite and > 0, got " + formatNumber(config.ridge));
    if (!(config.thompsonScale >= 0.0 && std::isfinite(config.thompsonScale)))
        fail("thompsonScale must be finite and >= 0, got " + formatNumber(config.thompsonScale));
    if (!(config.widthScale >= 0.0 && std::isfinite(config.widthScale)))
        fail("widthScale must be finite and >= 0, got " + formatNumber(config.widthScale));
    if (!(config.changeThreshold > 0.0 && std::isfinite(config.changeThreshold)))
        fail("changeThreshold must be finite and > 0, got " + formatNumber(config.changeThreshold));
    if (config.initialWeights.empty())
        return;
    if (config.initialWeights.size() != config.arms)
        fail("initialWeights has " + std::to_string(config.initialWeights.size()) + " rows, expected one per arm ("
             + std::to_string(config.arms) + ")");
    for (std::size_t k = 0; k < config.arms; ++k) {
        const auto &row = config.initialWeights[k];
        if (row.size() != config.dimension)
            fail("initialWeights[" + std::to_string(k) + "] has " + std::to_string(row.size())
                 + " entries, expected the dimension (" + std::to_string(config.dimension) + ")");
        for (const double w : row)
            if (!std::isfinite(w))
                fail("initialWeights[" + std::to_string(k) + "] holds a non-finite value");
    }
}

bool withinMagnitude(double value)
{
    return std::abs(value) <= kMaxInputMagnitude; // false for NaN too
}

void rejectMagnitude(const std::string &what, double value)
{
    if (!std::isfinite(value))
        throw std::invalid_argument(what + " is " + formatNumber(value) + ", not a finite number");
    throw std::invalid_argument(what + " is " + formatNumber(value) + ", beyond ±" + formatNumber(kMaxInputMagnitude)
                                + " where products of such values overflow");
}

void checkContext(const PolicyConfig &config, std::span<const double> x)
{
    if (x.size() != config.dimension)
        throw std::invalid_argument("context has " + std::to_string(x.size()) + " features, expected "
                                    + std::to_string(config.dimension));
    // The message is built only for a value that fails: this runs for every selection and update.
    for (std::size_t i = 0; i < x.size(); ++i)
        if (!withinMagnitude(x[i]))
            rejectMagnitude("context feature " + std::to_string(i), x[i]);
}

void checkUpdate(const PolicyConfig &config, std::size_t arm, std::span<const double> x, double reward)
{
    if (arm >= config.arms)
        throw std::invalid_argument("arm " + std::to_string(arm) + " out of range (" + std::to_string(config.arms)
                                    + " arms)");
    checkContext(config, x);
    if (!withinMagnitude(reward))
        rejectMagnitude("reward", reward);
}

std::size_t argmax(std::span<const double> values)
{
    std::size_t best = 0;
    for (std::size_t k = 1; k < values.size(); ++k)
        if (values[k] > values[best])
            best = k;
    return best;
}

Selection epsilonGreedy(Rng &rng, double epsilon, std::vector<double> scores)
{
    const std::size_t arms = scores.size();
    const std::size_t greedy = argmax(scores);
    Selection s;
    s.arm = rng.uniform() < epsilon ? rng.below(arms) : greedy;
    const double explore = epsilon / static_cast<double>(arms);
    s.probabilities.assign(arms, explore);
    s.probabilities[greedy] += 1.0 - epsilon;
    s.propensity = s.probabilities[s.arm];
    s.scores = std::move(scores);
    return s;
}

nlohmann::json stateHeader(const Policy &policy)
{
    // The parameters too, so a saved state can be made into the same policy again (restorePolicy).
    return {{"policy", policy.name()},
            {"arms", policy.config().arms},
            {"dimension", policy.config().dimension},
            {"parameters", PolicySpec::of(policy.name(), policy.config()).parametersJson()},
            {"updates", policy.updates()}};
}

std::uint64_t readStateHeader(const Policy &policy, const nlohmann::json &state)
{
    const JsonReader reader(state, "policy state");
    const auto name = reader.string("policy");
    if (name != policy.name())
        reader.fail("policy", "a state of '" + name + "', not of '" + std::string(policy.name()) + "'");
    const auto count = [&](const char *key) {
        return readCount(member(state, key, "policy state"), std::string("policy state.") + key);
    };
    const auto arms = count("arms");
    const auto dimension = count("dimension");
    if (arms != policy.config().arms || dimension != policy.config().dimension)
        throw std::invalid_argument("policy state: shape " + std::to_string(arms) + " arms x "
                                    + std::to_string(dimension) + " features does not match the policy's "
                                    + std::to_string(policy.config().arms) + " x "
                                    + std::to_string(policy.config().dimension));
    return count("updates");
}

const nlohmann::json &member(const nlohmann::json &object, const char *key, const std::string &where)
{
    const JsonReader reader(object, where);
    if (!reader.has(key))
        reader.fail(key, "missing");
    return object[key];
}

std::uint64_t readCount(const nlohmann::json &value, const std::string &where)
{
    if (!value.is_number_unsigned() && !(value.is_number_integer() && value.get<std::int64_t>() >= 0))
        throw std::invalid_argument(where + ": expected a count, got " + describeJson(value));
    return value.get<std::uint64_t>();
}

double readNumber(const nlohmann::json &value, const std::string &where)
{
    if (!value.is_number() || !std::isfinite(value.get<double>()))
        throw std::invalid_argument(where + ": expected a finite number, got " + describeJson(value));
    return value.get<double>();
}

std::vector<double> readNumbers(const nlohmann::json &value, std::size_t size, const std::string &where)
{
    if (!value.is_array() || value.size() != size)
        throw std::invalid_argument(where + ": expected an array of " + std::to_string(size) + " numbers");
    std::vector<double> out;
    out.reserve(size);
    for (std::size_t i = 0; i < size; ++i) {
        if (!value[i].is_number() || !std::isfinite(value[i].get<double>()))
            throw std::invalid_argument(where + "[" + std::to_string(i) + "]: expected a finite number, got "
                                        + describeJson(value[i]));
        out.push_back(value[i].get<double>());
    }
    return out;
}

std::vector<double> readMatrix(const nlohmann::json &value, std::size_t rows, std::size_t cols,
                               const std::string &where)
{
    if (!value.is_array() || value.size() != rows)
        throw std::invalid_argument(where + ": expected an array of " + std::to_string(rows) + " rows");
    std::vector<double> out;
    out.reserve(rows * cols);
    for (std::size_t r = 0; r < rows; ++r) {
        const auto row = readNumbers(value[r], cols, where + "[" + std::to_string(r) + "]");
        out.insert(out.end(), row.begin(), row.end());
    }
    return out;
}

} // namespace policy
} // namespace rl
