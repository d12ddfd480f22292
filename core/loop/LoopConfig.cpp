#include "core/loop/LoopConfig.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "core/support/NumberFormat.h"

namespace rl {

namespace {

constexpr std::string_view kBlanks = " \t\r\n\v\f";
constexpr std::size_t kMaxShownValue = 64; // a pasted megabyte should not become the error message

std::string_view trimmed(std::string_view value)
{
    const auto first = value.find_first_not_of(kBlanks);
    if (first == std::string_view::npos)
        return {};
    const auto last = value.find_last_not_of(kBlanks);
    return value.substr(first, last - first + 1);
}

char asciiLower(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// NAME="value", control bytes escaped so the message stays one printable line.
std::string shown(std::string_view name, std::string_view value)
{
    std::string out(name);
    out += "=\"";
    const bool cut = value.size() > kMaxShownValue;
    for (const char c : value.substr(0, kMaxShownValue)) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7f) {
            std::array<char, 5> hex{};
            std::snprintf(hex.data(), hex.size(), "\\x%02x", byte);
            out += hex.data();
        } else {
            out += c;
        }
    }
    out += cut ? "...\"" : "\"";
    return out;
}

// Decodes one UTF-8 sequence at text[i]; returns the code point and advances i, or nullopt if malformed
// (truncated, overlong, a surrogate or beyond U+10FFFF).
std::optional<char32_t> decodeUtf8(std::string_view text, std::size_t &i)
{
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead < 0x80) {
        ++i;
        return lead;
    }
    // Sequence length, payload bits of the lead byte, and the smallest code point that needs that length.
    std::size_t length = 0;
    char32_t cp = 0;
    char32_t minimum = 0;
    if ((lead & 0xe0) == 0xc0) {
        length = 2;
        cp = lead & 0x1f;
        minimum = 0x80;
    } else if ((lead & 0xf0) == 0xe0) {
        length = 3;
        cp = lead & 0x0f;
        minimum = 0x800;
    } else if ((lead & 0xf8) == 0xf0) {
        length = 4;
        cp = lead & 0x07;
        minimum = 0x10000;
    } else {
        return std::nullopt;
    }
    if (i + length > text.size())
        return std::nullopt;
    for (std::size_t k = 1; k < length; ++k) {
        const auto byte = static_cast<unsigned char>(text[i + k]);
        if ((byte & 0xc0) != 0x80)
            return std::nullopt;
        cp = (cp << 6) | (byte & 0x3f);
    }
    if (cp < minimum || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return std::nullopt;
    i += length;
    return cp;
}

} // namespace

bool parseFlag(std::string_view name, std::string_view value)
{
    std::string lower(trimmed(value));
    for (char &c : lower)
        c = asciiLower(c);
    for (const std::string_view yes : {"1", "true", "yes", "on"})
        if (lower == yes)
            return true;
    for (const std::string_view no : {"0", "false", "no", "off"})
        if (lower == no)
            return false;
    throw ConfigError(shown(name, value) + " is not a flag: use 1/true/yes/on or 0/false/no/off");
}

std::size_t parseBatchSize(std::string_view name, std::string_view value)
{
    const std::string_view text = trimmed(value);
    std::size_t size = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), size);
    if (text.empty() || error != std::errc() || end != text.data() + text.size() || size < LoopConfig::kMinBatchSize
        || size > LoopConfig::kMaxBatchSize) {
        throw ConfigError(shown(name, value) + " is not an integer in " + std::to_string(LoopConfig::kMinBatchSize)
                          + ".." + std::to_string(LoopConfig::kMaxBatchSize));
    }
    return size;
}

double parseIntervalSeconds(std::string_view name, std::string_view value)
{
    const std::string_view text = trimmed(value);
    double seconds = 0.0;
    // from_chars, unlike strtod, ignores the locale and rejects hex floats; it does accept nan and inf,
    // which the isfinite check turns away.
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seconds);
    if (text.empty() || error != std::errc() || end != text.data() + text.size() || !std::isfinite(seconds)
        || seconds < LoopConfig::kMinIntervalSeconds || seconds > LoopConfig::kMaxIntervalSeconds) {
        throw ConfigError(shown(name, value) + " is not a number of seconds in "
                          + formatNumber(LoopConfig::kMinIntervalSeconds) + ".."
                          + formatNumber(LoopConfig::kMaxIntervalSeconds));
    }
    return seconds;
}

std::string parseLabelValue(std::string_view name, std::string_view value)
{
    const std::string_view text = trimmed(value);
    const std::string rule = " is not a label value: expected non-empty UTF-8 text without control characters";
    if (text.empty())
        throw ConfigError(shown(name, value) + rule);
    for (std::size_t i = 0; i < text.size();) {
        const auto cp = decodeUtf8(text, i);
        // C0 controls, DEL and the C1 controls would corrupt the exposition format or a log line.
        if (!cp || *cp < 0x20 || (*cp >= 0x7f && *cp <= 0x9f))
            throw ConfigError(shown(name, value) + rule);
    }
    return std::string(text);
}

LoopConfig LoopConfig::fromEnvironment(const std::function<const char *(const char *)> &getenv)
{
    // Unset and empty both mean "use the default", as a shell's `export VAR=` suggests.
    const auto read = [&getenv](const char *name) -> std::optional<std::string_view> {
        const char *value = getenv(name);
        if (value == nullptr || *value == '\0')
            return std::nullopt;
        return std::string_view(value);
    };

    LoopConfig config;
    if (const auto v = read("ENABLE_TRAJECTORY_EVALUATION"))
        config.evaluationEnabled = parseFlag("ENABLE_TRAJECTORY_EVALUATION", *v);
    if (const auto v = read("ENABLE_TRAJECTORY_FEEDBACK_LOOP"))
        config.loopEnabled = parseFlag("ENABLE_TRAJECTORY_FEEDBACK_LOOP", *v);
    if (const auto v = read("RL_FEEDBACK_BATCH_SIZE"))
        config.batchSize = parseBatchSize("RL_FEEDBACK_BATCH_SIZE", *v);
    if (const auto v = read("RL_FEEDBACK_LOOP_INTERVAL_SECONDS"))
        config.intervalSeconds = parseIntervalSeconds("RL_FEEDBACK_LOOP_INTERVAL_SECONDS", *v);
    if (const auto v = read("RL_FEEDBACK_PROCESS_WHEN_FULL"))
        config.processWhenFull = parseFlag("RL_FEEDBACK_PROCESS_WHEN_FULL", *v);
    if (const auto v = read("RL_TENANT"))
        config.labels.tenant = parseLabelValue("RL_TENANT", *v);
    if (const auto v = read("RL_WORKSPACE"))
        config.labels.workspace = parseLabelValue("RL_WORKSPACE", *v);
    return config;
}

} // namespace rl
