#include "gui/cli/ReplayCommand.h"

#include <algorithm>
#include <exception>

#include <QLocale>
#include <QSaveFile>
#include <QTextStream>

#include <nlohmann/json.hpp>

#include "core/bandit/Policy.h"
#include "core/sim/LearningStream.h"
#include "core/sim/Replay.h"
#include "core/sim/TrueWeights.h"
#include "core/support/InputFile.h"
#include "gui/cli/TerminalProgress.h"
#include "gui/host/StreamWeights.h"

namespace rl {

int ReplayCommand::run(const Options &options, QTextStream &out, QTextStream &err)
{
    ReplayResult result;
    try {
        const LearningStream stream = LearningStream::load(options.stream.toStdString());
        const TrueWeights trueWeights = StreamWeights::load(options.stream, options.weights);
        PolicyConfig config;
        config.arms = stream.arms;
        config.dimension = stream.dimension;
        config.seed = options.seed;
        const std::unique_ptr<Policy> policy = makePolicy(options.policy, config);
        TerminalProgress progress(err, tr("replay"));
        result = runReplay(
            *policy, stream, trueWeights, [&](std::size_t done) { return progress.update(done, stream.rounds()); },
            options.window);
        if (!options.saveState.isEmpty() && !result.cancelled) {
            QSaveFile file(options.saveState);
            const QByteArray text = QByteArray::fromStdString(policy->state().dump() + "\n");
            if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit())
                throw InputError(tr("cannot write %1: %2").arg(options.saveState, file.errorString()).toStdString());
        }
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
    const QLocale locale;
    const auto row = [&out](const QString &label, const QString &value) {
        out << "  " << label.leftJustified(40) << value << '\n';
    };
    const auto regret = [&locale](const std::optional<double> &value) {
        return value ? locale.toString(*value, 'f', 1) : tr("n/a (a shorter run)");
    };
    out << tr("replay: %1 (seed %2), %L3 rounds of %4")
               .arg(QString::fromStdString(options.policy))
               .arg(options.seed)
               .arg(result.rounds)
               .arg(options.stream)
        << '\n';
    if (result.cancelled)
        out << tr("  cancelled: the figures cover the rounds replayed") << '\n';
    row(tr("cumulative regret at 1,000 rounds"), regret(result.regretAt1k));
    row(tr("cumulative regret at 5,000 rounds"), regret(result.regretAt5k));
    row(tr("cumulative regret at the end"), locale.toString(result.regretEnd, 'f', 1));
    row(tr("optimal picks in the last %L1 rounds").arg(std::min(result.rounds, ReplayResult::kWindow)),
        tr("%1 %").arg(locale.toString(100.0 * result.optimalShareLast1k, 'f', 1)));
    if (result.window)
        row(tr("optimal picks, rounds %L1 to %L2").arg(result.window->from).arg(result.window->to),
            result.optimalShareInWindow ? tr("%1 %").arg(locale.toString(100.0 * *result.optimalShareInWindow, 'f', 1))
                                        : tr("n/a (the run stopped before)"));
    out.flush();
    return result.cancelled ? 1 : 0;
}

} // namespace rl
