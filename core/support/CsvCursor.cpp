#include "core/support/CsvCursor.h"

#include <charconv>
#include <cmath>
#include <stdexcept>

#include "core/support/InputFile.h"
#include "core/support/Limits.h"
#include "core/support/NumberFormat.h"

namespace rl {

CsvCursor::CsvCursor(std::string where, std::string_view text, std::size_t maxLineBytes, std::string what)
    : m_where(std::move(where))
    , m_text(text)
    , m_maxLineBytes(maxLineBytes)
    , m_what(std::move(what))
{
}

bool CsvCursor::nextLine()
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
        if (m_row.size() > m_maxLineBytes)
            fail("the line is longer than " + describeBytes(m_maxLineBytes) + ": not " + m_what);
        if (!m_row.empty() && m_row.back() == '\r')
            m_row.remove_suffix(1);
        if (!m_row.empty())
            return true;
    }
    return false;
}

std::string_view CsvCursor::field()
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

double CsvCursor::number(std::string_view name)
{
    const auto text = field();
    double value = 0.0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
        fail("column '" + std::string(name) + "': expected a finite number, got '" + shown(text) + "'");
    if (std::abs(value) > kMaxInputMagnitude)
        fail("column '" + std::string(name) + "': " + shown(text) + " is beyond ±" + formatNumber(kMaxInputMagnitude)
             + ", where products of such values overflow");
    return value;
}

void CsvCursor::fail(const std::string &problem) const
{
    throw std::runtime_error(m_where + ":" + std::to_string(m_line) + ":" + std::to_string(m_column) + ": " + problem);
}

void CsvCursor::failAtEnd(const std::string &problem)
{
    m_column = m_row.size() + 1;
    fail(problem);
}

std::string CsvCursor::shown(std::string_view field)
{
    constexpr std::size_t kShown = 40;
    return field.size() <= kShown ? std::string(field) : std::string(field.substr(0, kShown)) + "...";
}

std::string CsvCursor::columnName(char prefix, std::size_t index)
{
    // Appended, not prefix + std::to_string(i), which GCC 12 wrongly warns about (-Wrestrict) once inlined.
    return std::string(1, prefix).append(std::to_string(index));
}

std::size_t CsvCursor::indexedName(std::string_view name, char prefix)
{
    if (name.size() < 2 || name.front() != prefix)
        return std::string_view::npos;
    std::size_t index = 0;
    const auto [end, ec] = std::from_chars(name.data() + 1, name.data() + name.size(), index);
    if (ec != std::errc() || end != name.data() + name.size())
        return std::string_view::npos;
    return index;
}

} // namespace rl
