#pragma once

#include <QCoreApplication>
#include <QString>

class QTextStream;

namespace rl {

// `rlstudio export`: the decision log of a journal, each decision that got a reward joined with it, as
// DSJSON (Vowpal Wabbit, the learning loop) or CSV (Open Bandit Pipeline-style tools, `evaluate`). Reads a
// snapshot through its own connection, so a running engine carries on. The file appears whole or not at
// all; a progress line shows on a terminal and Ctrl+C cancels.
class ExportCommand {
    Q_DECLARE_TR_FUNCTIONS(ExportCommand)

public:
    struct Options {
        QString dataDir;
        QString format = QStringLiteral("dsjson"); // dsjson or csv
        QString out;
    };

    // Returns the exit code: 0, 1 when there is no journal, it cannot be read or written, or cancelled.
    static int run(const Options &options, QTextStream &out, QTextStream &err);
};

} // namespace rl
