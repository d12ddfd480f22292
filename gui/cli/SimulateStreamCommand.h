#pragma once

#include <QCoreApplication>
#include <QString>

#include "core/sim/StreamGenerator.h"

class QTextStream;

namespace rl {

// `rlstudio simulate-stream`: writes a synthetic learning stream of any shape, stationary or drifting, as
// DIR/learning_stream.csv and its true weights as DIR/meta.json (the linear-4x10 format, which `replay`
// reads). Each file appears whole or not at all: a cancelled or failed run leaves DIR as it was.
class SimulateStreamCommand {
    Q_DECLARE_TR_FUNCTIONS(SimulateStreamCommand)

public:
    struct Options {
        StreamSpec spec;
        QString out; // the folder; created if missing
    };

    // Returns the exit code: 0, 1 when cancelled or the files cannot be written.
    static int run(const Options &options, QTextStream &out, QTextStream &err);
};

} // namespace rl
