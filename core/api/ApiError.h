#pragma once

#include <stdexcept>
#include <string>

#include <nlohmann/json_fwd.hpp>

namespace rl {

// A request the API refuses: the HTTP status, a machine-readable reason (also the label under which
// rl_input_rejected_total counts it), the field at fault when there is one, and a message naming the problem.
// An answer as text. What a client sent comes back in messages (a Host header, a quoted value cut short),
// and may not be valid UTF-8: such bytes become U+FFFD rather than an exception.
std::string answerText(const nlohmann::json &answer);

class ApiError : public std::runtime_error {
public:
    ApiError(int status, std::string reason, std::string field, const std::string &message);

    int status() const { return m_status; }
    const std::string &reason() const { return m_reason; }
    const std::string &field() const { return m_field; }

    // {"error": {"status", "reason", "field" (when known), "message"}}
    nlohmann::json toJson() const;

    // 400 invalid_field naming the field.
    static ApiError invalid(std::string field, const std::string &message);

private:
    int m_status;
    std::string m_reason;
    std::string m_field;
};

} // namespace rl
