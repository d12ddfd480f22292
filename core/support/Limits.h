#pragma once

#include <cstddef>

namespace rl {

// The engine's size limits in one place. Memory and time grow with them (a policy keeps arms x features^2
// numbers), and every input that names a size is checked against them, so no file or request can make the
// engine allocate without bound.
inline constexpr std::size_t kMaxArms = 64;       // models in a catalogue, arms of a stream
inline constexpr std::size_t kMaxDimension = 256; // features of a context
// The largest magnitude a feature, reward or weight may have. Policies multiply them (x x^T, r x) and sum
// the products over millions of updates; beyond this the sums could overflow to infinity and silently
// corrupt every estimate, so such values are refused.
inline constexpr double kMaxInputMagnitude = 1e100;
// JSON documents the engine reads are a few levels deep; deeper nesting is refused before it is parsed.
inline constexpr std::size_t kMaxJsonDepth = 32;

} // namespace rl
