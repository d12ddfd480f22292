#include "core/api/ApiError.h"

#include <nlohmann/json.hpp>

namespace rl {

std::string answerText(const nlohmann::json &answer)
{
    return answer.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

ApiError::ApiError(int status, std::string reason, std::string field, const std::string &message)
    : std::runtime_error(message)
    , m_status(status)
    , m_reason(std::move(reason))
    , m_field(std::move(field))
{
}

nlohmann::json ApiError::toJson() const
{
    nlohmann::json error{{"status", m_status}, {"reason", m_reason}, {"message", what()}};
    if (!m_field.empty())
        error["field"] = m_field;
    return {{"error", std::move(error)}};
}

ApiError ApiError::invalid(std::string field, const std::string &message)
{
    return ApiError(400, "invalid_field", std::move(field), message);
}

} // namespace rl
