#pragma once

// Private to core/api: reading request bodies.

#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace rl::api {

// The text as a JSON object; ApiError 400 malformed_json when it is not JSON, invalid_field when it is
// not an object. Messages start with `where`.
nlohmann::json parseObject(std::string_view text, const char *where = "body");

// Rethrows a JsonReader / fromJson std::invalid_argument ("field: problem" or "where.field: problem") as
// ApiError::invalid naming the field.
[[noreturn]] void rethrowInvalid(const std::invalid_argument &error);

// An id a caller chose (trajectory ids): 1..kMaxIdBytes bytes, no control characters. Throws ApiError.
void checkId(const std::string &id, const char *field);

// Refuses keys the endpoint does not know, so a typo ("batchsize") is an error rather than ignored.
void rejectUnknownKeys(const nlohmann::json &object, std::initializer_list<std::string_view> known);

inline constexpr std::size_t kMaxIdBytes = 256;

} // namespace rl::api
