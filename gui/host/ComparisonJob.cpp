#include "gui/host/ComparisonJob.h"

#include <exception>
#include <memory>
#include <optional>

#include <QDateTime>
#include <QDir>

#include "core/sim/ComparisonLog.h"
#include "core/sim/LearningStream.h"
#include "core/sim/TrueWeights.h"
#include "gui/host/StreamWeights.h"

namespace rl {

namespace {

constexpr qint64 kUpdateEveryMs = 250; // the curves redraw at most this often while runs finish

} // namespace

bool ComparisonJob::start(ComparisonRequest request)
{
    return launch([this, request = std::move(request)] {
        try {
            reportProgress(0.0, tr("Reading %1").arg(request.stream));
            const LearningStream stream = LearningStream::load(request.stream.toStdString());
            const TrueWeights weights = StreamWeights::load(request.stream, request.weights);
            const Comparison comparison(stream, weights,
                                        ComparisonOptions{request.specs, request.seeds, request.rounds, 0});
            std::unique_ptr<ComparisonLog> log;
            ComparisonOutcome outcome;
            outcome.rounds = comparison.rounds();
            outcome.checkpoints = comparison.checkpoints();
            outcome.seeds = request.seeds;
            outcome.totalRuns = request.specs.size() * request.seeds;
            if (!request.saveFolder.isEmpty()) {
                if (!QDir().mkpath(request.saveFolder))
                    throw std::runtime_error(tr("cannot create the folder %1").arg(request.saveFolder).toStdString());
                outcome.savedTo =
                    QDir(request.saveFolder)
                        .filePath(QString::fromStdString(comparison.fingerprint()) + QStringLiteral(".jsonl"));
                log = std::make_unique<ComparisonLog>(outcome.savedTo.toStdString(), comparison);
            }

            const std::vector<ComparisonRun> wanted =
                comparison.matching(log ? log->saved() : std::vector<ComparisonRun>());
            outcome.resumed = wanted.size();
            const auto send = [&](const std::vector<ComparisonRun> &runs) {
                ComparisonOutcome update = outcome;
                update.summaries = comparison.summarise(runs);
                update.runs = runs.size();
                deliver([this, update = std::move(update)] { Q_EMIT updated(update); });
            };
            send(wanted);

            qint64 lastSent = QDateTime::currentMSecsSinceEpoch();
            const QString stage = tr("Running %n spec(s) × %1 seed(s)", nullptr, static_cast<int>(request.specs.size()))
                                      .arg(request.seeds);
            std::vector<ComparisonRun> runs = wanted;
            const std::vector<ComparisonRun> all = comparison.run(
                wanted,
                [&](const ComparisonRun &run) {
                    if (log)
                        log->append(run);
                    runs.push_back(run);
                    if (QDateTime::currentMSecsSinceEpoch() - lastSent >= kUpdateEveryMs) {
                        lastSent = QDateTime::currentMSecsSinceEpoch();
                        send(runs);
                    }
                },
                [&](double fraction) {
                    reportProgress(fraction, stage);
                    return !cancelRequested();
                });
            send(all);
        } catch (const std::exception &error) {
            reportFailure(QString::fromUtf8(error.what()));
        }
    });
}

} // namespace rl
