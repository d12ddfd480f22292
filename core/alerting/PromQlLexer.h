#pragma once

// Private to core/alerting: Prometheus 2.42's PromQL lexer (promql/parser/lex.go) and its tokens, with the ASCII
// character classes the parser and the regexp check share. Written by hand, as the parser is, because no C++
// library parses PromQL.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace rl::promql {

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

inline bool isOperatorToken(Tok tok)
{
    return tok >= Tok::Add && tok <= Tok::Atan2;
}

inline bool isKeywordToken(Tok tok)
{
    return tok >= Tok::Bool && tok <= Tok::Without;
}

struct Token {
    Tok tok = Tok::Eof;
    std::size_t pos = 0;
    std::string_view text;
    std::string lexError; // on the final Eof when the lexer stopped at an error: Prometheus's message
};

// The tokens of text, comments left out; the last token is an Eof, carrying the error if the lexer stopped at one.
std::vector<Token> lex(std::string_view text);

// A string token's value (a label value as the lexer accepted it), its escapes resolved (strutil.Unquote).
std::string unquote(std::string_view quoted);

// An identifier the lexer reads as nothing else, so a metric name printed bare reads back the same.
bool isPlainName(std::string_view text);

// The lexer's character classes: ASCII only, as Prometheus's lexer and Go's regexp parser class them.
inline bool isDigit(char32_t c)
{
    return c >= '0' && c <= '9';
}

inline bool isAlpha(char32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

inline bool isAlphaNumeric(char32_t c)
{
    return isAlpha(c) || isDigit(c);
}

inline bool isSpace(char32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// ASCII letters in lower case, as keywords and aggregation names are matched.
std::string lowered(std::string_view text);

} // namespace rl::promql
