#include "core/support/JsonReader.h"

#include <array>
#include <charconv>
#include <limits>
#include <stdexcept>

namespace rl {

JsonReader::JsonReader(const nlohmann::json &object, std::string where)
    : m_object(object)
    , m_where(std::move(where))
{
    if (!object.is_object())
        throw std::invalid_argument(m_where + ": expected a JSON object, got " + object.type_name());
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
    throw std::invalid_argument(m_where + "." + key + ": " + problem);
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

std::string formatNumber(double value)
{
    std::array<char, 32> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    return std::string(buffer.data(), result.ptr);
}

} // namespace rl
