#pragma once

// Private to core/*.cpp: the checks, selection rule and state plumbing every policy shares.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/bandit/Policy.h"

namespace rl {

class Rng;

namespace policy {

// Throws std::invalid_argument naming the first field out of range.
void validateConfig(const PolicyConfig &config);
// Whether value is finite and within ±kMaxInputMagnitude.
bool withinMagnitude(double value);
// Throws std::invalid_argument saying why value is not: what names it.
[[noreturn]] void rejectMagnitude(const std::string &what, double value);
// x must have config.dimension entries within the magnitude; arm must exist; the reward within it too.
void checkContext(const PolicyConfig &config, std::span<const double> x);
void checkUpdate(const PolicyConfig &config, std::size_t arm, std::span<const double> x, double reward);

std::size_t argmax(std::span<const double> values); // ties go to the lowest index

// With probability epsilon a uniformly random arm, else the best score; the propensity counts both ways
// of reaching the chosen arm: 1 - eps + eps/K for the greedy arm, eps/K for any other.
Selection epsilonGreedy(Rng &rng, double epsilon, std::vector<double> scores);

// Every state carries the policy's name and shape, so a state restored into the wrong policy is refused.
nlohmann::json stateHeader(const Policy &policy);
// Checks the header against policy and returns the saved update count.
std::uint64_t readStateHeader(const Policy &policy, const nlohmann::json &state);

// Errors read "<where>.<key>: <problem>" or "<where>[i]: <problem>", as JsonReader's.
const nlohmann::json &member(const nlohmann::json &object, const char *key, const std::string &where);
std::uint64_t readCount(const nlohmann::json &value, const std::string &where); // a non-negative integer
double readNumber(const nlohmann::json &value, const std::string &where);       // finite
std::vector<double> readNumbers(const nlohmann::json &value, std::size_t size, const std::string &where);
// rows x cols, as an array of rows; returned row-major.
std::vector<double> readMatrix(const nlohmann::json &value, std::size_t rows, std::size_t cols,
                               const std::string &where);

} // namespace policy
} // namespace rl
