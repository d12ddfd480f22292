#include "core/alerting/PromQlExpression.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <span>

#include "core/alerting/GoFormat.h"
#include "core/alerting/GoRegexSyntax.h"
#include "core/alerting/PromQlFunctions.h"
#include "core/alerting/PromQlLexer.h"
#include "core/alerting/SeriesStore.h"
#include "core/support/NumberFormat.h"

namespace rl {

using namespace promql; // the parser's vocabulary: tokens, types, functions

namespace {

// The grammar's metric_identifier: a keyword names a metric where no keyword fits (`sum`, `offset`, `and`).
bool namesMetric(Tok tok)
{
    switch (tok) {
    case Tok::Identifier:
    case Tok::MetricIdentifier:
    case Tok::By:
    case Tok::Without:
    case Tok::Offset:
    case Tok::Land:
    case Tok::Lor:
    case Tok::Lunless:
    case Tok::Start:
    case Tok::End:
    case Tok::Aggregator:
        return true;
    default:
        return false;
    }
}

// The grammar's maybe_label: any word but `without` may name a label in by (...), on (...) and group_left (...).
bool namesLabel(Tok tok)
{
    return tok != Tok::Without && (namesMetric(tok) || isKeywordToken(tok) || tok == Tok::Atan2);
}

// The grammar's FIRST(expr): after group_left or a comma, anything else is an error.
bool startsExpression(Tok tok)
{
    switch (tok) {
    case Tok::Number:
    case Tok::String:
    case Tok::LeftParen:
    case Tok::LeftBrace:
    case Tok::Add:
    case Tok::Sub:
        return true;
    default:
        return namesMetric(tok);
    }
}

enum class Op { Or, And, Unless, Eq, Ne, Gt, Lt, Ge, Le, Add, Sub, Mul, Div, Mod, Pow, Atan2 };

struct OpInfo {
    Op op;
    Tok tok;
    std::string_view text;
    int precedence; // Prometheus's: or < and unless < comparisons < + - < * / % atan2 < ^ (and unary - +)
};

constexpr int kPowPrecedence = 6;

constexpr std::array kOps{
    OpInfo{Op::Or, Tok::Lor, "or", 1},
    OpInfo{Op::And, Tok::Land, "and", 2},
    OpInfo{Op::Unless, Tok::Lunless, "unless", 2},
    OpInfo{Op::Eq, Tok::Eqlc, "==", 3},
    OpInfo{Op::Ne, Tok::Neq, "!=", 3},
    OpInfo{Op::Gt, Tok::Gtr, ">", 3},
    OpInfo{Op::Lt, Tok::Lss, "<", 3},
    OpInfo{Op::Ge, Tok::Gte, ">=", 3},
    OpInfo{Op::Le, Tok::Lte, "<=", 3},
    OpInfo{Op::Add, Tok::Add, "+", 4},
    OpInfo{Op::Sub, Tok::Sub, "-", 4},
    OpInfo{Op::Mul, Tok::Mul, "*", 5},
    OpInfo{Op::Div, Tok::Div, "/", 5},
    OpInfo{Op::Mod, Tok::Mod, "%", 5},
    OpInfo{Op::Atan2, Tok::Atan2, "atan2", 5},
    OpInfo{Op::Pow, Tok::Pow, "^", kPowPrecedence},
};

const OpInfo &info(Op op)
{
    return *std::find_if(kOps.begin(), kOps.end(), [op](const OpInfo &i) { return i.op == op; });
}

const OpInfo *binaryOperator(Tok tok)
{
    const auto *found = std::find_if(kOps.begin(), kOps.end(), [tok](const OpInfo &i) { return i.tok == tok; });
    return found == kOps.end() ? nullptr : found;
}

bool isComparison(Op op)
{
    return info(op).precedence == 3;
}

bool isSetOperator(Op op)
{
    return op == Op::And || op == Op::Or || op == Op::Unless;
}

// What evaluate() runs.
constexpr std::array<std::string_view, 5> kEvaluatedFunctions{"rate", "increase", "avg_over_time", "max_over_time",
                                                              "min_over_time"};
constexpr std::array<std::string_view, 4> kEvaluatedAggregations{"sum", "avg", "max", "min"};

template<std::size_t N>
bool contains(const std::array<std::string_view, N> &words, std::string_view word)
{
    return std::find(words.begin(), words.end(), word) != words.end();
}

// Prometheus keeps durations in int64 nanoseconds (about 292 years).
constexpr double kMaxDurationSeconds = 9223372036.854775;

struct DurationUnit {
    std::string_view name;
    double seconds;
    std::int64_t milliseconds;
};

// In the only order Prometheus accepts them, largest first.
constexpr std::array kDurationUnits{
    DurationUnit{"y", 365 * 86400.0, 365 * 86400000LL},
    DurationUnit{"w", 7 * 86400.0, 7 * 86400000LL},
    DurationUnit{"d", 86400.0, 86400000LL},
    DurationUnit{"h", 3600.0, 3600000LL},
    DurationUnit{"m", 60.0, 60000LL},
    DurationUnit{"s", 1.0, 1000LL},
    DurationUnit{"ms", 0.001, 1LL},
};

// The digits before each unit of a duration as model.ParseDuration's regular expression splits it, empty for a
// unit left out; nullopt if it does not match.
std::optional<std::array<std::string_view, kDurationUnits.size()>> splitDuration(std::string_view text)
{
    std::array<std::string_view, kDurationUnits.size()> digits{};
    std::size_t nextUnit = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t start = pos;
        while (pos < text.size() && isDigit(static_cast<unsigned char>(text[pos])))
            ++pos;
        if (pos == start)
            return std::nullopt;
        std::size_t unit = nextUnit;
        while (unit < kDurationUnits.size()) {
            const std::string_view name = kDurationUnits[unit].name;
            // "m" must not swallow the "m" of "ms".
            const bool isMs = text.substr(pos).starts_with("ms");
            if (text.substr(pos).starts_with(name) && (name != "m" || !isMs))
                break;
            ++unit;
        }
        if (unit == kDurationUnits.size())
            return std::nullopt;
        digits[unit] = text.substr(start, pos - start);
        pos += kDurationUnits[unit].name.size();
        nextUnit = unit + 1;
    }
    if (pos == 0)
        return std::nullopt;
    return digits;
}

// promql/functions.go extrapolatedRate for float counters: the increase between the first and last sample
// of the window (a drop is a counter reset, after which the counter restarted from zero), extrapolated to
// the window's ends when the samples reach to within 1.1 average intervals of them, else by half an
// interval, and never back past the point where the counter would have been zero.
std::optional<double> extrapolatedRate(std::span<const SeriesStore::Sample> samples, double rangeStart, double rangeEnd,
                                       bool isRate)
{
    if (samples.size() < 2)
        return std::nullopt;
    const auto &first = samples.front();
    const auto &last = samples.back();
    double result = last.value - first.value;
    for (std::size_t i = 1; i < samples.size(); ++i) {
        if (samples[i].value < samples[i - 1].value)
            result += samples[i - 1].value;
    }

    const double sampledInterval = last.tSeconds - first.tSeconds;
    const double averageInterval = sampledInterval / static_cast<double>(samples.size() - 1);
    const double threshold = averageInterval * 1.1;
    double toStart = first.tSeconds - rangeStart;
    double toEnd = rangeEnd - last.tSeconds;
    if (toStart >= threshold)
        toStart = averageInterval / 2;
    if (result > 0 && first.value >= 0)
        toStart = std::min(toStart, sampledInterval * (first.value / result));
    if (toEnd >= threshold)
        toEnd = averageInterval / 2;

    double factor = (sampledInterval + toStart + toEnd) / sampledInterval;
    if (isRate)
        factor /= rangeEnd - rangeStart;
    return result * factor;
}

// on (...) or ignoring (...), and group_left or group_right (...), of a binary operator.
struct VectorMatching {
    bool on = false;      // rather than ignoring
    bool grouped = false; // group_left or group_right
    std::vector<std::string> labels;
    std::vector<std::string> included; // by group_left or group_right
};

struct Context {
    const SeriesStore &store;
    double at;
    double timeScale;
};

} // namespace

PromQlError::PromQlError(std::size_t line, std::size_t column, const std::string &problem)
    : std::runtime_error(std::to_string(line) + ":" + std::to_string(column) + ": parse error: " + problem)
    , m_line(line)
    , m_column(column)
    , m_problem(problem)
{
}

struct PromQlExpression::Node {
    enum class Kind { Number, String, Selector, Call, Aggregate, Unary, Paren, Binary, Subquery };
    enum class At { None, Timestamp, Start, End };

    Kind kind;
    Type type;
    std::size_t pos = 0; // where it starts in the text, for error positions
    std::size_t end = 0; // just past its last token
    int height = 1;      // of the tree below, bounded so evaluation cannot exhaust the stack
    double number = 0.0;
    std::string name;     // Selector: metric; Call: function; Aggregate: operator; String: the value
    std::string modifier; // as printed, normalised: a selector's name{matchers}, by (...), on (...) group_left
    std::optional<double> rangeSeconds;  // Selector (makes it a range vector), Subquery
    std::optional<double> offsetSeconds; // Selector, Subquery
    double stepSeconds = 0.0;            // Subquery; 0 for the default
    At at = At::None;                    // Selector, Subquery
    double atSeconds = 0.0;              // with At::Timestamp
    std::string matcherError;            // Selector: what Prometheus's type check finds wrong with its matchers
    Op op = Op::Add;                     // Binary; Unary: Add or Sub
    bool returnBool = false;             // Binary
    VectorMatching matching;             // Binary
    std::vector<std::unique_ptr<Node>> args;

    std::optional<double> evaluate(const Context &ctx) const;
    std::optional<double> evaluateBinary(const Context &ctx) const;
    std::optional<double> evaluateCall(const Context &ctx) const;
    std::optional<std::string> unsupported(bool rangeAllowed) const;
    void print(std::string &out) const;
    void printModifiers(std::string &out) const;
    void collectMetrics(std::vector<std::string> &names) const;
    double history() const;
};

std::optional<double> PromQlExpression::Node::evaluate(const Context &ctx) const
{
    switch (kind) {
    case Kind::Number:
        return number;
    case Kind::Selector: {
        // The latest sample within the lookback window before the (offset) evaluation time.
        const double end = ctx.at - offsetSeconds.value_or(0.0) / ctx.timeScale;
        const auto samples = ctx.store.samples(name, end - kLookbackDeltaSeconds / ctx.timeScale, end);
        if (samples.empty())
            return std::nullopt;
        return samples.back().value;
    }
    case Kind::Call:
        return evaluateCall(ctx);
    case Kind::Aggregate:
        // Our series are single, so every supported aggregation of one element is that element.
        return args[0]->evaluate(ctx);
    case Kind::Unary: {
        const auto value = args[0]->evaluate(ctx);
        return value && op == Op::Sub ? std::optional(-*value) : value;
    }
    case Kind::Paren:
        return args[0]->evaluate(ctx);
    case Kind::Binary:
        return evaluateBinary(ctx);
    case Kind::String:
    case Kind::Subquery:
        break;
    }
    return std::nullopt;
}

std::optional<double> PromQlExpression::Node::evaluateCall(const Context &ctx) const
{
    const Node &selector = *args[0];
    const double end = ctx.at - selector.offsetSeconds.value_or(0.0) / ctx.timeScale;
    const double start = end - *selector.rangeSeconds / ctx.timeScale;
    const auto samples = ctx.store.samples(selector.name, start, end);
    if (name == "rate" || name == "increase")
        return extrapolatedRate(samples, start, end, name == "rate");
    if (samples.empty())
        return std::nullopt;
    if (name == "avg_over_time") {
        // Kahan summation, as Prometheus does, so long windows do not lose precision.
        double sum = 0.0;
        double compensation = 0.0;
        for (const auto &sample : samples) {
            const double y = sample.value - compensation;
            const double t = sum + y;
            compensation = (t - sum) - y;
            sum = t;
        }
        return sum / static_cast<double>(samples.size());
    }
    // max_over_time / min_over_time; a NaN is replaced by any later number, as in Prometheus.
    const bool wantMax = name == "max_over_time";
    double best = samples.front().value;
    for (const auto &sample : samples) {
        if (std::isnan(best) || (wantMax ? sample.value > best : sample.value < best))
            best = sample.value;
    }
    return best;
}

std::optional<double> PromQlExpression::Node::evaluateBinary(const Context &ctx) const
{
    const auto lhs = args[0]->evaluate(ctx);
    const auto rhs = args[1]->evaluate(ctx);
    // Set operators on single series: whether each side has an element is all that matters.
    switch (op) {
    case Op::And:
        return rhs ? lhs : std::nullopt;
    case Op::Or:
        return lhs ? lhs : rhs;
    case Op::Unless:
        return rhs ? std::nullopt : lhs;
    default:
        break;
    }
    if (!lhs || !rhs)
        return std::nullopt;
    const double l = *lhs;
    const double r = *rhs;
    bool holds = false;
    switch (op) {
    case Op::Add:
        return l + r;
    case Op::Sub:
        return l - r;
    case Op::Mul:
        return l * r;
    case Op::Div:
        return l / r;
    case Op::Eq:
        holds = l == r;
        break;
    case Op::Ne:
        holds = l != r;
        break;
    case Op::Gt:
        holds = l > r;
        break;
    case Op::Lt:
        holds = l < r;
        break;
    case Op::Ge:
        holds = l >= r;
        break;
    case Op::Le:
        holds = l <= r;
        break;
    default:
        break;
    }
    if (returnBool)
        return holds ? 1.0 : 0.0;
    // A comparison filters: the element is dropped when false and otherwise keeps the vector side's value,
    // even when the scalar is on the left.
    if (!holds)
        return std::nullopt;
    return args[0]->type == Type::Vector ? l : r;
}

// Walks in evaluation order; rangeAllowed: this is the argument of an evaluated function.
std::optional<std::string> PromQlExpression::Node::unsupported(bool rangeAllowed) const
{
    switch (kind) {
    case Kind::String:
        return "string literal";
    case Kind::Subquery:
        return "subquery";
    case Kind::Call:
        if (!contains(kEvaluatedFunctions, name))
            return "function " + name;
        break;
    case Kind::Aggregate:
        if (!contains(kEvaluatedAggregations, name))
            return "aggregation " + name;
        break;
    case Kind::Binary:
        if (op == Op::Mod || op == Op::Pow || op == Op::Atan2)
            return "operator " + std::string(info(op).text);
        break;
    case Kind::Paren:
        if (type == Type::Range)
            return "range vector in parentheses";
        break;
    case Kind::Selector:
        if (at != At::None)
            return "@ modifier";
        if (name.empty())
            return "selector without a metric name";
        if (rangeSeconds && !rangeAllowed)
            return "range vector result";
        break;
    case Kind::Number:
    case Kind::Unary:
        break;
    }
    for (const auto &arg : args) {
        if (auto found = arg->unsupported(kind == Kind::Call))
            return found;
    }
    return std::nullopt;
}

void PromQlExpression::Node::printModifiers(std::string &out) const
{
    if (at == At::Timestamp) {
        // Prometheus keeps it in integer milliseconds (Go's conversion saturates to the minimum).
        const double ms = std::round(atSeconds * 1000.0);
        const double kept = std::abs(ms) < 9.2e18 ? ms : static_cast<double>(std::numeric_limits<std::int64_t>::min());
        out += " @ " + formatNumber(kept / 1000.0, std::chars_format::fixed, 3);
    } else if (at != At::None) {
        out += at == At::Start ? " @ start()" : " @ end()";
    }
    if (offsetSeconds)
        out += " offset " + formatDuration(*offsetSeconds);
}

void PromQlExpression::Node::print(std::string &out) const
{
    const auto printArgs = [&] {
        out += "(";
        for (std::size_t i = 0; i < args.size(); ++i) {
            out += i > 0 ? ", " : "";
            args[i]->print(out);
        }
        out += ")";
    };
    switch (kind) {
    case Kind::Number:
        out += promNumber(number);
        break;
    case Kind::String:
        out += goQuote(name);
        break;
    case Kind::Selector:
        out += modifier;
        if (rangeSeconds)
            out += "[" + formatDuration(*rangeSeconds) + "]";
        printModifiers(out);
        break;
    case Kind::Subquery:
        args[0]->print(out);
        out += "[" + formatDuration(*rangeSeconds) + ":" + (stepSeconds > 0 ? formatDuration(stepSeconds) : "") + "]";
        printModifiers(out);
        break;
    case Kind::Call:
    case Kind::Aggregate:
        out += name;
        if (!modifier.empty())
            out += " " + modifier + " ";
        printArgs();
        break;
    case Kind::Unary:
        out += op == Op::Sub ? "-" : "";
        args[0]->print(out);
        break;
    case Kind::Paren:
        out += "(";
        args[0]->print(out);
        out += ")";
        break;
    case Kind::Binary:
        args[0]->print(out);
        out += " ";
        out += info(op).text;
        if (returnBool)
            out += " bool";
        if (!modifier.empty())
            out += " " + modifier;
        out += " ";
        args[1]->print(out);
        break;
    }
}

void PromQlExpression::Node::collectMetrics(std::vector<std::string> &names) const
{
    if (kind == Kind::Selector && !name.empty() && std::find(names.begin(), names.end(), name) == names.end())
        names.push_back(name);
    for (const auto &arg : args)
        arg->collectMetrics(names);
}

double PromQlExpression::Node::history() const
{
    double furthest = 0.0;
    if (kind == Kind::Selector)
        furthest = rangeSeconds.value_or(kLookbackDeltaSeconds) + offsetSeconds.value_or(0.0);
    const double below = kind == Kind::Subquery ? *rangeSeconds + offsetSeconds.value_or(0.0) : 0.0;
    for (const auto &arg : args)
        furthest = std::max(furthest, below + arg->history());
    return furthest;
}

// Recursive descent over the lexer's tokens, following Prometheus 2.42's yacc grammar (generated_parser.y): the
// same precedence, the keywords that double as metric and label names, and the first error it reports. Like
// Prometheus it reports the first error only, so it stops there: syntax and the checks its grammar actions make
// while parsing, then, on the finished tree, its type checks (checkAST).
class PromQlExpression::Parser {
public:
    explicit Parser(std::string_view text)
        : m_text(text)
        , m_tokens(lex(text))
    {
    }

    std::unique_ptr<Node> parse()
    {
        if (peek().tok == Tok::Eof)
            fail(0, "no expression found in input");
        auto root = parseExpr(0);
        if (peek().tok != Tok::Eof)
            unexpected();
        check(*root);
        return root;
    }

private:
    static constexpr int kMaxDepth = 200;   // nesting the parser recurses through
    static constexpr int kMaxHeight = 1000; // of the tree, e.g. a long chain of a + b + ...
    static constexpr std::string_view kModifierTarget =
        "must be preceded by an instant vector selector or range vector selector or a subquery";

    [[noreturn]] void fail(std::size_t pos, const std::string &problem) const
    {
        std::size_t line = 1;
        std::size_t lineStart = 0;
        for (std::size_t i = 0; i < pos && i < m_text.size(); ++i) {
            if (m_text[i] == '\n') {
                ++line;
                lineStart = i + 1;
            }
        }
        throw PromQlError(line, pos - lineStart + 1, problem);
    }

    // The token `ahead` after the next; reaching where the lexer stopped at an error is that error.
    const Token &peek(std::size_t ahead = 0) const
    {
        const Token &token = m_tokens[std::min(m_next + ahead, m_tokens.size() - 1)];
        if (!token.lexError.empty())
            fail(token.pos, token.lexError);
        return token;
    }

    const Token &consume()
    {
        const Token &token = peek();
        m_next = std::min(m_next + 1, m_tokens.size() - 1);
        m_lastEnd = token.pos + token.text.size();
        return token;
    }

    // What the next token is, as Prometheus names it in "unexpected ..." messages.
    std::string describe(const Token &token) const
    {
        switch (token.tok) {
        case Tok::Eof:
            return "end of input";
        case Tok::Identifier:
            return "identifier " + goQuote(token.text);
        case Tok::MetricIdentifier:
            return "metric identifier " + goQuote(token.text);
        case Tok::Number:
            return "number " + goQuoteToken(token.text);
        case Tok::String:
            return "string " + goQuoteToken(token.text);
        case Tok::Duration:
            return "duration " + goQuoteToken(token.text);
        default:
            break;
        }
        if (token.tok == Tok::At)
            return "\"<Item 57385>\" <op:@>"; // 2.42 lacks a name for it
        if (isKeywordToken(token.tok))
            return "<" + std::string(token.text) + ">";
        if (isOperatorToken(token.tok))
            return "<op:" + std::string(token.text) + ">";
        if (token.tok == Tok::Aggregator)
            return "<aggr:" + std::string(token.text) + ">";
        return goQuoteToken(token.text);
    }

    // A syntax error at the next token. Without a context, the innermost enclosing construct whose grammar rule
    // has an error alternative names it: an aggregation, or none.
    [[noreturn]] void unexpected(const char *context = nullptr, const char *expected = nullptr) const
    {
        const Token &token = peek();
        std::string problem = "unexpected " + describe(token);
        if (context == nullptr && m_aggregations > 0)
            context = "aggregation";
        if (context != nullptr)
            problem += std::string(" in ") + context;
        if (expected != nullptr)
            problem += std::string(", expected ") + expected;
        fail(token.pos, problem);
    }

    std::unique_ptr<Node> make(Node::Kind kind, Type type, std::size_t pos,
                               std::vector<std::unique_ptr<Node>> args = {})
    {
        auto node = std::make_unique<Node>();
        node->kind = kind;
        node->type = type;
        node->pos = pos;
        node->end = m_lastEnd;
        for (const auto &arg : args)
            node->height = std::max(node->height, arg->height + 1);
        if (node->height > kMaxHeight)
            fail(pos, "expression is too deeply nested");
        node->args = std::move(args);
        return node;
    }

    std::unique_ptr<Node> wrap(Node::Kind kind, Type type, std::unique_ptr<Node> inner, std::size_t pos)
    {
        std::vector<std::unique_ptr<Node>> args;
        args.push_back(std::move(inner));
        return make(kind, type, pos, std::move(args));
    }

    // Every level of nesting recurses through here: parentheses, arguments, unary operators, the right side of ^.
    std::unique_ptr<Node> parseExpr(int minPrecedence)
    {
        if (++m_depth > kMaxDepth)
            fail(m_tokens[m_next].pos, "expression is too deeply nested");
        auto lhs = parseUnary();
        for (const OpInfo *op = binaryOperator(peek().tok); op != nullptr && op->precedence >= minPrecedence;
             op = binaryOperator(peek().tok)) {
            consume();
            const bool returnBool = peek().tok == Tok::Bool;
            if (returnBool)
                consume();
            std::string written;
            VectorMatching matching = parseVectorMatching(written);
            // ^ is right-associative, the others left-associative.
            auto rhs = parseExpr(op->precedence == kPowPrecedence ? op->precedence : op->precedence + 1);
            const Type type = lhs->type == Type::Scalar && rhs->type == Type::Scalar ? Type::Scalar : Type::Vector;
            const std::size_t pos = lhs->pos;
            std::vector<std::unique_ptr<Node>> args;
            args.push_back(std::move(lhs));
            args.push_back(std::move(rhs));
            lhs = make(Node::Kind::Binary, type, pos, std::move(args));
            lhs->op = op->op;
            lhs->returnBool = returnBool;
            lhs->matching = std::move(matching);
            lhs->modifier = std::move(written);
        }
        --m_depth;
        return lhs;
    }

    // on (...) or ignoring (...), then group_left or group_right with an optional label list; written: as
    // toString() prints them.
    VectorMatching parseVectorMatching(std::string &written)
    {
        VectorMatching matching;
        const Tok tok = peek().tok;
        if (tok != Tok::On && tok != Tok::Ignoring)
            return matching;
        consume();
        matching.on = tok == Tok::On;
        matching.labels = parseLabelList();
        written = (matching.on ? "on " : "ignoring ") + formatLabels(matching.labels);
        const Tok group = peek().tok;
        if (group != Tok::GroupLeft && group != Tok::GroupRight)
            return matching;
        consume();
        matching.grouped = true;
        written += group == Tok::GroupLeft ? " group_left" : " group_right";
        if (peek().tok == Tok::LeftParen) {
            matching.included = parseLabelList();
            written += " " + formatLabels(matching.included);
        } else if (!startsExpression(peek().tok)) {
            unexpected("grouping opts", "\"(\"");
        }
        return matching;
    }

    static std::string formatLabels(const std::vector<std::string> &labels)
    {
        std::string out = "(";
        for (std::size_t i = 0; i < labels.size(); ++i)
            out += (i > 0 ? ", " : "") + labels[i];
        return out + ")";
    }

    // (label, ...) after by, without, on, ignoring and group_left/right; a trailing comma is allowed.
    std::vector<std::string> parseLabelList()
    {
        if (peek().tok != Tok::LeftParen)
            unexpected("grouping opts", "\"(\"");
        consume();
        std::vector<std::string> labels;
        if (peek().tok == Tok::RightParen) {
            consume();
            return labels;
        }
        for (;;) {
            const Token &label = peek();
            if (!namesLabel(label.tok) || label.tok == Tok::MetricIdentifier)
                unexpected("grouping opts", "label");
            labels.emplace_back(consume().text);
            if (peek().tok == Tok::Comma) {
                consume();
                if (peek().tok == Tok::RightParen) {
                    consume();
                    return labels;
                }
            } else if (peek().tok == Tok::RightParen) {
                consume();
                return labels;
            } else {
                unexpected("grouping opts", "\",\" or \")\"");
            }
        }
    }

    std::unique_ptr<Node> parseUnary()
    {
        const Token &sign = peek();
        if (sign.tok != Tok::Add && sign.tok != Tok::Sub)
            return parsePostfix(parsePrimary());
        const std::size_t pos = sign.pos;
        const Op op = sign.tok == Tok::Sub ? Op::Sub : Op::Add;
        consume();
        // As binding as *, so only ^ binds tighter: -2 ^ 2 is -(2 ^ 2).
        auto operand = parseExpr(kPowPrecedence);
        if (operand->kind == Node::Kind::Number) {
            // Prometheus folds the sign into the literal.
            operand->number = op == Op::Sub ? -operand->number : operand->number;
            operand->pos = pos;
            return operand;
        }
        const Type type = operand->type;
        auto node = wrap(Node::Kind::Unary, type, std::move(operand), pos);
        node->op = op;
        return node;
    }

    // Ranges, subqueries, offset and @ bind tighter than any operator, to whatever stands before them.
    std::unique_ptr<Node> parsePostfix(std::unique_ptr<Node> node)
    {
        for (;;) {
            const Tok tok = peek().tok;
            if (tok == Tok::LeftBracket)
                node = parseRange(std::move(node));
            else if (tok == Tok::Offset)
                parseOffset(*node);
            else if (tok == Tok::At)
                parseAt(*node);
            else
                return node;
        }
    }

    std::unique_ptr<Node> parseRange(std::unique_ptr<Node> node)
    {
        const std::size_t bracket = consume().pos;
        if (peek().tok != Tok::Duration)
            unexpected("subquery selector", "duration");
        const double range = durationSeconds(consume());
        if (peek().tok == Tok::RightBracket) {
            consume();
            if (node->kind != Node::Kind::Selector || node->rangeSeconds)
                fail(bracket, "ranges only allowed for vector selectors");
            if (node->offsetSeconds)
                fail(bracket, "no offset modifiers allowed before range");
            if (node->at != Node::At::None)
                fail(bracket, "no @ modifiers allowed before range");
            node->rangeSeconds = range;
            node->type = Type::Range;
            node->end = m_lastEnd;
            return node;
        }
        if (peek().tok != Tok::Colon)
            unexpected("subquery or range", "\":\" or \"]\"");
        consume();
        double step = 0.0;
        if (peek().tok == Tok::Duration) {
            step = durationSeconds(consume());
            if (peek().tok != Tok::RightBracket)
                unexpected("subquery selector", "\"]\"");
        } else if (peek().tok != Tok::RightBracket) {
            unexpected("subquery selector", "duration or \"]\"");
        }
        consume();
        const std::size_t pos = node->pos;
        auto subquery = wrap(Node::Kind::Subquery, Type::Range, std::move(node), pos);
        subquery->rangeSeconds = range;
        subquery->stepSeconds = step;
        return subquery;
    }

    void parseOffset(Node &node)
    {
        consume();
        const bool negative = peek().tok == Tok::Sub;
        if (negative)
            consume();
        if (peek().tok != Tok::Duration)
            unexpected("offset", "duration");
        const double offset = durationSeconds(consume());
        if (node.kind != Node::Kind::Selector && node.kind != Node::Kind::Subquery)
            fail(node.pos, "offset modifier " + std::string(kModifierTarget));
        if (node.offsetSeconds)
            fail(node.pos, "offset may not be set multiple times");
        node.offsetSeconds = negative ? -offset : offset;
        node.end = m_lastEnd;
    }

    void parseAt(Node &node)
    {
        consume();
        const Tok tok = peek().tok;
        Node::At at = Node::At::Timestamp;
        double timestamp = 0.0;
        if (tok == Tok::Start || tok == Tok::End) {
            consume();
            for (const Tok parenthesis : {Tok::LeftParen, Tok::RightParen}) {
                if (peek().tok != parenthesis)
                    unexpected("@", "timestamp");
                consume();
            }
            at = tok == Tok::Start ? Node::At::Start : Node::At::End;
        } else {
            const bool negative = tok == Tok::Sub;
            if (tok == Tok::Add || tok == Tok::Sub)
                consume();
            if (peek().tok != Tok::Number)
                unexpected("@", "timestamp");
            timestamp = numberValue(consume());
            timestamp = negative ? -timestamp : timestamp;
            // Prometheus keeps it in int64 milliseconds; its bound is in seconds all the same.
            constexpr double kBound = 9223372036854775808.0;
            if (!(timestamp < kBound && timestamp > -kBound))
                fail(node.pos, "timestamp out of bounds for @ modifier: " + goFixed(timestamp));
        }
        if (node.kind != Node::Kind::Selector && node.kind != Node::Kind::Subquery)
            fail(node.pos, "@ modifier " + std::string(kModifierTarget));
        if (node.at != Node::At::None)
            fail(node.pos, "@ <timestamp> may not be set multiple times");
        node.at = at;
        node.atSeconds = timestamp;
        node.end = m_lastEnd;
    }

    std::unique_ptr<Node> parsePrimary()
    {
        const Token &token = peek();
        const std::size_t pos = token.pos;
        switch (token.tok) {
        case Tok::Number: {
            const double value = numberValue(consume());
            auto node = make(Node::Kind::Number, Type::Scalar, pos);
            node->number = value;
            return node;
        }
        case Tok::String: {
            std::string value = unquote(consume().text);
            auto node = make(Node::Kind::String, Type::String, pos);
            node->name = std::move(value);
            return node;
        }
        case Tok::LeftParen: {
            consume();
            auto inner = parseExpr(0);
            if (peek().tok != Tok::RightParen)
                unexpected();
            consume();
            const Type type = inner->type;
            return wrap(Node::Kind::Paren, type, std::move(inner), pos);
        }
        case Tok::LeftBrace:
            return parseSelector(nullptr);
        case Tok::Identifier:
            if (peek(1).tok == Tok::LeftParen)
                return parseCall();
            return parseSelector(&token);
        default:
            break;
        }
        if (token.tok == Tok::Aggregator) {
            const Tok following = peek(1).tok;
            if (following == Tok::LeftParen || following == Tok::By || following == Tok::Without)
                return parseAggregation();
        }
        if (namesMetric(token.tok))
            return parseSelector(&token);
        unexpected();
    }

    // Go's strconv.ParseInt(text, 0, 64), then strconv.ParseFloat, as Prometheus reads a number.
    double numberValue(const Token &token) const
    {
        const std::string_view text = token.text;
        const std::string lower = lowered(text);
        if (lower == "inf")
            return std::numeric_limits<double>::infinity();
        if (lower == "nan")
            return std::numeric_limits<double>::quiet_NaN();
        const auto integer = [&](std::size_t skip, int base) -> std::optional<double> {
            std::int64_t value = 0;
            const char *first = text.data() + skip;
            const char *last = text.data() + text.size();
            const auto [ptr, error] = std::from_chars(first, last, value, base);
            if (first == last || error != std::errc() || ptr != last)
                return std::nullopt;
            return static_cast<double>(value);
        };
        const std::string syntaxError = "error parsing number: strconv.ParseFloat: parsing " + goQuote(text);
        if (lower.starts_with("0x")) {
            if (const auto value = integer(2, 16))
                return *value;
            fail(token.pos, syntaxError + ": invalid syntax"); // Go's ParseFloat wants a p exponent in hex
        }
        if (lower.starts_with('0') && lower.size() > 1) {
            if (const auto value = integer(1, 8))
                return *value;
        }
        double value = 0.0;
        const auto [ptr, error] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (ptr != text.data() + text.size() || (error != std::errc() && error != std::errc::result_out_of_range))
            fail(token.pos, syntaxError + ": invalid syntax");
        // Go rounds a value too small to 0 but rejects one too big.
        if (error == std::errc::result_out_of_range && decimalMagnitude(lower) > 0)
            fail(token.pos, syntaxError + ": value out of range");
        return error == std::errc() ? value : 0.0;
    }

    // Where the first significant digit of a nonzero decimal literal stands: 1 for 1.5, 0 for 0.15, 3 for 1e2.
    static long decimalMagnitude(std::string_view literal)
    {
        const std::size_t e = std::min(literal.find('e'), literal.size());
        const std::size_t point = std::min(literal.find('.'), e);
        const std::size_t first = std::min(literal.find_first_of("123456789"), e);
        const auto digitsBetween = [&](std::size_t from, std::size_t to) {
            return static_cast<long>(std::count_if(literal.begin() + static_cast<long>(from),
                                                   literal.begin() + static_cast<long>(to), isDigit));
        };
        long magnitude = first < point ? digitsBetween(first, point) : -digitsBetween(point, first);
        if (e < literal.size()) {
            long exponent = 0;
            const std::size_t digits = e + 1 + (e + 1 < literal.size() && literal[e + 1] == '+' ? 1 : 0);
            const auto [ptr, error] =
                std::from_chars(literal.data() + digits, literal.data() + literal.size(), exponent);
            if (error == std::errc::result_out_of_range)
                exponent = literal[e + 1] == '-' ? -100000 : 100000;
            magnitude += exponent;
        }
        return magnitude;
    }

    // A DURATION token as model.ParseDuration reads it, which must also be positive.
    double durationSeconds(const Token &token) const
    {
        const auto digits = splitDuration(token.text);
        if (!digits)
            fail(token.pos, "not a valid duration string: " + goQuote(token.text));
        // In int64 nanoseconds, each unit and the running sum checked for overflow, as Go does.
        constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
        std::int64_t nanoseconds = 0;
        bool overflow = false;
        for (std::size_t unit = 0; unit < kDurationUnits.size(); ++unit) {
            if ((*digits)[unit].empty())
                continue;
            std::int64_t count = 0;
            for (const char digit : (*digits)[unit])
                count = count > (kMax - 9) / 10 ? kMax : count * 10 + (digit - '0');
            const std::int64_t unitMs = kDurationUnits[unit].milliseconds;
            if (count > kMax / unitMs / 1000000 || nanoseconds > kMax - count * 1000000 * unitMs)
                overflow = true;
            else
                nanoseconds += count * 1000000 * unitMs;
        }
        if (overflow)
            fail(token.pos, "duration out of range");
        if (nanoseconds == 0)
            fail(token.pos, "duration must be greater than 0");
        return static_cast<double>(nanoseconds / 1000000) / 1000.0;
    }

    struct Matcher {
        std::string label;
        std::string op;
        std::string raw; // the quoted value as written
        std::string value;
        bool matchesEmpty;
    };

    // name, name{matchers} or {matchers}. Matchers are checked and kept for toString() but select nothing, since
    // our series are stored by name only; a lone {__name__="x"} names the metric.
    std::unique_ptr<Node> parseSelector(const Token *nameToken)
    {
        const std::size_t pos = peek().pos;
        std::string name;
        if (nameToken != nullptr)
            name = consume().text;
        std::vector<Matcher> matchers;
        if (peek().tok == Tok::LeftBrace)
            matchers = parseMatchers();
        auto node = make(Node::Kind::Selector, Type::Vector, pos);
        const auto isName = [](const Matcher &m) { return m.label == "__name__"; };
        const auto nameMatcher = std::find_if(matchers.begin(), matchers.end(), isName);
        if (!name.empty() && nameMatcher != matchers.end()) {
            node->matcherError =
                "metric name must not be set twice: " + goQuote(name) + " or " + goQuote(nameMatcher->value);
        } else if (name.empty()
                   && std::all_of(matchers.begin(), matchers.end(), [](const Matcher &m) { return m.matchesEmpty; })) {
            node->matcherError = "vector selector must contain at least one non-empty matcher";
        } else if (name.empty() && std::count_if(matchers.begin(), matchers.end(), isName) == 1
                   && nameMatcher->op == "=") {
            node->name = nameMatcher->value;
            // Printed as the metric name where that reads back the same.
            if (isPlainName(node->name)) {
                name = node->name;
                matchers.erase(nameMatcher);
            }
        }
        std::string printed;
        for (const Matcher &m : matchers)
            printed += (printed.empty() ? "{" : ", ") + m.label + m.op + m.raw;
        node->modifier = name + printed + (printed.empty() ? "" : "}");
        if (node->name.empty())
            node->name = std::move(name);
        return node;
    }

    std::vector<Matcher> parseMatchers()
    {
        consume();
        std::vector<Matcher> matchers;
        if (peek().tok == Tok::RightBrace) {
            consume();
            return matchers;
        }
        for (;;) {
            if (peek().tok != Tok::Identifier)
                unexpected("label matching", "identifier or \"}\"");
            const Token &label = consume();
            const Tok op = peek().tok;
            if (op != Tok::Eql && op != Tok::Neq && op != Tok::EqlRegex && op != Tok::NeqRegex)
                unexpected("label matching", "label matching operator");
            const std::string_view opText = consume().text;
            if (peek().tok != Tok::String)
                unexpected("label matching", "string");
            const Token &value = consume();
            Matcher m{std::string(label.text), std::string(opText), std::string(value.text), unquote(value.text),
                      false};
            if (op == Tok::Eql || op == Tok::Neq) {
                m.matchesEmpty = m.value.empty() == (op == Tok::Eql);
            } else {
                // labels.NewMatcher compiles it anchored, then parses it alone.
                bool anchoredMatchesEmpty = false;
                bool unused = false;
                auto error = checkGoRegex("^(?:" + m.value + ")$", anchoredMatchesEmpty);
                if (!error)
                    error = checkGoRegex(m.value, unused);
                if (error)
                    fail(label.pos, *error);
                m.matchesEmpty = anchoredMatchesEmpty == (op == Tok::EqlRegex);
            }
            matchers.push_back(std::move(m));
            if (peek().tok == Tok::Comma) {
                consume();
                if (peek().tok == Tok::RightBrace) {
                    consume();
                    return matchers;
                }
            } else if (peek().tok == Tok::RightBrace) {
                consume();
                return matchers;
            } else {
                unexpected("label matching", "\",\" or \"}\"");
            }
        }
    }

    // (expr, ...) of a call or an aggregation.
    std::vector<std::unique_ptr<Node>> parseArguments()
    {
        consume();
        std::vector<std::unique_ptr<Node>> args;
        if (peek().tok == Tok::RightParen) {
            consume();
            return args;
        }
        for (;;) {
            args.push_back(parseExpr(0));
            if (peek().tok == Tok::RightParen) {
                consume();
                return args;
            }
            if (peek().tok != Tok::Comma)
                unexpected();
            const std::size_t comma = consume().pos;
            if (!startsExpression(peek().tok))
                fail(comma, "trailing commas not allowed in function call args");
        }
    }

    std::unique_ptr<Node> parseCall()
    {
        const Token &name = consume();
        auto args = parseArguments();
        const Function *function = findFunction(name.text);
        if (function == nullptr)
            fail(name.pos, "unknown function with name " + goQuote(name.text));
        auto node = make(Node::Kind::Call, function->returns, name.pos, std::move(args));
        node->name = name.text;
        return node;
    }

    // by/without before or after the arguments; on a single series they change nothing.
    std::unique_ptr<Node> parseAggregation()
    {
        const Token &op = consume();
        ++m_aggregations;
        std::string grouping;
        const auto parseGrouping = [&] {
            const bool without = consume().tok == Tok::Without;
            grouping = (without ? "without " : "by ") + formatLabels(parseLabelList());
        };
        if (peek().tok == Tok::By || peek().tok == Tok::Without)
            parseGrouping();
        if (peek().tok != Tok::LeftParen)
            unexpected();
        auto args = parseArguments();
        if (grouping.empty() && (peek().tok == Tok::By || peek().tok == Tok::Without))
            parseGrouping();
        --m_aggregations;

        const std::string name = lowered(op.text);
        const bool hasParameter = name == "topk" || name == "bottomk" || name == "quantile" || name == "count_values";
        if (args.empty())
            fail(op.pos, "no arguments for aggregate expression provided");
        const std::size_t wanted = hasParameter ? 2 : 1;
        if (args.size() != wanted)
            fail(op.pos, "wrong number of arguments for aggregate expression provided, expected "
                             + std::to_string(wanted) + ", got " + std::to_string(args.size()));
        auto node = make(Node::Kind::Aggregate, Type::Vector, op.pos, std::move(args));
        node->name = name;
        node->modifier = std::move(grouping);
        return node;
    }

    // Prometheus's checkAST: children first, in its order, and the node's type.
    Type check(const Node &node) const
    {
        switch (node.kind) {
        case Node::Kind::Aggregate: {
            const Node &expr = *node.args.back();
            expect(expr, Type::Vector, "aggregation expression");
            if (node.name == "topk" || node.name == "bottomk" || node.name == "quantile")
                expect(*node.args[0], Type::Scalar, "aggregation parameter");
            if (node.name == "count_values")
                expect(*node.args[0], Type::String, "aggregation parameter");
            break;
        }
        case Node::Kind::Binary:
            checkBinary(node);
            break;
        case Node::Kind::Call:
            checkCall(node);
            break;
        case Node::Kind::Paren:
            check(*node.args[0]);
            break;
        case Node::Kind::Unary:
            if (const Type type = check(*node.args[0]); type != Type::Scalar && type != Type::Vector)
                fail(node.pos, "unary expression only allowed on expressions of type scalar or instant vector, got "
                                   + goQuote(typeName(type)));
            break;
        case Node::Kind::Subquery:
            if (const Type type = check(*node.args[0]); type != Type::Vector)
                fail(node.pos, "subquery is only allowed on instant vector, got " + std::string(valueTypeName(type))
                                   + " instead");
            break;
        case Node::Kind::Selector:
            if (!node.matcherError.empty())
                fail(node.pos, node.matcherError);
            break;
        case Node::Kind::Number:
        case Node::Kind::String:
            break;
        }
        return node.type;
    }

    void expect(const Node &node, Type want, const std::string &context) const
    {
        if (const Type type = check(node); type != want)
            fail(node.pos,
                 "expected type " + std::string(typeName(want)) + " in " + context + ", got " + typeName(type));
    }

    void checkBinary(const Node &node) const
    {
        const Node &lhs = *node.args[0];
        const Node &rhs = *node.args[1];
        const Type lt = check(lhs);
        const Type rt = check(rhs);
        // Prometheus places these at the operator: the first non-space after the left-hand side.
        std::size_t opPos = lhs.end;
        while (opPos < m_text.size() && isSpace(static_cast<unsigned char>(m_text[opPos])))
            ++opPos;
        if (node.returnBool && !isComparison(node.op))
            fail(opPos, "bool modifier can only be used on comparison operators");
        if (isComparison(node.op) && !node.returnBool && lt == Type::Scalar && rt == Type::Scalar)
            fail(opPos, "comparisons between scalars must use BOOL modifier");
        const VectorMatching &matching = node.matching;
        for (const std::string &label : matching.labels) {
            if (matching.on
                && std::find(matching.included.begin(), matching.included.end(), label) != matching.included.end())
                fail(opPos, "label " + goQuote(label) + " must not occur in ON and GROUP clause at once");
        }
        if (lt != Type::Scalar && lt != Type::Vector)
            fail(lhs.pos, "binary expression must contain only scalar and instant vector types");
        if (rt != Type::Scalar && rt != Type::Vector)
            fail(rhs.pos, "binary expression must contain only scalar and instant vector types");
        const std::string quotedOp = goQuote(info(node.op).text);
        if (lt != Type::Vector || rt != Type::Vector) {
            if (!matching.labels.empty())
                fail(node.pos, "vector matching only allowed between instant vectors");
        } else if (isSetOperator(node.op) && matching.grouped) {
            fail(node.pos, "no grouping allowed for " + quotedOp + " operation");
        }
        if ((lt == Type::Scalar || rt == Type::Scalar) && isSetOperator(node.op))
            fail(node.pos, "set operator " + quotedOp + " not allowed in binary scalar expression");
    }

    void checkCall(const Node &node) const
    {
        const Function &function = *findFunction(node.name);
        const std::size_t declared = function.args.size();
        const std::size_t given = node.args.size();
        const std::string counts = " argument(s) in call to " + goQuote(node.name) + ", got " + std::to_string(given);
        if (function.variadic == 0) {
            if (declared != given)
                fail(node.pos, "expected " + std::to_string(declared) + counts);
        } else if (declared - 1 > given) {
            fail(node.pos, "expected at least " + std::to_string(declared - 1) + counts);
        } else if (function.variadic > 0 && declared - 1 + static_cast<std::size_t>(function.variadic) < given) {
            fail(node.pos, "expected at most " + std::to_string(declared - 1 + function.variadic) + counts);
        }
        for (std::size_t i = 0; i < given; ++i) {
            if (i >= declared && function.variadic == 0)
                break;
            expect(*node.args[i], argumentType(function.args[std::min(i, declared - 1)]),
                   "call to function " + goQuote(node.name));
        }
    }

    std::string_view m_text;
    std::vector<Token> m_tokens;
    std::size_t m_next = 0;
    std::size_t m_lastEnd = 0; // just past the last token consumed
    int m_depth = 0;
    int m_aggregations = 0; // open ones: a syntax error inside one is "in aggregation"
};

PromQlExpression::PromQlExpression(std::string_view text)
    : m_root(Parser(text).parse())
    , m_unsupported(m_root->unsupported(false))
{
}

std::optional<double> PromQlExpression::evaluate(const SeriesStore &store, double atSeconds, double timeScale) const
{
    if (!(timeScale > 0.0) || std::isinf(timeScale))
        throw std::invalid_argument("PromQlExpression: the time scale must be a positive number");
    if (m_unsupported)
        return std::nullopt;
    return m_root->evaluate(Context{store, atSeconds, timeScale});
}

std::optional<std::string> PromQlExpression::unsupported() const
{
    return m_unsupported;
}

std::string PromQlExpression::toString() const
{
    std::string out;
    m_root->print(out);
    return out;
}

std::vector<std::string> PromQlExpression::metrics() const
{
    std::vector<std::string> names;
    m_root->collectMetrics(names);
    return names;
}

double PromQlExpression::historySeconds() const
{
    return m_root->history();
}

std::optional<double> PromQlExpression::parseDuration(std::string_view text)
{
    if (text == "0")
        return 0.0;
    const auto digits = splitDuration(text);
    if (!digits)
        return std::nullopt;
    double seconds = 0.0;
    for (std::size_t unit = 0; unit < kDurationUnits.size(); ++unit) {
        const std::string_view count = (*digits)[unit];
        if (count.size() > 18)
            return std::nullopt;
        double value = 0.0;
        for (const char digit : count)
            value = value * 10 + (digit - '0');
        seconds += value * kDurationUnits[unit].seconds;
    }
    return seconds;
}

std::string PromQlExpression::formatDuration(double seconds)
{
    if (!(std::abs(seconds) <= kMaxDurationSeconds))
        return promNumber(seconds) + "s";
    auto ms = static_cast<long long>(std::llround(std::abs(seconds) * 1000.0));
    if (ms == 0)
        return "0s";
    std::string out = seconds < 0 ? "-" : "";
    for (const DurationUnit &unit : kDurationUnits) {
        if (ms >= unit.milliseconds) {
            out += std::to_string(ms / unit.milliseconds) + std::string(unit.name);
            ms %= unit.milliseconds;
        }
    }
    return out;
}

} // namespace rl
