#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/alerting/PromQlExpression.h"

namespace rl {

// One Prometheus alerting rule.
struct AlertRule {
    std::string name;     // alert:
    std::string exprText; // expr: as written
    PromQlExpression expr;
    double forSeconds = 0.0;                        // for: how long it must hold before it fires
    std::map<std::string, std::string> labels;      // severity, component, ...
    std::map<std::string, std::string> annotations; // summary, description, runbook_url, ...

    // The annotation with its template actions expanded for this value, as Prometheus renders them:
    //   {{ $value }}                          the value, readable: up to 4 significant digits
    //   {{ $value | humanizePercentage }}     value x 100 with "%", 4 significant digits: 0.4567 -> 45.67%
    //   {{ $value | humanize }}               SI prefixes, 4 significant digits: 1234567 -> 1.235M
    // (also the call forms `humanize $value`, `humanizePercentage $value`). Any other action is left as
    // written; AlertRuleFile leaves rules with one out, with a warning. An unknown annotation renders as "".
    std::string render(std::string_view annotation, double value) const;

    // The first template action in text that render() cannot expand, e.g. "{{ $labels.instance }}".
    static std::optional<std::string> unsupportedAction(std::string_view text);
};

} // namespace rl
