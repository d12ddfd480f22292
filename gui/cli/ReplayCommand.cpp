#include "gui/cli/ReplayCommand.h"

#include <exception>

#include <QTextStream>

#include <nlohmann/json.hpp>

#include "core/bandit/Policy.h"
#include "core/sim/LearningStream.h"
#include "core/sim/Replay.h"
#include "core/sim/TrueWeights.h"
#include "gui/cli/TerminalProgress.h"

namespace rl {

int ReplayCommand::run(const Options &options, QTextStream &out, QTextStream &err)
{
    ReplayResult result;
    try {
        const LearningStream stream = LearningStream::load(options.stream.toStdString());
        const TrueWeights trueWeights = TrueWeights::load(options.weights.toStdString());
        PolicyConfig config;
        config.arms = stream.arms;
        config.dimension = stream.dimension;
        config.seed = options.seed;
        const std::unique_ptr<Policy> policy = makePolicy(options.policy, config);
        TerminalProgress progress(err, tr("replay"));
        result = runReplay(*policy, stream, trueWeights,
                           [&](std::size_t done) { return progress.update(done, stream.rounds()); });
    } catch (const std::exception &error) {
        // Every failure here is a file that is missing, malformed, or does not fit the other one.
        err << tr("rlstudio replay: %1").arg(QString::fromUtf8(error.what())) << Qt::endl;
        return 2;
    }

    if (options.json) {
        nlohmann::json document = result.toJson();
        document["policy"] = options.policy;
        document["seed"] = options.seed;
        document["stream"] = options.stream.toStdString();
        out << QString::fromStdString(document.dump(2)) << Qt::endl;
        return result.cancelled ? 1 : 0;
    }
    const auto row = [&out](const QString &label, const QString &value) {
        out << "  " << label.leftJustified(40) << value << '\n';
    };
    out << tr("replay: %1 (seed %2), %3 rounds of %4")
               .arg(QString::fromStdString(options.policy))
               .arg(options.seed)
               .arg(result.rounds)
               .arg(options.stream)
        << '\n';
    if (result.cancelled)
        out << tr("  cancelled: the figures cover the rounds replayed") << '\n';
    row(tr("cumulative regret at 1,000 rounds"), QString::number(result.regretAt1k, 'f', 1));
    row(tr("cumulative regret at 5,000 rounds"), QString::number(result.regretAt5k, 'f', 1));
    row(tr("cumulative regret at the end"), QString::number(result.regretEnd, 'f', 1));
    row(tr("optimal picks in the last 1,000 rounds"), tr("%1 %").arg(100.0 * result.optimalShareLast1k, 0, 'f', 1));
    out.flush();
    return result.cancelled ? 1 : 0;
}

} // namespace rl
