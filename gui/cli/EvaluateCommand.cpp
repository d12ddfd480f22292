#include "gui/cli/EvaluateCommand.h"

#include <cmath>
#include <new>

#include <QElapsedTimer>
#include <QFileInfo>
#include <QLocale>
#include <QTextStream>

#include <nlohmann/json.hpp>

#include "core/bandit/Policy.h"
#include "core/offpolicy/BanditLog.h"
#include "core/offpolicy/ReplayMethod.h"
#include "core/offpolicy/TargetPolicy.h"
#include "gui/cli/TerminalProgress.h"
#include "gui/host/TargetFile.h"

namespace rl {

namespace {

QString nameOf(Estimator estimator)
{
    const std::string_view name = estimatorName(estimator);
    return QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()));
}

// A figure of the table: "–" where the estimator is undefined.
QString figure(const QLocale &locale, double value)
{
    return std::isfinite(value) ? locale.toString(value, 'f', 4) : EvaluateCommand::tr("–");
}

// JSON has no NaN: null where the estimator is undefined.
nlohmann::json jsonFigure(double value)
{
    return std::isfinite(value) ? nlohmann::json(value) : nlohmann::json(nullptr);
}

} // namespace

int EvaluateCommand::runReplayMethod(const Options &options, const PolicySpec &spec, QTextStream &out, QTextStream &err)
{
    const auto fail = [&err](const QString &message) {
        err << tr("rlstudio evaluate: %1").arg(message) << Qt::endl;
        return 1;
    };
    if (options.targetEpsilon > 0.0 || options.estimatorOptionsGiven)
        return fail(tr("--target-epsilon, --estimators, --bootstrap and --switch-tau apply to a target file; %1 is "
                       "a policy spec, evaluated by the replay method")
                        .arg(QString::fromStdString(spec.text())));
    ReplayEstimate estimate;
    try {
        const BanditLog log = BanditLog::load(options.log.toStdString(), 0);
        if (log.rounds.empty())
            return fail(tr("%1 has no decisions").arg(options.log));
        // Uniform logging over k arms: every propensity is 1/k (replayMethod checks each row).
        PolicyConfig config;
        config.arms =
            log.arms > 0 ? log.arms : static_cast<std::size_t>(std::lround(1.0 / log.rounds.front().propensity));
        config.dimension = log.dimension;
        config.seed = options.estimation.seed;
        const std::unique_ptr<Policy> policy = makePolicy(spec.name, spec.apply(config));
        TerminalProgress progress(err, tr("evaluate"));
        estimate = replayMethod(log.rounds, *policy, [&progress](double fraction) {
            return progress.update(static_cast<quint64>(fraction * 1000.0), 1000);
        });
    } catch (const std::exception &error) {
        return fail(tr("%1: %2").arg(options.log, QString::fromUtf8(error.what())));
    }
    if (estimate.cancelled)
        return fail(tr("cancelled"));
    const MeanInterval &value = estimate.value;
    if (options.json) {
        const nlohmann::json document{{"log", options.log.toStdString()},
                                      {"target", spec.text()},
                                      {"method", "replay"},
                                      {"rows", estimate.rows},
                                      {"matched", estimate.matched},
                                      {"value", jsonFigure(value.mean)},
                                      {"lower", value.low ? nlohmann::json(*value.low) : nlohmann::json()},
                                      {"upper", value.high ? nlohmann::json(*value.high) : nlohmann::json()}};
        out << QString::fromStdString(document.dump(2)) << Qt::endl;
        return 0;
    }
    const QLocale locale;
    out << tr("%1 decisions of %2, target %3 learning as it goes (the replay method: only the rows where it picks "
              "the logged action count)")
               .arg(locale.toString(static_cast<qulonglong>(estimate.rows)), options.log,
                    QString::fromStdString(spec.text()))
        << Qt::endl;
    QString line = tr("replay    %1").arg(figure(locale, value.mean), 9);
    if (value.low && value.high)
        line += QStringLiteral("  [%1, %2]").arg(figure(locale, *value.low), figure(locale, *value.high));
    out << line << Qt::endl;
    out << tr("%1 of %2 rows matched")
               .arg(locale.toString(static_cast<qulonglong>(estimate.matched)),
                    locale.toString(static_cast<qulonglong>(estimate.rows)))
        << Qt::endl;
    return 0;
}

int EvaluateCommand::run(const Options &options, QTextStream &out, QTextStream &err)
{
    const auto fail = [&err](const QString &message) {
        err << tr("rlstudio evaluate: %1").arg(message) << Qt::endl;
        return 1;
    };
    // A target that is no file but a policy spec learns as it goes: the replay method.
    if (!QFileInfo::exists(options.target)) {
        std::vector<PolicySpec> specs;
        try {
            specs = PolicySpec::parse(options.target.toStdString());
        } catch (const std::invalid_argument &error) {
            return fail(
                tr("%1 is neither a file nor a policy spec (%2)").arg(options.target, QString::fromUtf8(error.what())));
        }
        if (specs.size() != 1)
            return fail(tr("%1: one policy, not a sweep (compare runs sweeps)").arg(options.target));
        return runReplayMethod(options, specs.front(), out, err);
    }
    QElapsedTimer clock;
    clock.start();
    TargetFile target;
    BanditLog log;
    try {
        target = TargetFile::load(options.target, options.targetEpsilon);
        log = BanditLog::load(options.log.toStdString(), target.policy->arms());
    } catch (const std::exception &error) {
        return fail(QString::fromUtf8(error.what()));
    }
    if (log.dimension != target.policy->dimension())
        return fail(tr("%1 has %2 features, the target %3 reads %4")
                        .arg(options.log, QString::number(log.dimension), options.target,
                             QString::number(target.policy->dimension())));
    const double readSeconds = static_cast<double>(clock.restart()) / 1000.0;
    OffPolicyResult result;
    try {
        TerminalProgress progress(err, tr("evaluate"));
        result =
            OffPolicyEvaluator::evaluate(log.rounds, *target.policy, options.estimation, [&progress](double fraction) {
                return progress.update(static_cast<quint64>(fraction * 1000.0), 1000);
            });
    } catch (const OffPolicyCancelled &) {
        return fail(tr("cancelled"));
    } catch (const std::bad_alloc &) {
        return fail(tr("not enough memory to evaluate %L1 decisions").arg(log.rounds.size()));
    } catch (const std::exception &error) {
        return fail(QString::fromUtf8(error.what()));
    }
    const double evaluateSeconds = static_cast<double>(clock.elapsed()) / 1000.0;
    const OffPolicyDiagnostics &diagnostics = result.diagnostics;

    if (options.json) {
        nlohmann::json estimates = nlohmann::json::array();
        for (const EstimateInterval &estimate : result.estimates)
            estimates.push_back({{"estimator", estimatorName(estimate.estimator)},
                                 {"value", jsonFigure(estimate.value)},
                                 {"lower", jsonFigure(estimate.lower)},
                                 {"upper", jsonFigure(estimate.upper)}});
        const nlohmann::json document{{"log", options.log.toStdString()},
                                      {"target", options.target.toStdString()},
                                      {"target_epsilon", options.targetEpsilon},
                                      {"target_kind", target.description.toStdString()},
                                      {"rows", diagnostics.rows},
                                      {"bootstrap", options.estimation.bootstrap},
                                      {"seed", options.estimation.seed},
                                      {"switch_tau", options.estimation.switchTau},
                                      {"estimates", std::move(estimates)},
                                      {"diagnostics",
                                       {{"effective_sample_size", diagnostics.effectiveSampleSize},
                                        {"max_weight", diagnostics.maxWeight},
                                        {"mean_weight", diagnostics.meanWeight},
                                        {"support_deficiency", diagnostics.supportDeficiency},
                                        {"warnings", diagnostics.warnings}}},
                                      {"read_seconds", readSeconds},
                                      {"evaluate_seconds", evaluateSeconds}};
        out << QString::fromStdString(document.dump(2)) << Qt::endl;
    } else {
        const QLocale locale;
        out << tr("%1 decisions of %2, target %3 (%4); %5 bootstrap resamples, seed %6")
                   .arg(locale.toString(static_cast<qulonglong>(diagnostics.rows)), options.log, options.target,
                        target.description, locale.toString(static_cast<qulonglong>(options.estimation.bootstrap)),
                        QString::number(options.estimation.seed))
            << Qt::endl;
        const bool intervals = options.estimation.bootstrap > 0;
        out << QStringLiteral("%1  %2  %3")
                   .arg(tr("estimator"), -10)
                   .arg(tr("estimate"), 9)
                   .arg(intervals ? tr("95 % interval") : QString())
            << Qt::endl;
        for (const EstimateInterval &estimate : result.estimates) {
            out << QStringLiteral("%1  %2").arg(nameOf(estimate.estimator), -10).arg(figure(locale, estimate.value), 9);
            if (intervals)
                out << QStringLiteral("  [%1, %2]").arg(figure(locale, estimate.lower), figure(locale, estimate.upper));
            out << Qt::endl;
        }
        out << tr("effective sample size %L1 of %L2; importance weights: max %3, mean %4; support deficiency %5 %")
                   .arg(std::round(diagnostics.effectiveSampleSize), 0, 'f', 0)
                   .arg(diagnostics.rows)
                   .arg(locale.toString(diagnostics.maxWeight, 'g', 4), locale.toString(diagnostics.meanWeight, 'g', 4),
                        locale.toString(100.0 * diagnostics.supportDeficiency, 'f', 1))
            << Qt::endl;
        out << tr("read in %1 s, evaluated in %2 s")
                   .arg(locale.toString(readSeconds, 'f', 2), locale.toString(evaluateSeconds, 'f', 2))
            << Qt::endl;
    }
    for (const std::string &warning : diagnostics.warnings)
        err << tr("rlstudio evaluate: warning: %1").arg(QString::fromStdString(warning)) << Qt::endl;
    return 0;
}

} // namespace rl
