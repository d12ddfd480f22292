#include "core/sim/LearningStream.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <new>
#include <stdexcept>

#include "core/support/InputFile.h"
#include "core/support/Limits.h"
#include "core/support/NumberFormat.h"

namespace rl {

namespace {

// A field as messages quote it: whole up to 40 characters, a line's worth of digits is no help.
std::string shown(std::string_view field)
{
    constexpr std::size_t kShown = 40;
    return field.size() <= kShown ? std::string(field) : std::string(field.substr(0, kShown)) + "...";
}

// Walks a CSV text line by line and field by field, keeping the 1-based line and column of each field so
// every error can point at it.
class CsvCursor {
public:
    CsvCursor(std::string where, std::string_view text)
        : m_where(std::move(where))
        , m_text(text)
    {
    }

    // Moves to the next non-empty line; false at the end of the text.
    bool nextLine()
    {
        while (m_next < m_text.size()) {
            const std::size_t start = m_next;
            std::size_t end = m_text.find('\n', start);
            if (end == std::string_view::npos)
                end = m_text.size();
            m_next = end + 1;
            ++m_line;
            m_row = m_text.substr(start, end - start);
            m_pos = 0;
            m_fields = 0;
            m_column = 1;
            if (m_row.size() > LearningStream::kMaxLineBytes)
                fail("the line is longer than " + describeBytes(LearningStream::kMaxLineBytes)
                     + ": not a learning stream");
            if (!m_row.empty() && m_row.back() == '\r')
                m_row.remove_suffix(1);
            if (!m_row.empty())
                return true;
        }
        return false;
    }

    bool atEndOfLine() const { return m_pos > m_row.size(); }
    std::size_t fieldsRead() const { return m_fields; }

    // The next field, trimmed of surrounding spaces; m_column is where it starts.
    std::string_view field()
    {
        const std::size_t start = m_pos;
        std::size_t end = m_row.find(',', start);
        if (end == std::string_view::npos)
            end = m_row.size();
        m_pos = end + 1;
        ++m_fields;
        std::size_t first = start;
        while (first < end && m_row[first] == ' ')
            ++first;
        std::size_t last = end;
        while (last > first && m_row[last - 1] == ' ')
            --last;
        m_column = first + 1;
        return m_row.substr(first, last - first);
    }

    double number(std::string_view name)
    {
        const auto text = field();
        double value = 0.0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (text.empty() || ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
            fail("column '" + std::string(name) + "': expected a finite number, got '" + shown(text) + "'");
        if (std::abs(value) > kMaxInputMagnitude)
            fail("column '" + std::string(name) + "': " + shown(text) + " is beyond ±"
                 + formatNumber(kMaxInputMagnitude) + ", where products of such values overflow");
        return value;
    }

    [[noreturn]] void fail(const std::string &what) const
    {
        throw std::runtime_error(m_where + ":" + std::to_string(m_line) + ":" + std::to_string(m_column) + ": " + what);
    }

    // For a row that ends early, the error points just past its last character.
    [[noreturn]] void failAtEnd(const std::string &what)
    {
        m_column = m_row.size() + 1;
        fail(what);
    }

private:
    std::string m_where;
    std::string_view m_text;
    std::string_view m_row;
    std::size_t m_next = 0;
    std::size_t m_pos = 0;
    std::size_t m_line = 0;
    std::size_t m_column = 1;
    std::size_t m_fields = 0;
};

// "x3", "r0": a column of the header. Appended, not "x" + std::to_string(i), which GCC 12 wrongly warns about
// (-Wrestrict) once inlined.
std::string columnName(char prefix, std::size_t index)
{
    return std::string(1, prefix).append(std::to_string(index));
}

// Parses "<prefix><index>", returning the index, or npos if `name` is not of that form.
std::size_t indexedName(std::string_view name, char prefix)
{
    if (name.size() < 2 || name.front() != prefix)
        return std::string_view::npos;
    std::size_t index = 0;
    const auto [end, ec] = std::from_chars(name.data() + 1, name.data() + name.size(), index);
    if (ec != std::errc() || end != name.data() + name.size())
        return std::string_view::npos;
    return index;
}

} // namespace

LearningStream LearningStream::parse(std::string_view text, const std::string &where)
{
    CsvCursor csv(where, text);
    if (!csv.nextLine())
        throw std::runtime_error(where + ":1:1: empty file, expected the header 't,x0..,r0..'");

    // Header: t, then x0..x{d-1}, then r0..r{k-1}, each numbered in order.
    LearningStream stream;
    if (csv.field() != "t")
        csv.fail("header must start with 't'");
    std::vector<std::string> names{"t"};
    while (!csv.atEndOfLine()) {
        const auto name = csv.field();
        if (indexedName(name, 'x') == stream.dimension && stream.arms == 0)
            ++stream.dimension;
        else if (indexedName(name, 'r') == stream.arms && stream.dimension > 0)
            ++stream.arms;
        else
            csv.fail("unexpected header column '" + shown(name) + "', expected "
                     + (stream.arms == 0 ? columnName('x', stream.dimension) + " or " : std::string())
                     + (stream.dimension > 0 ? columnName('r', stream.arms) : std::string()));
        if (stream.dimension > kMaxDimension)
            csv.fail("more than " + std::to_string(kMaxDimension) + " feature columns (x0.."
                     + columnName('x', kMaxDimension - 1) + ") are not supported");
        if (stream.arms > kMaxArms)
            csv.fail("more than " + std::to_string(kMaxArms) + " arm columns (r0.." + columnName('r', kMaxArms - 1)
                     + ") are not supported");
        names.emplace_back(name);
    }
    if (stream.dimension == 0 || stream.arms == 0)
        csv.failAtEnd("header needs at least one x column and one r column");

    const std::size_t columns = names.size();
    const auto lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
    stream.contexts.reserve(lines * stream.dimension);
    stream.rewards.reserve(lines * stream.arms);
    while (csv.nextLine()) {
        csv.number(names[0]);
        for (std::size_t c = 1; c < columns; ++c) {
            if (csv.atEndOfLine())
                csv.failAtEnd("row has " + std::to_string(csv.fieldsRead()) + " columns, expected "
                              + std::to_string(columns));
            const double v = csv.number(names[c]);
            (c <= stream.dimension ? stream.contexts : stream.rewards).push_back(v);
        }
        if (!csv.atEndOfLine()) {
            csv.field();
            csv.fail("row has more than the header's " + std::to_string(columns) + " columns");
        }
    }
    if (stream.rounds() == 0)
        throw std::runtime_error(where + ": no data rows after the header");
    return stream;
}

LearningStream LearningStream::load(const std::string &path)
{
    const std::string text = readInputFile(path, kMaxFileBytes, "a learning stream");
    try {
        return parse(text, path);
    } catch (const std::bad_alloc &) {
        throw std::runtime_error(path + ": not enough memory to hold the stream (" + describeBytes(text.size())
                                 + " of text)");
    }
}

} // namespace rl
