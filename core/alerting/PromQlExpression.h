#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace rl {

class SeriesStore;

// A PromQL syntax or type error. what() reads like Prometheus's, e.g. "4:7: parse error: offset modifier must
// be preceded by an instant vector selector or range vector selector or a subquery"; line and column are
// 1-based within the expression text.
class PromQlError : public std::runtime_error {
public:
    PromQlError(std::size_t line, std::size_t column, const std::string &problem);

    std::size_t line() const { return m_line; }
    std::size_t column() const { return m_column; }
    const std::string &problem() const { return m_problem; }

private:
    std::size_t m_line;
    std::size_t m_column;
    std::string m_problem;
};

// A PromQL expression, parsed as Prometheus 2.42 parses one: what `promtool check rules` accepts and nothing else,
// with its type checks and, mostly, its error messages. Limits Prometheus does not have guard against stack
// exhaustion on untrusted input: 200 levels of nesting, a syntax tree 1000 high.
// Evaluated is the subset alert rules like ours use, with Prometheus's semantics, on a SeriesStore whose series are
// single (already summed, label-less):
//   number literals (also Inf, NaN); selectors `name`, `name{label="v"}`, `{__name__="name"}` (other matchers are
//   checked and otherwise ignored: series are looked up by name only), `name[5m]`, `offset 1h` on a selector;
//   rate, increase, avg_over_time, max_over_time, min_over_time of a range selector; sum, avg, max, min (with
//   by/without, which change nothing on a single series); unary - and +; binary * / + - == != > < >= <= (with
//   bool), and unless or (with on/ignoring/group_left/group_right, no-ops here); parentheses.
// The rest of PromQL (other functions and aggregations, % ^ atan2, subqueries, @, string literals, selectors
// without a metric name, a range vector as the result) parses, and unsupported() names it.
// Durations: ms s m h d w y, combined in that order (1h30m).
// Immutable after parsing; copies share the syntax tree.
class PromQlExpression {
public:
    // How far back an instant selector looks for the latest sample (Prometheus's default lookback delta).
    static constexpr double kLookbackDeltaSeconds = 300.0;

    // Throws PromQlError.
    explicit PromQlExpression(std::string_view text);

    // The value at atSeconds, or nullopt for an empty instant vector and for any expression unsupported() names.
    // Every range, offset and the lookback delta is divided by timeScale (> 0), so 60 makes `x[15m]` read the last
    // 15 s. A supported scalar expression always has a value.
    std::optional<double> evaluate(const SeriesStore &store, double atSeconds, double timeScale = 1.0) const;

    // The first construct of the expression the in-app evaluator cannot evaluate, in the order evaluation meets
    // them, as "function histogram_quantile", "aggregation topk", "operator %", "subquery", "@ modifier",
    // "string literal", "selector without a metric name", "range vector result" or "range vector in
    // parentheses"; nullopt when evaluate() can run it. When it has a value, evaluate() returns nullopt.
    std::optional<std::string> unsupported() const;

    // Canonical form, as Prometheus prints it: `sum(rate(x[30m] offset 1h)) / 2`; except that label matchers keep
    // their quotes, by/without/on/group_left their label lists as written, and unary + is left out.
    std::string toString() const;
    // The metric names it reads, in order of first appearance.
    std::vector<std::string> metrics() const;
    // How far before the evaluation time it reads (range or lookback plus offset), at time scale 1:
    // the retention a SeriesStore needs for it.
    double historySeconds() const;

    // A Prometheus duration ("90s", "1h30m", "0"), in seconds; nullopt if malformed.
    static std::optional<double> parseDuration(std::string_view text);
    // The inverse, in Prometheus's canonical form: 5400 -> "1h30m", 0 -> "0s".
    static std::string formatDuration(double seconds);

private:
    struct Node;
    class Parser;

    std::shared_ptr<const Node> m_root;
    std::optional<std::string> m_unsupported;
};

} // namespace rl
