#pragma once

#include <functional>
#include <vector>

#include "core/feedback/TrajectoryFeedback.h"

namespace rl {

// Where feedback becomes durable before the router queues it (the journal). The router hands it every item
// it is given and queues them only when the log gives them back, numbered.
class FeedbackLog {
public:
    using Queue = std::function<void(std::vector<TrajectoryFeedback> numbered)>;

    virtual ~FeedbackLog() = default;
    // Makes the items durable, sets each one's seq, then calls queue with them: for successive appends in
    // the order appended, from the log's own thread. Thread-safe.
    virtual void append(std::vector<TrajectoryFeedback> items, Queue queue) = 0;
};

} // namespace rl
