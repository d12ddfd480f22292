#include "core/alerting/PromQlExpression.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <span>

#include "core/alerting/SeriesStore.h"
#include "core/support/JsonReader.h"

namespace rl {

namespace {

enum class Type { Scalar, Vector, Range };

const char *typeName(Type type)
{
    switch (type) {
    case Type::Scalar:
        return "scalar";
    case Type::Vector:
        return "instant vector";
    case Type::Range:
        return "range vector";
    }
    return "";
}

enum class Op { Or, And, Unless, Eq, Ne, Gt, Lt, Ge, Le, Add, Sub, Mul, Div };

struct OpInfo {
    Op op;
    std::string_view text;
    int precedence; // Prometheus's: or < and unless < comparisons < + - < * /
};

// Two-character symbols before their one-character prefixes, so ">=" is not read as ">".
constexpr std::array kOps{
    OpInfo{Op::Eq, "==", 3},         OpInfo{Op::Ne, "!=", 3}, OpInfo{Op::Ge, ">=", 3}, OpInfo{Op::Le, "<=", 3},
    OpInfo{Op::Gt, ">", 3},          OpInfo{Op::Lt, "<", 3},  OpInfo{Op::Add, "+", 4}, OpInfo{Op::Sub, "-", 4},
    OpInfo{Op::Mul, "*", 5},         OpInfo{Op::Div, "/", 5}, OpInfo{Op::Or, "or", 1}, OpInfo{Op::And, "and", 2},
    OpInfo{Op::Unless, "unless", 2},
};

const OpInfo &info(Op op)
{
    return *std::find_if(kOps.begin(), kOps.end(), [op](const OpInfo &i) { return i.op == op; });
}

bool isComparison(Op op)
{
    return info(op).precedence == 3;
}

bool isSetOperator(Op op)
{
    return op == Op::And || op == Op::Or || op == Op::Unless;
}

constexpr std::array<std::string_view, 5> kFunctions{"rate", "increase", "avg_over_time", "max_over_time",
                                                     "min_over_time"};
constexpr std::array<std::string_view, 4> kAggregators{"sum", "avg", "max", "min"};
// Prometheus aggregators we do not evaluate, so that they get a clear message rather than "unknown function".
constexpr std::array<std::string_view, 10> kOtherAggregators{
    "count", "group", "stddev", "stdvar", "topk", "bottomk", "quantile", "count_values", "limitk", "limit_ratio"};
constexpr std::array<std::string_view, 11> kKeywords{"and",     "or", "unless",   "bool",       "offset",     "by",
                                                     "without", "on", "ignoring", "group_left", "group_right"};

template<std::size_t N>
bool contains(const std::array<std::string_view, N> &words, std::string_view word)
{
    return std::find(words.begin(), words.end(), word) != words.end();
}

bool isIdentStart(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isIdentChar(char c)
{
    return isIdentStart(c) || isDigit(c);
}

std::string lowered(std::string_view text)
{
    std::string out(text);
    for (char &c : out)
        c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    return out;
}

// As Prometheus prints a number: Go's names for the non-finite ones, else the shortest round-trip form.
std::string promNumber(double value)
{
    if (std::isnan(value))
        return "NaN";
    if (std::isinf(value))
        return value > 0 ? "+Inf" : "-Inf";
    return formatNumber(value);
}

// Prometheus keeps durations in int64 nanoseconds (about 292 years).
constexpr double kMaxDurationSeconds = 9223372036.0;

struct DurationUnit {
    std::string_view name;
    double seconds;
};

// In the only order Prometheus accepts them, largest first.
constexpr std::array kDurationUnits{
    DurationUnit{"y", 365 * 86400.0}, DurationUnit{"w", 7 * 86400.0}, DurationUnit{"d", 86400.0},
    DurationUnit{"h", 3600.0},        DurationUnit{"m", 60.0},        DurationUnit{"s", 1.0},
    DurationUnit{"ms", 0.001},
};

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
    enum class Kind { Number, Selector, Call, Aggregate, Negate, Paren, Binary };

    Kind kind;
    Type type;
    std::size_t pos = 0; // where it starts in the text, for error positions
    int height = 1;      // of the tree below, bounded so evaluation cannot exhaust the stack
    double number = 0.0;
    std::string name;     // Selector: metric; Call: function; Aggregate: operator
    std::string modifier; // as written, normalised: a selector's {matchers}, by (...), on (...) group_left
    std::optional<double> rangeSeconds;  // Selector: makes it a range vector
    std::optional<double> offsetSeconds; // Selector
    Op op = Op::Add;                     // Binary
    bool returnBool = false;             // Binary
    std::vector<std::unique_ptr<Node>> args;

    std::optional<double> evaluate(const Context &ctx) const;
    std::optional<double> evaluateBinary(const Context &ctx) const;
    std::optional<double> evaluateCall(const Context &ctx) const;
    void print(std::string &out) const;
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
    case Kind::Negate: {
        const auto value = args[0]->evaluate(ctx);
        return value ? std::optional(-*value) : std::nullopt;
    }
    case Kind::Paren:
        return args[0]->evaluate(ctx);
    case Kind::Binary:
        return evaluateBinary(ctx);
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

void PromQlExpression::Node::print(std::string &out) const
{
    switch (kind) {
    case Kind::Number:
        out += promNumber(number);
        break;
    case Kind::Selector:
        out += name + modifier;
        if (rangeSeconds)
            out += "[" + formatDuration(*rangeSeconds) + "]";
        if (offsetSeconds)
            out += " offset " + formatDuration(*offsetSeconds);
        break;
    case Kind::Call:
    case Kind::Aggregate:
        out += name;
        if (!modifier.empty())
            out += " " + modifier + " ";
        out += "(";
        args[0]->print(out);
        out += ")";
        break;
    case Kind::Negate:
        out += "-";
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
    if (kind == Kind::Selector && std::find(names.begin(), names.end(), name) == names.end())
        names.push_back(name);
    for (const auto &arg : args)
        arg->collectMetrics(names);
}

double PromQlExpression::Node::history() const
{
    double furthest = 0.0;
    if (kind == Kind::Selector)
        furthest = rangeSeconds.value_or(kLookbackDeltaSeconds) + offsetSeconds.value_or(0.0);
    for (const auto &arg : args)
        furthest = std::max(furthest, arg->history());
    return furthest;
}

// Recursive descent over the text itself (no token list): durations after '[' and "offset" need the
// context anyway. Types are checked as each node is built, with Prometheus's messages.
class PromQlExpression::Parser {
public:
    explicit Parser(std::string_view text)
        : m_text(text)
    {
    }

    std::unique_ptr<Node> parse()
    {
        auto root = parseExpr(0);
        skipSpace();
        if (!atEnd())
            fail(m_pos, "unexpected " + describe(m_pos));
        if (root->type == Type::Range)
            fail(root->pos, "expected type scalar or instant vector as the expression's result, got range vector");
        return root;
    }

private:
    static constexpr int kMaxDepth = 200;   // nesting the parser recurses through
    static constexpr int kMaxHeight = 1000; // of the tree, e.g. a long chain of a + b + ...
    static constexpr std::string_view kOffsetError =
        "offset modifier must be preceded by an instant vector selector or range vector selector or a subquery";

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

    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return atEnd() ? '\0' : m_text[m_pos]; }

    void skipSpace()
    {
        while (!atEnd()) {
            const char c = m_text[m_pos];
            if (c == '#') {
                while (!atEnd() && m_text[m_pos] != '\n')
                    ++m_pos;
            } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                ++m_pos;
            } else {
                break;
            }
        }
    }

    std::string_view wordAt(std::size_t pos) const
    {
        std::size_t end = pos;
        if (end < m_text.size() && isIdentStart(m_text[end])) {
            while (end < m_text.size() && isIdentChar(m_text[end]))
                ++end;
        }
        return m_text.substr(pos, end - pos);
    }

    // What stands at pos, as Prometheus names it in "unexpected ..." messages.
    std::string describe(std::size_t pos) const
    {
        if (pos >= m_text.size())
            return "end of input";
        const std::string_view word = wordAt(pos);
        if (!word.empty())
            return contains(kKeywords, lowered(word)) ? "<" + lowered(word) + ">"
                                                      : "identifier \"" + std::string(word) + "\"";
        switch (m_text[pos]) {
        case ')':
            return "right parenthesis ')'";
        case ']':
            return "right bracket ']'";
        case '}':
            return "right brace '}'";
        case ',':
            return "\",\"";
        default:
            return "character: '" + std::string(1, m_text[pos]) + "'";
        }
    }

    bool accept(char c)
    {
        skipSpace();
        if (peek() != c)
            return false;
        ++m_pos;
        return true;
    }

    void expect(char c, const char *unclosed)
    {
        skipSpace();
        if (atEnd())
            fail(m_pos, unclosed);
        if (peek() != c)
            fail(m_pos, "unexpected " + describe(m_pos));
        ++m_pos;
    }

    // Keywords are case-insensitive in PromQL.
    bool acceptKeyword(std::string_view keyword)
    {
        skipSpace();
        const std::string_view word = wordAt(m_pos);
        if (lowered(word) != keyword)
            return false;
        m_pos += word.size();
        return true;
    }

    std::unique_ptr<Node> make(Node::Kind kind, Type type, std::size_t pos,
                               std::vector<std::unique_ptr<Node>> args = {})
    {
        auto node = std::make_unique<Node>();
        node->kind = kind;
        node->type = type;
        node->pos = pos;
        for (const auto &arg : args)
            node->height = std::max(node->height, arg->height + 1);
        if (node->height > kMaxHeight)
            fail(pos, "expression is too deeply nested");
        node->args = std::move(args);
        return node;
    }

    std::unique_ptr<Node> parseExpr(int minPrecedence)
    {
        auto lhs = parseUnary();
        for (;;) {
            skipSpace();
            const std::size_t opPos = m_pos;
            const OpInfo *op = peekOperator();
            if (op == nullptr || op->precedence < minPrecedence)
                return lhs;
            m_pos += op->text.size();
            const bool returnBool = acceptKeyword("bool");
            std::string matching;
            if (acceptKeyword("on"))
                matching = "on " + parseLabelList();
            else if (acceptKeyword("ignoring"))
                matching = "ignoring " + parseLabelList();
            for (const char *group : {"group_left", "group_right"}) {
                if (acceptKeyword(group)) {
                    matching += std::string(" ") + group;
                    skipSpace();
                    if (peek() == '(')
                        matching += " " + parseLabelList();
                }
            }
            auto rhs = parseExpr(op->precedence + 1); // all of ours are left-associative
            lhs = makeBinary(*op, opPos, returnBool, std::move(matching), std::move(lhs), std::move(rhs));
        }
    }

    const OpInfo *peekOperator() const
    {
        const std::string_view rest = m_text.substr(m_pos);
        const std::string word = lowered(wordAt(m_pos));
        for (const OpInfo &op : kOps) {
            const bool isWord = isIdentStart(op.text[0]);
            if (isWord ? word == op.text : rest.starts_with(op.text))
                return &op;
        }
        if (rest.starts_with("%") || rest.starts_with("^") || word == "atan2")
            fail(m_pos, "operator \"" + (word.empty() ? std::string(1, rest[0]) : word) + "\" is not supported");
        return nullptr;
    }

    std::unique_ptr<Node> makeBinary(const OpInfo &op, std::size_t opPos, bool returnBool, std::string matching,
                                     std::unique_ptr<Node> lhs, std::unique_ptr<Node> rhs)
    {
        const Type lt = lhs->type;
        const Type rt = rhs->type;
        if (returnBool && !isComparison(op.op))
            fail(opPos, "bool modifier can only be used on comparison operators");
        if (isComparison(op.op) && !returnBool && lt == Type::Scalar && rt == Type::Scalar)
            fail(opPos, "comparisons between scalars must use BOOL modifier");
        if (lt == Type::Range)
            fail(lhs->pos, "binary expression must contain only scalar and instant vector types");
        if (rt == Type::Range)
            fail(rhs->pos, "binary expression must contain only scalar and instant vector types");
        if (!matching.empty() && (lt != Type::Vector || rt != Type::Vector))
            fail(lhs->pos, "vector matching only allowed between instant vectors");
        if (isSetOperator(op.op) && (lt == Type::Scalar || rt == Type::Scalar))
            fail(lhs->pos, "set operator \"" + std::string(op.text) + "\" not allowed in binary scalar expression");

        const std::size_t pos = lhs->pos;
        const Type type = (lt == Type::Scalar && rt == Type::Scalar) ? Type::Scalar : Type::Vector;
        std::vector<std::unique_ptr<Node>> args;
        args.push_back(std::move(lhs));
        args.push_back(std::move(rhs));
        auto node = make(Node::Kind::Binary, type, pos, std::move(args));
        node->op = op.op;
        node->returnBool = returnBool;
        node->modifier = std::move(matching);
        return node;
    }

    std::unique_ptr<Node> parseUnary()
    {
        if (++m_depth > kMaxDepth)
            fail(m_pos, "expression is too deeply nested");
        skipSpace();
        const std::size_t pos = m_pos;
        std::unique_ptr<Node> node;
        if (accept('-') || accept('+')) {
            const bool negate = m_text[pos] == '-';
            auto operand = parseUnary();
            if (operand->type == Type::Range)
                fail(pos, "unary expression only allowed on expressions of type scalar or instant vector, got \"range "
                          "vector\"");
            if (!negate) {
                node = std::move(operand);
            } else if (operand->kind == Node::Kind::Number) {
                operand->number = -operand->number; // Prometheus folds the sign into the literal
                operand->pos = pos;
                node = std::move(operand);
            } else {
                const Type type = operand->type;
                std::vector<std::unique_ptr<Node>> args;
                args.push_back(std::move(operand));
                node = make(Node::Kind::Negate, type, pos, std::move(args));
            }
        } else {
            node = parsePostfix();
        }
        --m_depth;
        return node;
    }

    std::unique_ptr<Node> parsePostfix()
    {
        auto node = parsePrimary();
        for (;;) {
            skipSpace();
            const std::size_t pos = m_pos;
            if (peek() == '[') {
                ++m_pos;
                if (node->kind != Node::Kind::Selector || node->rangeSeconds)
                    fail(pos, "ranges only allowed for vector selectors");
                if (node->offsetSeconds)
                    fail(pos, "no offset modifiers allowed before range");
                const double range = parseDurationLiteral();
                if (accept(':'))
                    fail(pos, "subqueries are not supported");
                expect(']', "unclosed left bracket");
                if (!(range > 0.0))
                    fail(pos + 1, "duration must be greater than 0");
                node->rangeSeconds = range;
                node->type = Type::Range;
            } else if (acceptKeyword("offset")) {
                if (node->kind != Node::Kind::Selector)
                    fail(node->pos, std::string(kOffsetError));
                if (node->offsetSeconds)
                    fail(node->pos, "offset may not be set multiple times");
                const bool negative = accept('-');
                node->offsetSeconds = negative ? -parseDurationLiteral() : parseDurationLiteral();
            } else if (peek() == '@') {
                fail(pos, "the @ modifier is not supported");
            } else {
                return node;
            }
        }
    }

    double parseDurationLiteral()
    {
        skipSpace();
        const std::size_t start = m_pos;
        // Digits, unit letters and a decimal point; not ':', which would start a subquery's step.
        while (!atEnd() && peek() != ':' && (isIdentChar(peek()) || peek() == '.'))
            ++m_pos;
        const std::string_view text = m_text.substr(start, m_pos - start);
        if (text.empty())
            fail(start, "unexpected " + describe(start) + ", expected a duration");
        double seconds = 0.0;
        if (const auto parsed = parseDuration(text)) {
            seconds = *parsed;
        } else {
            // Prometheus 3 also takes a plain number of seconds.
            const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seconds);
            if (error != std::errc() || end != text.data() + text.size() || !(seconds >= 0))
                fail(start, "not a valid duration string: \"" + std::string(text) + "\"");
        }
        if (seconds > kMaxDurationSeconds)
            fail(start, "duration out of range");
        return seconds;
    }

    std::unique_ptr<Node> parsePrimary()
    {
        skipSpace();
        const std::size_t pos = m_pos;
        if (atEnd())
            fail(pos, "unexpected end of input");
        const char c = peek();
        if (c == '(') {
            ++m_pos;
            auto inner = parseExpr(0);
            expect(')', "unclosed left parenthesis");
            if (inner->type == Type::Range)
                fail(pos, "a range vector in parentheses is not supported");
            const Type type = inner->type;
            std::vector<std::unique_ptr<Node>> args;
            args.push_back(std::move(inner));
            return make(Node::Kind::Paren, type, pos, std::move(args));
        }
        if (isDigit(c) || (c == '.' && m_pos + 1 < m_text.size() && isDigit(m_text[m_pos + 1])))
            return parseNumber();
        if (c == '{')
            return parseSelector(pos, "");
        if (!isIdentStart(c))
            fail(pos, "unexpected " + describe(pos));

        const std::string word(wordAt(pos));
        const std::string lower = lowered(word);
        m_pos += word.size();
        skipSpace();
        const bool call = peek() == '(';
        const bool grouped = lowered(wordAt(m_pos)) == "by" || lowered(wordAt(m_pos)) == "without";
        if (contains(kAggregators, lower) && (call || grouped))
            return parseAggregation(pos, lower);
        if (contains(kOtherAggregators, lower) && (call || grouped))
            fail(pos, "aggregation \"" + lower + "\" is not supported");
        if (call)
            return parseCall(pos, word);
        if (lower == "inf" || lower == "nan") {
            auto node = make(Node::Kind::Number, Type::Scalar, pos);
            node->number =
                lower == "inf" ? std::numeric_limits<double>::infinity() : std::numeric_limits<double>::quiet_NaN();
            return node;
        }
        if (contains(kKeywords, lower) || contains(kAggregators, lower))
            fail(pos, "unexpected " + describe(pos));
        return parseSelector(pos, word);
    }

    std::unique_ptr<Node> parseNumber()
    {
        const std::size_t pos = m_pos;
        std::size_t end = pos;
        while (
            end < m_text.size()
            && (isIdentChar(m_text[end]) || m_text[end] == '.'
                || ((m_text[end] == '+' || m_text[end] == '-') && (m_text[end - 1] == 'e' || m_text[end - 1] == 'E'))))
            ++end;
        const std::string_view text = m_text.substr(pos, end - pos);
        double value = 0.0;
        const auto [ptr, error] =
            text.starts_with("0x") || text.starts_with("0X")
                ? std::from_chars(text.data() + 2, text.data() + text.size(), value, std::chars_format::hex)
                : std::from_chars(text.data(), text.data() + text.size(), value);
        if (error != std::errc() || ptr != text.data() + text.size())
            fail(pos, "bad number or duration syntax: \"" + std::string(text) + "\"");
        m_pos = end;
        auto node = make(Node::Kind::Number, Type::Scalar, pos);
        node->number = value;
        return node;
    }

    // name{label="value", ...}: matchers are checked and kept for toString() but select nothing, since our
    // series are stored by name only; {__name__="x"} names the metric.
    std::unique_ptr<Node> parseSelector(std::size_t pos, std::string name)
    {
        std::string matchers;
        if (accept('{')) {
            matchers = "{";
            while (!accept('}')) {
                skipSpace();
                if (atEnd())
                    fail(m_pos, "unexpected end of input inside braces");
                const std::string label(wordAt(m_pos));
                if (label.empty() || label.find(':') != std::string::npos)
                    fail(m_pos, "unexpected " + describe(m_pos) + " in label matching, expected label");
                m_pos += label.size();
                skipSpace();
                std::string op;
                for (const char *candidate : {"=~", "!~", "!=", "="}) {
                    if (m_text.substr(m_pos).starts_with(candidate)) {
                        op = candidate;
                        break;
                    }
                }
                if (op.empty())
                    fail(m_pos,
                         "unexpected " + describe(m_pos) + " in label matching, expected label matching operator");
                m_pos += op.size();
                const auto [raw, value] = parseString();
                if (label == "__name__" && op == "=") {
                    if (!name.empty())
                        fail(pos, "metric name must not be set twice: \"" + name + "\" or \"" + value + "\"");
                    name = value;
                } else {
                    matchers += (matchers.size() > 1 ? ", " : "") + label + op + raw;
                }
                if (!accept(',')) {
                    expect('}', "unexpected end of input inside braces");
                    break;
                }
            }
            matchers = matchers.size() > 1 ? matchers + "}" : "";
        }
        if (name.empty())
            fail(pos, "a selector needs a metric name: series are stored by name only");
        auto node = make(Node::Kind::Selector, Type::Vector, pos);
        node->name = std::move(name);
        node->modifier = std::move(matchers);
        return node;
    }

    // A quoted label value: the text as written, and its value (escapes resolved, except in `raw` strings).
    std::pair<std::string, std::string> parseString()
    {
        skipSpace();
        const std::size_t start = m_pos;
        const char quote = peek();
        if (quote != '"' && quote != '\'' && quote != '`')
            fail(start, "unexpected " + describe(start) + " in label matching, expected string");
        std::string value;
        for (++m_pos; !atEnd() && peek() != quote; ++m_pos) {
            if (peek() == '\\' && quote != '`' && m_pos + 1 < m_text.size())
                ++m_pos;
            value += peek();
        }
        if (atEnd())
            fail(start, "unterminated quoted string");
        ++m_pos;
        return {std::string(m_text.substr(start, m_pos - start)), value};
    }

    // (label, ...) after by, without, on, ignoring and group_left/right, normalised.
    std::string parseLabelList()
    {
        expect('(', "unexpected end of input, expected a label list");
        std::string list = "(";
        while (!accept(')')) {
            skipSpace();
            const std::string_view label = wordAt(m_pos);
            if (label.empty())
                fail(m_pos, "unexpected " + describe(m_pos) + " in grouping, expected label");
            list += (list.size() > 1 ? ", " : "") + std::string(label);
            m_pos += label.size();
            if (!accept(',')) {
                expect(')', "unclosed left parenthesis");
                break;
            }
        }
        return list + ")";
    }

    std::vector<std::unique_ptr<Node>> parseArguments()
    {
        expect('(', "unexpected end of input");
        std::vector<std::unique_ptr<Node>> args;
        if (accept(')'))
            return args;
        do {
            args.push_back(parseExpr(0));
        } while (accept(','));
        expect(')', "unclosed left parenthesis");
        return args;
    }

    // by/without may come before or after the argument; on a single series they change nothing.
    std::string parseGrouping()
    {
        if (acceptKeyword("by"))
            return "by " + parseLabelList();
        if (acceptKeyword("without"))
            return "without " + parseLabelList();
        return {};
    }

    std::unique_ptr<Node> parseAggregation(std::size_t pos, const std::string &op)
    {
        std::string grouping = parseGrouping();
        auto args = parseArguments();
        if (args.empty())
            fail(pos, "no arguments for aggregate expression provided");
        if (args.size() != 1)
            fail(pos, "wrong number of arguments for aggregate expression provided, expected 1, got "
                          + std::to_string(args.size()));
        if (args[0]->type != Type::Vector)
            fail(args[0]->pos,
                 std::string("expected type instant vector in aggregation expression, got ") + typeName(args[0]->type));
        if (grouping.empty())
            grouping = parseGrouping();
        auto node = make(Node::Kind::Aggregate, Type::Vector, pos, std::move(args));
        node->name = op;
        node->modifier = std::move(grouping);
        return node;
    }

    std::unique_ptr<Node> parseCall(std::size_t pos, const std::string &name)
    {
        if (!contains(kFunctions, name))
            fail(pos, "unknown function with name \"" + name
                          + "\" (supported: rate, increase, avg_over_time, "
                            "max_over_time, min_over_time)");
        auto args = parseArguments();
        if (args.size() != 1)
            fail(pos, "expected 1 argument(s) in call to \"" + name + "\", got " + std::to_string(args.size()));
        if (args[0]->type != Type::Range)
            fail(args[0]->pos,
                 "expected type range vector in call to function \"" + name + "\", got " + typeName(args[0]->type));
        auto node = make(Node::Kind::Call, Type::Vector, pos, std::move(args));
        node->name = name;
        return node;
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
    int m_depth = 0;
};

PromQlExpression::PromQlExpression(std::string_view text)
    : m_root(Parser(text).parse())
{
}

std::optional<double> PromQlExpression::evaluate(const SeriesStore &store, double atSeconds, double timeScale) const
{
    if (!(timeScale > 0.0) || std::isinf(timeScale))
        throw std::invalid_argument("PromQlExpression: the time scale must be a positive number");
    return m_root->evaluate(Context{store, atSeconds, timeScale});
}

std::optional<std::string> PromQlExpression::unsupported() const
{
    return std::nullopt; // the parser accepts only the supported subset so far
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
    double seconds = 0.0;
    std::size_t nextUnit = 0; // units must come largest first, each once
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t digits = pos;
        double count = 0.0;
        while (pos < text.size() && isDigit(text[pos]))
            count = count * 10 + (text[pos++] - '0');
        if (pos == digits || pos - digits > 18)
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
        seconds += count * kDurationUnits[unit].seconds;
        pos += kDurationUnits[unit].name.size();
        nextUnit = unit + 1;
    }
    return pos == 0 ? std::nullopt : std::optional(seconds);
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
        const auto unitMs = static_cast<long long>(std::llround(unit.seconds * 1000.0));
        if (ms >= unitMs) {
            out += std::to_string(ms / unitMs) + std::string(unit.name);
            ms %= unitMs;
        }
    }
    return out;
}

} // namespace rl
