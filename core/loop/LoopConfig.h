#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "core/metrics/MetricLabels.h"

namespace rl {

// A setting that cannot be used; what() names the variable (or flag), the value and the accepted range.
class ConfigError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct LoopConfig {
    static constexpr std::size_t kMinBatchSize = 1;
    static constexpr std::size_t kMaxBatchSize = 100000;
    static constexpr double kMinIntervalSeconds = 0.01;
    static constexpr double kMaxIntervalSeconds = 86400.0;

    bool evaluationEnabled = true; // ENABLE_TRAJECTORY_EVALUATION
    bool loopEnabled = true;       // ENABLE_TRAJECTORY_FEEDBACK_LOOP
    std::size_t batchSize = 25;    // RL_FEEDBACK_BATCH_SIZE
    double intervalSeconds = 15.0; // RL_FEEDBACK_LOOP_INTERVAL_SECONDS
    // RL_FEEDBACK_PROCESS_WHEN_FULL: also run a batch as soon as batchSize items are queued, rather than only
    // on the tick (a service's low-latency setting; the original waits for the tick).
    bool processWhenFull = false;
    MetricLabels labels; // RL_TENANT, RL_WORKSPACE

    // Reads the variables above through getenv (unset or empty keeps the default). Throws ConfigError.
    static LoopConfig fromEnvironment(const std::function<const char *(const char *)> &getenv);
};

// 1/true/yes/on and 0/false/no/off, any case and surrounding blanks. Throws ConfigError naming `name`.
bool parseFlag(std::string_view name, std::string_view value);
std::size_t parseBatchSize(std::string_view name, std::string_view value);
double parseIntervalSeconds(std::string_view name, std::string_view value);
// A tenant or workspace label value: surrounding blanks trimmed; must be non-empty UTF-8 without control
// characters. Throws ConfigError naming `name`.
std::string parseLabelValue(std::string_view name, std::string_view value);

} // namespace rl
