#include "gui/host/EvaluationJob.h"

#include <exception>
#include <new>
#include <optional>

#include <QDir>
#include <QFileInfo>
#include <QLocale>

#include "core/offpolicy/BanditLog.h"
#include "gui/host/TargetFile.h"

namespace rl {

QString EvaluationTarget::label() const
{
    const QFileInfo file(path);
    const QString name = file.dir().dirName() + QLatin1Char('/') + file.fileName();
    return epsilon > 0.0 ? EvaluationJob::tr("%1, ε = %2").arg(name, QLocale().toString(epsilon)) : name;
}

bool EvaluationJob::start(const QString &log, const QList<EvaluationTarget> &targets, const OffPolicyOptions &options)
{
    return launch([this, log, targets, options] {
        EvaluationOutcome outcome;
        outcome.log = log;
        try {
            if (targets.isEmpty())
                throw std::invalid_argument(tr("no target policy to evaluate").toStdString());
            std::vector<TargetFile> policies;
            for (const EvaluationTarget &target : targets)
                policies.push_back(TargetFile::load(target.path, target.epsilon));
            reportProgress(0.0, tr("Reading %1").arg(log));
            const BanditLog bandit = BanditLog::load(log.toStdString(), policies.front().policy->arms());
            outcome.rows = bandit.rounds.size();
            outcome.dimension = bandit.dimension;
            for (const LoggedRound &round : bandit.rounds)
                outcome.loggedMeanReward += round.reward;
            outcome.loggedMeanReward /= static_cast<double>(std::max<std::size_t>(1, outcome.rows));

            for (qsizetype i = 0; i < targets.size(); ++i) {
                const TargetPolicy &policy = *policies[static_cast<std::size_t>(i)].policy;
                if (policy.dimension() != bandit.dimension || policy.arms() != policies.front().policy->arms())
                    throw std::invalid_argument(
                        tr("%1 is %2 arms × %3 features; the log has %4 features and the "
                           "first target %5 arms")
                            .arg(targets[i].path, QString::number(policy.arms()), QString::number(policy.dimension()),
                                 QString::number(bandit.dimension), QString::number(policies.front().policy->arms()))
                            .toStdString());
                const QString stage = tr("Evaluating %1").arg(targets[i].path);
                const double share = 1.0 / static_cast<double>(targets.size());
                OffPolicyResult result =
                    OffPolicyEvaluator::evaluate(bandit.rounds, policy, options, [&](double fraction) {
                        reportProgress((static_cast<double>(i) + fraction) * share, stage);
                        return !cancelRequested();
                    });
                outcome.targets.append(
                    {targets[i], policies[static_cast<std::size_t>(i)].description, std::move(result)});
            }
        } catch (const OffPolicyCancelled &) {
            reportFailure(tr("cancelled"));
            return;
        } catch (const std::bad_alloc &) {
            reportFailure(tr("not enough memory to evaluate this log"));
            return;
        } catch (const std::exception &error) {
            reportFailure(QString::fromUtf8(error.what()));
            return;
        }
        deliver([this, outcome = std::move(outcome)] { Q_EMIT evaluated(outcome); });
    });
}

} // namespace rl
