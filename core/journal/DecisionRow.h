#pragma once

// Private to core/journal: reading a decision row.

#include <string_view>

#include "core/journal/JournalRecords.h"

namespace rl {

class SqliteStatement;

// The decision columns of table alias d, in the order readDecision() expects them.
inline constexpr std::string_view kDecisionColumnsOfD =
    "d.event_id, d.trajectory_id, d.time_ms, d.arm, d.propensity, d.features, d.probabilities, "
    "d.policy_version, d.immediate_reward";

// Reads the nine decision columns starting at column `first` of the current row. A features or
// probabilities blob of a bad size reads as empty: those blobs carry no checksum, and a decision with no
// features is refused by the router rather than learned from wrongly.
JournalDecision readDecision(const SqliteStatement &row, int first);

} // namespace rl
