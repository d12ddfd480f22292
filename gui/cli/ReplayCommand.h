#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <QCoreApplication>
#include <QString>

#include "core/bandit/Policy.h"
#include "core/sim/Replay.h"

class QTextStream;

namespace rl {

// `rlstudio replay`: runs a policy over a recorded learning stream and reports its regret.
class ReplayCommand {
    Q_DECLARE_TR_FUNCTIONS(ReplayCommand)

public:
    struct Options {
        QString stream;  // the linear-4x10 CSV format
        QString weights; // meta.json holding true_weights (and drift); empty: the one beside the stream
        std::string policy{kDefaultPolicy};
        std::uint64_t seed = 1;
        std::optional<RoundWindow> window; // also the share of optimal picks over these rounds
        QString saveState;                 // where to write the learned policy's state (evaluate --target reads it)
        bool json = false;
    };

    // Returns the exit code: 0, 1 when cancelled (the figures cover the rounds replayed), or 2 when a file is
    // missing or malformed.
    static int run(const Options &options, QTextStream &out, QTextStream &err);
};

} // namespace rl
