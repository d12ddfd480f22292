#pragma once

#include <cstddef>
#include <vector>

#include <QCoreApplication>
#include <QString>

#include "core/bandit/PolicySpec.h"

class QTextStream;

namespace rl {

// `rlstudio compare`: several policy specs, each on several seeds over one stream, in parallel on every core;
// per spec the mean cumulative regret with its 95 % interval, the share of best-arm picks and the time per
// round, ranked. With --save, finished runs are kept in a file and the same comparison run again resumes.
class CompareCommand {
    Q_DECLARE_TR_FUNCTIONS(CompareCommand)

public:
    struct Options {
        QString stream;
        QString weights;               // empty: meta.json beside the stream
        std::vector<PolicySpec> specs; // sweeps expanded
        std::size_t seeds = 10;
        std::size_t rounds = 0; // 0: the whole stream
        QString save;           // empty: nothing kept
        bool json = false;
    };

    // Returns the exit code: 0, 1 when cancelled (the figures cover the runs finished), or 2 when a file is
    // missing, malformed or does not fit.
    static int run(const Options &options, QTextStream &out, QTextStream &err);
};

} // namespace rl
