#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "core/journal/JournalRecords.h"

namespace rl {

// One line of the decision log as `rlstudio export` writes it: the decision, and the learning step that
// used it (its reward), if one did.
struct JournalExportRow {
    JournalDecision decision;
    std::optional<JournalLearned> learned;
};

// Reads the decision log joined with the learned rewards, for export and off-policy evaluation.
class JournalExport {
public:
    using Row = std::function<void(const JournalExportRow &row)>;
    using Progress = std::function<bool(std::uint64_t done, std::uint64_t total)>;

    // Calls row for every decision with event id >= fromEventId, in event order, and returns how many. Reads
    // DIR/journal.db through a read-only connection of its own, as one snapshot, so a running engine's
    // writer carries on meanwhile (its WAL cannot be reset until the export ends). progress(done, total)
    // is called now and then; returning false throws JournalCancelled. Throws SqliteError (a
    // std::runtime_error) when there is no journal to read.
    static std::uint64_t decisionLog(const std::string &directory, const Row &row, const Progress &progress = {},
                                     std::uint64_t fromEventId = 0);
};

} // namespace rl
