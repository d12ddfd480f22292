#include "core/api/PurgeRequest.h"

#include <nlohmann/json.hpp>

#include "core/api/ApiError.h"
#include "core/api/ApiJson.h"
#include "core/support/JsonReader.h"

namespace rl {

PurgeRequest PurgeRequest::parse(std::string_view body)
{
    const nlohmann::json object = api::parseObject(body);
    api::rejectUnknownKeys(object, {"count"});
    PurgeRequest request;
    try {
        const JsonReader reader(object, {});
        const std::int64_t count = reader.integer("count");
        if (count < 0)
            reader.fail("count", std::to_string(count) + " is negative");
        request.count = static_cast<std::size_t>(count);
    } catch (const std::invalid_argument &error) {
        api::rethrowInvalid(error);
    }
    return request;
}

} // namespace rl
