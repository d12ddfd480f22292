#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/feedback/TrajectoryFeedback.h"

namespace rl {

class ModelCatalogue;

// The body of POST /v1/feedback, read item by item: one JSON object, or NDJSON with one per line. A bad
// item is refused with its line number and the reason, and the others still count.
struct FeedbackSubmission {
    struct Rejected {
        std::size_t line = 0; // 1-based; 1 for a single object
        std::string reason;
    };

    std::vector<TrajectoryFeedback> accepted;
    std::vector<Rejected> rejected;

    // An item is refused when it is not a JSON object with the original's fields, fails
    // TrajectoryFeedback::validate(), names a model the catalogue does not hold, or has a trajectory id that is
    // too long or holds control characters. A missing timestamp_ms becomes nowMs. Blank lines are skipped.
    // Never throws for bad content; the caller decides what a body with nothing accepted means.
    static FeedbackSubmission parse(std::string_view body, bool ndjson, const ModelCatalogue &catalogue,
                                    std::int64_t nowMs);

    // {"accepted": n, "rejected": [{"line", "reason"}, ...]}
    nlohmann::json toJson() const;
};

} // namespace rl
