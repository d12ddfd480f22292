#pragma once

// Private to core/alerting: the check Prometheus makes of a label matcher's regular expression, which is Go's
// regexp/syntax. Written by hand because promtool's verdicts and messages are Go's, word for word, and no C++
// library gives them (RE2, the nearest, words its errors differently).

#include <optional>
#include <string>
#include <string_view>

namespace rl::promql {

// Go's regexp/syntax.Parse with the Perl flags, as labels.NewMatcher compiles a matcher's regular expression:
// its error message ("error parsing regexp: missing closing ): `(a`"), or nullopt with matchesEmpty set to
// whether the expression matches the empty string. The size and nesting limits Go adds for huge expressions
// are not checked.
std::optional<std::string> checkGoRegex(std::string_view re, bool &matchesEmpty);

} // namespace rl::promql
