#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/alerting/AlertRule.h"

namespace rl {

// A rule file that cannot be used. what() names the file, the line, the rule and the problem, e.g.
// `rl_feedback_alerts.yml:62: rule RLFeedbackProcessingRateDropped: expr: 4:7: parse error: offset modifier
// must be preceded by an instant vector selector or range vector selector or a subquery`.
class AlertRuleError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A Prometheus rule file (groups: - name, interval, rules: - alert, expr, for, labels, annotations).
// Read with a YAML subset that covers real rule files: block mappings and sequences, plain, quoted and
// block (| >) scalars, comments, empty {} and []. Anchors, aliases, tags and other flow collections are
// rejected with a message, as are recording rules and fields Prometheus has that we do not evaluate.
class AlertRuleFile {
public:
    struct Group {
        std::string name;
        std::optional<double> intervalSeconds; // interval:, when set (evaluation interval)
        std::vector<AlertRule> rules;
    };

    // Throws AlertRuleError; sourceName is the file name its messages start with.
    static AlertRuleFile parse(std::string_view text, std::string_view sourceName);

    const std::vector<Group> &groups() const { return m_groups; }
    // Every group's rules, in file order.
    std::vector<AlertRule> rules() const;

private:
    std::vector<Group> m_groups;
};

} // namespace rl
