#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace rl {

// Walks a CSV text line by line and field by field, keeping the 1-based line and column of each field so
// every error can point at it (file:line:column: problem). Fields are split at commas, unquoted, as the
// learning streams and the decision logs are written. Errors are std::runtime_error.
class CsvCursor {
public:
    // what names the kind of file, for a line too long to be one ("a learning stream").
    CsvCursor(std::string where, std::string_view text, std::size_t maxLineBytes, std::string what);

    // Moves to the next non-empty line; false at the end of the text.
    bool nextLine();
    bool atEndOfLine() const { return m_pos > m_row.size(); }
    std::size_t fieldsRead() const { return m_fields; }

    // The next field, trimmed of surrounding spaces.
    std::string_view field();
    // The next field as a finite number within ±kMaxInputMagnitude; name is its column, for the message.
    double number(std::string_view name);

    [[noreturn]] void fail(const std::string &problem) const;
    // For a row that ends early, the error points just past its last character.
    [[noreturn]] void failAtEnd(const std::string &problem);

    // A field as messages quote it: whole up to 40 characters, a line's worth of digits is no help.
    static std::string shown(std::string_view field);
    // "x3", "r0": an indexed header column.
    static std::string columnName(char prefix, std::size_t index);
    // The index of "<prefix><index>", or npos if name is not of that form.
    static std::size_t indexedName(std::string_view name, char prefix);

private:
    std::string m_where;
    std::string_view m_text;
    std::size_t m_maxLineBytes;
    std::string m_what;
    std::string_view m_row;
    std::size_t m_next = 0;
    std::size_t m_pos = 0;
    std::size_t m_line = 0;
    std::size_t m_column = 1;
    std::size_t m_fields = 0;
};

} // namespace rl
