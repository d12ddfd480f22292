#include "core/alerting/GoTemplate.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <map>
#include <utility>
#include <vector>

#include "core/alerting/GoFormat.h"
#include "core/support/Utf8.h"

// A port of the checks of Go 1.19's text/template/parse (lex.go, parse.go and node.go's number parsing) that
// build no tree: what matters is whether Go accepts the template, and why not.
namespace rl {

namespace {

// Prometheus 2.42's template expander (template/template.go), then Go's builtins.
constexpr std::string_view kFunctions[] = {"args",
                                           "externalURL",
                                           "first",
                                           "graphLink",
                                           "humanize",
                                           "humanize1024",
                                           "humanizeDuration",
                                           "humanizePercentage",
                                           "humanizeTimestamp",
                                           "label",
                                           "match",
                                           "parseDuration",
                                           "pathPrefix",
                                           "query",
                                           "reReplaceAll",
                                           "safeHtml",
                                           "sortByLabel",
                                           "stripDomain",
                                           "stripPort",
                                           "strvalue",
                                           "tableLink",
                                           "title",
                                           "toLower",
                                           "toTime",
                                           "toUpper",
                                           "value",
                                           "and",
                                           "call",
                                           "eq",
                                           "ge",
                                           "gt",
                                           "html",
                                           "index",
                                           "js",
                                           "le",
                                           "len",
                                           "lt",
                                           "ne",
                                           "not",
                                           "or",
                                           "print",
                                           "printf",
                                           "println",
                                           "slice",
                                           "urlquery"};

// What rulefmt puts before each label and annotation it checks (testTemplateParsing).
constexpr std::string_view kDeclarations =
    "{{$labels := .Labels}}{{$externalLabels := .ExternalLabels}}{{$externalURL := .ExternalURL}}{{$value := .Value}}";

// Nesting of blocks and parentheses: the parser recurses per level. Go allows more; no template needs as many.
constexpr int kMaxDepth = 100;

constexpr int kEof = -1;

struct Failure {
    std::size_t line;
    std::string message;
};

enum class Item {
    Bool,
    Char, // one printable ASCII character: a grab bag for "," and the like
    CharConstant,
    Complex,
    Assign,
    Declare,
    Eof,
    Field,
    Identifier,
    LeftDelim,
    LeftParen,
    Number,
    Pipe,
    RawString,
    RightDelim,
    RightParen,
    Space,
    String,
    Text,
    Variable,
    // The keywords, from here on.
    Block,
    Break,
    Continue,
    Dot,
    Define,
    Else,
    End,
    If,
    Nil,
    Range,
    Template,
    With,
};

struct Token {
    Item type = Item::Eof;
    std::string_view text;
    std::size_t line = 1;
};

bool isSpace(int r)
{
    return r == ' ' || r == '\t' || r == '\r' || r == '\n';
}

bool isDigit(int r)
{
    return r >= '0' && r <= '9';
}

char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Go's unicode.IsLetter or IsDigit, with every non-ASCII character but an invalid byte counted as a letter:
// symbols such as U+2603 are the rare exception accepted here.
bool isAlphaNumeric(int r)
{
    return r == '_' || isDigit(r) || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z')
           || (r >= 0x80 && r != static_cast<int>(kRuneError));
}

// A decoded character as the lexer compares it: kEof at the end of the text.
int runeOf(Rune rune)
{
    return rune.width == 0 ? kEof : static_cast<int>(rune.value);
}

// strconv's underscoreOK: underscores only between digits, or after a base prefix.
bool underscoresOk(std::string_view text)
{
    char saw = '^';
    std::size_t i = 0;
    if (text.starts_with('-') || text.starts_with('+'))
        text.remove_prefix(1);
    bool hex = false;
    if (text.size() >= 2 && text[0] == '0'
        && (lower(text[1]) == 'b' || lower(text[1]) == 'o' || lower(text[1]) == 'x')) {
        i = 2;
        saw = '0';
        hex = lower(text[1]) == 'x';
    }
    for (; i < text.size(); ++i) {
        const char c = lower(text[i]);
        if (isDigit(c) || (hex && c >= 'a' && c <= 'f')) {
            saw = '0';
        } else if (c == '_') {
            if (saw != '0')
                return false;
            saw = '_';
        } else {
            if (saw == '_')
                return false;
            saw = '!';
        }
    }
    return saw != '_';
}

// Whether Go's strconv.ParseInt or ParseUint accept text in base 0.
bool isGoInteger(std::string_view text)
{
    const bool negative = text.starts_with('-');
    const bool hasSign = negative || text.starts_with('+');
    std::string_view digits = text.substr(hasSign ? 1 : 0);
    if (digits.empty())
        return false;
    unsigned base = 10;
    if (digits[0] == '0') {
        const char prefix = digits.size() >= 3 ? lower(digits[1]) : '\0';
        base = prefix == 'b' ? 2 : prefix == 'x' ? 16 : 8;
        digits.remove_prefix(prefix == 'b' || prefix == 'o' || prefix == 'x' ? 2 : 1);
    }
    std::uint64_t value = 0;
    for (const char c : digits) {
        if (c == '_')
            continue;
        const char l = lower(c);
        const unsigned digit = isDigit(l) ? unsigned(l - '0') : l >= 'a' && l <= 'z' ? unsigned(l - 'a' + 10) : 99;
        if (digit >= base || value > (UINT64_MAX - digit) / base)
            return false;
        value = value * base + digit;
    }
    if (text.find('_') != std::string_view::npos && !underscoresOk(text))
        return false;
    // ParseUint takes no sign; ParseInt's range is int64's.
    constexpr std::uint64_t kInt64Max = INT64_MAX;
    return !hasSign || value <= (negative ? kInt64Max + 1 : kInt64Max);
}

// Whether Go's strconv.ParseFloat(text, 64) accepts text: decimal or hexadecimal, and finite.
bool isGoFloat(std::string_view text)
{
    std::size_t i = text.starts_with('-') || text.starts_with('+') ? 1 : 0;
    const bool hex = text.size() > i + 2 && text[i] == '0' && lower(text[i + 1]) == 'x';
    if (hex)
        i += 2;
    const std::size_t mantissa = i;
    bool dot = false;
    bool digits = false;
    for (; i < text.size(); ++i) {
        const char c = lower(text[i]);
        if (c == '.' && !dot)
            dot = true;
        else if (isDigit(c) || (hex && c >= 'a' && c <= 'f'))
            digits = true;
        else if (c != '_')
            break;
    }
    if (!digits)
        return false;
    bool negativeExponent = false;
    if (i < text.size() && lower(text[i]) == (hex ? 'p' : 'e')) {
        ++i;
        negativeExponent = i < text.size() && text[i] == '-';
        if (i < text.size() && (text[i] == '+' || text[i] == '-'))
            ++i;
        if (i >= text.size() || !isDigit(text[i]))
            return false;
        while (i < text.size() && (isDigit(text[i]) || text[i] == '_'))
            ++i;
    } else if (hex) {
        return false; // a hexadecimal float needs its p exponent
    }
    if (i != text.size() || (text.find('_') != std::string_view::npos && !underscoresOk(text)))
        return false;
    std::string plain = text.starts_with('-') ? "-" : "";
    for (const char c : text.substr(mantissa))
        if (c != '_')
            plain += c;
    double value = 0;
    const auto result = std::from_chars(plain.data(), plain.data() + plain.size(), value,
                                        hex ? std::chars_format::hex : std::chars_format::general);
    // Out of range and a negative exponent: underflow to zero, which Go accepts, unlike overflow.
    return result.ec != std::errc::result_out_of_range || negativeExponent;
}

// strconv.UnquoteChar: consumes one character or escape of a string quoted with quote; false if invalid.
bool unquoteChar(std::string_view &text, char quote)
{
    if (text.empty() || text[0] == quote)
        return false;
    if (text[0] != '\\') {
        text.remove_prefix(decodeRune(text, 0).width);
        return true;
    }
    if (text.size() < 2)
        return false;
    const char c = text[1];
    text.remove_prefix(2);
    switch (c) {
    case 'a':
    case 'b':
    case 'f':
    case 'n':
    case 'r':
    case 't':
    case 'v':
    case '\\':
        return true;
    case '\'':
    case '"':
        return c == quote;
    case 'x':
    case 'u':
    case 'U': {
        const std::size_t n = c == 'x' ? 2 : c == 'u' ? 4 : 8;
        if (text.size() < n)
            return false;
        std::uint32_t value = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + n, value, 16);
        if (error != std::errc() || end != text.data() + n)
            return false;
        text.remove_prefix(n);
        return c == 'x' || (value <= 0x10FFFF && (value < 0xD800 || value > 0xDFFF));
    }
    default:
        if (c < '0' || c > '7' || text.size() < 2 || text[0] < '0' || text[0] > '7' || text[1] < '0' || text[1] > '7')
            return false;
        const int value = (c - '0') * 64 + (text[0] - '0') * 8 + (text[1] - '0');
        text.remove_prefix(2);
        return value <= 255;
    }
}

// strconv.Unquote of a "..." or `...` token (the lexer has found its closing quote).
bool isGoString(std::string_view token)
{
    if (token.starts_with('`'))
        return true;
    std::string_view content = token.substr(1, token.size() - 2);
    while (!content.empty()) {
        if (!unquoteChar(content, '"'))
            return false;
    }
    return true;
}

// Go's text/template lexer (lex.go): one token at a time. A lexical error throws when the parser asks for the
// token after the last good one, as Go's lexer hands out an error item then.
class Lexer {
public:
    explicit Lexer(std::string_view input)
        : m_input(input)
    {
    }

    Token next()
    {
        if (m_error)
            throw *m_error;
        try {
            return scan();
        } catch (const Failure &failure) {
            m_error = failure;
            throw;
        }
    }

private:
    enum class State { Text, LeftDelim, Action };

    Token scan()
    {
        for (;;) {
            switch (m_state) {
            case State::Text:
                if (auto text = lexText())
                    return *text;
                break;
            case State::LeftDelim:
                if (auto delim = lexLeftDelim())
                    return *delim;
                break;
            case State::Action:
                return lexInsideAction();
            }
        }
    }

    [[noreturn]] void fail(const std::string &message) { throw Failure{lineAt(m_start), message}; }

    std::size_t lineAt(std::size_t pos)
    {
        // Positions asked for only grow, so lines are counted once.
        m_line += static_cast<std::size_t>(std::count(m_input.begin() + static_cast<std::ptrdiff_t>(m_linePos),
                                                      m_input.begin() + static_cast<std::ptrdiff_t>(pos), '\n'));
        m_linePos = pos;
        return m_line;
    }

    Token emit(Item type)
    {
        const Token token{type, m_input.substr(m_start, m_pos - m_start), lineAt(m_start)};
        m_start = m_pos;
        return token;
    }

    int nextRune()
    {
        const Rune rune = decodeRune(m_input, m_pos);
        m_width = rune.width;
        m_pos += rune.width;
        return runeOf(rune);
    }

    int peekRune() const { return runeOf(decodeRune(m_input, m_pos)); }
    void backup() { m_pos -= m_width; }
    std::string_view rest() const { return m_input.substr(std::min(m_pos, m_input.size())); }

    bool accept(std::string_view valid)
    {
        const int rune = nextRune();
        if (rune > 0 && rune < 0x80 && valid.find(static_cast<char>(rune)) != std::string_view::npos)
            return true;
        backup();
        return false;
    }

    void acceptRun(std::string_view valid)
    {
        while (accept(valid)) {
        }
    }

    void skipSpaces()
    {
        while (isSpace(peekRune()))
            nextRune();
        m_start = m_pos;
    }

    static bool hasLeftTrimMarker(std::string_view text)
    {
        return text.size() >= 2 && text[0] == '-' && isSpace(text[1]);
    }
    static bool hasRightTrimMarker(std::string_view text)
    {
        return text.size() >= 2 && isSpace(text[0]) && text[1] == '-';
    }

    // Whether "}}" or " -}}" follows, and which.
    std::pair<bool, bool> atRightDelim() const
    {
        if (hasRightTrimMarker(rest()) && rest().substr(2).starts_with("}}"))
            return {true, true};
        return {rest().starts_with("}}"), false};
    }

    // A character that may follow an identifier, field or variable.
    bool atTerminator() const
    {
        const int rune = peekRune();
        return isSpace(rune) || rune == kEof || rune == '.' || rune == ',' || rune == '|' || rune == ':' || rune == ')'
               || rune == '(' || rune == '}';
    }

    std::optional<Token> lexText()
    {
        const std::size_t open = m_input.find("{{", m_pos);
        if (open == std::string_view::npos) {
            m_pos = m_input.size();
            return emit(m_pos > m_start ? Item::Text : Item::Eof);
        }
        // "{{- " trims the spaces before it.
        std::size_t end = open;
        if (hasLeftTrimMarker(m_input.substr(open + 2))) {
            while (end > m_start && isSpace(m_input[end - 1]))
                --end;
        }
        m_state = State::LeftDelim;
        std::optional<Token> text;
        if (end > m_start) {
            m_pos = end;
            text = emit(Item::Text);
        }
        m_pos = m_start = open;
        return text;
    }

    std::optional<Token> lexLeftDelim()
    {
        m_pos += 2;
        const std::size_t marker = hasLeftTrimMarker(rest()) ? 2 : 0;
        if (rest().substr(marker).starts_with("/*")) {
            m_pos += marker;
            m_start = m_pos;
            lexComment();
            return std::nullopt;
        }
        const Token delim = emit(Item::LeftDelim);
        m_pos += marker;
        m_start = m_pos;
        m_parenDepth = 0;
        m_state = State::Action;
        return delim;
    }

    void lexComment()
    {
        const std::size_t close = m_input.find("*/", m_pos + 2);
        if (close == std::string_view::npos)
            fail("unclosed comment");
        m_pos = close + 2;
        const auto [delim, trim] = atRightDelim();
        if (!delim)
            fail("comment ends before closing delimiter");
        m_pos += trim ? 4 : 2;
        if (trim)
            skipSpaces();
        m_start = m_pos;
        m_state = State::Text;
    }

    Token lexRightDelim(bool trim)
    {
        if (trim) {
            m_pos += 2;
            m_start = m_pos;
        }
        m_pos += 2;
        const Token delim = emit(Item::RightDelim);
        if (trim)
            skipSpaces();
        m_state = State::Text;
        return delim;
    }

    Token lexInsideAction()
    {
        if (const auto [delim, trim] = atRightDelim(); delim) {
            if (m_parenDepth != 0)
                fail("unclosed left paren");
            return lexRightDelim(trim);
        }
        const int rune = nextRune();
        switch (rune) {
        case kEof:
            fail("unclosed action");
        case '=':
            return emit(Item::Assign);
        case ':':
            if (nextRune() != '=')
                fail("expected :=");
            return emit(Item::Declare);
        case '|':
            return emit(Item::Pipe);
        case '"':
            return lexQuote('"', Item::String, "unterminated quoted string");
        case '\'':
            return lexQuote('\'', Item::CharConstant, "unterminated character constant");
        case '`': {
            const std::size_t close = m_input.find('`', m_pos);
            if (close == std::string_view::npos)
                fail("unterminated raw quoted string");
            m_pos = close + 1;
            return emit(Item::RawString);
        }
        case '$':
            return lexFieldOrVariable(Item::Variable);
        case '(':
            ++m_parenDepth;
            return emit(Item::LeftParen);
        case ')': {
            const Token paren = emit(Item::RightParen);
            if (--m_parenDepth < 0)
                m_error = Failure{paren.line, "unexpected right paren U+0029 ')'"};
            return paren;
        }
        default:
            break;
        }
        if (isSpace(rune)) {
            backup();
            return lexSpace();
        }
        if (rune == '.' && m_pos < m_input.size() && !isDigit(m_input[m_pos]))
            return lexFieldOrVariable(Item::Field);
        if (rune == '.' || rune == '+' || rune == '-' || isDigit(rune)) {
            backup();
            return lexNumber();
        }
        if (isAlphaNumeric(rune)) {
            backup();
            return lexIdentifier();
        }
        if (rune < 0x7F && rune >= 0x20)
            return emit(Item::Char);
        fail("unrecognized character in action: " + goUnicode(static_cast<char32_t>(rune)));
    }

    // Spaces; the last one may be the start of " -}}".
    Token lexSpace()
    {
        std::size_t spaces = 0;
        while (isSpace(peekRune())) {
            nextRune();
            ++spaces;
        }
        if (hasRightTrimMarker(m_input.substr(m_pos - 1)) && rest().substr(1).starts_with("}}")) {
            --m_pos;
            if (spaces == 1)
                return lexRightDelim(true);
        }
        return emit(Item::Space);
    }

    Token lexIdentifier()
    {
        int rune = 0;
        while (isAlphaNumeric(rune = nextRune())) {
        }
        backup();
        const std::string_view word = m_input.substr(m_start, m_pos - m_start);
        if (!atTerminator())
            fail("bad character " + goUnicode(static_cast<char32_t>(rune)));
        static const std::map<std::string_view, Item> kKeywords{{"block", Item::Block},
                                                                {"break", Item::Break},
                                                                {"continue", Item::Continue},
                                                                {"define", Item::Define},
                                                                {"else", Item::Else},
                                                                {"end", Item::End},
                                                                {"if", Item::If},
                                                                {"nil", Item::Nil},
                                                                {"range", Item::Range},
                                                                {"template", Item::Template},
                                                                {"with", Item::With}};
        if (const auto keyword = kKeywords.find(word); keyword != kKeywords.end())
            return emit(keyword->second);
        return emit(word == "true" || word == "false" ? Item::Bool : Item::Identifier);
    }

    // After the "." or "$": ".Name", "$name", or "." and "$" alone.
    Token lexFieldOrVariable(Item type)
    {
        if (atTerminator())
            return emit(type == Item::Variable ? Item::Variable : Item::Dot);
        int rune = 0;
        while (isAlphaNumeric(rune = nextRune())) {
        }
        backup();
        if (!atTerminator())
            fail("bad character " + goUnicode(static_cast<char32_t>(rune)));
        return emit(type);
    }

    Token lexQuote(char quote, Item type, const char *unterminated)
    {
        for (;;) {
            int rune = nextRune();
            if (rune == '\\')
                rune = nextRune() == '\n' ? '\n' : 0;
            if (rune == kEof || rune == '\n')
                fail(unterminated);
            if (rune == quote)
                return emit(type);
        }
    }

    // Not a perfect number scanner: the parser checks what it accepts, as Go's does.
    Token lexNumber()
    {
        if (!scanNumber())
            fail("bad number syntax: " + goQuote(m_input.substr(m_start, m_pos - m_start)));
        if (const int sign = peekRune(); sign == '+' || sign == '-') {
            // A complex number: 1+2i.
            if (!scanNumber() || m_input[m_pos - 1] != 'i')
                fail("bad number syntax: " + goQuote(m_input.substr(m_start, m_pos - m_start)));
            return emit(Item::Complex);
        }
        return emit(Item::Number);
    }

    bool scanNumber()
    {
        accept("+-");
        std::string_view digits = "0123456789_";
        if (accept("0")) {
            if (accept("xX"))
                digits = "0123456789abcdefABCDEF_";
            else if (accept("oO"))
                digits = "01234567_";
            else if (accept("bB"))
                digits = "01_";
        }
        acceptRun(digits);
        if (accept("."))
            acceptRun(digits);
        if (digits.size() == 11 && accept("eE")) {
            accept("+-");
            acceptRun("0123456789_");
        }
        if (digits.size() == 23 && accept("pP")) {
            accept("+-");
            acceptRun("0123456789_");
        }
        accept("i");
        if (isAlphaNumeric(peekRune())) {
            nextRune();
            return false;
        }
        return true;
    }

    std::string_view m_input;
    std::size_t m_pos = 0;
    std::size_t m_start = 0;
    std::size_t m_width = 0;
    std::size_t m_line = 1;
    std::size_t m_linePos = 0;
    State m_state = State::Text;
    int m_parenDepth = 0;
    std::optional<Failure> m_error;
};

// Go's parse.Tree, keeping only what its checks need. Templates of {{define}} and {{block}} are parsed as trees
// of their own: only $ is declared in them, and they are outside any {{range}}.
class Parser {
public:
    Parser(std::string_view text, std::string_view name)
        : m_lexer(text)
        , m_name(name)
    {
    }

    void parse()
    {
        m_vars = {"$"};
        bool empty = true;
        while (peek().type != Item::Eof) {
            if (peek().type == Item::LeftDelim) {
                const Token delim = next();
                if (nextNonSpace().type == Item::Define) {
                    parseDefinition();
                    continue;
                }
                backup2(delim);
            }
            const Node node = textOrAction();
            if (node.kind == Kind::End || node.kind == Kind::Else)
                fail("unexpected " + describe(node.kind));
            empty = empty && node.empty;
        }
        add(m_name, empty);
    }

private:
    enum class Kind { Text, Action, End, Else, Bool, Dot, Nil, Number, String, Field, Variable, Other };

    struct Node {
        Kind kind;
        bool empty = false; // for text, blank: Go's IsEmptyTree
        std::string_view text = {};
    };

    struct Scope {
        std::vector<std::string_view> vars;
        int rangeDepth;
    };

    // Counts a level of nesting for the lifetime of the guard.
    class Nesting {
    public:
        explicit Nesting(Parser &parser)
            : m_parser(parser)
        {
            if (++m_parser.m_depth > kMaxDepth)
                m_parser.fail("nested more than " + std::to_string(kMaxDepth) + " levels deep");
        }
        ~Nesting() { --m_parser.m_depth; }
        Nesting(const Nesting &) = delete;
        Nesting &operator=(const Nesting &) = delete;

    private:
        Parser &m_parser;
    };

    static std::string describe(Kind kind) { return kind == Kind::End ? "{{end}}" : "{{else}}"; }

    static std::string describe(const Token &token)
    {
        if (token.type == Item::Eof)
            return "EOF";
        if (token.type >= Item::Block)
            return "<" + std::string(token.text) + ">";
        return goQuoteToken(token.text);
    }

    [[noreturn]] void fail(const std::string &message) const { throw Failure{m_token[0].line, message}; }
    [[noreturn]] void unexpected(const Token &token, std::string_view context) const
    {
        fail("unexpected " + describe(token) + " in " + std::string(context));
    }

    // Go's three-token lookahead, with its exact backup rules.
    Token next()
    {
        if (m_peekCount > 0)
            --m_peekCount;
        else
            m_token[0] = m_lexer.next();
        return m_token[m_peekCount];
    }

    void backup() { ++m_peekCount; }

    void backup2(const Token &t1)
    {
        m_token[1] = t1;
        m_peekCount = 2;
    }

    void backup3(const Token &t2, const Token &t1)
    {
        m_token[1] = t1;
        m_token[2] = t2;
        m_peekCount = 3;
    }

    Token peek()
    {
        if (m_peekCount > 0)
            return m_token[m_peekCount - 1];
        m_peekCount = 1;
        m_token[0] = m_lexer.next();
        return m_token[0];
    }

    Token nextNonSpace()
    {
        Token token;
        do {
            token = next();
        } while (token.type == Item::Space);
        return token;
    }

    Token peekNonSpace()
    {
        const Token token = nextNonSpace();
        backup();
        return token;
    }

    Token expect(Item type, std::string_view context)
    {
        const Token token = nextNonSpace();
        if (token.type != type)
            unexpected(token, context);
        return token;
    }

    // A {{define}} or {{block}} body, parsed as a tree of its own.
    void parseTemplateBody(const std::string &name, std::string_view context)
    {
        const Nesting nesting(*this);
        Scope outer{std::move(m_vars), m_rangeDepth};
        m_vars = {"$"};
        m_rangeDepth = 0;
        const auto [empty, end] = itemList();
        if (end != Kind::End)
            fail("unexpected " + describe(end) + " in " + std::string(context));
        add(name, empty);
        m_vars = std::move(outer.vars);
        m_rangeDepth = outer.rangeDepth;
    }

    void parseDefinition()
    {
        const std::string name = templateName(nextNonSpace(), "define clause");
        expect(Item::RightDelim, "define clause");
        parseTemplateBody(name, "define clause");
    }

    // A template of this name may be defined again only if one of the two definitions is empty.
    void add(const std::string &name, bool empty)
    {
        const auto known = m_templates.find(name);
        if (known == m_templates.end() || known->second)
            m_templates[name] = empty;
        else if (!empty)
            fail("template: multiple definition of template " + goQuote(name));
    }

    // Up to {{end}} or {{else}}: whether the list is empty, and which ended it.
    std::pair<bool, Kind> itemList()
    {
        bool empty = true;
        while (peekNonSpace().type != Item::Eof) {
            const Node node = textOrAction();
            if (node.kind == Kind::End || node.kind == Kind::Else)
                return {empty, node.kind};
            empty = empty && node.empty;
        }
        fail("unexpected EOF");
    }

    Node textOrAction()
    {
        const Token token = nextNonSpace();
        if (token.type == Item::Text)
            return {Kind::Text, token.text.find_first_not_of(" \t\n\v\f\r") == std::string_view::npos};
        if (token.type != Item::LeftDelim)
            unexpected(token, "input");
        return action();
    }

    Node action()
    {
        const Token token = nextNonSpace();
        switch (token.type) {
        case Item::Block:
            return blockControl();
        case Item::Break:
            return loopControl("{{break}}");
        case Item::Continue:
            return loopControl("{{continue}}");
        case Item::Else:
            // "{{else if": the "if" is left for control() to take.
            if (peekNonSpace().type != Item::If)
                expect(Item::RightDelim, "else");
            return {Kind::Else};
        case Item::End:
            expect(Item::RightDelim, "end");
            return {Kind::End};
        case Item::If:
        case Item::Range:
        case Item::With:
            return control(token.type == Item::If ? "if" : token.type == Item::Range ? "range" : "with");
        case Item::Template: {
            const std::string_view context = "template clause";
            templateName(nextNonSpace(), context);
            if (nextNonSpace().type != Item::RightDelim) {
                backup();
                pipeline(context, Item::RightDelim);
            }
            return {Kind::Action};
        }
        default:
            backup();
            pipeline("command", Item::RightDelim);
            return {Kind::Action};
        }
    }

    Node loopControl(std::string_view keyword)
    {
        if (const Token token = nextNonSpace(); token.type != Item::RightDelim)
            unexpected(token, keyword);
        if (m_rangeDepth == 0)
            fail(std::string(keyword) + " outside {{range}}");
        return {Kind::Action};
    }

    // if, range and with: variables declared in them end with them.
    Node control(std::string_view context)
    {
        const Nesting nesting(*this);
        const std::size_t vars = m_vars.size();
        pipeline(context, Item::RightDelim);
        const int loop = context == "range" ? 1 : 0;
        m_rangeDepth += loop;
        Kind end = itemList().second;
        m_rangeDepth -= loop;
        if (end == Kind::Else) {
            if (context == "if" && peek().type == Item::If) {
                next(); // "else if": the inner if ends with the outer one's {{end}}
                control("if");
            } else if (itemList().second != Kind::End) {
                fail("expected end; found {{else}}");
            }
        }
        m_vars.resize(vars);
        return {Kind::Action};
    }

    Node blockControl()
    {
        const std::string_view context = "block clause";
        const std::string name = templateName(nextNonSpace(), context);
        pipeline(context, Item::RightDelim);
        parseTemplateBody(name, context);
        return {Kind::Action};
    }

    std::string templateName(const Token &token, std::string_view context)
    {
        if (token.type != Item::String && token.type != Item::RawString)
            unexpected(token, context);
        if (!isGoString(token.text))
            fail("invalid syntax");
        return std::string(token.text.substr(1, token.text.size() - 2)); // only compared: escapes may stay
    }

    // Declarations, then commands separated by "|", up to end.
    void pipeline(std::string_view context, Item end)
    {
        std::size_t declarations = 0;
        for (Token variable = peekNonSpace(); variable.type == Item::Variable; variable = peekNonSpace()) {
            next();
            const Token adjacent = peek();
            const Token following = peekNonSpace();
            if (following.type == Item::Assign || following.type == Item::Declare) {
                nextNonSpace();
                m_vars.push_back(variable.text);
                break;
            }
            if (following.type == Item::Char && following.text == ",") {
                nextNonSpace();
                m_vars.push_back(variable.text);
                if (context == "range" && ++declarations < 2) {
                    const Item type = peekNonSpace().type;
                    if (type == Item::Variable || type == Item::RightDelim || type == Item::RightParen)
                        continue; // the second variable of "range $i, $v :="
                    fail("range can only initialize variables");
                }
                fail("too many declarations in " + std::string(context));
            }
            if (adjacent.type == Item::Space)
                backup3(variable, adjacent);
            else
                backup2(variable);
            break;
        }

        std::size_t commands = 0;
        std::size_t literalStage = 0; // the first command after a "|" that starts with a literal, for the error
        for (;;) {
            const Token token = nextNonSpace();
            if (token.type == end)
                break;
            switch (token.type) {
            case Item::Bool:
            case Item::CharConstant:
            case Item::Complex:
            case Item::Dot:
            case Item::Field:
            case Item::Identifier:
            case Item::Number:
            case Item::Nil:
            case Item::RawString:
            case Item::String:
            case Item::Variable:
            case Item::LeftParen: {
                backup();
                const Kind first = command();
                ++commands;
                const bool literal = first == Kind::Bool || first == Kind::Dot || first == Kind::Nil
                                     || first == Kind::Number || first == Kind::String;
                if (commands > 1 && literal && literalStage == 0)
                    literalStage = commands;
                break;
            }
            default:
                unexpected(token, context);
            }
        }
        if (commands == 0)
            fail("missing value for " + std::string(context));
        if (literalStage != 0)
            fail("non executable command in pipeline stage " + std::to_string(literalStage));
    }

    // Operands separated by spaces; returns the kind of the first.
    Kind command()
    {
        std::optional<Kind> first;
        for (;;) {
            peekNonSpace();
            if (const auto node = operand(); node && !first)
                first = node->kind;
            const Token token = next();
            if (token.type == Item::Space)
                continue;
            if (token.type == Item::RightDelim || token.type == Item::RightParen)
                backup();
            else if (token.type != Item::Pipe)
                unexpected(token, "operand");
            break;
        }
        if (!first)
            fail("empty command");
        return *first;
    }

    // A term and the fields after it: (x).Field, $x.Field.
    std::optional<Node> operand()
    {
        const auto node = term();
        if (!node || peek().type != Item::Field)
            return node;
        while (peek().type == Item::Field)
            next();
        switch (node->kind) {
        case Kind::Field:
        case Kind::Variable:
            return node;
        case Kind::Bool:
        case Kind::String:
        case Kind::Number:
        case Kind::Nil:
        case Kind::Dot:
            fail("unexpected . after term " + goQuote(node->text));
        default:
            return Node{Kind::Other};
        }
    }

    std::optional<Node> term()
    {
        const Token token = nextNonSpace();
        switch (token.type) {
        case Item::Identifier:
            if (std::find(std::begin(kFunctions), std::end(kFunctions), token.text) == std::end(kFunctions))
                fail("function " + goQuote(token.text) + " not defined");
            return Node{Kind::Other};
        case Item::Dot:
            return Node{Kind::Dot, false, token.text};
        case Item::Nil:
            return Node{Kind::Nil, false, token.text};
        case Item::Variable:
            if (std::find(m_vars.begin(), m_vars.end(), token.text) == m_vars.end())
                fail("undefined variable " + goQuote(token.text));
            return Node{Kind::Variable};
        case Item::Field:
            return Node{Kind::Field};
        case Item::Bool:
            return Node{Kind::Bool, false, token.text};
        case Item::CharConstant:
        case Item::Complex:
        case Item::Number:
            checkNumber(token);
            return Node{Kind::Number, false, token.text};
        case Item::LeftParen: {
            const Nesting nesting(*this);
            pipeline("parenthesized pipeline", Item::RightParen);
            return Node{Kind::Other};
        }
        case Item::String:
        case Item::RawString:
            if (!isGoString(token.text))
                fail("invalid syntax");
            return Node{Kind::String, false, token.text};
        default:
            backup();
            return std::nullopt;
        }
    }

    // What Go's parse.Tree.newNumber accepts.
    void checkNumber(const Token &token) const
    {
        const std::string_view text = token.text;
        if (token.type == Item::CharConstant) {
            std::string_view rest = text.substr(1);
            if (!unquoteChar(rest, '\''))
                fail("invalid syntax");
            if (rest != "'")
                fail("malformed character constant: " + std::string(text));
            return;
        }
        if (token.type == Item::Complex) {
            // The lexer made it <number><sign><number>i: the sign after the first character and no exponent.
            std::size_t sign = 1;
            while (sign < text.size()
                   && !((text[sign] == '+' || text[sign] == '-') && lower(text[sign - 1]) != 'e'
                        && lower(text[sign - 1]) != 'p'))
                ++sign;
            if (!isGoFloat(text.substr(0, sign)) || !isGoFloat(text.substr(sign, text.size() - sign - 1)))
                fail("illegal number syntax: " + goQuote(text));
            return;
        }
        if ((text.ends_with('i') && isGoFloat(text.substr(0, text.size() - 1))) || isGoInteger(text))
            return;
        if (!isGoFloat(text))
            fail("illegal number syntax: " + goQuote(text));
        if (text.find_first_of(".eEpP") == std::string_view::npos)
            fail("integer overflow: " + goQuote(text));
    }

    Lexer m_lexer;
    std::string m_name;
    std::array<Token, 3> m_token{};
    int m_peekCount = 0;
    std::vector<std::string_view> m_vars;
    int m_rangeDepth = 0;
    int m_depth = 0;
    std::map<std::string, bool> m_templates; // defined so far, and whether empty
};

} // namespace

std::optional<GoTemplateError> checkGoTemplate(std::string_view text, std::string_view name)
{
    const std::string source = std::string(kDeclarations) + std::string(text);
    try {
        Parser(source, name).parse();
        return std::nullopt;
    } catch (const Failure &failure) {
        return GoTemplateError{failure.line, failure.message};
    }
}

} // namespace rl
