#pragma once

#include <cstdint>
#include <string>

#include <QCoreApplication>
#include <QString>

class QTextStream;

namespace rl {

// `rlstudio replay`: runs a policy over a recorded learning stream and reports its regret.
class ReplayCommand {
    Q_DECLARE_TR_FUNCTIONS(ReplayCommand)

public:
    struct Options {
        QString stream;  // the linear-4x10 CSV format
        QString weights; // meta.json holding true_weights
        std::string policy = "linucb";
        std::uint64_t seed = 1;
        bool json = false;
    };

    // Returns the exit code: 0, or 2 when a file is missing or malformed.
    static int run(const Options &options, QTextStream &out, QTextStream &err);
};

} // namespace rl
