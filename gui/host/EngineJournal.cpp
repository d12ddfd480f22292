#include "gui/host/EngineJournal.h"

#include <chrono>
#include <memory>

#include "core/metrics/Metrics.h"
#include "core/routing/ModelRouter.h"
#include "core/routing/RoutingDecision.h"

namespace rl {

namespace {

std::int64_t wallMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

} // namespace

EngineJournal::EngineJournal(Journal &journal, EngineHook &next)
    : m_journal(journal)
    , m_next(next)
{
}

std::string EngineJournal::restore(const RestoredJournal &restored, ModelRouter &router, Metrics &metrics,
                                   const MetricLabels &labels)
{
    if (restored.checkpoint)
        router.restorePolicyState(*restored.checkpoint);
    for (const auto &[step, decision] : restored.relearn)
        router.relearn(decision.arm, decision.features, step.reward);
    router.setNextEventId(restored.nextEventId);

    // Decision times were wall-clock; the history ages them on the steady clock.
    const auto steadyNow = std::chrono::steady_clock::now();
    const std::int64_t now = wallMs();
    for (const JournalDecision &saved : restored.pending) {
        RoutingDecision decision;
        decision.eventId = saved.eventId;
        decision.trajectoryId = saved.trajectoryId;
        decision.arm = saved.arm;
        decision.features = saved.features;
        decision.propensity = saved.propensity;
        decision.decidedAt = steadyNow - std::chrono::milliseconds(std::max<std::int64_t>(0, now - saved.timeMs));
        decision.immediateReward = saved.immediateReward;
        router.restoreDecision(std::move(decision));
    }
    for (const auto &[seq, saved] : restored.queue) {
        TrajectoryFeedback item = saved;
        item.seq = seq;
        router.restoreQueued(std::move(item));
    }

    const JournalTotals &totals = restored.totals;
    metrics.addProcessed(labels, totals.processed);
    for (std::size_t reason = 0; reason < kFailureReasons; ++reason)
        metrics.addFailed(labels, static_cast<FailureReason>(reason), totals.failedByReason[reason]);
    metrics.addDropped(totals.dropped);
    metrics.addPurged(labels, totals.purged);
    // Damage read from disk is bad input like any other: counted where operators alert on it.
    if (restored.walFramesSkipped > 0)
        metrics.addRejected("journal", "torn_wal_frame", restored.walFramesSkipped);
    if (restored.corruptSkipped > 0)
        metrics.addRejected("journal", "corrupt_row", restored.corruptSkipped);
    return "accepted " + std::to_string(totals.accepted) + " = processed " + std::to_string(totals.processed)
           + " + failed " + std::to_string(totals.failed) + " + dropped " + std::to_string(totals.dropped)
           + " + purged " + std::to_string(totals.purged) + " + queued " + std::to_string(totals.queued) + "; "
           + restored.note;
}

void EngineJournal::checkpoint(const ModelRouter &router)
{
    m_journal.appendCheckpoint(router.policyState().dump(), m_lastLearnedSeq);
    m_learnedSinceCheckpoint = false;
}

void EngineJournal::append(std::vector<TrajectoryFeedback> items, Queue queue)
{
    // The journal encodes them before it returns; they are queued once durable, numbered as it numbered.
    auto held = std::make_shared<std::vector<TrajectoryFeedback>>(std::move(items));
    m_journal.appendFeedback(*held, [held, queue = std::move(queue)](std::uint64_t firstSeq) {
        for (std::size_t i = 0; i < held->size(); ++i)
            (*held)[i].seq = firstSeq + i;
        queue(std::move(*held));
    });
}

void EngineJournal::decided(const RoutingDecision &decision, std::span<const double> probabilities,
                            const PolicyVersion &version)
{
    JournalDecision saved;
    saved.eventId = decision.eventId;
    saved.trajectoryId = decision.trajectoryId;
    saved.timeMs = wallMs();
    saved.arm = decision.arm;
    saved.propensity = decision.propensity;
    saved.features = decision.features;
    saved.probabilities.assign(probabilities.begin(), probabilities.end());
    saved.policyVersion = version.toString();
    m_journal.appendDecision(std::move(saved));
    m_next.decided(decision, probabilities, version);
}

void EngineJournal::include(std::uint64_t seq)
{
    if (seq == 0)
        return;
    m_batch.firstSeq = m_batch.firstSeq == 0 ? seq : std::min(m_batch.firstSeq, seq);
    m_batch.lastSeq = std::max(m_batch.lastSeq, seq);
}

void EngineJournal::learned(const TrajectoryFeedback &feedback, const RoutingDecision &decision, double reward)
{
    if (feedback.seq != 0) {
        include(feedback.seq);
        ++m_batch.processed;
        m_batch.learned.push_back({feedback.seq, decision.eventId, reward});
        m_lastLearnedSeq = std::max(m_lastLearnedSeq, feedback.seq);
        m_learnedSinceCheckpoint = true;
    }
    m_next.learned(feedback, decision, reward);
}

void EngineJournal::failed(const TrajectoryFeedback &feedback, FailureReason reason, std::string_view message)
{
    if (feedback.seq != 0) {
        include(feedback.seq);
        ++m_batch.failed[static_cast<std::size_t>(reason)];
    }
    m_next.failed(feedback, reason, message);
}

void EngineJournal::outcomeRecorded(const RoutingDecision &decision)
{
    m_journal.appendOutcome(decision.eventId, decision.immediateReward);
    m_next.outcomeRecorded(decision);
}

void EngineJournal::evicted(std::size_t count)
{
    m_next.evicted(count);
}

void EngineJournal::appendRemoval(std::size_t count, FeedbackQueue::SeqRange seqs, bool purged)
{
    if (seqs.first == 0) // nothing journaled among them
        return;
    JournalConsumption removal;
    removal.firstSeq = seqs.first;
    removal.lastSeq = seqs.last;
    (purged ? removal.purged : removal.dropped) = count;
    m_journal.appendConsumption(std::move(removal));
}

void EngineJournal::dropped(std::size_t count, FeedbackQueue::SeqRange seqs)
{
    appendRemoval(count, seqs, false);
    m_next.dropped(count, seqs);
}

void EngineJournal::purged(std::size_t count, FeedbackQueue::SeqRange seqs)
{
    appendRemoval(count, seqs, true);
    m_next.purged(count, seqs);
}

void EngineJournal::batchDone()
{
    if (m_batch.firstSeq != 0)
        m_journal.appendConsumption(std::exchange(m_batch, {}));
    m_next.batchDone();
}

} // namespace rl
