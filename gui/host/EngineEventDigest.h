#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>

#include "core/feedback/FailureReason.h"
#include "core/routing/EngineHook.h"

namespace rl {

// Sums up what the router reports as going wrong, so the worker can log it without flooding the log: per
// failure reason a count and the last message, and the items dropped from a full queue, since the last
// take(). It also passes the queue's depth on to the worker (setOnQueued). Thread-safe: the router reports from
// whichever thread routes, processes or enqueues.
class EngineEventDigest : public EngineHook {
public:
    struct Failures {
        std::uint64_t count = 0;
        std::string lastMessage;
    };
    struct Digest {
        std::array<Failures, kFailureReasons> failures; // indexed by FailureReason
        std::uint64_t dropped = 0;
    };

    void failed(const TrajectoryFeedback &feedback, FailureReason reason, std::string_view message) override;
    void dropped(std::size_t count, FeedbackQueue::SeqRange seqs) override;
    void droppedByShrink(std::size_t, FeedbackQueue::SeqRange) override {} // the worker says why, at once
    void queued(std::size_t depth) override;
    // Called with the depth after each item is queued, from the producer's thread: how the loop learns that
    // a batch is full. Set before the router reports.
    void setOnQueued(std::function<void(std::size_t)> onQueued) { m_onQueued = std::move(onQueued); }

    // What was reported since the previous call, and starts afresh.
    Digest take();

private:
    std::mutex m_mutex;
    Digest m_digest;
    std::function<void(std::size_t)> m_onQueued;
};

} // namespace rl
