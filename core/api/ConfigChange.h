#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

namespace rl {

// The body of PUT /v1/config: the loop settings to change, each optional.
struct ConfigChange {
    std::optional<bool> loopEnabled;
    std::optional<bool> evaluationEnabled;
    std::optional<std::size_t> batchSize;
    std::optional<double> intervalSeconds;
    std::optional<bool> processWhenFull;
    std::optional<std::string> policy;
    std::optional<std::size_t> queueCapacity;

    // Throws ApiError naming the field: malformed JSON, an unknown key, a wrong type, a batch size outside
    // 1..100000, an interval outside 0.01..86400 s, an unknown policy, a queue capacity outside
    // 1..10000000 (shrinking below the depth drops the oldest, counted as dropped). An empty object is a
    // valid no-op.
    static ConfigChange parse(std::string_view body);
};
} // namespace rl
