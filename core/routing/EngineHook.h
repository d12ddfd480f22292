#pragma once

#include <cstddef>
#include <span>
#include <string_view>

#include "core/feedback/FailureReason.h"
#include "core/feedback/FeedbackQueue.h"
#include "core/routing/PolicyVersion.h"

namespace rl {

struct RoutingDecision;
struct TrajectoryFeedback;

// What the router tells an observer as it works, so nothing it learns or loses goes unseen: the window's
// event log listens today; the journal, off-policy evaluation and fault injection hang off it next.
// Every call but dropped() is made under the router's lock, on the thread that routes or processes, so the
// events of one router arrive in the order they happened. An implementation must be quick, must not throw
// and must not call back into the router. The default implementations ignore the event.
class EngineHook {
public:
    virtual ~EngineHook() = default;

    // A request was routed and its decision remembered; probabilities is the policy's distribution over
    // the arms it chose from.
    virtual void decided(const RoutingDecision & /*decision*/, std::span<const double> /*probabilities*/,
                         const PolicyVersion & /*version*/)
    {
    }
    // The policy learned from feedback on a decision, with this reward.
    virtual void learned(const TrajectoryFeedback & /*feedback*/, const RoutingDecision & /*decision*/,
                         double /*reward*/)
    {
    }
    // A dequeued item taught the policy nothing, and why: message names the field, the decision or the
    // policy's exception.
    virtual void failed(const TrajectoryFeedback & /*feedback*/, FailureReason /*reason*/, std::string_view /*message*/)
    {
    }
    // The immediate reward of a decision was recorded (recordOutcome).
    virtual void outcomeRecorded(const RoutingDecision & /*decision*/) {}
    // Decisions forgotten unanswered: pushed out by newer ones or too old.
    virtual void evicted(std::size_t /*count*/) {}
    // Queued items dropped to make room for newer ones, with their journal seqs. Called on the producer's
    // thread, outside the router's lock.
    virtual void dropped(std::size_t /*count*/, FeedbackQueue::SeqRange /*seqs*/) {}
    // The queue was shrunk below its depth and dropped its oldest items. A hook that records drops (a
    // journal) treats them as drops; one that explains drops (the digest) knows the queue was not full.
    virtual void droppedByShrink(std::size_t count, FeedbackQueue::SeqRange seqs) { dropped(count, seqs); }
    // An item was queued; depth is the queue's size after it. On the producer's thread, outside the lock.
    virtual void queued(std::size_t /*depth*/) {}
    // The oldest queued items were purged by an operator. Outside the router's lock.
    virtual void purged(std::size_t /*count*/, FeedbackQueue::SeqRange /*seqs*/) {}
    // A batch ended: every item taken from the queue for it has been reported as learned or failed.
    // Outside the router's lock, on the thread that processes.
    virtual void batchDone() {}
};

} // namespace rl
