#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/support/Limits.h"

namespace rl {

struct PolicyConfig {
    std::size_t arms = 4;
    std::size_t dimension = 6;
    std::uint64_t seed = 1;
    double epsilon = 0.1; // seed, egreedy (0.1 is the original's)
    // Defaults tuned on linear-4x10 (rewards in [0, 1], noise sd 0.1), 20k rounds: linucb regret 26 at 0.5
    // (37.6 at 1.0; <= 32 anywhere in 0.3..0.8), thompson 45 mean over 20 seeds at 0.12 (about the noise sd).
    double alpha = 0.5;          // linucb exploration width
    double ridge = 1.0;          // egreedy, linucb, thompson: A = ridge * I initially
    double thompsonScale = 0.12; // thompson: posterior scale v (sd of theta ~ v * sqrt(A^-1))
    // adaptive (issue #12, tuned on 30 streams apart from the ones reported): the exploration width in measured
    // noise sds, and the CUSUM level that means the world changed (the highest seen without a change: 12.7).
    double widthScale = 3.0;
    double changeThreshold = 20.0;
    // seed only: initial weights per arm; empty draws N(0, 0.1) from the seed, as the original.
    std::vector<std::vector<double>> initialWeights;
};

struct Selection {
    std::size_t arm = 0;
    double propensity = 1.0;           // probability the policy had of picking this arm in this context
    std::vector<double> probabilities; // the policy's whole distribution over the arms in this context
    std::vector<double> scores;        // the per-arm point estimate of the expected reward
};

// A contextual bandit over `arms` arms and `dimension` features. Deterministic given its seed.
// Not thread-safe: the router serialises access.
class Policy {
public:
    explicit Policy(PolicyConfig config)
        : m_config(std::move(config))
    {
    }
    virtual ~Policy() = default;

    virtual std::string_view name() const = 0;
    // select, update and estimates throw std::invalid_argument for a context of the wrong size, an arm out
    // of range, or a feature or reward that is not finite or beyond kMaxInputMagnitude.
    virtual Selection select(std::span<const double> x) = 0;
    // The arm select() would pick, with the same draws, without the distribution: what a replay needs, for a
    // policy whose propensities cost more than its choice.
    virtual std::size_t pick(std::span<const double> x) { return select(x).arm; }
    virtual void update(std::size_t arm, std::span<const double> x, double reward) = 0;
    virtual std::vector<double> estimates(std::span<const double> x) const = 0;
    // The whole learned state, RNG included, so restore() resumes exactly where state() left off.
    virtual nlohmann::json state() const = 0;
    virtual void restore(const nlohmann::json &state) = 0; // throws std::invalid_argument

    const PolicyConfig &config() const { return m_config; }
    std::uint64_t updates() const { return m_updates; }

protected:
    PolicyConfig m_config;
    std::uint64_t m_updates = 0;
};

// "seed" (the original epsilon-greedy linear SGD), "egreedy" (epsilon-greedy on ridge estimates),
// "linucb" (disjoint LinUCB, Sherman-Morrison updates), "thompson" (linear Thompson sampling), "adaptive"
// (LinUCB with a measured width and change detection, the default).
// Throws std::invalid_argument naming the unknown policy and the known ones.
std::unique_ptr<Policy> makePolicy(std::string_view name, const PolicyConfig &config);
// What the router, the engine and replay use unless told otherwise.
inline constexpr std::string_view kDefaultPolicy = "adaptive";
// The policy a state() describes, with its parameters (defaults for a state saved before they were kept),
// restored. Throws std::invalid_argument naming the field at fault.
std::unique_ptr<Policy> restorePolicy(const nlohmann::json &state);
std::span<const std::string_view> policyNames();

} // namespace rl
