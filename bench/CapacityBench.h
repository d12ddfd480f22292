#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "core/bandit/Policy.h"

namespace rl {

struct BenchConfig {
    std::size_t depth = 10000;
    std::size_t batch = 25;
    std::string policy{kDefaultPolicy};
    std::uint64_t seed = 1;
};

struct BenchResult {
    BenchConfig config;
    std::size_t items = 0;
    double seconds = 0.0;
    double itemsPerSecond = 0.0;
    double p50BatchUs = 0.0;
    double p99BatchUs = 0.0;
    double peakRssMb = 0.0; // the process's high-water mark (VmHWM)
    nlohmann::json toJson() const;
};

// The capacity test: routes `depth` requests (filling the history), queues their feedback, then drains
// the queue through FeedbackProcessor::processOnce in batches, timing each batch.
BenchResult runCapacityBench(const BenchConfig &config);

} // namespace rl
