#pragma once

#include <cstdint>
#include <mutex>

#include "core/journal/Journal.h"
#include "core/routing/EngineHook.h"
#include "core/routing/FeedbackLog.h"

namespace rl {

class ModelRouter;
class Metrics;
struct MetricLabels;

// The router's journal: it makes feedback durable before it is queued (FeedbackLog) and records every
// decision, outcome and removal from the queue as the router reports them (EngineHook), passing each event
// on to `next` (the worker's digest). Owned by the worker; the router must be destroyed after it stops
// being called, the journal after the router is gone... see EngineWorker for the order.
class EngineJournal : public EngineHook, public FeedbackLog {
public:
    EngineJournal(Journal &journal, EngineHook &next);

    // Rebuilds the router from what the journal restored: the policy (checkpoint, then the steps learned
    // after it), the pending decisions, the queue and the totals. Before routing starts and before the
    // router reports to this hook. Returns a line saying what was restored.
    static std::string restore(const RestoredJournal &restored, ModelRouter &router, Metrics &metrics,
                               const MetricLabels &labels);

    // Records the policy's state as covering every step learned so far. On the processing thread, between
    // batches.
    void checkpoint(const ModelRouter &router);
    // Whether anything was learned or the policy changed since the last checkpoint.
    bool checkpointDue() const { return m_learnedSinceCheckpoint; }
    void policyReplaced() { m_learnedSinceCheckpoint = true; } // a switch or reset: the state must be saved

    void append(std::vector<TrajectoryFeedback> items, Queue queue) override;

    void decided(const RoutingDecision &decision, std::span<const double> probabilities,
                 const PolicyVersion &version) override;
    void learned(const TrajectoryFeedback &feedback, const RoutingDecision &decision, double reward) override;
    void failed(const TrajectoryFeedback &feedback, FailureReason reason, std::string_view message) override;
    void outcomeRecorded(const RoutingDecision &decision) override;
    void evicted(std::size_t count) override;
    void dropped(std::size_t count, FeedbackQueue::SeqRange seqs) override;
    void purged(std::size_t count, FeedbackQueue::SeqRange seqs) override;
    void queued(std::size_t depth) override { m_next.queued(depth); }
    void batchDone() override;

private:
    void include(std::uint64_t seq);
    // A removal from the queue's head that is not a batch: a drop, or a purge.
    void appendRemoval(std::size_t count, FeedbackQueue::SeqRange seqs, bool purged);

    Journal &m_journal;
    EngineHook &m_next;
    // The batch being processed: only the processing thread touches it.
    JournalConsumption m_batch;
    std::uint64_t m_lastLearnedSeq = 0;
    bool m_learnedSinceCheckpoint = false;
};

} // namespace rl
