#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/feedback/FeatureVector.h"

namespace rl {

class Policy;

// A stream in the linear-4x10 format: `t, x0..x{d-1}, r0..r{k-1}`.
struct LearningStream {
    std::size_t dimension = 0;
    std::size_t arms = 0;
    std::vector<double> contexts; // rounds x dimension, row-major
    std::vector<double> rewards;  // rounds x arms
    std::size_t rounds() const { return dimension ? contexts.size() / dimension : 0; }

    // Throws std::runtime_error naming the file, line and column of anything malformed.
    static LearningStream load(const std::string &path);
};

// true_weights from a meta.json; throws std::runtime_error naming the problem.
std::vector<FeatureVector> loadTrueWeights(const std::string &metaPath);

struct ReplayResult {
    std::size_t rounds = 0;
    double regretAt1k = 0.0; // cumulative expected regret after 1,000 rounds (or the end, if fewer)
    double regretAt5k = 0.0;
    double regretEnd = 0.0;
    double optimalShareLast1k = 0.0; // share of the last 1,000 rounds that picked the best arm
    nlohmann::json toJson() const;
};

// Runs the policy over the stream: it sees only the reward of the arm it picked; regret is expected
// regret, max_k w_k.x - w_pick.x.
ReplayResult runReplay(Policy &policy, const LearningStream &stream, const std::vector<FeatureVector> &trueWeights);

} // namespace rl
