#pragma once

#include <functional>

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include "gui/cli/BenchCommand.h"
#include "gui/cli/CompareCommand.h"
#include "gui/cli/EvaluateCommand.h"
#include "gui/cli/ExportCommand.h"
#include "gui/cli/FleetCommand.h"
#include "gui/cli/LoadCommand.h"
#include "gui/cli/ReplayCommand.h"
#include "gui/cli/RulesCheckCommand.h"
#include "gui/cli/SimulateStreamCommand.h"
#include "gui/server/HeadlessRunner.h"
#include "gui/ui/DesktopRunner.h"

namespace rl {

// rlstudio's command line: `rlstudio [options]` runs the engine; `rlstudio replay ...`, `bench ...`,
// `simulate-stream ...`, `rules check ...`, `load ...`, `export ...`, `evaluate ...`, `compare ...` and `fleet ...`
// are one-shot commands. Environment variables are read first, flags override them.
class CommandLine {
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    enum class Command { Run, Replay, Bench, SimulateStream, Rules, Load, Export, Evaluate, Compare, Fleet };

    // arguments[0] is the program. Throws ConfigError naming the flag or variable, the value and what
    // is accepted; start-up then stops with exit code 2.
    static CommandLine parse(const QStringList &arguments, const std::function<const char *(const char *)> &getenv);

    // Read before parse(), which needs the application and its translator, so neither judges a value.
    // Whether the arguments ask for the window: no command, not headless, not help or version.
    static bool wantsWindow(const QStringList &arguments);
    // --lang's value, empty when not given; with it installed first, parse()'s messages are translated.
    static QString language(const QStringList &arguments);

    Command command = Command::Run;
    bool headless = false; // --headless given
    bool helpRequested = false;
    bool versionRequested = false;
    QString helpText; // for the command given
    HeadlessRunner::Options run;
    DesktopRunner::Options desktop; // its server part is `run`
    ReplayCommand::Options replay;
    ExportCommand::Options exportLog;
    EvaluateCommand::Options evaluate;
    CompareCommand::Options compare;
    BenchCommand::Options bench;
    SimulateStreamCommand::Options simulateStream;
    RulesCheckCommand::Options rulesCheck;
    LoadCommand::Options load;
    FleetCommand::Options fleet;
};

} // namespace rl
