#include "core/alerting/PromQlLexer.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include "core/alerting/GoFormat.h"
#include "core/support/Utf8.h"

namespace rl::promql {

namespace {

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

// Prometheus 2.42's lexer (promql/parser/lex.go) on its own: the same tokens, and its errors where it stops.
class Lexer {
public:
    explicit Lexer(std::string_view text)
        : m_text(text)
    {
    }

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

} // namespace

std::vector<Token> lex(std::string_view text)
{
    return Lexer(text).tokens();
}

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

bool isPlainName(std::string_view text)
{
    const auto keyword =
        std::find_if(kWords.begin(), kWords.end(), [&](const Word &w) { return w.text == lowered(text); });
    return !text.empty() && (isAlpha(text[0]) || text[0] == ':') && keyword == kWords.end()
           && std::all_of(text.begin(), text.end(), [](char c) { return isAlphaNumeric(c) || c == ':'; });
}

std::string lowered(std::string_view text)
{
    std::string out(text);
    for (char &c : out)
        c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    return out;
}

} // namespace rl::promql
