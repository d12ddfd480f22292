#include <cstdlib>
#include <exception>
#include <memory>

#include <QApplication>
#include <QTextStream>

#include "core/loop/LoopConfig.h"
#include "gui/cli/BenchCommand.h"
#include "gui/cli/CommandLine.h"
#include "gui/cli/CompareCommand.h"
#include "gui/cli/EvaluateCommand.h"
#include "gui/cli/ExportCommand.h"
#include "gui/cli/FleetCommand.h"
#include "gui/cli/LoadCommand.h"
#include "gui/cli/ReplayCommand.h"
#include "gui/cli/Translations.h"
#include "gui/server/HeadlessRunner.h"
#include "gui/ui/DesktopRunner.h"

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const bool window = rl::CommandLine::wantsWindow(arguments) && rl::DesktopRunner::haveDisplay();
    // The window needs QApplication; everything else runs without a GUI library loaded.
    const std::unique_ptr<QCoreApplication> app =
        window ? std::make_unique<QApplication>(argc, argv) : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("rlstudio"));
    QCoreApplication::setApplicationName(QStringLiteral("rlstudio"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RLSTUDIO_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QString language = rl::CommandLine::language(arguments);
    if (!rl::Translations::install(language) && !language.isEmpty() && !language.startsWith(QStringLiteral("en"))) {
        err << QCoreApplication::translate("main", "rlstudio: no translation for \"%1\"; English is used").arg(language)
            << Qt::endl;
    }

    rl::CommandLine commandLine;
    try {
        commandLine =
            rl::CommandLine::parse(QCoreApplication::arguments(), [](const char *name) { return std::getenv(name); });
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
    case rl::CommandLine::Command::SimulateStream:
        return rl::SimulateStreamCommand::run(commandLine.simulateStream, out, err);
    case rl::CommandLine::Command::Rules:
        return rl::RulesCheckCommand::run(commandLine.rulesCheck, out, err);
    case rl::CommandLine::Command::Load:
        return rl::LoadCommand::run(commandLine.load, out, err);
    case rl::CommandLine::Command::Export:
        return rl::ExportCommand::run(commandLine.exportLog, out, err);
    case rl::CommandLine::Command::Evaluate:
        return rl::EvaluateCommand::run(commandLine.evaluate, out, err);
    case rl::CommandLine::Command::Compare:
        return rl::CompareCommand::run(commandLine.compare, out, err);
    case rl::CommandLine::Command::Fleet:
        return rl::FleetCommand::run(commandLine.fleet, out, err);
    case rl::CommandLine::Command::Run:
        break;
    }
    if (window)
        return rl::DesktopRunner(commandLine.desktop).run(out, err);
    if (!commandLine.headless) {
        err << QCoreApplication::translate(
            "main", "rlstudio: no display (DISPLAY, WAYLAND_DISPLAY and QT_QPA_PLATFORM are unset), "
                    "so running headless; /metrics and /health are served as below")
            << Qt::endl;
    }
    rl::HeadlessRunner runner(commandLine.run);
    return runner.run(out, err);
}
