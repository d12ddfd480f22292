#pragma once

#include <array>
#include <string_view>

namespace rl {

// Why a dequeued feedback item taught the bandit nothing; the `reason` label of rl_feedback_failed_total.
enum class FailureReason { MissingHistory, Invalid, Exception };
inline constexpr std::size_t kFailureReasons = 3;

constexpr std::string_view toString(FailureReason reason)
{
    constexpr std::array<std::string_view, kFailureReasons> names{"missing_history", "invalid", "exception"};
    return names[static_cast<std::size_t>(reason)];
}

} // namespace rl
