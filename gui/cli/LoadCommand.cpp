#include "gui/cli/LoadCommand.h"

#include <algorithm>
#include <deque>
#include <exception>
#include <optional>
#include <random>

#include <QLocale>
#include <QTextStream>

#include <nlohmann/json.hpp>

#include "core/sim/LearningStream.h"
#include "core/sim/Replay.h"
#include "core/sim/TrueWeights.h"
#include "gui/cli/LoadClient.h"
#include "gui/cli/TerminalProgress.h"

namespace rl {

namespace {

// The regret of the router's choices, as `rlstudio replay` measures a policy's: expected regret against the
// weights in force at each round, over the routed rounds in order; plus the optimal share of all of them.
struct Regret {
    ReplayResult replay;
    double optimalShare = 0.0;
};

Regret regretOf(const std::vector<std::uint8_t> &choices, const LearningStream &stream, const TrueWeights &weights)
{
    const std::size_t d = stream.dimension;
    Regret regret;
    ReplayResult &result = regret.replay;
    std::vector<double> expected(stream.arms);
    std::deque<bool> window; // of the last ReplayResult::kWindow rounds: whether the best arm was chosen
    std::size_t optimalInWindow = 0;
    std::size_t optimal = 0;
    for (std::size_t t = 0; t < choices.size(); ++t) {
        if (choices[t] == 0)
            continue; // not routed
        const std::size_t row = t % stream.rounds();
        const double *x = stream.contexts.data() + row * d;
        const std::vector<FeatureVector> &w = weights.at(row);
        for (std::size_t k = 0; k < stream.arms; ++k) {
            double v = 0.0;
            for (std::size_t i = 0; i < d; ++i)
                v += w[k][i] * x[i];
            expected[k] = v;
        }
        const double best = *std::max_element(expected.begin(), expected.end());
        const double chosen = expected[choices[t] - 1];
        result.regretEnd += best - chosen;
        window.push_back(chosen >= best);
        optimalInWindow += window.back();
        optimal += window.back();
        if (window.size() > ReplayResult::kWindow) {
            optimalInWindow -= window.front();
            window.pop_front();
        }
        ++result.rounds;
        if (result.rounds == 1000)
            result.regretAt1k = result.regretEnd;
        if (result.rounds == 5000)
            result.regretAt5k = result.regretEnd;
    }
    if (result.rounds > 0) {
        result.optimalShareLast1k = static_cast<double>(optimalInWindow) / static_cast<double>(window.size());
        regret.optimalShare = static_cast<double>(optimal) / static_cast<double>(result.rounds);
    }
    return regret;
}

// Why the stream's rewards cannot be feedback scores, which must be in [0, 1]; empty when they can.
QString checkRewards(const LearningStream &stream, const QString &path)
{
    for (std::size_t i = 0; i < stream.rewards.size(); ++i) {
        const double reward = stream.rewards[i];
        if (!(reward >= 0.0 && reward <= 1.0)) {
            return LoadCommand::tr("%1: round %2 has r%3 = %4, outside [0, 1], which feedback scores must be in")
                .arg(path)
                .arg(i / stream.arms)
                .arg(i % stream.arms)
                .arg(reward);
        }
    }
    return {};
}

std::string randomRunId()
{
    std::random_device device;
    return QString::number(device(), 16).rightJustified(8, QLatin1Char('0')).toStdString();
}

double milliseconds(LatencyRecorder::Duration duration)
{
    return std::chrono::duration<double, std::milli>(duration).count();
}

double perSecond(std::uint64_t count, double seconds)
{
    return seconds > 0.0 ? static_cast<double>(count) / seconds : 0.0;
}

nlohmann::json errorsJson(const LoadResult::Errors &errors)
{
    return {{"count", errors.count}, {"first", errors.first}};
}

nlohmann::json endpointJson(const LoadResult::Endpoint &endpoint, double seconds)
{
    nlohmann::json errors = nlohmann::json::object();
    for (const auto &[kind, entry] : endpoint.errors)
        errors[kind] = errorsJson(entry);
    return {{"sent", endpoint.sent},
            {"ok", endpoint.ok},
            {"failed", endpoint.failed()},
            {"requests_per_second", perSecond(endpoint.ok, seconds)},
            {"items_per_second", perSecond(endpoint.items, seconds)},
            {"latency_ms",
             {{"p50", milliseconds(endpoint.latency.quantile(0.5))},
              {"p99", milliseconds(endpoint.latency.quantile(0.99))},
              {"max", milliseconds(endpoint.latency.max())}}},
            {"errors", errors}};
}

} // namespace

int LoadCommand::run(const Options &options, QTextStream &out, QTextStream &err)
{
    const auto fail = [&err](const QString &message, int code) {
        err << tr("rlstudio load: %1").arg(message) << Qt::endl;
        return code;
    };
    LearningStream stream;
    std::optional<TrueWeights> weights;
    try {
        stream = LearningStream::load(options.stream.toStdString());
        if (!options.weights.isEmpty())
            weights = TrueWeights::load(options.weights.toStdString());
    } catch (const std::exception &error) {
        return fail(QString::fromUtf8(error.what()), 2);
    }
    if (stream.rounds() == 0)
        return fail(tr("%1 holds no rounds").arg(options.stream), 2);
    if (const QString bad = checkRewards(stream, options.stream); !bad.isEmpty())
        return fail(bad, 2);
    if (weights && (weights->arms() != stream.arms || weights->dimension() != stream.dimension)) {
        return fail(tr("the true weights of %1 are %2 arms x %3 features, the stream %4 x %5")
                        .arg(options.weights)
                        .arg(weights->arms())
                        .arg(weights->dimension())
                        .arg(stream.arms)
                        .arg(stream.dimension),
                    2);
    }
    LoadClient::Target target;
    target.token = options.token;
    target.url = options.url.toString().toStdString();
    target.host = options.url.host().toStdString();
    target.port = static_cast<std::uint16_t>(options.url.port(80));
    QString path = options.url.path(QUrl::FullyEncoded);
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    target.basePath = path.toStdString();

    LoadClient::Plan plan;
    plan.rounds = options.rounds > 0 ? options.rounds : stream.rounds();
    plan.concurrency = options.concurrency;
    plan.duration = std::chrono::duration<double>(options.durationSeconds);
    plan.feedbackBatch = options.feedbackBatch;
    plan.rate = options.rate;
    plan.runId = randomRunId();

    LoadResult result;
    try {
        TerminalProgress progress(err, tr("load"));
        result = LoadClient::run(target, plan, stream,
                                 [&](std::uint64_t done) { return progress.update(done, plan.rounds); });
    } catch (const LoadClient::Unreachable &error) {
        return fail(QString::fromUtf8(error.what()), 1);
    }
    const std::optional<Regret> regret =
        weights ? std::optional<Regret>(regretOf(result.choices, stream, *weights)) : std::nullopt;
    const int code = result.cancelled ? 1 : 0;

    if (options.json) {
        nlohmann::json route = endpointJson(result.route, result.seconds);
        route["items"] = result.route.items;
        nlohmann::json feedback = endpointJson(result.feedback, result.seconds);
        feedback["items_sent"] = result.feedbackItemsSent;
        feedback["items_accepted"] = result.feedback.items;
        feedback["items_rejected"] = result.feedbackItemsRejected;
        feedback["first_rejection"] = result.firstRejection;
        nlohmann::json document{{"url", target.url},
                                {"stream", options.stream.toStdString()},
                                {"run", plan.runId},
                                {"concurrency", plan.concurrency},
                                {"feedback_batch", plan.feedbackBatch},
                                {"rate", plan.rate},
                                {"duration_limit_seconds", options.durationSeconds},
                                {"rounds_planned", plan.rounds},
                                {"rounds_handed_out", result.route.sent},
                                {"seconds", result.seconds},
                                {"cancelled", result.cancelled},
                                {"route", route},
                                {"feedback", feedback},
                                {"connect_failures", errorsJson(result.connects)}};
        if (regret) {
            nlohmann::json regretJson = regret->replay.toJson();
            regretJson["optimal_share"] = regret->optimalShare;
            document["regret"] = regretJson;
        }
        // Bodies are the server's bytes: replace what is not UTF-8 rather than fail.
        out << QString::fromStdString(document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace))
            << Qt::endl;
        return code;
    }

    const QLocale locale;
    const auto row = [&out](const QString &label, const QString &value) {
        out << "  " << label.leftJustified(40) << value << '\n';
    };
    const auto latency = [&locale](const LatencyRecorder &recorder) {
        return tr("latency p50 %1 ms, p99 %2 ms, max %3 ms")
            .arg(locale.toString(milliseconds(recorder.quantile(0.5)), 'f', 3),
                 locale.toString(milliseconds(recorder.quantile(0.99)), 'f', 3),
                 locale.toString(milliseconds(recorder.max()), 'f', 3));
    };
    const auto rate = [&locale, &result](std::uint64_t count) {
        return locale.toString(perSecond(count, result.seconds), 'f', 0);
    };
    // One arg() for all: a %-escape in the URL or path must not be taken for a place marker.
    out << tr("load: %1, %2 of %3 rounds of %4 in %5 s; concurrency %6, feedback batch %7")
               .arg(options.url.toString(), locale.toString(qulonglong(result.route.sent)),
                    locale.toString(qulonglong(plan.rounds)), options.stream, locale.toString(result.seconds, 'f', 2),
                    QString::number(plan.concurrency), QString::number(plan.feedbackBatch))
        << '\n';
    if (result.cancelled)
        out << tr("  cancelled: the figures cover the rounds done") << '\n';
    row(tr("route"),
        tr("%L1 ok, %2 requests/s; %3").arg(result.route.ok).arg(rate(result.route.ok), latency(result.route.latency)));
    row(tr("feedback"), tr("%L1 ok, %2 requests/s, %3 items/s (%L4 of %L5 items accepted); %6")
                            .arg(result.feedback.ok)
                            .arg(rate(result.feedback.ok), rate(result.feedback.items))
                            .arg(result.feedback.items)
                            .arg(result.feedbackItemsSent)
                            .arg(latency(result.feedback.latency)));
    const auto errorRow = [&row](const QString &label, const LoadResult::Errors &errors) {
        row(label, tr("%L1, the first: %2").arg(errors.count).arg(QString::fromUtf8(errors.first).simplified()));
    };
    bool anyError = false;
    const std::pair<QString, const LoadResult::Endpoint *> endpoints[] = {{tr("route"), &result.route},
                                                                          {tr("feedback"), &result.feedback}};
    for (const auto &[name, endpoint] : endpoints) {
        for (const auto &[kind, errors] : endpoint->errors) {
            errorRow(tr("%1 errors: %2").arg(name, QString::fromStdString(kind)), errors);
            anyError = true;
        }
    }
    if (result.feedbackItemsRejected > 0) {
        errorRow(tr("feedback items rejected"), {result.feedbackItemsRejected, result.firstRejection});
        anyError = true;
    }
    if (result.connects.count > 0) {
        errorRow(tr("failed connects"), result.connects);
        anyError = true;
    }
    if (!anyError)
        row(tr("errors"), tr("none"));
    if (regret) {
        const ReplayResult &replay = regret->replay;
        const auto regretText = [&locale](const std::optional<double> &value) {
            return value ? locale.toString(*value, 'f', 1) : tr("n/a (a shorter run)");
        };
        row(tr("cumulative regret at 1,000 rounds"), regretText(replay.regretAt1k));
        row(tr("cumulative regret at 5,000 rounds"), regretText(replay.regretAt5k));
        row(tr("cumulative regret at the end"), locale.toString(replay.regretEnd, 'f', 1));
        row(tr("optimal picks in the last %L1 rounds").arg(std::min(replay.rounds, ReplayResult::kWindow)),
            tr("%1 %").arg(locale.toString(100.0 * replay.optimalShareLast1k, 'f', 1)));
        row(tr("optimal picks in all %L1 rounds").arg(replay.rounds),
            tr("%1 %").arg(locale.toString(100.0 * regret->optimalShare, 'f', 1)));
    }
    out.flush();
    return code;
}

} // namespace rl
