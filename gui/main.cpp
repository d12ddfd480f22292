#include <cstdlib>
#include <exception>

#include <QCoreApplication>
#include <QTextStream>

#include "core/LoopConfig.h"
#include "gui/BenchCommand.h"
#include "gui/CommandLine.h"
#include "gui/HeadlessRunner.h"
#include "gui/ReplayCommand.h"

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("rlstudio"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RLSTUDIO_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);

    rl::CommandLine commandLine;
    try {
        commandLine = rl::CommandLine::parse(QCoreApplication::arguments(), [](const char *name) { return std::getenv(name); });
    } catch (const rl::ConfigError &error) {
        err << QStringLiteral("rlstudio: ") << QString::fromUtf8(error.what()) << Qt::endl;
        return 2;
    }
    if (commandLine.helpRequested) {
        out << commandLine.helpText << Qt::flush;
        return 0;
    }
    if (commandLine.versionRequested) {
        out << QCoreApplication::applicationName() << ' ' << QCoreApplication::applicationVersion() << Qt::endl;
        return 0;
    }

    switch (commandLine.command) {
    case rl::CommandLine::Command::Replay:
        return rl::ReplayCommand::run(commandLine.replay, out, err);
    case rl::CommandLine::Command::Bench:
        return rl::BenchCommand::run(commandLine.bench, out, err);
    case rl::CommandLine::Command::Run:
        break;
    }
    if (!commandLine.headless) {
        err << QCoreApplication::translate("main", "rlstudio: the desktop window is not built yet; running headless")
            << Qt::endl;
    }
    rl::HeadlessRunner runner(commandLine.run);
    return runner.run(out, err);
}
