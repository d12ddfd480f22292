#pragma once

#include <cstdint>
#include <string>

#include "core/journal/JournalRecords.h"

namespace rl {

// The journal at its last commit, for /health, metrics and the window. A copy, cheap to take.
struct JournalStatus {
    std::uint64_t databaseBytes = 0;       // journal.db
    std::uint64_t walBytes = 0;            // journal.db-wal
    std::uint64_t queuedRows = 0;          // feedback rows not yet consumed
    std::uint64_t decisionRows = 0;        // the decision log
    std::uint64_t unwritten = 0;           // records appended but not yet committed
    std::uint64_t commits = 0;             // since open
    std::int64_t lastCheckpointTimeMs = 0; // 0: no policy checkpoint yet
    std::uint64_t lastCheckpointSeq = 0;
    std::uint64_t corruptSkipped = 0;        // rows skipped at open
    std::uint64_t consumptionMismatches = 0; // consumption records whose counts did not match the rows removed
    std::uint64_t writeErrors = 0;           // failed commits since open (each retried)
    std::string lastError;                   // the latest write error, empty if none since open
    std::int64_t lastErrorTimeMs = 0;
    JournalTotals totals;
};

} // namespace rl
