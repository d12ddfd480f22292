#include "gui/cli/BenchCommand.h"

#include <exception>

#include <QTextStream>

#include <nlohmann/json.hpp>

namespace rl {

int BenchCommand::run(const Options &options, QTextStream &out, QTextStream &err)
{
    BenchResult result;
    try {
        result = runCapacityBench(options.config);
    } catch (const std::exception &error) {
        err << tr("rlstudio bench: %1").arg(QString::fromUtf8(error.what())) << Qt::endl;
        return 1;
    }

    if (options.json) {
        out << QString::fromStdString(result.toJson().dump(2)) << Qt::endl;
        return 0;
    }
    out << tr("bench: %1, depth %2, batch %3")
               .arg(QString::fromStdString(options.config.policy))
               .arg(options.config.depth)
               .arg(options.config.batch)
        << '\n'
        << tr("  throughput     %1 items/s (%2 items in %3 s)")
               .arg(result.itemsPerSecond, 0, 'f', 0)
               .arg(result.items)
               .arg(result.seconds, 0, 'f', 3)
        << '\n'
        << tr("  batch latency  p50 %1 µs, p99 %2 µs")
               .arg(result.p50BatchUs, 0, 'f', 1)
               .arg(result.p99BatchUs, 0, 'f', 1)
        << '\n'
        << tr("  peak RSS       %1 MB").arg(result.peakRssMb, 0, 'f', 1) << Qt::endl;
    return 0;
}

} // namespace rl
