#include "core/alerting/GoFormat.h"

#include <array>
#include <cmath>
#include <optional>

#include "core/support/NumberFormat.h"
#include "core/support/Utf8.h"

namespace rl {

namespace {

// Go's names for the values that are not finite; nullopt for a finite one.
std::optional<std::string> nonFinite(double value)
{
    if (std::isnan(value))
        return "NaN";
    if (std::isinf(value))
        return value > 0 ? "+Inf" : "-Inf";
    return std::nullopt;
}

// Go's strconv.IsPrint, closely enough for messages: graphic characters and the ASCII space, not controls, other
// spaces, format characters, surrogates, private use or the unassigned planes.
bool isPrint(char32_t r)
{
    if (r < 0x80)
        return r >= 0x20 && r < 0x7F;
    // First and last of each range.
    constexpr std::array<char32_t, 34> kNotPrinted{
        0x80,   0xA0,   0xAD,   0xAD,   0x600,  0x605,  0x61C,  0x61C,  0x6DD,  0x6DD,  0x70F,  0x70F,
        0x8E2,  0x8E2,  0x1680, 0x1680, 0x180E, 0x180E, 0x2000, 0x200F, 0x2028, 0x202F, 0x205F, 0x206F,
        0x3000, 0x3000, 0xD800, 0xF8FF, 0xFEFF, 0xFEFF, 0xFFF9, 0xFFFB, 0xFFFE, 0xFFFF};
    if (r >= 0x3134B) // past the last assigned ideographs, only variation selectors print
        return r >= 0xE0100 && r <= 0xE01EF;
    for (std::size_t i = 0; i < kNotPrinted.size(); i += 2) {
        if (r >= kNotPrinted[i] && r <= kNotPrinted[i + 1])
            return false;
    }
    return true;
}

std::string hex(unsigned long value, int digits, bool upper = false)
{
    std::string out(static_cast<std::size_t>(digits), '0');
    const char *set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    for (int i = digits - 1; i >= 0 && value > 0; --i, value >>= 4)
        out[static_cast<std::size_t>(i)] = set[value & 0xF];
    return out;
}

// One rune as Go's %q writes it between `quote`s.
void appendEscapedRune(std::string &out, char32_t r, char32_t quote)
{
    if (r == quote || r == '\\') {
        out += '\\';
        out += static_cast<char>(r);
        return;
    }
    if (isPrint(r)) {
        appendUtf8(out, r);
        return;
    }
    constexpr std::string_view kControls = "abtnvfr"; // \a is 7, then in order up to \r (13)
    if (r >= 7 && r <= 13) {
        out += '\\';
        out += kControls[r - 7];
    } else if (r < 0x20 || r == 0x7F) {
        out += "\\x" + hex(r, 2);
    } else if (r < 0x10000) {
        out += "\\u" + hex(r, 4);
    } else {
        out += "\\U" + hex(r, 8);
    }
}

} // namespace

std::string promNumber(double value)
{
    if (auto name = nonFinite(value))
        return *name;
    return formatNumber(value);
}

std::string goFixed(double value)
{
    if (auto name = nonFinite(value))
        return *name;
    return formatNumber(value, std::chars_format::fixed, 6); // %f
}

std::string goFormat4g(double value)
{
    if (auto name = nonFinite(value))
        return *name;
    return formatNumber(value, std::chars_format::general, 4); // %.4g
}

std::string goExponent(double value)
{
    if (auto name = nonFinite(value))
        return *name;
    return formatScientific(value);
}

std::string goQuote(std::string_view text, std::size_t maxRunes)
{
    std::string out = "\"";
    std::size_t runes = 0;
    for (std::size_t pos = 0; pos < text.size() && runes < maxRunes; ++runes) {
        const Rune r = decodeRune(text, pos);
        if (r.value == kRuneError && r.width == 1)
            out += "\\x" + hex(static_cast<unsigned char>(text[pos]), 2);
        else
            appendEscapedRune(out, r.value, '"');
        pos += r.width;
    }
    return out + "\"";
}

std::string goQuoteToken(std::string_view text)
{
    return text.size() > 10 ? goQuote(text, 10) + "..." : goQuote(text);
}

std::string goQuoteRune(char32_t r)
{
    std::string out = "'";
    appendEscapedRune(out, r > 0x10FFFF ? kRuneError : r, '\'');
    return out + "'";
}

std::string goUnicode(char32_t r)
{
    std::string out = "U+" + hex(r, r > 0xFFFF ? (r > 0xFFFFF ? 6 : 5) : 4, true);
    if (isPrint(r)) {
        out += " '";
        appendUtf8(out, r);
        out += "'";
    }
    return out;
}

} // namespace rl
