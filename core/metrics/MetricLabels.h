#pragma once

#include <string>

namespace rl {

// The tenant/workspace label pair every rl_feedback_* series carries.
struct MetricLabels {
    std::string tenant = "default";
    std::string workspace = "default";
    bool operator==(const MetricLabels &) const = default;
};

} // namespace rl
