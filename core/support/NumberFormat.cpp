#include "core/support/NumberFormat.h"

#include <array>

namespace rl {

namespace {

// Enough for any double in any of these forms: %f of 1e308 has 309 integer digits.
using Buffer = std::array<char, 400>;

} // namespace

std::string formatNumber(double value)
{
    Buffer buffer;
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    return std::string(buffer.data(), result.ptr);
}

std::string formatNumber(double value, std::chars_format format, int precision)
{
    Buffer buffer;
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value, format, precision);
    return std::string(buffer.data(), result.ptr);
}

std::string formatScientific(double value)
{
    Buffer buffer;
    const auto result =
        std::to_chars(buffer.data(), buffer.data() + buffer.size(), value, std::chars_format::scientific);
    return std::string(buffer.data(), result.ptr);
}

} // namespace rl
