#pragma once

#include <cstddef>
#include <string>

namespace rl {

// The API's bearer token from a file: its content without surrounding whitespace, printable ASCII,
// kMinTokenLength..kMaxTokenLength characters. Throws InputError or std::invalid_argument naming the file
// and the problem, never the token.
inline constexpr std::size_t kMinTokenLength = 16;
inline constexpr std::size_t kMaxTokenLength = 1024;
std::string readTokenFile(const std::string &path);

} // namespace rl
