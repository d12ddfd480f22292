#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/journal/JournalExport.h"

namespace rl {

// The decision log as the off-policy tools read it: one line per decision that got a reward.
//  - DSJSON, as Vowpal Wabbit (--dsjson --cb_explore_adf) and Microsoft's learning loop read it: EventId,
//    Timestamp, Version, the chosen action first in `a` (1-based) with `p` in the same order, the context
//    in `c` (the features under "x", one `_multi` entry per model), and the label: _label_cost = -reward
//    (VW minimises cost), _label_probability, _label_Action, _labelIndex.
//  - CSV for Open Bandit Pipeline-style tools and `rlstudio evaluate`: event_id, timestamp_ms,
//    policy_version, x0..x{d-1}, action (0-based), propensity, reward, p0..p{k-1}.
class DecisionLogFormat {
public:
    enum class Kind { Dsjson, Csv };

    // Throws std::invalid_argument for another name than dsjson or csv.
    static Kind parse(std::string_view name);

    // The CSV header for d features and k arms; empty for DSJSON.
    static std::string header(Kind kind, std::size_t dimension, std::size_t arms);
    // The line for a row that has a reward (row.learned), with its newline.
    static std::string line(Kind kind, const JournalExportRow &row);
};

} // namespace rl
