#include "core/support/JsonReader.h"

#include <array>
#include <charconv>
#include <limits>
#include <stdexcept>

#include "core/support/Limits.h"

namespace rl {

JsonReader::JsonReader(const nlohmann::json &object, std::string where)
    : m_object(object)
    , m_where(std::move(where))
{
    if (!object.is_object())
        throw std::invalid_argument((m_where.empty() ? std::string() : m_where + ": ") + "expected a JSON object, got "
                                    + object.type_name());
}

const nlohmann::json &JsonReader::field(const char *key) const
{
    const auto it = m_object.find(key);
    if (it == m_object.end())
        fail(key, "missing");
    return *it;
}

void JsonReader::fail(const char *key, const std::string &problem) const
{
    throw std::invalid_argument((m_where.empty() ? std::string() : m_where + ".") + key + ": " + problem);
}

void JsonReader::wrongType(const char *key, const char *expected) const
{
    fail(key, std::string("expected ") + expected + ", got " + field(key).type_name());
}

std::string JsonReader::string(const char *key) const
{
    const auto &value = field(key);
    if (!value.is_string())
        wrongType(key, "a string");
    return value.get<std::string>();
}

double JsonReader::number(const char *key) const
{
    const auto &value = field(key);
    if (!value.is_number())
        wrongType(key, "a number");
    return value.get<double>();
}

std::int64_t JsonReader::integer(const char *key) const
{
    const auto &value = field(key);
    if (!value.is_number_integer())
        wrongType(key, "an integer");
    constexpr auto kMax = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
    if (value.is_number_unsigned() && value.get<std::uint64_t>() > kMax)
        fail(key, value.dump() + " is out of range");
    return value.get<std::int64_t>();
}

bool JsonReader::boolean(const char *key) const
{
    const auto &value = field(key);
    if (!value.is_boolean())
        wrongType(key, "true or false");
    return value.get<bool>();
}

nlohmann::json parseJson(std::string_view text, const std::string &where)
{
    // Counts brackets outside strings: cheap, and enough to bound the depth whatever the rest holds.
    std::size_t depth = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > kMaxJsonDepth)
                throw std::invalid_argument(where + ": nested deeper than " + std::to_string(kMaxJsonDepth)
                                            + " levels at byte " + std::to_string(i + 1));
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception &error) { // a syntax error, or a number too large (out_of_range)
        throw std::invalid_argument(where + ": not valid JSON: " + error.what());
    }
}

std::string describeJson(const nlohmann::json &value)
{
    if (value.is_array())
        return "an array of " + std::to_string(value.size());
    if (value.is_object())
        return "an object";
    constexpr std::size_t kShown = 40;
    std::string text = value.dump();
    if (text.size() > kShown)
        text = text.substr(0, kShown) + "...";
    return text;
}

} // namespace rl
