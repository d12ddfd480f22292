#pragma once

#include <cstddef>
#include <vector>

#include <QMetaType>
#include <QString>

#include "core/bandit/PolicySpec.h"
#include "core/sim/Comparison.h"
#include "gui/host/BackgroundJob.h"

namespace rl {

struct ComparisonRequest {
    QString stream;
    QString weights; // meta.json with the true weights; empty: the one beside the stream
    std::vector<PolicySpec> specs;
    std::size_t seeds = 10;
    std::size_t rounds = 0; // 0: the whole stream
    QString saveFolder;     // runs are kept in a file per comparison here and resumed; empty: none kept
};

struct ComparisonOutcome {
    std::size_t rounds = 0;
    std::vector<std::size_t> checkpoints;
    std::vector<SpecSummary> summaries; // in the request's order
    std::size_t runs = 0;               // finished, resumed ones included
    std::size_t seeds = 0;              // asked for each spec
    std::size_t totalRuns = 0;          // specs × seeds
    std::size_t resumed = 0;            // read back from the saved runs
    QString savedTo;                    // the file of saved runs, if any
    bool complete() const { return runs == totalRuns; }
};

// `rlstudio compare` for the window, off the UI thread: every spec × seed on every core, the summaries so far
// sent as runs finish (so the curves grow), the runs kept in saveFolder so a comparison cut short (cancelled,
// the window closed) resumes when started again.
class ComparisonJob : public BackgroundJob {
    Q_OBJECT

public:
    using BackgroundJob::BackgroundJob;

    // False while a run is under way. Sends updated() as runs finish and once at the end, a cancelled run
    // included (its outcome then not complete()); failed() names the file or spec at fault.
    bool start(ComparisonRequest request);

Q_SIGNALS:
    void updated(const rl::ComparisonOutcome &outcome);
};

} // namespace rl

Q_DECLARE_METATYPE(rl::ComparisonOutcome)
