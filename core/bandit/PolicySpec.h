#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/bandit/Policy.h"

namespace rl {

// A policy and its parameters as people write them: `linucb`, `linucb:alpha=0.3`,
// `egreedy:epsilon=0.05,ridge=2`. The keys: alpha (linucb), v (thompson's posterior scale), epsilon (egreedy,
// seed), width and threshold (adaptive), ridge (egreedy, linucb, thompson, adaptive).
struct PolicySpec {
    static constexpr std::size_t kMaxExpanded = 1000; // specs one sweep may expand to

    std::string name;
    std::vector<std::pair<std::string, double>> parameters; // in the order written

    // `name:key=value,...` with the shortest numbers that read back exactly: a key for each spec.
    std::string text() const;
    // base with the parameters applied.
    PolicyConfig apply(PolicyConfig base) const;
    // {"alpha": 0.5, "ridge": 1}: what a policy state keeps of its parameters.
    nlohmann::json parametersJson() const;

    // The policy's name and every parameter it reads, as its config has them.
    static PolicySpec of(std::string_view name, const PolicyConfig &config);
    // From parametersJson()'s form; throws std::invalid_argument naming a key the policy does not read or a
    // value out of its range.
    static PolicySpec fromJson(std::string_view name, const nlohmann::json &parameters);

    // One spec, or a sweep: `key=FROM..TO/N` takes N evenly spaced values from FROM to TO (both included), and
    // several sweeps in one spec give every combination. Throws std::invalid_argument naming the spec and the
    // part at fault: an unknown policy or key, a key given twice, a value that is not a number or is out of the
    // key's range, a sweep of fewer than 2 or more than kMaxExpanded values.
    static std::vector<PolicySpec> parse(std::string_view text);
};

} // namespace rl
