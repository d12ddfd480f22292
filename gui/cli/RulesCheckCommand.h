#pragma once

#include <QCoreApplication>
#include <QStringList>

class QTextStream;

namespace rl {

// `rlstudio rules check FILE...`: validates Prometheus rule files as `promtool check rules` does, with the
// same verdict and exit status, and says what the in-app evaluator would leave out or never see fire.
class RulesCheckCommand {
    Q_DECLARE_TR_FUNCTIONS(RulesCheckCommand)

public:
    struct Options {
        QStringList files;
    };

    // Per file "Checking FILE" and "  SUCCESS: N groups, M rules found" with its warnings on out, or
    // "  FAILED:" and "FILE:LINE: message" on err. Returns 0 when every file is valid, else 1.
    static int run(const Options &options, QTextStream &out, QTextStream &err);
};

} // namespace rl
