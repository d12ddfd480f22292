#pragma once

#include <QCoreApplication>

#include "bench/CapacityBench.h"

class QTextStream;

namespace rl {

// `rlstudio bench`: the capacity test; items per second, batch latency and peak memory.
class BenchCommand {
    Q_DECLARE_TR_FUNCTIONS(BenchCommand)

public:
    struct Options {
        BenchConfig config;
        bool json = false;
    };

    // Returns the exit code: 0, or 1 if the benchmark failed.
    static int run(const Options &options, QTextStream &out, QTextStream &err);
};

} // namespace rl
