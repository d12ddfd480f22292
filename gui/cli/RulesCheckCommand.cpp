#include "gui/cli/RulesCheckCommand.h"

#include <exception>

#include <QTextStream>

#include "gui/host/AlertMonitor.h"

namespace rl {

int RulesCheckCommand::run(const Options &options, QTextStream &out, QTextStream &err)
{
    int status = 0;
    for (const QString &file : options.files) {
        out << tr("Checking %1").arg(file) << Qt::endl;
        try {
            const AlertRuleSource source = AlertMonitor::loadRules(file.toStdString());
            out << tr("  SUCCESS: %n group(s), ", nullptr, static_cast<int>(source.rules.groups().size()))
                << tr("%n rule(s) found", nullptr, static_cast<int>(source.rules.ruleCount())) << '\n';
            for (const std::string &warning : AlertMonitor::warningsFor(source))
                out << tr("  WARNING: %1").arg(QString::fromStdString(warning)) << '\n';
            out << Qt::endl;
        } catch (const std::exception &error) {
            // promtool's layout: the verdict, then the error on a line of its own.
            err << tr("  FAILED:") << '\n' << QString::fromUtf8(error.what()) << '\n' << Qt::endl;
            status = 1;
        }
    }
    return status;
}

} // namespace rl
