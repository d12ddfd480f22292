#include "core/sim/LearningStream.h"

#include <algorithm>
#include <new>
#include <stdexcept>

#include "core/support/CsvCursor.h"
#include "core/support/InputFile.h"
#include "core/support/Limits.h"

namespace rl {

LearningStream LearningStream::parse(std::string_view text, const std::string &where)
{
    CsvCursor csv(where, text, kMaxLineBytes, "a learning stream");
    if (!csv.nextLine())
        throw std::runtime_error(where + ":1:1: empty file, expected the header 't,x0..,r0..'");

    // Header: t, then x0..x{d-1}, then r0..r{k-1}, each numbered in order.
    LearningStream stream;
    if (csv.field() != "t")
        csv.fail("header must start with 't'");
    std::vector<std::string> names{"t"};
    while (!csv.atEndOfLine()) {
        const auto name = csv.field();
        if (CsvCursor::indexedName(name, 'x') == stream.dimension && stream.arms == 0)
            ++stream.dimension;
        else if (CsvCursor::indexedName(name, 'r') == stream.arms && stream.dimension > 0)
            ++stream.arms;
        else
            csv.fail("unexpected header column '" + CsvCursor::shown(name) + "', expected "
                     + (stream.arms == 0 ? CsvCursor::columnName('x', stream.dimension) + " or " : std::string())
                     + (stream.dimension > 0 ? CsvCursor::columnName('r', stream.arms) : std::string()));
        if (stream.dimension > kMaxDimension)
            csv.fail("more than " + std::to_string(kMaxDimension) + " feature columns (x0.."
                     + CsvCursor::columnName('x', kMaxDimension - 1) + ") are not supported");
        if (stream.arms > kMaxArms)
            csv.fail("more than " + std::to_string(kMaxArms) + " arm columns (r0.."
                     + CsvCursor::columnName('r', kMaxArms - 1) + ") are not supported");
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
