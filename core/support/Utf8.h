#pragma once

// Private to core/*.cpp: UTF-8 as Go reads and writes it, for the parsers whose messages and verdicts must be
// those of Prometheus's Go code.

#include <cstddef>
#include <string>
#include <string_view>

namespace rl {

// What Go decodes an invalid byte to (utf8.RuneError).
inline constexpr char32_t kRuneError = 0xFFFD;

struct Rune {
    char32_t value;
    std::size_t width; // in bytes; 0 at the end of the text, where value is kRuneError
};

// Go's utf8.DecodeRuneInString of text from pos. Anything but well-formed UTF-8 (a stray continuation byte, an
// overlong form, a surrogate, a code point past U+10FFFF, a sequence cut short) decodes as kRuneError of width 1,
// so an invalid byte is told from an encoded U+FFFD (width 3) by its width.
Rune decodeRune(std::string_view text, std::size_t pos);

// Appends c, a code point up to U+10FFFF, as UTF-8.
void appendUtf8(std::string &out, char32_t c);

} // namespace rl
