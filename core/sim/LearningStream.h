#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace rl {

// A stream in the linear-4x10 format, `t, x0..x{d-1}, r0..r{k-1}`: per round a context and the reward
// each arm would have returned. Read from untrusted files, so every size is bounded: the file, each line,
// the features (kMaxDimension) and arms (kMaxArms), and every value (finite, within ±kMaxInputMagnitude,
// where a policy's products stay finite).
struct LearningStream {
    static constexpr std::size_t kMaxFileBytes = std::size_t(512) << 20;
    static constexpr std::size_t kMaxLineBytes = 64 << 10;

    std::size_t dimension = 0;
    std::size_t arms = 0;
    std::vector<double> contexts; // rounds x dimension, row-major
    std::vector<double> rewards;  // rounds x arms
    std::size_t rounds() const { return dimension ? contexts.size() / dimension : 0; }

    // Throws std::runtime_error naming `where` (the file), the line and the column of anything malformed.
    static LearningStream parse(std::string_view text, const std::string &where);
    // A regular file of at most kMaxFileBytes; throws InputError or std::runtime_error naming it.
    static LearningStream load(const std::string &path);
};

} // namespace rl
