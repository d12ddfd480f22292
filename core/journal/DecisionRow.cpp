#include "core/journal/DecisionRow.h"

#include "core/journal/RecordCodec.h"
#include "core/journal/SqliteStatement.h"

namespace rl {

JournalDecision readDecision(const SqliteStatement &row, int first)
{
    JournalDecision decision;
    decision.eventId = static_cast<std::uint64_t>(row.columnInt(first));
    decision.trajectoryId = row.columnText(first + 1);
    decision.timeMs = row.columnInt(first + 2);
    decision.arm = static_cast<std::size_t>(row.columnInt(first + 3));
    decision.propensity = row.columnDouble(first + 4);
    decision.features = decodeDoubles(row.columnBlob(first + 5)).value_or(std::vector<double>{});
    decision.probabilities = decodeDoubles(row.columnBlob(first + 6)).value_or(std::vector<double>{});
    decision.policyVersion = row.columnText(first + 7);
    decision.immediateReward = row.columnDouble(first + 8);
    return decision;
}

} // namespace rl
