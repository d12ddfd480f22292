#pragma once

// Go's spelling of numbers and strings. Prometheus is written in Go, and what we print where it prints (its
// messages, canonical PromQL, its API's values) must read the same.

#include <cstddef>
#include <string>
#include <string_view>

namespace rl {

// Each number format spells the values that are not finite as Go does: NaN, +Inf, -Inf.

// As Prometheus prints a number: the shortest round-trip form.
std::string promNumber(double value);
// Go's %f, which Prometheus uses for @ timestamps in messages.
std::string goFixed(double value);
// Go's %.4g, which Prometheus's humanize template functions use.
std::string goFormat4g(double value);
// Go's strconv.FormatFloat(v, 'e', -1, 64), which Prometheus uses for an alert's value: the shortest exponent
// form that reads back exactly, "6.17e+03".
std::string goExponent(double value);

// Go's %q of a string, or %.Nq: at most maxRunes of it.
std::string goQuote(std::string_view text, std::size_t maxRunes = std::string_view::npos);
// A token's text as Go's lexers (PromQL's, text/template's) print it in messages: %q, shortened to 10 runes
// and "..." past 10 bytes.
std::string goQuoteToken(std::string_view text);
// Go's %q of a rune; anything that is not one (such as a lexer's end of input) as U+FFFD.
std::string goQuoteRune(char32_t r);
// Go's %#U: "U+0041 'A'", without the character when it is not printable.
std::string goUnicode(char32_t r);

} // namespace rl
