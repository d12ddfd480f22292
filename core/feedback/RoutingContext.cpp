#include "core/feedback/RoutingContext.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace rl {

namespace {

constexpr std::array<std::string_view, 4> kComplexityNames{"simple", "moderate", "complex", "critical"};

bool equalsIgnoringCase(std::string_view a, std::string_view b)
{
    return std::ranges::equal(a, b, [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
    });
}

} // namespace

std::optional<Complexity> parseComplexity(std::string_view text)
{
    for (std::size_t i = 0; i < kComplexityNames.size(); ++i) {
        if (equalsIgnoringCase(text, kComplexityNames[i]))
            return static_cast<Complexity>(i);
    }
    return std::nullopt;
}

std::string_view toString(Complexity complexity)
{
    return kComplexityNames[static_cast<std::size_t>(complexity)];
}

} // namespace rl
