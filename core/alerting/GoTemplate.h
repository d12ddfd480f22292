#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace rl {

// Why and where Go's text/template rejects a template.
struct GoTemplateError {
    std::size_t line; // 1-based, in the template's text
    std::string message;
};

// Parses text as `promtool check rules` (Prometheus 2.42, built with Go 1.19) parses the labels and annotations
// of an alerting rule: Go's text/template syntax; the functions of Prometheus's template expander and Go's
// builtins; $labels, $externalLabels, $externalURL and $value declared beforehand. name is the template's name,
// "__alert_" + the alert's name (a {{define}} of it is an error). Nothing is executed, as in promtool.
// Written by hand, after Go's text/template/parse, because no C++ library reads Go templates, and a rule file
// rlstudio accepts must be one promtool accepts.
std::optional<GoTemplateError> checkGoTemplate(std::string_view text, std::string_view name);

} // namespace rl
