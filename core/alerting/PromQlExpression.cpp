#include "core/alerting/PromQlExpression.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <span>

#include "core/alerting/SeriesStore.h"
#include "core/support/JsonReader.h"

namespace rl {

namespace {

enum class Type { Scalar, Vector, Range, String };

// As Prometheus's messages name types.
const char *typeName(Type type)
{
    switch (type) {
    case Type::Scalar:
        return "scalar";
    case Type::Vector:
        return "instant vector";
    case Type::Range:
        return "range vector";
    case Type::String:
        return "string";
    }
    return "";
}

// As Prometheus's ValueType prints itself, which the subquery message uses.
const char *valueTypeName(Type type)
{
    switch (type) {
    case Type::Vector:
        return "vector";
    case Type::Range:
        return "matrix";
    default:
        return typeName(type);
    }
}

// Prometheus's lexer items (promql/parser/lex.go), grouped as it groups them: operators, then keywords.
enum class Tok {
    Eof,
    Identifier,
    MetricIdentifier,
    Number,
    String,
    Duration,
    LeftParen,
    RightParen,
    LeftBrace,
    RightBrace,
    LeftBracket,
    RightBracket,
    Comma,
    Eql,
    Colon,
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Pow,
    Eqlc,
    Neq,
    Lte,
    Lss,
    Gte,
    Gtr,
    EqlRegex,
    NeqRegex,
    At,
    Land,
    Lor,
    Lunless,
    Atan2,
    Aggregator, // sum, topk, ...: its text says which
    Bool,
    By,
    GroupLeft,
    GroupRight,
    Ignoring,
    Offset,
    On,
    Without,
    Start, // of @ start()
    End,
};

bool isOperatorToken(Tok tok)
{
    return tok >= Tok::Add && tok <= Tok::Atan2;
}

bool isKeywordToken(Tok tok)
{
    return tok >= Tok::Bool && tok <= Tok::Without;
}

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

struct Word {
    std::string_view text;
    Tok tok;
};

// Case-insensitive, as the lexer matches them.
constexpr std::array kWords{
    Word{"and", Tok::Land},
    Word{"or", Tok::Lor},
    Word{"unless", Tok::Lunless},
    Word{"atan2", Tok::Atan2},
    Word{"sum", Tok::Aggregator},
    Word{"avg", Tok::Aggregator},
    Word{"count", Tok::Aggregator},
    Word{"min", Tok::Aggregator},
    Word{"max", Tok::Aggregator},
    Word{"group", Tok::Aggregator},
    Word{"stddev", Tok::Aggregator},
    Word{"stdvar", Tok::Aggregator},
    Word{"topk", Tok::Aggregator},
    Word{"bottomk", Tok::Aggregator},
    Word{"count_values", Tok::Aggregator},
    Word{"quantile", Tok::Aggregator},
    Word{"offset", Tok::Offset},
    Word{"by", Tok::By},
    Word{"without", Tok::Without},
    Word{"on", Tok::On},
    Word{"ignoring", Tok::Ignoring},
    Word{"group_left", Tok::GroupLeft},
    Word{"group_right", Tok::GroupRight},
    Word{"bool", Tok::Bool},
    Word{"start", Tok::Start},
    Word{"end", Tok::End},
    Word{"inf", Tok::Number},
    Word{"nan", Tok::Number},
};

struct Token {
    Tok tok = Tok::Eof;
    std::size_t pos = 0;
    std::string_view text;
    std::string lexError; // on the final Eof when the lexer stopped at an error: Prometheus's message
};

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

// promql/parser/functions.go of Prometheus 2.42.
struct Function {
    std::string_view name;
    std::string_view args; // a letter per argument: v instant vector, m range vector, s scalar, t string
    int variadic;          // as Prometheus counts: 0 none, n up to n of the last argument left out, -1 any number more
    Type returns = Type::Vector;
};

constexpr std::array kFunctions{
    Function{"abs", "v", 0},
    Function{"absent", "v", 0},
    Function{"absent_over_time", "m", 0},
    Function{"acos", "v", 0},
    Function{"acosh", "v", 0},
    Function{"asin", "v", 0},
    Function{"asinh", "v", 0},
    Function{"atan", "v", 0},
    Function{"atanh", "v", 0},
    Function{"avg_over_time", "m", 0},
    Function{"ceil", "v", 0},
    Function{"changes", "m", 0},
    Function{"clamp", "vss", 0},
    Function{"clamp_max", "vs", 0},
    Function{"clamp_min", "vs", 0},
    Function{"cos", "v", 0},
    Function{"cosh", "v", 0},
    Function{"count_over_time", "m", 0},
    Function{"days_in_month", "v", 1},
    Function{"day_of_month", "v", 1},
    Function{"day_of_week", "v", 1},
    Function{"day_of_year", "v", 1},
    Function{"deg", "v", 0},
    Function{"delta", "m", 0},
    Function{"deriv", "m", 0},
    Function{"exp", "v", 0},
    Function{"floor", "v", 0},
    Function{"histogram_count", "v", 0},
    Function{"histogram_fraction", "ssv", 0},
    Function{"histogram_quantile", "sv", 0},
    Function{"histogram_sum", "v", 0},
    Function{"holt_winters", "mss", 0},
    Function{"hour", "v", 1},
    Function{"idelta", "m", 0},
    Function{"increase", "m", 0},
    Function{"irate", "m", 0},
    Function{"label_join", "vttt", -1},
    Function{"label_replace", "vtttt", 0},
    Function{"last_over_time", "m", 0},
    Function{"ln", "v", 0},
    Function{"log10", "v", 0},
    Function{"log2", "v", 0},
    Function{"max_over_time", "m", 0},
    Function{"min_over_time", "m", 0},
    Function{"minute", "v", 1},
    Function{"month", "v", 1},
    Function{"pi", "", 0, Type::Scalar},
    Function{"predict_linear", "ms", 0},
    Function{"present_over_time", "m", 0},
    Function{"quantile_over_time", "sm", 0},
    Function{"rad", "v", 0},
    Function{"rate", "m", 0},
    Function{"resets", "m", 0},
    Function{"round", "vs", 1},
    Function{"scalar", "v", 0, Type::Scalar},
    Function{"sgn", "v", 0},
    Function{"sin", "v", 0},
    Function{"sinh", "v", 0},
    Function{"sort", "v", 0},
    Function{"sort_desc", "v", 0},
    Function{"sqrt", "v", 0},
    Function{"stddev_over_time", "m", 0},
    Function{"stdvar_over_time", "m", 0},
    Function{"sum_over_time", "m", 0},
    Function{"tan", "v", 0},
    Function{"tanh", "v", 0},
    Function{"time", "", 0, Type::Scalar},
    Function{"timestamp", "v", 0},
    Function{"vector", "s", 0},
    Function{"year", "v", 1},
};

const Function *findFunction(std::string_view name)
{
    const auto *found =
        std::find_if(kFunctions.begin(), kFunctions.end(), [name](const Function &f) { return f.name == name; });
    return found == kFunctions.end() ? nullptr : found;
}

Type argumentType(char letter)
{
    switch (letter) {
    case 'v':
        return Type::Vector;
    case 'm':
        return Type::Range;
    case 's':
        return Type::Scalar;
    default:
        return Type::String;
    }
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

bool isDigit(char32_t c)
{
    return c >= '0' && c <= '9';
}

bool isAlpha(char32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool isAlphaNumeric(char32_t c)
{
    return isAlpha(c) || isDigit(c);
}

bool isSpace(char32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string lowered(std::string_view text)
{
    std::string out(text);
    for (char &c : out)
        c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    return out;
}

constexpr char32_t kRuneError = 0xFFFD;

struct Rune {
    char32_t value;
    std::size_t width; // 0 at the end of the text; an invalid byte decodes as kRuneError of width 1
};

// Go's utf8.DecodeRuneInString.
Rune decodeRune(std::string_view text, std::size_t pos)
{
    if (pos >= text.size())
        return {kRuneError, 0};
    const auto byte = [&](std::size_t i) -> unsigned {
        return pos + i < text.size() ? static_cast<unsigned char>(text[pos + i]) : 0u;
    };
    const unsigned first = byte(0);
    if (first < 0x80)
        return {first, 1};
    std::size_t width = 0;
    unsigned low = 0x80;
    unsigned high = 0xBF;
    char32_t value = 0;
    if (first >= 0xC2 && first <= 0xDF) {
        width = 2;
        value = first & 0x1F;
    } else if (first >= 0xE0 && first <= 0xEF) {
        width = 3;
        value = first & 0x0F;
        low = first == 0xE0 ? 0xA0 : low;   // no overlong forms
        high = first == 0xED ? 0x9F : high; // no surrogates
    } else if (first >= 0xF0 && first <= 0xF4) {
        width = 4;
        value = first & 0x07;
        low = first == 0xF0 ? 0x90 : low;
        high = first == 0xF4 ? 0x8F : high; // nothing past U+10FFFF
    } else {
        return {kRuneError, 1};
    }
    for (std::size_t i = 1; i < width; ++i) {
        const unsigned b = byte(i);
        if (b < (i == 1 ? low : 0x80) || b > (i == 1 ? high : 0xBF))
            return {kRuneError, 1};
        value = (value << 6) | (b & 0x3F);
    }
    return {value, width};
}

void appendUtf8(std::string &out, char32_t r)
{
    if (r < 0x80) {
        out += static_cast<char>(r);
    } else if (r < 0x800) {
        out += static_cast<char>(0xC0 | (r >> 6));
        out += static_cast<char>(0x80 | (r & 0x3F));
    } else if (r < 0x10000) {
        out += static_cast<char>(0xE0 | (r >> 12));
        out += static_cast<char>(0x80 | ((r >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (r & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (r >> 18));
        out += static_cast<char>(0x80 | ((r >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((r >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (r & 0x3F));
    }
}

// Go's strconv.IsPrint, closely enough for messages: graphic characters and the ASCII space, not controls, other
// spaces, format characters, surrogates, private use or the unassigned planes.
bool isPrint(char32_t r)
{
    if (r < 0x80)
        return r >= 0x20 && r < 0x7F;
    // First and last of each range.
    constexpr std::array<char32_t, 34> kNotPrinted{
        0x80,   0xA0,   0xAD,   0xAD,   0x600,  0x605,  0x61C,  0x61C,  0x6DD,  0x6DD,  0x70F,  0x70F,
        0x8E2,  0x8E2,  0x1680, 0x1680, 0x180E, 0x180E, 0x2000, 0x200F, 0x2028, 0x202F, 0x205F, 0x206F,
        0x3000, 0x3000, 0xD800, 0xF8FF, 0xFEFF, 0xFEFF, 0xFFF9, 0xFFFB, 0xFFFE, 0xFFFF};
    if (r >= 0x3134B) // past the last assigned ideographs, only variation selectors print
        return r >= 0xE0100 && r <= 0xE01EF;
    for (std::size_t i = 0; i < kNotPrinted.size(); i += 2) {
        if (r >= kNotPrinted[i] && r <= kNotPrinted[i + 1])
            return false;
    }
    return true;
}

std::string hex(unsigned long value, int digits, bool upper = false)
{
    std::string out(static_cast<std::size_t>(digits), '0');
    const char *set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    for (int i = digits - 1; i >= 0 && value > 0; --i, value >>= 4)
        out[static_cast<std::size_t>(i)] = set[value & 0xF];
    return out;
}

// One rune as Go's %q writes it between `quote`s.
void appendEscapedRune(std::string &out, char32_t r, char32_t quote)
{
    if (r == quote || r == '\\') {
        out += '\\';
        out += static_cast<char>(r);
        return;
    }
    if (isPrint(r)) {
        appendUtf8(out, r);
        return;
    }
    constexpr std::string_view kControls = "abtnvfr"; // \a is 7, then in order up to \r (13)
    if (r >= 7 && r <= 13) {
        out += '\\';
        out += kControls[r - 7];
    } else if (r < 0x20 || r == 0x7F) {
        out += "\\x" + hex(r, 2);
    } else if (r < 0x10000) {
        out += "\\u" + hex(r, 4);
    } else {
        out += "\\U" + hex(r, 8);
    }
}

// Go's %q of a string, or %.Nq: at most maxRunes of it.
std::string goQuote(std::string_view text, std::size_t maxRunes = std::string_view::npos)
{
    std::string out = "\"";
    std::size_t runes = 0;
    for (std::size_t pos = 0; pos < text.size() && runes < maxRunes; ++runes) {
        const Rune r = decodeRune(text, pos);
        if (r.value == kRuneError && r.width == 1)
            out += "\\x" + hex(static_cast<unsigned char>(text[pos]), 2);
        else
            appendEscapedRune(out, r.value, '"');
        pos += r.width;
    }
    return out + "\"";
}

// Go's %q of a rune; anything that is not one (the lexer's end of input) as U+FFFD.
std::string goQuoteRune(char32_t r)
{
    std::string out = "'";
    appendEscapedRune(out, r > 0x10FFFF ? kRuneError : r, '\'');
    return out + "'";
}

// Go's %#U.
std::string goUnicode(char32_t r)
{
    std::string out = "U+" + hex(r, r > 0xFFFF ? (r > 0xFFFFF ? 6 : 5) : 4, true);
    if (isPrint(r)) {
        out += " '";
        appendUtf8(out, r);
        out += "'";
    }
    return out;
}

// Go's %f, which Prometheus uses for @ timestamps in messages.
std::string goFixed(double value)
{
    if (std::isnan(value))
        return "NaN";
    if (std::isinf(value))
        return value > 0 ? "+Inf" : "-Inf";
    std::array<char, 400> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "%f", value);
    return buffer.data();
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

// Prometheus 2.42's lexer (promql/parser/lex.go) on its own: the same tokens, and its errors where it stops.
class Lexer {
public:
    explicit Lexer(std::string_view text)
        : m_text(text)
    {
    }

    // Comments left out; the last token is an Eof, carrying the error if the lexer stopped at one.
    std::vector<Token> tokens()
    {
        while (!m_done) {
            if (m_durationNext) {
                m_durationNext = false;
                lexDuration();
            } else if (m_braceOpen) {
                lexInsideBraces();
            } else {
                lexStatements();
            }
        }
        return std::move(m_tokens);
    }

private:
    static constexpr char32_t kEof = 0xFFFFFFFF;

    char32_t next()
    {
        const Rune r = decodeRune(m_text, m_pos);
        m_width = r.width;
        m_pos += r.width;
        return r.width == 0 ? kEof : r.value;
    }

    void backup() { m_pos -= m_width; }

    char32_t peek()
    {
        const char32_t r = next();
        backup();
        return r;
    }

    bool accept(std::string_view valid)
    {
        const char32_t r = next();
        if (r < 0x80 && valid.find(static_cast<char>(r)) != std::string_view::npos)
            return true;
        backup();
        return false;
    }

    void acceptRun(std::string_view valid)
    {
        while (accept(valid)) {
        }
    }

    std::string_view pending() const { return m_text.substr(m_start, m_pos - m_start); }

    void emit(Tok tok)
    {
        m_tokens.push_back(Token{tok, m_start, pending(), {}});
        m_start = m_pos;
    }

    void fail(std::string message)
    {
        m_tokens.push_back(Token{Tok::Eof, m_start, {}, std::move(message)});
        m_done = true;
    }

    void lexSpace()
    {
        while (isSpace(peek()))
            next();
        m_start = m_pos;
    }

    void lexLineComment()
    {
        ++m_pos;
        for (char32_t r = next(); r != '\n' && r != '\r' && r != kEof;)
            r = next();
        backup();
        m_start = m_pos;
    }

    void lexStatements()
    {
        if (m_text.substr(m_pos).starts_with('#'))
            return lexLineComment();
        const char32_t r = next();
        switch (r) {
        case kEof:
            if (m_parenDepth != 0)
                return fail("unclosed left parenthesis");
            if (m_bracketOpen)
                return fail("unclosed left bracket");
            emit(Tok::Eof);
            m_done = true;
            return;
        case ',':
            return emit(Tok::Comma);
        case ' ':
        case '\t':
        case '\n':
        case '\r':
            return lexSpace();
        case '*':
            return emit(Tok::Mul);
        case '/':
            return emit(Tok::Div);
        case '%':
            return emit(Tok::Mod);
        case '+':
            return emit(Tok::Add);
        case '-':
            return emit(Tok::Sub);
        case '^':
            return emit(Tok::Pow);
        case '=':
            if (peek() == '~')
                return fail("unexpected character after '=': '~'");
            if (accept("="))
                return emit(Tok::Eqlc);
            return emit(Tok::Eql);
        case '!':
            if (const char32_t t = next(); t != '=')
                return fail("unexpected character after '!': " + goQuoteRune(t));
            return emit(Tok::Neq);
        case '<':
            return emit(accept("=") ? Tok::Lte : Tok::Lss);
        case '>':
            return emit(accept("=") ? Tok::Gte : Tok::Gtr);
        case '"':
        case '\'':
            m_quote = r;
            return lexString();
        case '`':
            return lexRawString();
        case '(':
            ++m_parenDepth;
            return emit(Tok::LeftParen);
        case ')':
            emit(Tok::RightParen);
            if (--m_parenDepth < 0) {
                m_tokens.pop_back(); // the error takes its place
                return fail("unexpected right parenthesis ')'");
            }
            return;
        case '{':
            m_braceOpen = true;
            return emit(Tok::LeftBrace);
        case '[':
            if (m_bracketOpen)
                return fail("unexpected left bracket '['");
            m_gotColon = false;
            emit(Tok::LeftBracket);
            lexSpace();
            m_bracketOpen = true;
            m_durationNext = true;
            return;
        case ']':
            if (!m_bracketOpen)
                return fail("unexpected right bracket ']'");
            m_bracketOpen = false;
            return emit(Tok::RightBracket);
        case '@':
            return emit(Tok::At);
        default:
            break;
        }
        if (isDigit(r) || (r == '.' && isDigit(peek()))) {
            backup();
            return lexNumberOrDuration();
        }
        if (isAlpha(r) || r == ':') {
            if (!m_bracketOpen) {
                backup();
                return lexKeywordOrIdentifier();
            }
            // Prometheus 2.42 takes any letter after a range's duration for the subquery colon.
            if (m_gotColon)
                return fail("unexpected colon " + goQuoteRune(r));
            m_gotColon = true;
            return emit(Tok::Colon);
        }
        fail("unexpected character: " + goQuoteRune(r));
    }

    void lexInsideBraces()
    {
        if (m_text.substr(m_pos).starts_with('#'))
            return lexLineComment();
        const char32_t r = next();
        if (r == kEof)
            return fail("unexpected end of input inside braces");
        if (isSpace(r))
            return lexSpace();
        if (isAlpha(r)) {
            while (isAlphaNumeric(next())) {
            }
            backup();
            return emit(Tok::Identifier);
        }
        switch (r) {
        case ',':
            return emit(Tok::Comma);
        case '"':
        case '\'':
            m_quote = r;
            return lexString();
        case '`':
            return lexRawString();
        case '=':
            return emit(accept("~") ? Tok::EqlRegex : Tok::Eql);
        case '!': {
            const char32_t t = next();
            if (t == '~')
                return emit(Tok::NeqRegex);
            if (t == '=')
                return emit(Tok::Neq);
            return fail("unexpected character after '!' inside braces: " + goQuoteRune(t));
        }
        case '{':
            return fail("unexpected left brace '{'");
        case '}':
            m_braceOpen = false;
            return emit(Tok::RightBrace);
        default:
            return fail("unexpected character inside braces: " + goQuoteRune(r));
        }
    }

    void lexKeywordOrIdentifier()
    {
        for (char32_t r = next(); isAlphaNumeric(r) || r == ':';)
            r = next();
        backup();
        const std::string word = lowered(pending());
        const auto *keyword = std::find_if(kWords.begin(), kWords.end(), [&](const Word &w) { return w.text == word; });
        if (keyword != kWords.end())
            emit(keyword->tok);
        else
            emit(word.find(':') == std::string::npos ? Tok::Identifier : Tok::MetricIdentifier);
    }

    void lexString()
    {
        for (;;) {
            const char32_t r = next();
            if (r == '\\') {
                if (!lexEscape())
                    return;
            } else if (r == kRuneError) {
                return fail("invalid UTF-8 rune");
            } else if (r == kEof || r == '\n') {
                return fail("unterminated quoted string");
            } else if (r == m_quote) {
                return emit(Tok::String);
            }
        }
    }

    void lexRawString()
    {
        for (;;) {
            const char32_t r = next();
            if (r == kRuneError)
                return fail("invalid UTF-8 rune");
            if (r == kEof)
                return fail("unterminated raw string");
            if (r == '`')
                return emit(Tok::String);
        }
    }

    // After a backslash in a quoted string; false when it failed.
    bool lexEscape()
    {
        char32_t c = next();
        if (c == m_quote
            || (c < 0x80 && std::string_view("abfnrtv\\").find(static_cast<char>(c)) != std::string_view::npos))
            return true;
        int digits = 0;
        std::uint32_t base = 16;
        std::uint32_t max = 0x10FFFF;
        if (c >= '0' && c <= '7') {
            digits = 3;
            base = 8;
            max = 255;
        } else if (c == 'x' || c == 'u' || c == 'U') {
            digits = c == 'x' ? 2 : (c == 'u' ? 4 : 8);
            max = c == 'x' ? 255 : max;
            c = next();
        } else if (c == kEof) {
            fail("escape sequence not terminated");
            return false;
        } else {
            fail("unknown escape sequence " + goUnicode(c));
            return false;
        }
        std::uint32_t value = 0;
        while (digits > 0) {
            const auto lower = static_cast<char32_t>(c | 0x20);
            const std::uint32_t digit = isDigit(c) ? c - '0' : (lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : 16);
            if (digit >= base) {
                fail(c == kEof ? "escape sequence not terminated"
                               : "illegal character " + goUnicode(c) + " in escape sequence");
                return false;
            }
            value = value * base + digit;
            if (--digits > 0)
                c = next();
        }
        if (value > max || (value >= 0xD800 && value < 0xE000)) {
            fail("escape sequence is an invalid Unicode code point");
            return false;
        }
        return true;
    }

    // Digits, a fraction and an exponent, as far as they go; true when no letter or digit follows.
    bool scanNumber()
    {
        std::string_view digits = "0123456789";
        if (accept("0") && accept("xX"))
            digits = "0123456789abcdefABCDEF";
        acceptRun(digits);
        if (accept("."))
            acceptRun(digits);
        if (accept("eE")) {
            accept("+-");
            acceptRun("0123456789");
        }
        return !isAlphaNumeric(peek());
    }

    // Units after the number scanNumber() read, then more numbers and units; malformed ones are left for the
    // parser to reject.
    bool acceptRemainingDuration()
    {
        if (!accept("smhdwy"))
            return false;
        accept("s");
        while (accept("0123456789")) {
            acceptRun("0123456789");
            if (!accept("smhdw"))
                return false;
            accept("s");
        }
        return !isAlphaNumeric(next());
    }

    void lexNumberOrDuration()
    {
        if (scanNumber())
            return emit(Tok::Number);
        if (acceptRemainingDuration()) {
            backup();
            return emit(Tok::Duration);
        }
        fail("bad number or duration syntax: " + goQuote(pending()));
    }

    // Right after '['.
    void lexDuration()
    {
        if (scanNumber())
            return fail("missing unit character in duration");
        if (!acceptRemainingDuration())
            return fail("bad duration syntax: " + goQuote(pending()));
        backup();
        emit(Tok::Duration);
    }

    std::string_view m_text;
    std::vector<Token> m_tokens;
    std::size_t m_pos = 0;
    std::size_t m_start = 0;
    std::size_t m_width = 0;
    int m_parenDepth = 0;
    bool m_braceOpen = false;
    bool m_bracketOpen = false;
    bool m_gotColon = false;
    bool m_durationNext = false;
    bool m_done = false;
    char32_t m_quote = 0;
};

// A label value as the lexer accepted it, its escapes resolved (strutil.Unquote).
std::string unquote(std::string_view quoted)
{
    const std::string_view body = quoted.substr(1, quoted.size() - 2);
    if (quoted.front() == '`')
        return std::string(body);
    std::string out;
    for (std::size_t i = 0; i < body.size(); ++i) {
        if (body[i] != '\\') {
            out += body[i];
            continue;
        }
        const char c = body[++i];
        const std::size_t simple = std::string_view("abfnrtv").find(c);
        if (simple != std::string_view::npos) {
            out += "\a\b\f\n\r\t\v"[simple];
        } else if (c >= '0' && c <= '7') {
            out += static_cast<char>(std::stoi(std::string(body.substr(i, 3)), nullptr, 8));
            i += 2;
        } else if (c == 'x' || c == 'u' || c == 'U') {
            const std::size_t digits = c == 'x' ? 2 : (c == 'u' ? 4 : 8);
            const auto value = static_cast<char32_t>(std::stoul(std::string(body.substr(i + 1, digits)), nullptr, 16));
            if (c == 'x')
                out += static_cast<char>(value);
            else
                appendUtf8(out, value);
            i += digits;
        } else {
            out += c; // \\ and the quote
        }
    }
    return out;
}

// Go's regexp/syntax.Parse with the Perl flags, as labels.NewMatcher compiles a matcher's regular expression:
// its error message, or nullopt with whether the expression matches the empty string. The size and nesting
// limits Go adds for huge expressions are not checked.
class RegexCheck {
public:
    explicit RegexCheck(std::string_view re)
        : m_re(re)
        , m_lastPosixClose(re.rfind(":]"))
    {
    }

    std::optional<std::string> run(bool &matchesEmpty)
    {
        try {
            parse();
        } catch (const Error &error) {
            return "error parsing regexp: " + error.message;
        }
        matchesEmpty = m_frames.front().anyBranchEmpty;
        return std::nullopt;
    }

private:
    struct Operand {
        bool matchesEmpty;
        long need; // the least n for which Go's repeatIsValid(re, n) holds: nested {m} counts multiplied
    };

    // A group being parsed: its finished alternatives, and the concatenation of the current one.
    struct Frame {
        bool anyBranchEmpty = false;
        long branchesNeed = 0;
        bool concatEmpty = true;
        long concatNeed = 0;
        std::optional<Operand> last; // what a repetition operator applies to
    };

    struct Error {
        std::string message;
    };

    [[noreturn]] void fail(const char *code, std::string_view expr) const
    {
        throw Error{std::string(code) + ": `" + std::string(expr) + "`"};
    }

    // The operand a repetition could still apply to joins the concatenation.
    void flush()
    {
        Frame &frame = m_frames.back();
        if (frame.last) {
            frame.concatEmpty = frame.concatEmpty && frame.last->matchesEmpty;
            frame.concatNeed = std::max(frame.concatNeed, frame.last->need);
            frame.last.reset();
        }
    }

    void push(Operand operand)
    {
        flush();
        m_frames.back().last = operand;
    }

    void endBranch()
    {
        flush();
        Frame &frame = m_frames.back();
        frame.anyBranchEmpty = frame.anyBranchEmpty || frame.concatEmpty;
        frame.branchesNeed = std::max(frame.branchesNeed, frame.concatNeed);
        frame.concatEmpty = true;
        frame.concatNeed = 0;
    }

    Rune rune(std::size_t pos) const
    {
        const Rune r = decodeRune(m_re, pos);
        if (r.value == kRuneError && r.width == 1)
            fail("invalid UTF-8", m_re.substr(pos));
        return r;
    }

    bool at(std::size_t pos, char c) const { return pos < m_re.size() && m_re[pos] == c; }

    void parse()
    {
        std::size_t pos = 0;
        std::size_t lastRepeat = std::string_view::npos; // where the previous token started, if a repetition
        while (pos < m_re.size()) {
            std::size_t repeat = std::string_view::npos;
            const char c = m_re[pos];
            if (c == '(' && at(pos + 1, '?')) {
                pos = parsePerlFlags(pos);
            } else if (c == '(') {
                m_frames.emplace_back();
                ++pos;
            } else if (c == '|') {
                endBranch();
                ++pos;
            } else if (c == ')') {
                if (m_frames.size() == 1)
                    fail("unexpected )", m_re);
                endBranch();
                const Operand group{m_frames.back().anyBranchEmpty, m_frames.back().branchesNeed};
                m_frames.pop_back();
                push(group);
                ++pos;
            } else if (c == '^' || c == '$') {
                push({true, 0});
                ++pos;
            } else if (c == '.') {
                push({false, 0});
                ++pos;
            } else if (c == '[') {
                pos = parseClass(pos);
                push({false, 0});
            } else if (c == '*' || c == '+' || c == '?') {
                repeat = pos;
                pos = applyRepeat(pos, pos + 1, lastRepeat, c == '+' ? 1 : 0, c == '?' ? 1 : -1, false);
            } else if (c == '{' && parseRepeat(pos)) {
                repeat = pos;
                pos = applyRepeat(pos, m_repeatEnd, lastRepeat, m_min, m_max, true);
            } else if (c == '\\') {
                pos = parseBackslash(pos);
            } else {
                pos += rune(pos).width;
                push({false, 0});
            }
            lastRepeat = repeat;
        }
        endBranch();
        if (m_frames.size() != 1)
            fail("missing closing )", m_re);
    }

    // (?flags), (?flags:...) and (?P<name>...).
    std::size_t parsePerlFlags(std::size_t start)
    {
        const std::string_view rest = m_re.substr(start);
        if (rest.size() > 4 && rest[2] == 'P' && rest[3] == '<') {
            const std::size_t end = rest.find('>');
            if (end == std::string_view::npos) {
                checkUtf8(start);
                fail("invalid named capture", rest);
            }
            const std::string_view name = rest.substr(4, end - 4);
            if (name.empty() || !std::all_of(name.begin(), name.end(), [](char ch) { return isAlphaNumeric(ch); }))
                fail("invalid named capture", rest.substr(0, end + 1));
            m_frames.emplace_back();
            return start + end + 1;
        }
        std::size_t pos = start + 2;
        bool negated = false;
        bool sawFlag = false;
        while (pos < m_re.size()) {
            const Rune r = rune(pos);
            pos += r.width;
            if (r.value == 'i' || r.value == 'm' || r.value == 's' || r.value == 'U') {
                sawFlag = true;
            } else if (r.value == '-' && !negated) {
                negated = true;
                sawFlag = false;
            } else if ((r.value == ':' || r.value == ')') && (!negated || sawFlag)) {
                if (r.value == ':')
                    m_frames.emplace_back();
                return pos;
            } else {
                break;
            }
        }
        fail("invalid or unsupported Perl syntax", m_re.substr(start, pos - start));
    }

    void checkUtf8(std::size_t pos) const
    {
        while (pos < m_re.size())
            pos += rune(pos).width;
    }

    // {n}, {n,} or {n,m}, its numbers in m_min and m_max (-1: unbounded); false when it is a literal '{'.
    bool parseRepeat(std::size_t pos)
    {
        std::size_t i = pos + 1;
        if (!parseInt(i, m_min))
            return false;
        if (at(i, ',')) {
            ++i;
            if (at(i, '}')) {
                m_max = -1;
            } else if (!parseInt(i, m_max)) {
                return false;
            } else if (m_max < 0) {
                m_min = -1; // too big
            }
        } else {
            m_max = m_min;
        }
        if (!at(i, '}'))
            return false;
        m_repeatEnd = i + 1;
        return true;
    }

    // Decimal digits without a leading zero; -1 when too big.
    bool parseInt(std::size_t &pos, int &value) const
    {
        if (pos >= m_re.size() || !isDigit(static_cast<unsigned char>(m_re[pos])))
            return false;
        if (m_re[pos] == '0' && pos + 1 < m_re.size() && isDigit(static_cast<unsigned char>(m_re[pos + 1])))
            return false;
        value = 0;
        for (; pos < m_re.size() && isDigit(static_cast<unsigned char>(m_re[pos])); ++pos) {
            if (value >= 100000000)
                value = -1;
            else if (value >= 0)
                value = value * 10 + (m_re[pos] - '0');
        }
        return true;
    }

    // A repetition from start to after (a '?' after it makes it non-greedy), of min to max (-1: unbounded).
    std::size_t applyRepeat(std::size_t start, std::size_t after, std::size_t lastRepeat, int min, int max, bool braces)
    {
        if (braces && (min < 0 || min > 1000 || max > 1000 || (max >= 0 && min > max)))
            fail("invalid repeat count", m_re.substr(start, after - start));
        if (at(after, '?'))
            ++after;
        if (lastRepeat != std::string_view::npos)
            fail("invalid nested repetition operator", m_re.substr(lastRepeat, after - lastRepeat));
        std::optional<Operand> &operand = m_frames.back().last;
        if (!operand)
            fail("missing argument to repetition operator", m_re.substr(start, after - start));
        operand->matchesEmpty = operand->matchesEmpty || min == 0;
        if (braces) {
            const long count = max < 0 ? min : max;
            constexpr long kCap = 1000000;
            if (max == 0)
                operand->need = 0;
            else if (count > 0)
                operand->need = std::min(kCap, std::max(count, count * operand->need));
            if ((min >= 2 || max >= 2) && operand->need > 1000)
                fail("invalid repeat count", m_re.substr(start, after - start));
        }
        return after;
    }

    std::size_t parseBackslash(std::size_t pos)
    {
        if (pos + 1 < m_re.size()) {
            switch (m_re[pos + 1]) {
            case 'A':
            case 'B':
            case 'z':
                push({true, 0});
                return pos + 2;
            case 'b':
                push({false, 0});
                return pos + 2;
            case 'C':
                fail("invalid escape sequence", "\\C");
            case 'Q': {
                const std::size_t end = m_re.find("\\E", pos + 2);
                const std::size_t stop = end == std::string_view::npos ? m_re.size() : end;
                for (std::size_t i = pos + 2; i < stop; i += rune(i).width)
                    push({false, 0});
                return end == std::string_view::npos ? stop : end + 2;
            }
            default:
                break;
            }
        }
        if (const std::size_t after = parseClassEscape(pos)) {
            push({false, 0});
            return after;
        }
        pos = parseEscape(pos).second;
        push({false, 0});
        return pos;
    }

    // \pL, \p{Greek}, \PL, \d, \s, \w and their negations: the position after it, or 0 if it is none of them.
    std::size_t parseClassEscape(std::size_t pos) const
    {
        if (!at(pos, '\\') || pos + 1 >= m_re.size())
            return 0;
        const char kind = m_re[pos + 1];
        if (std::string_view("dDsSwW").find(kind) != std::string_view::npos)
            return pos + 2;
        if (kind != 'p' && kind != 'P')
            return 0;
        std::string_view name;
        std::size_t end = 0;
        if (at(pos + 2, '{')) {
            const std::size_t close = m_re.find('}', pos);
            if (close == std::string_view::npos) {
                checkUtf8(pos);
                fail("invalid character class range", m_re.substr(pos));
            }
            name = m_re.substr(pos + 3, close - pos - 3);
            end = close + 1;
        } else {
            end = pos + 2 + rune(pos + 2).width;
            name = m_re.substr(pos + 2, end - pos - 2);
        }
        if (name.starts_with('^'))
            name.remove_prefix(1);
        if (!isUnicodeClass(name))
            fail("invalid character class range", m_re.substr(pos, end - pos));
        return end;
    }

    // Go 1.19's unicode.Categories and unicode.Scripts (Unicode 13), and "Any".
    static bool isUnicodeClass(std::string_view name)
    {
        constexpr std::string_view kClasses =
            "Any C Cc Cf Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl "
            "Zp Zs Adlam Ahom Anatolian_Hieroglyphs Arabic Armenian Avestan Balinese Bamum Bassa_Vah Batak "
            "Bengali Bhaiksuki Bopomofo Brahmi Braille Buginese Buhid Canadian_Aboriginal Carian "
            "Caucasian_Albanian Chakma Cham Cherokee Chorasmian Common Coptic Cuneiform Cypriot Cyrillic Deseret "
            "Devanagari Dives_Akuru Dogra Duployan Egyptian_Hieroglyphs Elbasan Elymaic Ethiopic Georgian "
            "Glagolitic Gothic Grantha Greek Gujarati Gunjala_Gondi Gurmukhi Han Hangul Hanifi_Rohingya Hanunoo "
            "Hatran Hebrew Hiragana Imperial_Aramaic Inherited Inscriptional_Pahlavi Inscriptional_Parthian "
            "Javanese Kaithi Kannada Katakana Kayah_Li Kharoshthi Khitan_Small_Script Khmer Khojki Khudawadi Lao "
            "Latin Lepcha Limbu Linear_A Linear_B Lisu Lycian Lydian Mahajani Makasar Malayalam Mandaic "
            "Manichaean Marchen Masaram_Gondi Medefaidrin Meetei_Mayek Mende_Kikakui Meroitic_Cursive "
            "Meroitic_Hieroglyphs Miao Modi Mongolian Mro Multani Myanmar Nabataean Nandinagari New_Tai_Lue Newa "
            "Nko Nushu Nyiakeng_Puachue_Hmong Ogham Ol_Chiki Old_Hungarian Old_Italic Old_North_Arabian "
            "Old_Permic Old_Persian Old_Sogdian Old_South_Arabian Old_Turkic Oriya Osage Osmanya Pahawh_Hmong "
            "Palmyrene Pau_Cin_Hau Phags_Pa Phoenician Psalter_Pahlavi Rejang Runic Samaritan Saurashtra Sharada "
            "Shavian Siddham SignWriting Sinhala Sogdian Sora_Sompeng Soyombo Sundanese Syloti_Nagri Syriac "
            "Tagalog Tagbanwa Tai_Le Tai_Tham Tai_Viet Takri Tamil Tangut Telugu Thaana Thai Tibetan Tifinagh "
            "Tirhuta Ugaritic Vai Wancho Warang_Citi Yezidi Yi Zanabazar_Square";
        for (std::size_t pos = 0; pos < kClasses.size();) {
            const std::size_t end = std::min(kClasses.find(' ', pos), kClasses.size());
            if (kClasses.substr(pos, end - pos) == name)
                return true;
            pos = end + 1;
        }
        return false;
    }

    // A backslash escape standing for one character: the character and the position after it.
    std::pair<char32_t, std::size_t> parseEscape(std::size_t start) const
    {
        std::size_t pos = start + 1;
        if (pos >= m_re.size())
            fail("trailing backslash at end of expression", "");
        const Rune r = rune(pos);
        pos += r.width;
        const char32_t c = r.value;
        const auto octal = [&](std::size_t i) { return i < m_re.size() && m_re[i] >= '0' && m_re[i] <= '7'; };
        const auto unhex = [](char32_t ch) -> int {
            const auto lower = static_cast<char32_t>(ch | 0x20);
            return isDigit(ch) ? static_cast<int>(ch - '0')
                               : (lower >= 'a' && lower <= 'f' ? int(lower - 'a') + 10 : -1);
        };
        if (c == '0' || (c >= '1' && c <= '7' && octal(pos))) {
            char32_t value = c - '0';
            for (int i = 1; i < 3 && octal(pos); ++i)
                value = value * 8 + static_cast<char32_t>(m_re[pos++] - '0');
            return {value, pos};
        }
        if (c == 'x' && pos < m_re.size()) {
            const Rune first = rune(pos);
            pos += first.width;
            if (first.value == '{') {
                char32_t value = 0;
                int digits = 0;
                for (;;) {
                    if (pos >= m_re.size())
                        fail("invalid escape sequence", m_re.substr(start, pos - start));
                    const Rune d = rune(pos);
                    pos += d.width;
                    if (d.value == '}')
                        break;
                    if (unhex(d.value) < 0 || (value = value * 16 + static_cast<char32_t>(unhex(d.value))) > 0x10FFFF)
                        fail("invalid escape sequence", m_re.substr(start, pos - start));
                    ++digits;
                }
                if (digits == 0)
                    fail("invalid escape sequence", m_re.substr(start, pos - start));
                return {value, pos};
            }
            const Rune second = rune(pos);
            pos += second.width;
            if (unhex(first.value) < 0 || unhex(second.value) < 0)
                fail("invalid escape sequence", m_re.substr(start, pos - start));
            return {static_cast<char32_t>(unhex(first.value) * 16 + unhex(second.value)), pos};
        }
        constexpr std::string_view kControls = "afnrtv";
        if (c < 0x80 && kControls.find(static_cast<char>(c)) != std::string_view::npos)
            return {std::string_view("\a\f\n\r\t\v")[kControls.find(static_cast<char>(c))], pos};
        // Any other ASCII but a letter or digit stands for itself.
        if (c < 0x80 && (c == '_' || !isAlphaNumeric(c)))
            return {c, pos};
        fail("invalid escape sequence", m_re.substr(start, pos - start));
    }

    // [...]: the position after it.
    std::size_t parseClass(std::size_t start)
    {
        std::size_t pos = start + 1;
        if (at(pos, '^'))
            ++pos;
        for (bool first = true; pos >= m_re.size() || m_re[pos] != ']' || first; first = false) {
            if (m_re.size() - std::min(pos, m_re.size()) > 2 && m_re[pos] == '[' && m_re[pos + 1] == ':') {
                // Go takes the nearest ":]" anywhere after it; the last one says cheaply whether there is one.
                const bool closed = m_lastPosixClose != std::string_view::npos && m_lastPosixClose >= pos + 2;
                const std::size_t close = closed ? m_re.find(":]", pos + 2) : std::string_view::npos;
                if (close != std::string_view::npos) {
                    const std::string_view name = m_re.substr(pos, close + 2 - pos);
                    if (!isPosixClass(name))
                        fail("invalid character class range", name);
                    pos = close + 2;
                    continue;
                }
            }
            if (const std::size_t after = parseClassEscape(pos)) {
                pos = after;
                continue;
            }
            const std::size_t rangeStart = pos;
            const auto [low, afterLow] = parseClassChar(pos, start);
            pos = afterLow;
            if (pos + 1 < m_re.size() && m_re[pos] == '-' && m_re[pos + 1] != ']') {
                const auto [high, afterHigh] = parseClassChar(pos + 1, start);
                pos = afterHigh;
                if (high < low)
                    fail("invalid character class range", m_re.substr(rangeStart, pos - rangeStart));
            }
        }
        return pos + 1;
    }

    std::pair<char32_t, std::size_t> parseClassChar(std::size_t pos, std::size_t classStart) const
    {
        if (pos >= m_re.size())
            fail("missing closing ]", m_re.substr(classStart));
        if (m_re[pos] == '\\')
            return parseEscape(pos);
        const Rune r = rune(pos);
        return {r.value, pos + r.width};
    }

    static bool isPosixClass(std::string_view name)
    {
        constexpr std::array<std::string_view, 14> kNames{"alnum", "alpha", "ascii", "blank", "cntrl",
                                                          "digit", "graph", "lower", "print", "punct",
                                                          "space", "upper", "word",  "xdigit"};
        std::string_view inner = name.substr(2, name.size() - 4);
        if (inner.starts_with('^'))
            inner.remove_prefix(1);
        return contains(kNames, inner);
    }

    std::string_view m_re;
    std::size_t m_lastPosixClose;
    std::vector<Frame> m_frames = std::vector<Frame>(1);
    int m_min = 0;
    int m_max = 0;
    std::size_t m_repeatEnd = 0;
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
        std::array<char, 64> buffer{};
        std::snprintf(buffer.data(), buffer.size(), " @ %.3f", kept / 1000.0);
        out += buffer.data();
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
        , m_tokens(Lexer(text).tokens())
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
        // Go's %q, shortened to 10 runes and "..." past 10 bytes.
        const auto quoted = [&] {
            return token.text.size() > 10 ? goQuote(token.text, 10) + "..." : goQuote(token.text);
        };
        switch (token.tok) {
        case Tok::Eof:
            return "end of input";
        case Tok::Identifier:
            return "identifier " + goQuote(token.text);
        case Tok::MetricIdentifier:
            return "metric identifier " + goQuote(token.text);
        case Tok::Number:
            return "number " + quoted();
        case Tok::String:
            return "string " + quoted();
        case Tok::Duration:
            return "duration " + quoted();
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
        return quoted();
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

    // An identifier the lexer reads as nothing else.
    static bool isPlainName(std::string_view text)
    {
        const auto keyword =
            std::find_if(kWords.begin(), kWords.end(), [&](const Word &w) { return w.text == lowered(text); });
        return !text.empty() && (isAlpha(text[0]) || text[0] == ':') && keyword == kWords.end()
               && std::all_of(text.begin(), text.end(), [](char c) { return isAlphaNumeric(c) || c == ':'; });
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
                auto error = RegexCheck("^(?:" + m.value + ")$").run(anchoredMatchesEmpty);
                if (!error)
                    error = RegexCheck(m.value).run(unused);
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
