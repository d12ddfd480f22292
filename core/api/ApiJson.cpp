#include "core/api/ApiJson.h"

#include <algorithm>

#include "core/api/ApiError.h"
#include "core/support/JsonReader.h"

namespace rl::api {

nlohmann::json parseObject(std::string_view text, const char *where)
{
    nlohmann::json document;
    try {
        document = parseJson(text, where);
    } catch (const std::invalid_argument &error) {
        throw ApiError(400, "malformed_json", {}, error.what());
    }
    if (!document.is_object())
        throw ApiError::invalid({}, std::string(where) + ": expected a JSON object, got " + describeJson(document));
    return document;
}

void rethrowInvalid(const std::invalid_argument &error)
{
    // "feedback.accuracy_score: expected a number, got string" names the field before the first ": ".
    const std::string message = error.what();
    std::string field = message.substr(0, message.find(": "));
    if (const auto dot = field.find('.'); dot != std::string::npos && field.find('[') > dot)
        field = field.substr(dot + 1);
    if (field == message)
        field.clear();
    throw ApiError::invalid(field, message);
}

void checkId(const std::string &id, const char *field)
{
    if (id.empty())
        throw ApiError::invalid(field, std::string(field) + ": is empty");
    if (id.size() > kMaxIdBytes)
        throw ApiError::invalid(field, std::string(field) + ": " + std::to_string(id.size()) + " bytes long, more than "
                                           + std::to_string(kMaxIdBytes));
    const auto control = std::find_if(id.begin(), id.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u < 0x20 || u == 0x7f;
    });
    if (control != id.end())
        throw ApiError::invalid(field, std::string(field) + ": holds the control character "
                                           + std::to_string(static_cast<unsigned char>(*control)) + " at byte "
                                           + std::to_string(control - id.begin() + 1));
}

void rejectUnknownKeys(const nlohmann::json &object, std::initializer_list<std::string_view> known)
{
    for (const auto &[key, value] : object.items()) {
        if (std::find(known.begin(), known.end(), key) == known.end()) {
            std::string list;
            for (std::string_view name : known)
                list.append(list.empty() ? "" : ", ").append(name);
            const std::string shown = key.substr(0, 64); // a key may be megabytes long
            throw ApiError::invalid(shown, shown + ": unknown field (known: " + list + ")");
        }
    }
}

} // namespace rl::api
