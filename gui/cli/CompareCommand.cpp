#include "gui/cli/CompareCommand.h"

#include <exception>
#include <memory>
#include <optional>

#include <QLocale>
#include <QTextStream>

#include <nlohmann/json.hpp>

#include "core/sim/Comparison.h"
#include "core/sim/ComparisonLog.h"
#include "core/sim/LearningStream.h"
#include "core/sim/TrueWeights.h"
#include "gui/cli/TerminalProgress.h"
#include "gui/host/StreamWeights.h"

namespace rl {

namespace {

nlohmann::json jsonInterval(const MeanInterval &value)
{
    return {{"mean", value.mean},
            {"low", value.low ? nlohmann::json(*value.low) : nlohmann::json()},
            {"high", value.high ? nlohmann::json(*value.high) : nlohmann::json()}};
}

} // namespace

int CompareCommand::run(const Options &options, QTextStream &out, QTextStream &err)
{
    const auto fail = [&err](const QString &message, int code) {
        err << tr("rlstudio compare: %1").arg(message) << Qt::endl;
        return code;
    };
    std::optional<LearningStream> stream;
    std::optional<TrueWeights> trueWeights;
    std::optional<Comparison> comparison;
    std::unique_ptr<ComparisonLog> log;
    try {
        stream = LearningStream::load(options.stream.toStdString());
        trueWeights = StreamWeights::load(options.stream, options.weights);
        comparison.emplace(*stream, *trueWeights, ComparisonOptions{options.specs, options.seeds, options.rounds, 0});
        if (!options.save.isEmpty())
            log = std::make_unique<ComparisonLog>(options.save.toStdString(), *comparison);
    } catch (const std::exception &error) {
        return fail(QString::fromUtf8(error.what()), 2);
    }

    bool cancelled = false;
    std::vector<ComparisonRun> runs;
    try {
        TerminalProgress progress(err, tr("compare"));
        runs = comparison->run(
            log ? log->saved() : std::vector<ComparisonRun>(),
            [&log](const ComparisonRun &run) {
                if (log)
                    log->append(run);
            },
            [&progress](double fraction) { return progress.update(static_cast<quint64>(fraction * 1000.0), 1000); },
            &cancelled);
    } catch (const std::exception &error) {
        return fail(QString::fromUtf8(error.what()), 2);
    }
    const std::vector<SpecSummary> summaries = comparison->summarise(runs);
    const std::vector<std::size_t> &checkpoints = comparison->checkpoints();
    const std::size_t resumed = log ? comparison->matching(log->saved()).size() : 0;

    if (options.json) {
        nlohmann::json specs = nlohmann::json::array();
        for (const SpecSummary &summary : summaries) {
            nlohmann::json regret = nlohmann::json::array();
            for (std::size_t c = 0; c < checkpoints.size(); ++c) {
                nlohmann::json point = jsonInterval(summary.regret[c]);
                point["round"] = checkpoints[c];
                regret.push_back(std::move(point));
            }
            specs.push_back({{"spec", summary.spec},
                             {"rank", summary.rank},
                             {"runs", summary.runs},
                             {"regret", std::move(regret)},
                             {"optimal_share_last_1k", jsonInterval(summary.optimalShareLast)},
                             {"microseconds_per_round", summary.microsecondsPerRound}});
        }
        nlohmann::json document{{"stream", options.stream.toStdString()},
                                {"rounds", comparison->rounds()},
                                {"seeds", options.seeds},
                                {"runs", runs.size()},
                                {"resumed_runs", resumed},
                                {"specs", std::move(specs)}};
        if (cancelled)
            document["cancelled"] = true;
        out << QString::fromStdString(document.dump(2)) << Qt::endl;
        return cancelled ? 1 : 0;
    }

    const QLocale locale;
    const auto interval = [&locale](const MeanInterval &value, double scale, int decimals) {
        QString text = locale.toString(value.mean * scale, 'f', decimals);
        if (value.low && value.high)
            text += tr(" [%1, %2]")
                        .arg(locale.toString(*value.low * scale, 'f', decimals),
                             locale.toString(*value.high * scale, 'f', decimals));
        return text;
    };
    const auto at = [&](const SpecSummary &summary, std::size_t round) {
        for (std::size_t c = 0; c < checkpoints.size(); ++c)
            if (checkpoints[c] == round)
                return interval(summary.regret[c], 1.0, 1);
        return QString();
    };
    out << tr("compare: %n spec(s) × %1 seed(s), %L2 rounds of %3 (each seed shuffles the rounds)", nullptr,
              static_cast<int>(options.specs.size()))
               .arg(options.seeds)
               .arg(comparison->rounds())
               .arg(options.stream)
        << '\n';
    if (resumed > 0)
        out << tr("  %n run(s) read from %1, not run again", nullptr, static_cast<int>(resumed)).arg(options.save)
            << '\n';
    if (cancelled)
        out << tr("  cancelled: the figures cover the %n run(s) finished", nullptr, static_cast<int>(runs.size()))
            << '\n';
    const std::size_t end = comparison->rounds();
    QStringList header{tr("rank"), tr("spec"), tr("runs")};
    for (const std::size_t round : {std::size_t(1000), std::size_t(5000)})
        if (round < end)
            header << tr("regret at %L1").arg(round);
    header << tr("regret at %L1 [95 % interval]").arg(end)
           << tr("optimal picks, last %L1").arg(std::min<std::size_t>(1000, end)) << tr("µs/round");
    QList<QStringList> rows;
    std::vector<const SpecSummary *> ranked(summaries.size());
    for (const SpecSummary &summary : summaries)
        ranked[summary.rank - 1] = &summary;
    for (const SpecSummary *summary : ranked) {
        QStringList row{QString::number(summary->rank), QString::fromStdString(summary->spec),
                        QString::number(summary->runs)};
        for (const std::size_t round : {std::size_t(1000), std::size_t(5000)})
            if (round < end)
                row << at(*summary, round);
        row << interval(summary->regret.back(), 1.0, 1) << tr("%1 %").arg(interval(summary->optimalShareLast, 100.0, 1))
            << locale.toString(summary->microsecondsPerRound, 'f', 2);
        rows << row;
    }
    QList<qsizetype> widths(header.size());
    for (const QStringList &row : QList<QStringList>{header} + rows)
        for (qsizetype i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], row[i].size());
    for (const QStringList &row : QList<QStringList>{header} + rows) {
        QString line = QStringLiteral(" ");
        for (qsizetype i = 0; i < row.size(); ++i)
            line += QLatin1Char(' ') + row[i].leftJustified(widths[i]);
        out << line.trimmed().prepend(QStringLiteral("  ")) << '\n';
    }
    out.flush();
    return cancelled ? 1 : 0;
}

} // namespace rl
