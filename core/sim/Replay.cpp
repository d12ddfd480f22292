#include "core/sim/Replay.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/bandit/Policy.h"

namespace rl {

namespace {

std::string readFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error(path + ": cannot open");
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// Walks a CSV text line by line and field by field, keeping the 1-based line and column of each field so
// every error can point at it.
class CsvCursor {
public:
    CsvCursor(std::string path, std::string_view text)
        : m_path(std::move(path))
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
            if (!m_row.empty() && m_row.back() == '\r')
                m_row.remove_suffix(1);
            m_pos = 0;
            m_fields = 0;
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
            fail("column '" + std::string(name) + "': expected a finite number, got '" + std::string(text) + "'");
        return value;
    }

    [[noreturn]] void fail(const std::string &what) const
    {
        throw std::runtime_error(m_path + ":" + std::to_string(m_line) + ":" + std::to_string(m_column) + ": " + what);
    }

    // For a row that ends early, the error points just past its last character.
    [[noreturn]] void failAtEnd(const std::string &what)
    {
        m_column = m_row.size() + 1;
        fail(what);
    }

private:
    std::string m_path;
    std::string_view m_text;
    std::string_view m_row;
    std::size_t m_next = 0;
    std::size_t m_pos = 0;
    std::size_t m_line = 0;
    std::size_t m_column = 1;
    std::size_t m_fields = 0;
};

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

LearningStream LearningStream::load(const std::string &path)
{
    const std::string text = readFile(path);
    CsvCursor csv(path, text);
    if (!csv.nextLine())
        throw std::runtime_error(path + ":1:1: empty file, expected the header 't,x0..,r0..'");

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
            csv.fail("unexpected header column '" + std::string(name) + "', expected "
                     + (stream.arms == 0 ? "x" + std::to_string(stream.dimension) + " or " : std::string())
                     + (stream.dimension > 0 ? "r" + std::to_string(stream.arms) : std::string()));
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
        throw std::runtime_error(path + ": no data rows after the header");
    return stream;
}

std::vector<FeatureVector> loadTrueWeights(const std::string &metaPath)
{
    nlohmann::json meta;
    try {
        meta = nlohmann::json::parse(readFile(metaPath));
    } catch (const nlohmann::json::exception &e) {
        throw std::runtime_error(metaPath + ": invalid JSON: " + e.what());
    }
    const auto it = meta.find("true_weights");
    if (!meta.is_object() || it == meta.end())
        throw std::runtime_error(metaPath + ": missing 'true_weights'");
    if (!it->is_array() || it->empty())
        throw std::runtime_error(metaPath + ": 'true_weights' must be a non-empty array of weight vectors");
    std::vector<FeatureVector> weights;
    for (std::size_t k = 0; k < it->size(); ++k) {
        const auto &row = (*it)[k];
        const std::string where = metaPath + ": true_weights[" + std::to_string(k) + "]";
        if (!row.is_array() || row.empty())
            throw std::runtime_error(where + " must be a non-empty array of numbers");
        if (k > 0 && row.size() != weights.front().size())
            throw std::runtime_error(where + " has " + std::to_string(row.size()) + " entries, true_weights[0] has "
                                     + std::to_string(weights.front().size()));
        FeatureVector w;
        for (const auto &v : row) {
            if (!v.is_number() || !std::isfinite(v.get<double>()))
                throw std::runtime_error(where + " holds a non-number: " + v.dump());
            w.push_back(v.get<double>());
        }
        weights.push_back(std::move(w));
    }
    return weights;
}

nlohmann::json ReplayResult::toJson() const
{
    return {{"rounds", rounds},
            {"regret_at_1k", regretAt1k},
            {"regret_at_5k", regretAt5k},
            {"regret_end", regretEnd},
            {"optimal_share_last_1k", optimalShareLast1k}};
}

ReplayResult runReplay(Policy &policy, const LearningStream &stream, const std::vector<FeatureVector> &trueWeights)
{
    const std::size_t d = stream.dimension;
    const std::size_t arms = stream.arms;
    if (policy.config().dimension != d || policy.config().arms != arms)
        throw std::invalid_argument("replay: the stream has " + std::to_string(arms) + " arms x " + std::to_string(d)
                                    + " features, the policy " + std::to_string(policy.config().arms) + " x "
                                    + std::to_string(policy.config().dimension));
    if (trueWeights.size() != arms)
        throw std::invalid_argument("replay: " + std::to_string(trueWeights.size()) + " true weight vectors for "
                                    + std::to_string(arms) + " arms");
    for (const auto &w : trueWeights)
        if (w.size() != d)
            throw std::invalid_argument("replay: a true weight vector has " + std::to_string(w.size())
                                        + " entries, the stream " + std::to_string(d) + " features");

    constexpr std::size_t kWindow = 1000;
    ReplayResult result;
    result.rounds = stream.rounds();
    const std::size_t windowStart = result.rounds > kWindow ? result.rounds - kWindow : 0;
    std::vector<double> expected(arms);
    std::size_t optimalInWindow = 0;
    double regret = 0.0;
    for (std::size_t t = 0; t < result.rounds; ++t) {
        const std::span<const double> x(stream.contexts.data() + t * d, d);
        const auto selection = policy.select(x);
        policy.update(selection.arm, x, stream.rewards[t * arms + selection.arm]);

        for (std::size_t k = 0; k < arms; ++k) {
            double v = 0.0;
            for (std::size_t i = 0; i < d; ++i)
                v += trueWeights[k][i] * x[i];
            expected[k] = v;
        }
        const double best = *std::max_element(expected.begin(), expected.end());
        regret += best - expected[selection.arm];
        if (t >= windowStart && expected[selection.arm] >= best)
            ++optimalInWindow;
        if (t + 1 == 1000)
            result.regretAt1k = regret;
        if (t + 1 == 5000)
            result.regretAt5k = regret;
    }
    result.regretEnd = regret;
    if (result.rounds < 1000)
        result.regretAt1k = regret;
    if (result.rounds < 5000)
        result.regretAt5k = regret;
    if (result.rounds > 0)
        result.optimalShareLast1k =
            static_cast<double>(optimalInWindow) / static_cast<double>(result.rounds - windowStart);
    return result;
}

} // namespace rl
