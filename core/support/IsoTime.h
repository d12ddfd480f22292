#pragma once

#include <cstdint>
#include <string>

namespace rl {

// "2024-06-01T12:34:56.789Z" for milliseconds since the epoch. Civil-calendar arithmetic rather than gmtime:
// thread-safe and no time_t range.
std::string isoUtc(std::int64_t epochMs);

} // namespace rl
