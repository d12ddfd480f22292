#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "core/feedback/FailureReason.h"

namespace rl {

// One routing decision, as the decision log keeps it for export and off-policy evaluation, and as restore
// hands it back to refill the router's history. Event ids are the caller's (RestoredJournal::nextEventId
// continues them), increasing in decision order.
struct JournalDecision {
    std::uint64_t eventId = 0;
    std::string trajectoryId;
    std::int64_t timeMs = 0; // wall clock, milliseconds since the epoch
    std::size_t arm = 0;
    double propensity = 1.0;
    std::vector<double> features;
    std::vector<double> probabilities; // the policy's probability of each arm, for off-policy estimators
    std::string policyVersion;
    double immediateReward = std::numeric_limits<double>::quiet_NaN(); // NaN until an outcome is recorded
};

// Feedback item `seq` taught the policy from decision `eventId` with this reward.
struct JournalLearned {
    std::uint64_t seq = 0;
    std::uint64_t eventId = 0;
    double reward = 0.0;
};

// A removal from the head of the queue: a processed batch, a drop or a purge. It names the seqs it removed
// (firstSeq..lastSeq, inclusive: gaps left by rows skipped at restore are allowed) and how each ended; the
// counts should add up to the rows in the range. Committing it deletes those rows and adds the counts to the
// totals in one transaction, so the accounting identity holds at every commit whatever order removals from
// different threads arrive in.
struct JournalConsumption {
    std::uint64_t firstSeq = 0;
    std::uint64_t lastSeq = 0;
    std::uint64_t processed = 0;
    std::array<std::uint64_t, kFailureReasons> failed{}; // by FailureReason
    std::uint64_t dropped = 0;
    std::uint64_t purged = 0;
    std::vector<JournalLearned> learned; // the processed items that taught the policy, in seq order
    std::int64_t timeMs = 0;             // 0: the journal's clock at append

    std::uint64_t count() const
    {
        std::uint64_t failures = 0;
        for (std::uint64_t n : failed)
            failures += n;
        return processed + failures + dropped + purged;
    }
};

// Where every accepted item went: accepted = processed + failed + dropped + purged + queued, always.
struct JournalTotals {
    std::uint64_t accepted = 0;
    std::uint64_t processed = 0;
    std::uint64_t failed = 0;
    std::array<std::uint64_t, kFailureReasons> failedByReason{};
    std::uint64_t dropped = 0;
    std::uint64_t purged = 0;
    std::uint64_t queued = 0;

    bool balanced() const { return accepted == processed + failed + dropped + purged + queued; }
};

} // namespace rl
