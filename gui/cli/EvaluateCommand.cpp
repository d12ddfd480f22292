#include "gui/cli/EvaluateCommand.h"

#include <cmath>
#include <new>

#include <QElapsedTimer>
#include <QLocale>
#include <QTextStream>

#include <nlohmann/json.hpp>

#include "core/offpolicy/BanditLog.h"
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

int EvaluateCommand::run(const Options &options, QTextStream &out, QTextStream &err)
{
    const auto fail = [&err](const QString &message) {
        err << tr("rlstudio evaluate: %1").arg(message) << Qt::endl;
        return 1;
    };
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
