#include "core/alerting/AlertRule.h"

#include <array>
#include <cmath>

#include "core/alerting/GoFormat.h"
#include "core/support/NumberFormat.h"

namespace rl {

namespace {

// $value on its own. Prometheus prints every digit (0.3333333333333333); a display wants fewer, but counts
// of items should stay whole numbers rather than turn into 1.235e+04.
std::string formatValue(double value)
{
    if (std::isfinite(value) && std::abs(value) >= 1e4 && std::abs(value) < 1e15) {
        return formatNumber(value, std::chars_format::fixed, 0);
    }
    return goFormat4g(value);
}

// Prometheus's template function humanize: 1234 -> 1.234k, 0.0012 -> 1.2m.
std::string humanize(double value)
{
    if (value == 0 || !std::isfinite(value))
        return goFormat4g(value);
    constexpr std::array<const char *, 8> kLarge{"k", "M", "G", "T", "P", "E", "Z", "Y"};
    constexpr std::array<const char *, 8> kSmall{"m", "u", "n", "p", "f", "a", "z", "y"};
    const char *prefix = "";
    if (std::abs(value) >= 1) {
        for (const char *p : kLarge) {
            if (std::abs(value) < 1000)
                break;
            prefix = p;
            value /= 1000;
        }
    } else {
        for (const char *p : kSmall) {
            if (std::abs(value) >= 1)
                break;
            prefix = p;
            value *= 1000;
        }
    }
    return goFormat4g(value) + prefix;
}

std::string_view trimmed(std::string_view text)
{
    const auto first = text.find_first_not_of(" \t\n");
    if (first == std::string_view::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t\n") - first + 1);
}

// The text of one {{ ... }} action for this value, or nullopt if we do not implement it.
std::optional<std::string> action(std::string_view inside, double value)
{
    std::string words;
    for (const char c : trimmed(inside)) {
        if (c == ' ' || c == '\t' || c == '\n') {
            if (!words.empty() && words.back() != ' ')
                words += ' ';
        } else {
            words += c;
        }
    }
    if (words == "$value")
        return formatValue(value);
    if (words == "$value | humanizePercentage" || words == "humanizePercentage $value")
        return goFormat4g(value * 100) + "%";
    if (words == "$value | humanize" || words == "humanize $value")
        return humanize(value);
    return std::nullopt;
}

// Expands every {{ ... }} action we implement; the others stay as written and the first is reported.
std::string expand(std::string_view text, double value, std::optional<std::string> &unsupported)
{
    std::string out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto open = text.find("{{", pos);
        if (open == std::string_view::npos)
            break;
        const auto close = text.find("}}", open + 2);
        const auto end = close == std::string_view::npos ? text.size() : close + 2;
        const auto expanded =
            close == std::string_view::npos ? std::nullopt : action(text.substr(open + 2, close - open - 2), value);
        out.append(text.substr(pos, open - pos));
        if (expanded) {
            out += *expanded;
        } else {
            out.append(text.substr(open, end - open));
            if (!unsupported)
                unsupported = std::string(text.substr(open, end - open));
        }
        pos = end;
    }
    out.append(text.substr(pos));
    return out;
}

} // namespace

std::optional<std::string> AlertRule::unsupportedAction(std::string_view text)
{
    std::optional<std::string> unsupported;
    expand(text, 0.0, unsupported);
    return unsupported;
}

std::string AlertRule::render(std::string_view annotation, double value) const
{
    const auto it = annotations.find(std::string(annotation));
    if (it == annotations.end())
        return {};
    std::optional<std::string> unsupported;
    return expand(it->second, value, unsupported);
}

} // namespace rl
