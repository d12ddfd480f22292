#pragma once

// Private to core/*.cpp: reads the fields of the JSON documents core accepts (model catalogues, feedback).

#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace rl {

// Every error is a std::invalid_argument naming where the field lives and what was wrong with it, e.g.
// "models[2].max_tokens: expected an integer, got string".
class JsonReader {
public:
    // Throws unless object is a JSON object. An empty `where` names fields alone: "features: missing".
    JsonReader(const nlohmann::json &object, std::string where);

    bool has(const char *key) const { return m_object.contains(key); }
    bool isNull(const char *key) const { return has(key) && m_object.at(key).is_null(); }
    std::string string(const char *key) const;
    double number(const char *key) const; // any JSON number
    std::int64_t integer(const char *key) const;
    bool boolean(const char *key) const;

    // "<where>.<key>: <problem>" (or "<key>: <problem>"), for checks the caller makes on a value it has read.
    [[noreturn]] void fail(const char *key, const std::string &problem) const;

private:
    const nlohmann::json &field(const char *key) const;
    [[noreturn]] void wrongType(const char *key, const char *expected) const;

    const nlohmann::json &m_object;
    std::string m_where;
};

// Parses a JSON document from an untrusted source. Nesting deeper than kMaxJsonDepth is refused before
// parsing, so neither the parser nor anything walking the result recurses without bound. Throws
// std::invalid_argument starting with `where`: "meta.json: not valid JSON: ..." or "...: nested deeper than
// 32 levels at byte 1234".
nlohmann::json parseJson(std::string_view text, const std::string &where);

// A JSON value as error messages show it: a scalar as written (shortened past 40 characters), a container
// by its kind ("an array of 3", "an object"), never its whole content.
std::string describeJson(const nlohmann::json &value);

} // namespace rl
