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

// A Prometheus rule file, read with yaml-cpp and validated as Prometheus's rulefmt (and so `promtool check
// rules`) validates it: anything promtool rejects throws AlertRuleError with the file and line. What
// promtool accepts but the in-app evaluator cannot run (recording rules, expressions outside the PromQL
// subset, template actions other than $value, fields such as `limit`) is not an error: the rule is left out
// of groups()[i].rules and a warning says so.
class AlertRuleFile {
public:
    struct Group {
        std::string name;
        std::optional<double> intervalSeconds; // interval:, when set (evaluation interval)
        long long limit = 0;                   // limit: on alerts per rule, as written (not applied in-app)
        std::vector<AlertRule> rules;          // the alerting rules the in-app evaluator runs, in file order
        std::size_t ruleCount = 0;             // every rule of the group in the file, as promtool counts them
    };

    // Throws AlertRuleError; sourceName is the file name its messages start with.
    static AlertRuleFile parse(std::string_view text, std::string_view sourceName);

    const std::vector<Group> &groups() const { return m_groups; }
    // Every group's evaluable rules, in file order.
    std::vector<AlertRule> rules() const;
    // Every rule in the file, evaluable or not (promtool's "SUCCESS: N rules found").
    std::size_t ruleCount() const;
    // What the in-app evaluator leaves out, one line each: "FILE:LINE: rule NAME: ... is not supported by the
    // in-app evaluator; the rule is skipped".
    const std::vector<std::string> &warnings() const { return m_warnings; }

private:
    std::vector<Group> m_groups;
    std::vector<std::string> m_warnings;
};

} // namespace rl
