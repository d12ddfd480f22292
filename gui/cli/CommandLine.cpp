#include "gui/cli/CommandLine.h"

#include <algorithm>
#include <cmath>
#include <exception>
#include <limits>
#include <optional>

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QDir>
#include <QHostAddress>
#include <QStandardPaths>

#include "core/alerting/PromQlExpression.h"
#include "core/bandit/Policy.h"
#include "core/bandit/PolicySpec.h"
#include "core/feedback/FeedbackQueue.h"
#include "core/loop/LoopConfig.h"
#include "core/sim/Comparison.h"
#include "core/support/Limits.h"
#include "core/support/TokenFile.h"
#include "gui/host/AlertMonitor.h"
#include "gui/host/FleetQuery.h"
#include "gui/ui/TuningSettings.h"

namespace rl {

namespace {

const QString kReplay = QStringLiteral("replay");
const QString kBench = QStringLiteral("bench");
const QString kSimulateStream = QStringLiteral("simulate-stream");
const QString kRules = QStringLiteral("rules");
const QString kLoad = QStringLiteral("load");
const QString kExport = QStringLiteral("export");
const QString kEvaluate = QStringLiteral("evaluate");
const QString kCompare = QStringLiteral("compare");
const QString kFleet = QStringLiteral("fleet");
const QString kCheck = QStringLiteral("check");
const QString kHeadless = QStringLiteral("headless");
const QString kLanguage = QStringLiteral("lang");
constexpr std::uint64_t kMaxBenchDepth = 10000000;
constexpr std::uint64_t kMaxHistoryCapacity = 10000000;
constexpr double kMinStatusEverySeconds = 0.1;
constexpr double kMaxStatusEverySeconds = 86400.0;
constexpr int kMaxWindowSide = 16384;

[[noreturn]] void fail(const QString &message)
{
    throw ConfigError(message.toStdString());
}

// NAME="value", as the core's configuration errors show it.
QString shown(const QString &name, const QString &value)
{
    return QStringLiteral("%1=\"%2\"").arg(name, value);
}

std::string text(const QString &value)
{
    return value.toStdString();
}

std::uint64_t parseInteger(const QString &name, const QString &value, std::uint64_t min, std::uint64_t max)
{
    bool ok = false;
    const qulonglong number = value.trimmed().toULongLong(&ok);
    if (!ok || number < min || number > max)
        fail(CommandLine::tr("%1 is not an integer in %2..%3").arg(shown(name, value)).arg(min).arg(max));
    return number;
}

// A flag's value, else the environment variable's, else nothing; either is checked against [min, max].
std::optional<std::uint64_t> integerSetting(const QCommandLineParser &parser, const QCommandLineOption &option,
                                            const char *variable, std::uint64_t min, std::uint64_t max,
                                            const std::function<const char *(const char *)> &getenv)
{
    if (parser.isSet(option))
        return parseInteger(QStringLiteral("--") + option.names().constFirst(), parser.value(option), min, max);
    if (const char *fromEnvironment = getenv(variable); fromEnvironment && *fromEnvironment)
        return parseInteger(QString::fromLatin1(variable), QString::fromLocal8Bit(fromEnvironment), min, max);
    return std::nullopt;
}

double parseReal(const QString &name, const QString &value, double min, double max, const QString &unit)
{
    bool ok = false;
    const double number = value.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(number) || number < min || number > max)
        fail(CommandLine::tr("%1 is not a number of %2 in %3..%4").arg(shown(name, value), unit).arg(min).arg(max));
    return number;
}

std::string parsePolicy(const QString &name, const QString &value)
{
    const std::string wanted = text(value.trimmed());
    QStringList known;
    for (const std::string_view policy : policyNames()) {
        if (policy == wanted)
            return wanted;
        known << QString::fromUtf8(policy.data(), static_cast<qsizetype>(policy.size()));
    }
    fail(CommandLine::tr("%1 is not a policy: expected one of %2")
             .arg(shown(name, value), known.join(QStringLiteral(", "))));
}

// HOST:PORT, HOST an IP address (IPv6 in brackets) or localhost; port 0 picks a free one.
void parseListen(const QString &value, HeadlessRunner::Options &run)
{
    const auto bad = [&value] {
        fail(CommandLine::tr("%1 is not HOST:PORT: expected an IP address or localhost and a port in 0..65535")
                 .arg(shown(QStringLiteral("--listen"), value)));
    };
    const qsizetype colon = value.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        bad();
    QString host = value.left(colon).trimmed();
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    QHostAddress address;
    if (host.compare(QStringLiteral("localhost"), Qt::CaseInsensitive) == 0)
        address = QHostAddress(QHostAddress::LocalHost);
    else if (!address.setAddress(host))
        bad();
    bool ok = false;
    const uint port = value.mid(colon + 1).trimmed().toUInt(&ok);
    if (!ok || port > 65535)
        bad();
    HttpServerOptions &http = run.api.http;
    http.address = address.toString().toStdString();
    http.port = static_cast<unsigned short>(port);
}

// The journal's folder and durability; none with --ephemeral.
void parseJournal(const QCommandLineParser &parser, const QCommandLineOption &dataDir,
                  const QCommandLineOption &ephemeral, const QCommandLineOption &sync,
                  const QCommandLineOption &decisionLogDays, const std::function<const char *(const char *)> &getenv,
                  EngineOptions &engine)
{
    if (parser.isSet(ephemeral)) {
        if (parser.isSet(dataDir))
            fail(CommandLine::tr("--ephemeral and --data-dir contradict each other: give one"));
        return;
    }
    JournalOptions journal;
    QString directory = parser.value(dataDir);
    if (directory.isEmpty())
        directory = QString::fromLocal8Bit(getenv("RL_DATA_DIR"));
    if (directory.isEmpty())
        directory = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (directory.isEmpty())
        fail(CommandLine::tr("no application data folder is known here: give --data-dir DIR or --ephemeral"));
    journal.directory = QDir(directory).absolutePath().toStdString();
    QString mode = parser.value(sync);
    QString modeSource = QStringLiteral("--sync");
    if (!parser.isSet(sync)) {
        mode = QString::fromLocal8Bit(getenv("RL_JOURNAL_SYNC"));
        modeSource = QStringLiteral("RL_JOURNAL_SYNC");
    }
    if (mode == u"full")
        journal.sync = SyncMode::Full;
    else if (mode == u"off")
        journal.sync = SyncMode::Off;
    else if (!mode.isEmpty() && mode != u"normal")
        fail(CommandLine::tr("%1 is not full, normal or off").arg(shown(modeSource, mode)));
    if (parser.isSet(decisionLogDays))
        journal.decisionLogRetention = std::chrono::hours(
            24 * parseInteger(QStringLiteral("--decision-log-days"), parser.value(decisionLogDays), 1, 3650));
    engine.journal = journal;
}

// The bearer token from --token-file, or else RL_API_TOKEN_FILE; none when neither is given.
std::optional<std::string> readToken(const QCommandLineParser &parser, const QCommandLineOption &tokenFile,
                                     const std::function<const char *(const char *)> &getenv)
{
    QString path = parser.value(tokenFile);
    QString source = QStringLiteral("--token-file");
    if (!parser.isSet(tokenFile)) {
        if (const char *fromEnvironment = getenv("RL_API_TOKEN_FILE"); fromEnvironment && *fromEnvironment) {
            path = QString::fromLocal8Bit(fromEnvironment);
            source = QStringLiteral("RL_API_TOKEN_FILE");
        }
    }
    if (path.isEmpty())
        return std::nullopt;
    try {
        return readTokenFile(text(path));
    } catch (const std::exception &error) {
        fail(CommandLine::tr("%1 cannot be used: %2").arg(shown(source, path), QString::fromUtf8(error.what())));
    }
}

// Who may call the API: on loopback anyone local (the Host header must name this machine, so a web page
// cannot reach it by DNS rebinding); elsewhere only holders of the token, which must then be given.
void parseAccess(const QCommandLineParser &parser, const QCommandLineOption &tokenFile,
                 const QCommandLineOption &allowedHost, const std::function<const char *(const char *)> &getenv,
                 HttpServerOptions &http)
{
    http.token = readToken(parser, tokenFile, getenv);
    const QHostAddress address(QString::fromStdString(http.address));
    const bool loopback = address.isLoopback();
    if (!loopback && !http.token)
        fail(CommandLine::tr("--listen %1 is reachable from other machines: give --token-file FILE (or "
                             "RL_API_TOKEN_FILE) so that every request needs the token")
                 .arg(QString::fromStdString(http.address)));
    http.tokenForAll = !loopback;
    for (const QString &name : parser.values(allowedHost)) {
        const QString host = name.trimmed().toLower();
        if (host.isEmpty() || host.contains(QLatin1Char(':')) || host.contains(QLatin1Char('/')))
            fail(CommandLine::tr("%1 is not a host name: give the name clients use, without port")
                     .arg(shown(QStringLiteral("--allowed-host"), name)));
        http.allowedHosts.push_back(host.toStdString());
    }
    const bool wildcard =
        address == QHostAddress(QHostAddress::AnyIPv4) || address == QHostAddress(QHostAddress::AnyIPv6);
    if (loopback)
        http.allowedHosts.insert(http.allowedHosts.end(), {"localhost", "127.0.0.1", "::1"});
    const std::string literal = address.toString().toLower().toStdString();
    if ((!wildcard || !http.allowedHosts.empty())
        && std::find(http.allowedHosts.begin(), http.allowedHosts.end(), literal) == http.allowedHosts.end())
        http.allowedHosts.push_back(literal);
}

// RL_HTTP_{IDLE,HEADER,BODY,WRITE}_TIMEOUT_MS: the HTTP server's timeouts in milliseconds, 10..86400000. Not in
// --help: only tests need other values than the defaults, short ones, to see a timeout happen.
void parseHttpTimeouts(const std::function<const char *(const char *)> &getenv, HttpServerOptions &http)
{
    const std::pair<const char *, std::chrono::milliseconds *> timeouts[] = {
        {"RL_HTTP_IDLE_TIMEOUT_MS", &http.idleTimeout},
        {"RL_HTTP_HEADER_TIMEOUT_MS", &http.headerTimeout},
        {"RL_HTTP_BODY_TIMEOUT_MS", &http.bodyTimeout},
        {"RL_HTTP_WRITE_TIMEOUT_MS", &http.writeTimeout},
    };
    for (const auto &[name, timeout] : timeouts) {
        if (const char *value = getenv(name); value && *value)
            *timeout = std::chrono::milliseconds(
                parseInteger(QString::fromLatin1(name), QString::fromLocal8Bit(value), 10, 86400000));
    }
}

// WxH in pixels, each side 240..16384.
QSize parseSize(const QString &value)
{
    const QStringList sides = value.trimmed().toLower().split(QLatin1Char('x'));
    bool okWidth = false, okHeight = false;
    const int width = sides.size() == 2 ? sides[0].toInt(&okWidth) : 0;
    const int height = sides.size() == 2 ? sides[1].toInt(&okHeight) : 0;
    if (!okWidth || !okHeight || width < 240 || height < 240 || width > kMaxWindowSide || height > kMaxWindowSide)
        fail(CommandLine::tr("%1 is not a window size WxH: expected e.g. 1280x800, sides 240..%2")
                 .arg(shown(QStringLiteral("--size"), value))
                 .arg(kMaxWindowSide));
    return {width, height};
}

// Exactly one of a pair of switches, or neither (nullopt).
std::optional<bool> parseSwitchPair(const QCommandLineParser &parser, const QCommandLineOption &on,
                                    const QCommandLineOption &off)
{
    if (parser.isSet(on) && parser.isSet(off)) {
        fail(CommandLine::tr("--%1 and --%2 contradict each other: give one of them")
                 .arg(on.names().constFirst(), off.names().constFirst()));
    }
    if (parser.isSet(on))
        return true;
    if (parser.isSet(off))
        return false;
    return std::nullopt;
}

// True when --help or --version asks to print and stop, before any value is judged.
bool parseStops(QCommandLineParser &parser, const QStringList &arguments)
{
    if (!parser.parse(arguments))
        fail(parser.errorText());
    return parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("version"));
}

// Every command takes --policy.
QCommandLineOption policyOption()
{
    return {QStringLiteral("policy"),
            CommandLine::tr("Bandit policy: seed, egreedy, linucb, thompson or adaptive (default adaptive: LinUCB "
                            "with a measured width and change detection)."),
            QStringLiteral("NAME")};
}

std::uint64_t parseSeed(const QString &value)
{
    return parseInteger(QStringLiteral("--seed"), value, 0, std::numeric_limits<std::uint64_t>::max());
}

// --policy, --seed and --json of the one-shot commands, replay and bench.
struct PolicyRunOptions {
    QCommandLineOption policy = policyOption();
    QCommandLineOption seed{QStringLiteral("seed"), CommandLine::tr("Seed of the policy (default 1)."),
                            QStringLiteral("N")};
    QCommandLineOption json{QStringLiteral("json"), CommandLine::tr("Print the result as JSON.")};

    // Overrides the defaults with what is given.
    void read(const QCommandLineParser &parser, std::string &policyName, std::uint64_t &seedValue, bool &asJson) const
    {
        if (parser.isSet(policy))
            policyName = parsePolicy(QStringLiteral("--policy"), parser.value(policy));
        if (parser.isSet(seed))
            seedValue = parseSeed(parser.value(seed));
        asJson = parser.isSet(json);
    }
};

// --stream and --weights of the commands that learn from a stream, replay and compare.
struct StreamOptions {
    QCommandLineOption stream{QStringLiteral("stream"),
                              CommandLine::tr("The learning stream: t, x0..x(d-1), r0..r(k-1) per line."),
                              QStringLiteral("FILE.csv")};
    QCommandLineOption weights{
        QStringLiteral("weights"),
        CommandLine::tr("The true_weights to measure regret against (default: meta.json beside the stream)."),
        QStringLiteral("meta.json")};
};

// Every command takes it; main reads it before parsing (CommandLine::language), so this is for --help and
// for the parser to accept it.
QCommandLineOption languageOption()
{
    return {kLanguage, CommandLine::tr("The language of the window and the messages, e.g. de (default: the system's)."),
            QStringLiteral("CODE")};
}

// SCHEME://HOST[:PORT][/PATH]: a server's address, the endpoints' paths following PATH; https only where
// the client speaks it.
QUrl parseServerUrl(const QString &flag, const QString &value, bool https = false)
{
    const QUrl url(value.trimmed(), QUrl::StrictMode);
    // Not shown: it would print the password.
    if (!url.userInfo().isEmpty())
        fail(CommandLine::tr("%1 holds a user name or password: give the API's token with --token-file").arg(flag));
    const bool schemeOk = url.scheme() == QStringLiteral("http") || (https && url.scheme() == QStringLiteral("https"));
    if (!url.isValid() || !schemeOk || url.host().isEmpty() || url.hasQuery() || url.hasFragment()) {
        fail(CommandLine::tr("%1 is not an %2 URL: expected %3://HOST[:PORT][/PATH], without query or fragment")
                 .arg(shown(flag, value), https ? QStringLiteral("http(s)://") : QStringLiteral("http://"),
                      https ? QStringLiteral("http(s)") : QStringLiteral("http")));
    }
    return url;
}

// The fleet's source, for the window (`rlstudio --prometheus URL`) and `rlstudio fleet`.
QCommandLineOption prometheusOption()
{
    return {QStringLiteral("prometheus"),
            CommandLine::tr("Read the fleet from this Prometheus server, e.g. http://127.0.0.1:9090."),
            QStringLiteral("URL")};
}

QCommandLineOption selectorOption()
{
    return {QStringLiteral("selector"),
            CommandLine::tr("With --prometheus: label matchers in braces that pick the instances, e.g. "
                            "{tenant=~\"acme|globex\"} (default: every instance serving rlstudio's metrics)."),
            QStringLiteral("MATCHERS")};
}

void rejectPositionals(const QCommandLineParser &parser)
{
    const QStringList extra = parser.positionalArguments();
    if (!extra.isEmpty()) {
        fail(CommandLine::tr("unknown command \"%1\": expected %2, or options only")
                 .arg(extra.constFirst(),
                      QStringList{kReplay, kBench, kSimulateStream, kRules, kLoad, kExport, kEvaluate, kCompare, kFleet}
                          .join(QStringLiteral(", "))));
    }
}

void parseRun(QCommandLineParser &parser, const QStringList &arguments,
              const std::function<const char *(const char *)> &getenv, CommandLine &result)
{
    const QCommandLineOption headless(kHeadless,
                                      CommandLine::tr("Run without a window: the engine and its HTTP endpoints."));
    const QCommandLineOption listen(
        QStringLiteral("listen"),
        CommandLine::tr("Serve the API, /metrics and /health on HOST:PORT (default 127.0.0.1:8000; port 0 picks "
                        "one). Any address but loopback needs --token-file."),
        QStringLiteral("HOST:PORT"));
    const QCommandLineOption tokenFile(
        QStringLiteral("token-file"),
        CommandLine::tr("The API's bearer token, 16..1024 printable characters (RL_API_TOKEN_FILE). Control "
                        "requests need it; off loopback every request does. With --connect or --prometheus, the "
                        "token sent to the remote instances' control API."),
        QStringLiteral("FILE"));
    const QCommandLineOption allowedHost(
        QStringLiteral("allowed-host"),
        CommandLine::tr("A name clients reach this server by, accepted in the Host header besides the listen "
                        "address (repeatable)."),
        QStringLiteral("NAME"));
    const QCommandLineOption dataDir(
        QStringLiteral("data-dir"),
        CommandLine::tr("The folder of the journal: decisions, feedback, checkpoints (RL_DATA_DIR; default the "
                        "platform's application data folder, printed at start)."),
        QStringLiteral("DIR"));
    const QCommandLineOption ephemeral(QStringLiteral("ephemeral"),
                                       CommandLine::tr("Keep nothing on disk: a restart forgets the queue, the "
                                                       "pending decisions and what the policy learned."));
    const QCommandLineOption sync(
        QStringLiteral("sync"),
        CommandLine::tr("How hard the journal pushes commits to the disk: full (survives power loss), normal "
                        "(survives a crash of the process; default) or off (RL_JOURNAL_SYNC)."),
        QStringLiteral("MODE"));
    const QCommandLineOption decisionLogDays(
        QStringLiteral("decision-log-days"),
        CommandLine::tr("Days the decision log is kept for export and off-policy evaluation, 1..3650 (default 7)."),
        QStringLiteral("DAYS"));
    const QCommandLineOption queueCapacity(
        QStringLiteral("queue-capacity"),
        CommandLine::tr("Feedback items the queue holds, 1..10000000 (RL_FEEDBACK_QUEUE_CAPACITY, default 10000)."),
        QStringLiteral("N"));
    const QCommandLineOption routingHistory(
        QStringLiteral("routing-history"),
        CommandLine::tr("Decisions kept awaiting their feedback, 1..10000000 (RL_ROUTING_HISTORY_CAPACITY, default "
                        "100000); feedback for an older decision fails as missing_history."),
        QStringLiteral("N"));
    const QCommandLineOption overflow(
        QStringLiteral("overflow"),
        CommandLine::tr("When the feedback queue is full: drop-oldest (default; counted as dropped) or reject "
                        "(the API answers 503 with Retry-After) (RL_FEEDBACK_OVERFLOW)."),
        QStringLiteral("MODE"));
    const QCommandLineOption bodyLimit(
        QStringLiteral("body-limit"),
        CommandLine::tr("The largest request body the API reads, in bytes, 1024..1073741824 (default 16777216)."),
        QStringLiteral("BYTES"));
    const QCommandLineOption maxConnections(
        QStringLiteral("max-connections"),
        CommandLine::tr("Connections the API holds at once, 1..65536 (default 1024, lowered to fit the open-file "
                        "limit); more get 503."),
        QStringLiteral("N"));
    const QCommandLineOption batchSize(
        QStringLiteral("batch-size"),
        CommandLine::tr("Feedback items per tick, 1..100000 (RL_FEEDBACK_BATCH_SIZE, default 25)."),
        QStringLiteral("N"));
    const QCommandLineOption interval(
        QStringLiteral("interval"),
        CommandLine::tr("Seconds between ticks, 0.01..86400 (RL_FEEDBACK_LOOP_INTERVAL_SECONDS, default 15)."),
        QStringLiteral("SECONDS"));
    const QCommandLineOption policy = policyOption();
    const QCommandLineOption seed(
        QStringLiteral("seed"), CommandLine::tr("Seed of the policy and the simulated workload."), QStringLiteral("N"));
    const QCommandLineOption tenant(
        QStringLiteral("tenant"), CommandLine::tr("The tenant label of every metric (RL_TENANT, default \"default\")."),
        QStringLiteral("NAME"));
    const QCommandLineOption workspace(
        QStringLiteral("workspace"),
        CommandLine::tr("The workspace label of every metric (RL_WORKSPACE, default \"default\")."),
        QStringLiteral("NAME"));
    const QCommandLineOption rate(QStringLiteral("rate"),
                                  CommandLine::tr("Simulated requests per minute (default 30)."),
                                  QStringLiteral("ITEMS"));
    const QCommandLineOption noSimulator(QStringLiteral("no-simulator"), CommandLine::tr("Do not simulate requests."));
    const QCommandLineOption catalogue(
        QStringLiteral("catalogue"),
        CommandLine::tr("The models to route between, as JSON (default: the four built-in models)."),
        QStringLiteral("FILE"));
    const QCommandLineOption statusEvery(
        QStringLiteral("status-every"),
        CommandLine::tr("Seconds between headless status lines, 0.1..86400, or 0 for none (default 5)."),
        QStringLiteral("SECONDS"));
    const QCommandLineOption enableEvaluation(
        QStringLiteral("enable-evaluation"),
        CommandLine::tr("Emit trajectory feedback (ENABLE_TRAJECTORY_EVALUATION)."));
    const QCommandLineOption disableEvaluation(QStringLiteral("disable-evaluation"),
                                               CommandLine::tr("Do not emit trajectory feedback."));
    const QCommandLineOption enableLoop(
        QStringLiteral("enable-loop"),
        CommandLine::tr("Process feedback on every tick (ENABLE_TRAJECTORY_FEEDBACK_LOOP)."));
    const QCommandLineOption disableLoop(QStringLiteral("disable-loop"), CommandLine::tr("Do not process feedback."));
    const QCommandLineOption processWhenFull(
        QStringLiteral("process-when-full"),
        CommandLine::tr("Also run a batch as soon as batch-size items are queued, not only on the tick "
                        "(RL_FEEDBACK_PROCESS_WHEN_FULL)."));
    const QCommandLineOption timeScale(
        QStringLiteral("time-scale"),
        CommandLine::tr("Compress the alert rules' windows, for-durations and evaluation intervals by this factor, "
                        "1..3600 (a demo; default 1)."),
        QStringLiteral("FACTOR"));
    const QCommandLineOption rules(
        QStringLiteral("rules"),
        CommandLine::tr("Evaluate the alert rules of this Prometheus rule file instead of the shipped ones; repeat it "
                        "for several files, and name \"%1\" to keep the shipped rules beside yours.")
            .arg(QString::fromUtf8(AlertMonitor::kShippedName.data(),
                                   static_cast<qsizetype>(AlertMonitor::kShippedName.size()))),
        QStringLiteral("FILE"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        CommandLine::tr("Save a PNG of the main window before exiting (after --exit-after, default 10 s)."),
        QStringLiteral("FILE"));
    const QCommandLineOption exitAfter(QStringLiteral("exit-after"), CommandLine::tr("Exit after this many seconds."),
                                       QStringLiteral("SECONDS"));
    const QCommandLineOption size(QStringLiteral("size"), CommandLine::tr("The window's size, e.g. 1280x800."),
                                  QStringLiteral("WxH"));
    const QCommandLineOption prometheus = prometheusOption();
    const QCommandLineOption selector = selectorOption();
    const QCommandLineOption connectTo(
        QStringLiteral("connect"),
        CommandLine::tr("Show and operate the rlstudio at this URL (its API, /health and /metrics; its token with "
                        "--token-file) instead of an engine in this process."),
        QStringLiteral("URL"));
    const QCommandLineOption workbench(
        QStringLiteral("workbench"),
        CommandLine::tr("Open the experiments window alone (off-policy evaluation, policy comparison), no engine."));
    const QCommandLineOption range(QStringLiteral("range"),
                                   CommandLine::tr("With --prometheus: the charts' time range at the start, a "
                                                   "Prometheus duration from 1m to 400d, e.g. 15m or 7d (default 1h)."),
                                   QStringLiteral("DURATION"));
    const QCommandLineOption refresh(
        QStringLiteral("refresh"),
        CommandLine::tr("With --prometheus: seconds between refreshes, 1..3600 (default 5)."),
        QStringLiteral("SECONDS"));
    parser.addOptions({headless,
                       listen,
                       tokenFile,
                       allowedHost,
                       dataDir,
                       ephemeral,
                       sync,
                       decisionLogDays,
                       queueCapacity,
                       routingHistory,
                       overflow,
                       bodyLimit,
                       maxConnections,
                       batchSize,
                       interval,
                       policy,
                       seed,
                       tenant,
                       workspace,
                       rate,
                       noSimulator,
                       catalogue,
                       statusEvery,
                       enableEvaluation,
                       disableEvaluation,
                       enableLoop,
                       disableLoop,
                       processWhenFull,
                       languageOption(),
                       timeScale,
                       rules,
                       screenshot,
                       exitAfter,
                       size,
                       prometheus,
                       selector,
                       connectTo,
                       workbench,
                       range,
                       refresh});
    parser.addPositionalArgument(QStringLiteral("command"),
                                 CommandLine::tr("replay, bench, simulate-stream, rules, load, export, evaluate, "
                                                 "compare or fleet (see rlstudio COMMAND --help); none runs the "
                                                 "engine."),
                                 QStringLiteral("[command]"));
    if (parseStops(parser, arguments))
        return;
    rejectPositionals(parser);

    HeadlessRunner::Options &run = result.run;
    EngineOptions &engine = run.engine;
    engine.loop = LoopConfig::fromEnvironment(getenv);
    result.headless = parser.isSet(headless);
    if (parser.isSet(listen))
        parseListen(parser.value(listen), run);
    parseAccess(parser, tokenFile, allowedHost, getenv, run.api.http);
    QString overflowMode = parser.value(overflow);
    QString overflowSource = QStringLiteral("--overflow");
    if (!parser.isSet(overflow)) {
        overflowMode = QString::fromLocal8Bit(getenv("RL_FEEDBACK_OVERFLOW"));
        overflowSource = QStringLiteral("RL_FEEDBACK_OVERFLOW");
    }
    if (overflowMode == u"reject")
        run.api.overflow = EngineApi::Overflow::Reject;
    else if (!overflowMode.isEmpty() && overflowMode != u"drop-oldest")
        fail(CommandLine::tr("%1 is not drop-oldest or reject").arg(shown(overflowSource, overflowMode)));
    parseJournal(parser, dataDir, ephemeral, sync, decisionLogDays, getenv, engine);
    engine.queueCapacity =
        integerSetting(parser, queueCapacity, "RL_FEEDBACK_QUEUE_CAPACITY", 1, FeedbackQueue::kMaxCapacity, getenv);
    engine.historyCapacity =
        integerSetting(parser, routingHistory, "RL_ROUTING_HISTORY_CAPACITY", 1, kMaxHistoryCapacity, getenv);
    if (parser.isSet(bodyLimit))
        run.api.http.maxBodyBytes =
            parseInteger(QStringLiteral("--body-limit"), parser.value(bodyLimit), 1024, std::uint64_t(1) << 30);
    if (parser.isSet(maxConnections))
        run.api.http.maxConnections =
            parseInteger(QStringLiteral("--max-connections"), parser.value(maxConnections), 1, 65536);
    parseHttpTimeouts(getenv, run.api.http);
    if (parser.isSet(batchSize))
        engine.loop.batchSize = parseBatchSize("--batch-size", text(parser.value(batchSize)));
    if (parser.isSet(interval))
        engine.loop.intervalSeconds = parseIntervalSeconds("--interval", text(parser.value(interval)));
    if (parser.isSet(tenant))
        engine.loop.labels.tenant = parseLabelValue("--tenant", text(parser.value(tenant)));
    if (parser.isSet(workspace))
        engine.loop.labels.workspace = parseLabelValue("--workspace", text(parser.value(workspace)));
    if (const auto on = parseSwitchPair(parser, enableEvaluation, disableEvaluation))
        engine.loop.evaluationEnabled = *on;
    if (const auto on = parseSwitchPair(parser, enableLoop, disableLoop))
        engine.loop.loopEnabled = *on;
    if (parser.isSet(processWhenFull))
        engine.loop.processWhenFull = true;
    if (parser.isSet(policy))
        engine.policy = parsePolicy(QStringLiteral("--policy"), parser.value(policy));
    if (parser.isSet(seed))
        engine.seed = parseSeed(parser.value(seed));
    if (parser.isSet(rate)) {
        engine.emissionRate = parseReal(QStringLiteral("--rate"), parser.value(rate), 0.0,
                                        EngineOptions::kMaxEmissionRate, CommandLine::tr("items per minute"));
    }
    engine.simulatorEnabled = !parser.isSet(noSimulator);
    if (parser.isSet(catalogue)) {
        const QString path = parser.value(catalogue);
        try {
            engine.catalogue = ModelCatalogue::fromFile(text(path));
        } catch (const std::exception &error) {
            fail(CommandLine::tr("%1 cannot be used: %2")
                     .arg(shown(QStringLiteral("--catalogue"), path), QString::fromUtf8(error.what())));
        }
    }
    if (parser.isSet(statusEvery)) {
        run.statusEverySeconds = parseReal(QStringLiteral("--status-every"), parser.value(statusEvery), 0.0,
                                           kMaxStatusEverySeconds, CommandLine::tr("seconds"));
        // A period below this would print lines as fast as the terminal takes them.
        if (run.statusEverySeconds > 0.0 && run.statusEverySeconds < kMinStatusEverySeconds)
            fail(CommandLine::tr("%1 is not 0 or a number of seconds in %2..%3")
                     .arg(shown(QStringLiteral("--status-every"), parser.value(statusEvery)))
                     .arg(kMinStatusEverySeconds)
                     .arg(kMaxStatusEverySeconds));
    }
    if (parser.isSet(timeScale))
        run.alerts.timeScale = parseReal(QStringLiteral("--time-scale"), parser.value(timeScale), 1.0,
                                         AlertMonitor::kMaxTimeScale, CommandLine::tr("times"));
    for (const QString &path : parser.values(rules)) {
        try {
            run.alerts.sources.push_back(AlertMonitor::loadRules(text(path)));
        } catch (const std::exception &error) {
            fail(CommandLine::tr("%1 cannot be used: %2")
                     .arg(shown(QStringLiteral("--rules"), path), QString::fromUtf8(error.what())));
        }
    }

    DesktopRunner::Options &desktop = result.desktop;
    desktop.screenshot = parser.value(screenshot);
    if (parser.isSet(exitAfter))
        desktop.exitAfterSeconds = parseReal(QStringLiteral("--exit-after"), parser.value(exitAfter), 0.1,
                                             kMaxStatusEverySeconds, CommandLine::tr("seconds"));
    if (parser.isSet(size))
        desktop.size = parseSize(parser.value(size));
    if (parser.isSet(workbench)) {
        if (parser.isSet(headless) || parser.isSet(prometheus) || parser.isSet(connectTo))
            fail(CommandLine::tr("--workbench opens the experiments window alone: not with --headless, --connect or "
                                 "--prometheus"));
        desktop.workbench = true;
    }
    if (parser.isSet(connectTo)) {
        if (parser.isSet(headless) || parser.isSet(prometheus))
            fail(CommandLine::tr(
                "--connect shows a remote instance in the window: not with --headless or --prometheus"));
        desktop.remote.url = parseServerUrl(QStringLiteral("--connect"), parser.value(connectTo), true);
    }
    // With --connect or --prometheus, the token is the remote instances' (no API is served here), and the
    // alerts are theirs or Prometheus's, as evaluated there: nothing is evaluated here.
    if (parser.isSet(connectTo) || parser.isSet(prometheus)) {
        for (const QCommandLineOption &local : {rules, timeScale}) {
            if (parser.isSet(local))
                fail(CommandLine::tr("--%1 sets the alert rules evaluated in this process; with --connect or "
                                     "--prometheus the window shows the alerts as the remote side evaluates them")
                         .arg(local.names().constFirst()));
        }
        desktop.remoteToken = QByteArray::fromStdString(run.api.http.token.value_or(std::string()));
    }
    if (parser.isSet(prometheus)) {
        if (parser.isSet(headless))
            fail(CommandLine::tr("--prometheus shows the fleet in the window; without one, use rlstudio fleet"));
        desktop.prometheus.url = parseServerUrl(QStringLiteral("--prometheus"), parser.value(prometheus), true);
        desktop.prometheus.selector = FleetQuery(parser.value(selector)).selector(); // throws naming the problem
        if (parser.isSet(refresh))
            desktop.prometheus.refreshSeconds =
                parseReal(QStringLiteral("--refresh"), parser.value(refresh), 1.0, 3600.0, CommandLine::tr("seconds"));
        if (parser.isSet(range)) {
            const std::optional<double> seconds = PromQlExpression::parseDuration(parser.value(range).toStdString());
            if (!seconds || *seconds < 60.0 || *seconds > 400.0 * 86400.0)
                fail(CommandLine::tr("%1 is not a duration from 1m to 400d, such as 15m, 6h or 7d")
                         .arg(shown(QStringLiteral("--range"), parser.value(range))));
            desktop.fleetRangeSeconds = *seconds;
        }
    } else if (parser.isSet(selector) || parser.isSet(refresh) || parser.isSet(range)) {
        fail(CommandLine::tr("--selector, --refresh and --range go with --prometheus URL"));
    }
    // What the saved tuning must not override: set by a flag, else by its environment variable.
    const auto given = [&](TuningSettings::Key key, std::initializer_list<const QCommandLineOption *> options,
                           const char *variable, const QVariant &value) {
        for (const QCommandLineOption *option : options) {
            if (parser.isSet(*option)) {
                const QString name = QStringLiteral("--") + option->names().constFirst();
                desktop.tuningOverrides[key] = {
                    option->valueName().isEmpty() ? name : name + QLatin1Char(' ') + parser.value(*option), value};
                return;
            }
        }
        if (const char *fromEnvironment = variable ? getenv(variable) : nullptr; fromEnvironment && *fromEnvironment)
            desktop.tuningOverrides[key] = {
                QStringLiteral("%1=%2").arg(QLatin1String(variable), QString::fromLocal8Bit(fromEnvironment)), value};
    };
    const auto value = [&](TuningSettings::Key key) { return TuningSettings::valueIn(key, engine, run.alerts); };
    using Key = TuningSettings::Key;
    given(Key::BatchSize, {&batchSize}, "RL_FEEDBACK_BATCH_SIZE", value(Key::BatchSize));
    given(Key::Interval, {&interval}, "RL_FEEDBACK_LOOP_INTERVAL_SECONDS", value(Key::Interval));
    given(Key::EmissionRate, {&rate}, nullptr, value(Key::EmissionRate));
    given(Key::Policy, {&policy}, nullptr, value(Key::Policy));
    given(Key::Evaluation, {&enableEvaluation, &disableEvaluation}, "ENABLE_TRAJECTORY_EVALUATION",
          value(Key::Evaluation));
    given(Key::Loop, {&enableLoop, &disableLoop}, "ENABLE_TRAJECTORY_FEEDBACK_LOOP", value(Key::Loop));
    given(Key::Simulator, {&noSimulator}, nullptr, value(Key::Simulator));
    given(Key::TimeScale, {&timeScale}, nullptr, value(Key::TimeScale));
    desktop.server = run;
}

// A:B, rounds from A to before B; whether B is within the stream is judged once it is read.
RoundWindow parseWindow(const QString &value)
{
    const QStringList parts = value.split(QLatin1Char(':'));
    bool fromOk = false;
    bool toOk = false;
    const qulonglong from = parts.size() == 2 ? parts[0].trimmed().toULongLong(&fromOk) : 0;
    const qulonglong to = parts.size() == 2 ? parts[1].trimmed().toULongLong(&toOk) : 0;
    if (!fromOk || !toOk || from >= to || to > StreamSpec::kMaxRounds)
        fail(CommandLine::tr("%1 is not A:B, rounds from A to before B with A < B <= %2")
                 .arg(shown(QStringLiteral("--window"), value))
                 .arg(StreamSpec::kMaxRounds));
    return {static_cast<std::size_t>(from), static_cast<std::size_t>(to)};
}

void parseReplay(QCommandLineParser &parser, const QStringList &arguments, CommandLine &result)
{
    const StreamOptions streamRun;
    const QCommandLineOption &stream = streamRun.stream;
    const QCommandLineOption &weights = streamRun.weights;
    const QCommandLineOption window(
        QStringLiteral("window"),
        CommandLine::tr(
            "Also report the share of optimal picks over rounds A to B (from A, before B, counting from 0)."),
        QStringLiteral("A:B"));
    const QCommandLineOption saveState(QStringLiteral("save-state"),
                                       CommandLine::tr("Write the learned policy's state to FILE (evaluate --target "
                                                       "reads it, frozen as deployed)."),
                                       QStringLiteral("FILE"));
    const PolicyRunOptions policyRun;
    parser.addOptions(
        {stream, weights, window, saveState, policyRun.policy, policyRun.seed, policyRun.json, languageOption()});
    parser.addPositionalArgument(kReplay,
                                 CommandLine::tr("Replay a learning stream through a policy and report its regret."));
    if (parseStops(parser, arguments))
        return;
    rejectPositionals(parser);

    ReplayCommand::Options &replay = result.replay;
    if (!parser.isSet(stream))
        fail(CommandLine::tr("replay needs --stream FILE.csv"));
    replay.stream = parser.value(stream);
    replay.weights = parser.value(weights);
    if (parser.isSet(window))
        replay.window = parseWindow(parser.value(window));
    replay.saveState = parser.value(saveState);
    policyRun.read(parser, replay.policy, replay.seed, replay.json);
}

void parseBench(QCommandLineParser &parser, const QStringList &arguments, CommandLine &result)
{
    const QCommandLineOption depth(
        QStringLiteral("depth"),
        CommandLine::tr("Queued items, which is also the routing history's length (default 10000)."),
        QStringLiteral("N"));
    const QCommandLineOption batch(QStringLiteral("batch"), CommandLine::tr("Items per batch, 1..100000 (default 25)."),
                                   QStringLiteral("B"));
    const PolicyRunOptions policyRun;
    parser.addOptions({depth, batch, policyRun.policy, policyRun.seed, policyRun.json, languageOption()});
    parser.addPositionalArgument(
        kBench, CommandLine::tr("Measure feedback processing: items per second, batch latency, peak memory."));
    if (parseStops(parser, arguments))
        return;
    rejectPositionals(parser);

    BenchConfig &config = result.bench.config;
    if (parser.isSet(depth))
        config.depth = parseInteger(QStringLiteral("--depth"), parser.value(depth), 1, kMaxBenchDepth);
    if (parser.isSet(batch))
        config.batch = parseBatchSize("--batch", text(parser.value(batch)));
    policyRun.read(parser, config.policy, config.seed, result.bench.json);
}

// ROUND:SEED, a change of the hidden weights, ROUND in 1..kMaxRounds (the stream's length is judged with the rest of
// the spec).
StreamSpec::Drift parseDrift(const QString &value)
{
    const QStringList parts = value.split(QLatin1Char(':'));
    bool roundOk = false;
    bool seedOk = false;
    const qulonglong round = parts.size() == 2 ? parts[0].trimmed().toULongLong(&roundOk) : 0;
    const qulonglong seed = parts.size() == 2 ? parts[1].trimmed().toULongLong(&seedOk) : 0;
    if (!roundOk || !seedOk || round < 1 || round > StreamSpec::kMaxRounds)
        fail(CommandLine::tr("%1 is not ROUND:SEED, a round in 1..%2 and a seed in 0..%3")
                 .arg(shown(QStringLiteral("--drift"), value))
                 .arg(StreamSpec::kMaxRounds)
                 .arg(std::numeric_limits<std::uint64_t>::max()));
    return {static_cast<std::size_t>(round), seed};
}

void parseSimulateStream(QCommandLineParser &parser, const QStringList &arguments, CommandLine &result)
{
    const QCommandLineOption arms(QStringLiteral("arms"), CommandLine::tr("Arms, 1..%1 (default 4).").arg(kMaxArms),
                                  QStringLiteral("N"));
    const QCommandLineOption dims(QStringLiteral("dims"),
                                  CommandLine::tr("Features of a context, 1..%1 (default 10).").arg(kMaxDimension),
                                  QStringLiteral("D"));
    const QCommandLineOption rounds(QStringLiteral("rounds"),
                                    CommandLine::tr("Rounds, 1..%1 (default 20000).").arg(StreamSpec::kMaxRounds),
                                    QStringLiteral("T"));
    const QCommandLineOption noise(
        QStringLiteral("noise"),
        CommandLine::tr("Standard deviation of the reward noise, 0..%1 (default 0.1).").arg(StreamSpec::kMaxNoiseSd),
        QStringLiteral("S"));
    const QCommandLineOption seed(QStringLiteral("seed"), CommandLine::tr("Seed of the stream (default 1)."),
                                  QStringLiteral("K"));
    const QCommandLineOption drift(QStringLiteral("drift"),
                                   CommandLine::tr("From round ROUND on (counting from 0), the arms' true weights are "
                                                   "drawn afresh from SEED; repeat for several changes."),
                                   QStringLiteral("ROUND:SEED"));
    const QCommandLineOption outDir(QStringLiteral("out"),
                                    CommandLine::tr("The folder for learning_stream.csv and meta.json."),
                                    QStringLiteral("DIR"));
    parser.addOptions({arms, dims, rounds, noise, seed, drift, outDir, languageOption()});
    parser.addPositionalArgument(kSimulateStream,
                                 CommandLine::tr("Write a synthetic learning stream and its true weights."));
    if (parseStops(parser, arguments))
        return;
    rejectPositionals(parser);

    SimulateStreamCommand::Options &options = result.simulateStream;
    StreamSpec &spec = options.spec;
    if (parser.value(outDir).trimmed().isEmpty())
        fail(CommandLine::tr("simulate-stream needs --out DIR"));
    options.out = parser.value(outDir);
    if (parser.isSet(arms))
        spec.arms = parseInteger(QStringLiteral("--arms"), parser.value(arms), 1, kMaxArms);
    if (parser.isSet(dims))
        spec.dimension = parseInteger(QStringLiteral("--dims"), parser.value(dims), 1, kMaxDimension);
    if (parser.isSet(rounds))
        spec.rounds = parseInteger(QStringLiteral("--rounds"), parser.value(rounds), 1, StreamSpec::kMaxRounds);
    if (parser.isSet(noise))
        spec.noiseSd = parseReal(QStringLiteral("--noise"), parser.value(noise), 0.0, StreamSpec::kMaxNoiseSd,
                                 CommandLine::tr("standard deviations"));
    if (parser.isSet(seed))
        spec.seed = parseSeed(parser.value(seed));
    for (const QString &value : parser.values(drift))
        spec.drift.push_back(parseDrift(value));
    std::sort(spec.drift.begin(), spec.drift.end(),
              [](const StreamSpec::Drift &a, const StreamSpec::Drift &b) { return a.round < b.round; });
    try {
        spec.validate(); // the combination: drift rounds within the stream, none twice
    } catch (const std::invalid_argument &error) {
        fail(CommandLine::tr("simulate-stream: %1").arg(QString::fromUtf8(error.what())));
    }
}

void parseRules(QCommandLineParser &parser, const QStringList &arguments, CommandLine &result)
{
    parser.addOptions({languageOption()});
    parser.addPositionalArgument(kRules, CommandLine::tr("Work with Prometheus rule files."));
    parser.addPositionalArgument(kCheck, CommandLine::tr("Validate rule files as promtool check rules does."));
    parser.addPositionalArgument(QStringLiteral("FILE"), CommandLine::tr("Rule files to check."),
                                 QStringLiteral("FILE..."));
    if (parseStops(parser, arguments))
        return;
    QStringList files = parser.positionalArguments();
    if (files.isEmpty())
        fail(CommandLine::tr("rules needs a subcommand: rules check FILE..."));
    if (const QString subcommand = files.takeFirst(); subcommand != kCheck)
        fail(CommandLine::tr("unknown subcommand \"rules %1\": expected rules check FILE...").arg(subcommand));
    if (files.isEmpty())
        fail(CommandLine::tr("rules check needs at least one FILE"));
    result.rulesCheck.files = files;
}

void parseLoad(QCommandLineParser &parser, const QStringList &arguments,
               const std::function<const char *(const char *)> &getenv, CommandLine &result)
{
    const QCommandLineOption url(QStringLiteral("url"),
                                 CommandLine::tr("The server to load, e.g. http://127.0.0.1:8000."),
                                 QStringLiteral("URL"));
    const QCommandLineOption tokenFile(
        QStringLiteral("token-file"),
        CommandLine::tr("The file holding the bearer token to send (RL_API_TOKEN_FILE; default none)."),
        QStringLiteral("FILE"));
    const QCommandLineOption stream(
        QStringLiteral("stream"),
        CommandLine::tr("The learning stream to route, round by round: t, x0..x(d-1), r0..r(k-1) per line, rewards "
                        "in [0, 1]."),
        QStringLiteral("FILE.csv"));
    const QCommandLineOption weights(
        QStringLiteral("weights"),
        CommandLine::tr("The stream's true_weights, to report the regret of the router's choices (default: none)."),
        QStringLiteral("meta.json"));
    const QCommandLineOption concurrency(
        QStringLiteral("concurrency"),
        CommandLine::tr("Keep-alive connections, each routing and posting feedback in turn, 1..%1.")
            .arg(LoadCommand::kMaxConcurrency),
        QStringLiteral("C"));
    const QCommandLineOption duration(QStringLiteral("duration"),
                                      CommandLine::tr("Stop after this many seconds, 0.1..86400."),
                                      QStringLiteral("SECONDS"));
    const QCommandLineOption rounds(
        QStringLiteral("rounds"),
        CommandLine::tr("Stop after this many rounds, 1..%1 (default: the stream's length); beyond its length the "
                        "stream starts over.")
            .arg(LoadCommand::kMaxRounds),
        QStringLiteral("N"));
    const QCommandLineOption feedbackBatch(
        QStringLiteral("feedback-batch"),
        CommandLine::tr("Feedback items per request, 1..%1; more than one are posted as NDJSON (default 1).")
            .arg(LoadCommand::kMaxFeedbackBatch),
        QStringLiteral("B"));
    const QCommandLineOption rate(
        QStringLiteral("rate"),
        CommandLine::tr("Route at most this many requests per second, 1..1000000, spread evenly (default: as fast as "
                        "the server answers). Latency percentiles are meaningful at a set rate."),
        QStringLiteral("PER_SECOND"));
    const QCommandLineOption json(QStringLiteral("json"), CommandLine::tr("Print the result as JSON."));
    parser.addOptions(
        {url, tokenFile, stream, weights, concurrency, duration, rounds, feedbackBatch, rate, json, languageOption()});
    parser.addPositionalArgument(
        kLoad, CommandLine::tr("Route a learning stream through a server and post its feedback, over HTTP; report "
                               "throughput, latency, errors and regret."));
    if (parseStops(parser, arguments))
        return;
    rejectPositionals(parser);

    LoadCommand::Options &load = result.load;
    const std::pair<const QCommandLineOption *, const char *> required[] = {{&url, "--url URL"},
                                                                            {&stream, "--stream FILE.csv"},
                                                                            {&concurrency, "--concurrency C"},
                                                                            {&duration, "--duration SECONDS"}};
    for (const auto &[option, usage] : required) {
        if (!parser.isSet(*option))
            fail(CommandLine::tr("load needs %1").arg(QLatin1String(usage)));
    }
    load.url = parseServerUrl(QStringLiteral("--url"), parser.value(url));
    load.stream = parser.value(stream);
    load.weights = parser.value(weights);
    load.token = readToken(parser, tokenFile, getenv).value_or(std::string());
    load.concurrency =
        parseInteger(QStringLiteral("--concurrency"), parser.value(concurrency), 1, LoadCommand::kMaxConcurrency);
    load.durationSeconds =
        parseReal(QStringLiteral("--duration"), parser.value(duration), 0.1, 86400.0, CommandLine::tr("seconds"));
    if (parser.isSet(rounds))
        load.rounds = parseInteger(QStringLiteral("--rounds"), parser.value(rounds), 1, LoadCommand::kMaxRounds);
    if (parser.isSet(feedbackBatch))
        load.feedbackBatch = parseInteger(QStringLiteral("--feedback-batch"), parser.value(feedbackBatch), 1,
                                          LoadCommand::kMaxFeedbackBatch);
    if (parser.isSet(rate))
        load.rate =
            parseReal(QStringLiteral("--rate"), parser.value(rate), 1.0, 1e6, CommandLine::tr("requests per second"));
    load.json = parser.isSet(json);
}

void parseExport(QCommandLineParser &parser, const QStringList &arguments,
                 const std::function<const char *(const char *)> &getenv, CommandLine &result)
{
    const QCommandLineOption dataDir(
        QStringLiteral("data-dir"),
        CommandLine::tr("The journal's folder (RL_DATA_DIR; default the application data folder)."),
        QStringLiteral("DIR"));
    const QCommandLineOption format(QStringLiteral("format"), CommandLine::tr("dsjson (default) or csv."),
                                    QStringLiteral("FORMAT"));
    const QCommandLineOption out(QStringLiteral("out"), CommandLine::tr("The file to write."), QStringLiteral("FILE"));
    parser.addOptions({dataDir, format, out, languageOption()});
    parser.addPositionalArgument(kExport, CommandLine::tr("Write the decision log of a journal, with the rewards "
                                                          "joined, for off-policy evaluation."));
    if (parseStops(parser, arguments))
        return;
    rejectPositionals(parser);

    ExportCommand::Options &options = result.exportLog;
    options.dataDir = parser.value(dataDir);
    if (options.dataDir.isEmpty())
        options.dataDir = QString::fromLocal8Bit(getenv("RL_DATA_DIR"));
    if (options.dataDir.isEmpty())
        options.dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (parser.isSet(format)) {
        options.format = parser.value(format);
        if (options.format != u"dsjson" && options.format != u"csv")
            fail(CommandLine::tr("%1 is not dsjson or csv").arg(shown(QStringLiteral("--format"), options.format)));
    }
    if (!parser.isSet(out))
        fail(CommandLine::tr("export needs --out FILE"));
    options.out = parser.value(out);
}

void parseCompare(QCommandLineParser &parser, const QStringList &arguments, CommandLine &result)
{
    const StreamOptions streamRun;
    const QCommandLineOption &stream = streamRun.stream;
    const QCommandLineOption &weights = streamRun.weights;
    const QCommandLineOption policy(
        QStringLiteral("policy"),
        CommandLine::tr("A policy and its parameters, e.g. linucb:alpha=0.3, thompson:v=0.1, egreedy:epsilon=0.05 "
                        "or seed; a sweep takes N values: linucb:alpha=0.1..1.0/10. Repeat it for several."),
        QStringLiteral("SPEC"));
    const QCommandLineOption seeds(
        QStringLiteral("seeds"),
        CommandLine::tr("Runs per spec, seeds 1..S, 1..%1 (default 10).").arg(ComparisonOptions::kMaxSeeds),
        QStringLiteral("S"));
    const QCommandLineOption rounds(QStringLiteral("rounds"),
                                    CommandLine::tr("Compare over the first T rounds (default: the whole stream)."),
                                    QStringLiteral("T"));
    const QCommandLineOption save(QStringLiteral("save"),
                                  CommandLine::tr("Keep the finished runs in FILE: the same comparison run again "
                                                  "with it resumes where it stopped."),
                                  QStringLiteral("FILE"));
    const QCommandLineOption json(QStringLiteral("json"), CommandLine::tr("Print JSON."));
    parser.addOptions({stream, weights, policy, seeds, rounds, save, json, languageOption()});
    parser.addPositionalArgument(kCompare, CommandLine::tr("Compare policies over a learning stream on several seeds: "
                                                           "regret with 95 % intervals, ranked."));
    if (parseStops(parser, arguments))
        return;
    rejectPositionals(parser);
    if (!parser.isSet(stream) || !parser.isSet(policy))
        fail(CommandLine::tr("compare needs --stream FILE.csv and at least one --policy SPEC"));
    CompareCommand::Options &options = result.compare;
    options.stream = parser.value(stream);
    options.weights = parser.value(weights);
    for (const QString &value : parser.values(policy)) {
        try {
            for (PolicySpec &spec : PolicySpec::parse(value.toStdString())) {
                if (std::any_of(options.specs.begin(), options.specs.end(),
                                [&spec](const PolicySpec &other) { return other.text() == spec.text(); }))
                    fail(CommandLine::tr("--policy: %1 is given twice").arg(QString::fromStdString(spec.text())));
                options.specs.push_back(std::move(spec));
            }
        } catch (const std::invalid_argument &error) {
            fail(CommandLine::tr("--policy: %1").arg(QString::fromUtf8(error.what())));
        }
        if (options.specs.size() > PolicySpec::kMaxExpanded)
            fail(CommandLine::tr("--policy: more than %1 specs in all").arg(PolicySpec::kMaxExpanded));
    }
    if (parser.isSet(seeds))
        options.seeds = parseInteger(QStringLiteral("--seeds"), parser.value(seeds), 1, ComparisonOptions::kMaxSeeds);
    if (parser.isSet(rounds))
        options.rounds = parseInteger(QStringLiteral("--rounds"), parser.value(rounds), 1, StreamSpec::kMaxRounds);
    options.save = parser.value(save);
    options.json = parser.isSet(json);
}

void parseEvaluate(QCommandLineParser &parser, const QStringList &arguments, CommandLine &result)
{
    const QCommandLineOption log(QStringLiteral("log"),
                                 CommandLine::tr("The decision log: rlstudio export's CSV or DSJSON, or a CSV of x0.., "
                                                 "action, propensity, reward and optionally p0.."),
                                 QStringLiteral("FILE"));
    const QCommandLineOption target(QStringLiteral("target"),
                                    CommandLine::tr("The target policy: weights (a meta.json with true_weights, a "
                                                    "k×d matrix; greedy on W·x), or a learned policy's saved state "
                                                    "(GET /v1/state), evaluated frozen; or a policy spec such as "
                                                    "linucb:alpha=0.5, learning as it goes (the replay method, on a "
                                                    "uniformly random log)."),
                                    QStringLiteral("TARGET"));
    const QCommandLineOption epsilon(QStringLiteral("target-epsilon"),
                                     CommandLine::tr("Make target weights ε-greedy, 0..1 (default 0)."),
                                     QStringLiteral("E"));
    const QCommandLineOption estimators(
        QStringLiteral("estimators"),
        CommandLine::tr("Comma-separated: ips, snips, dm, dr, sndr, switch-dr (default all)."), QStringLiteral("LIST"));
    const QCommandLineOption bootstrap(QStringLiteral("bootstrap"),
                                       CommandLine::tr("Bootstrap resamples for the 95 % intervals, 0..100000 "
                                                       "(default 1000; 0: none)."),
                                       QStringLiteral("B"));
    const QCommandLineOption seed(QStringLiteral("seed"), CommandLine::tr("The bootstrap's seed (default 1)."),
                                  QStringLiteral("N"));
    const QCommandLineOption switchTau(QStringLiteral("switch-tau"),
                                       CommandLine::tr("Switch-DR's weight threshold τ, above which a row's correction "
                                                       "is dropped (default 10)."),
                                       QStringLiteral("TAU"));
    const QCommandLineOption json(QStringLiteral("json"), CommandLine::tr("Print JSON."));
    parser.addOptions({log, target, epsilon, estimators, bootstrap, seed, switchTau, json, languageOption()});
    parser.addPositionalArgument(kEvaluate, CommandLine::tr("Estimate a target policy's value on a logged bandit's "
                                                            "decisions (off-policy evaluation)."));
    if (parseStops(parser, arguments))
        return;
    rejectPositionals(parser);
    if (!parser.isSet(log) || !parser.isSet(target))
        fail(CommandLine::tr("evaluate needs --log FILE and --target TARGET"));
    EvaluateCommand::Options &options = result.evaluate;
    options.log = parser.value(log);
    options.target = parser.value(target);
    if (parser.isSet(epsilon))
        options.targetEpsilon = parseReal(QStringLiteral("--target-epsilon"), parser.value(epsilon), 0.0, 1.0,
                                          CommandLine::tr("probability"));
    if (parser.isSet(estimators)) {
        options.estimation.estimators.clear();
        for (const QString &name : parser.value(estimators).split(QLatin1Char(','))) {
            const std::optional<Estimator> estimator = estimatorNamed(name.trimmed().toLower().toStdString());
            if (!estimator)
                fail(CommandLine::tr("%1: %2 is not one of ips, snips, dm, dr, sndr, switch-dr")
                         .arg(shown(QStringLiteral("--estimators"), parser.value(estimators)), name.trimmed()));
            if (std::find(options.estimation.estimators.begin(), options.estimation.estimators.end(), *estimator)
                != options.estimation.estimators.end())
                fail(CommandLine::tr("%1: %2 is given twice")
                         .arg(shown(QStringLiteral("--estimators"), parser.value(estimators)), name.trimmed()));
            options.estimation.estimators.push_back(*estimator);
        }
    }
    if (parser.isSet(bootstrap))
        options.estimation.bootstrap = parseInteger(QStringLiteral("--bootstrap"), parser.value(bootstrap), 0, 100000);
    if (parser.isSet(seed))
        options.estimation.seed = parseSeed(parser.value(seed));
    options.estimatorOptionsGiven = parser.isSet(estimators) || parser.isSet(bootstrap) || parser.isSet(switchTau);
    if (parser.isSet(switchTau))
        options.estimation.switchTau =
            parseReal(QStringLiteral("--switch-tau"), parser.value(switchTau), 0.0, 1e12, CommandLine::tr("weight"));
    options.json = parser.isSet(json);
}

void parseFleet(QCommandLineParser &parser, const QStringList &arguments, CommandLine &result)
{
    const QCommandLineOption prometheus = prometheusOption();
    const QCommandLineOption selector = selectorOption();
    const QCommandLineOption json(QStringLiteral("json"), CommandLine::tr("Print JSON, with each column's query."));
    parser.addOptions({prometheus, selector, json, languageOption()});
    parser.addPositionalArgument(kFleet, CommandLine::tr("Print the fleet view's table from a Prometheus server."));
    if (parseStops(parser, arguments))
        return;
    rejectPositionals(parser);
    if (!parser.isSet(prometheus))
        fail(CommandLine::tr("fleet needs --prometheus URL"));
    FleetCommand::Options &options = result.fleet;
    options.prometheus = parseServerUrl(QStringLiteral("--prometheus"), parser.value(prometheus), true);
    options.selector = FleetQuery(parser.value(selector)).selector(); // throws ConfigError naming the problem
    options.json = parser.isSet(json);
}

// The command a list of arguments starts with, if any.
CommandLine::Command commandOf(const QStringList &arguments)
{
    const QString first = arguments.size() > 1 ? arguments.at(1) : QString();
    if (first == kReplay)
        return CommandLine::Command::Replay;
    if (first == kBench)
        return CommandLine::Command::Bench;
    if (first == kSimulateStream)
        return CommandLine::Command::SimulateStream;
    if (first == kRules)
        return CommandLine::Command::Rules;
    if (first == kLoad)
        return CommandLine::Command::Load;
    if (first == kExport)
        return CommandLine::Command::Export;
    if (first == kFleet)
        return CommandLine::Command::Fleet;
    if (first == kEvaluate)
        return CommandLine::Command::Evaluate;
    if (first == kCompare)
        return CommandLine::Command::Compare;
    return CommandLine::Command::Run;
}

} // namespace

bool CommandLine::wantsWindow(const QStringList &arguments)
{
    if (commandOf(arguments) != Command::Run)
        return false;
    const QStringList stops = {QStringLiteral("--") + kHeadless, QStringLiteral("--help"),    QStringLiteral("-h"),
                               QStringLiteral("--help-all"),     QStringLiteral("--version"), QStringLiteral("-v")};
    return std::none_of(arguments.begin() + std::min<qsizetype>(1, arguments.size()), arguments.end(),
                        [&stops](const QString &argument) { return stops.contains(argument); });
}

QString CommandLine::language(const QStringList &arguments)
{
    const QString flag = QStringLiteral("--") + kLanguage;
    const QString joined = flag + QLatin1Char('=');
    QString found;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        if (arguments.at(i) == flag && i + 1 < arguments.size())
            found = arguments.at(++i);
        else if (arguments.at(i).startsWith(joined))
            found = arguments.at(i).mid(joined.size());
    }
    return found.trimmed();
}

CommandLine CommandLine::parse(const QStringList &arguments, const std::function<const char *(const char *)> &getenv)
{
    CommandLine result;
    QStringList rest = arguments;
    // A command comes first: `rlstudio replay --stream ...`; its options are parsed by its own parser.
    result.command = commandOf(rest);
    if (result.command != Command::Run)
        rest.removeAt(1);

    QCommandLineParser parser;
    parser.setApplicationDescription(tr("RL Feedback Studio: a contextual-bandit model router and its feedback loop."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    switch (result.command) {
    case Command::Run:
        parseRun(parser, rest, getenv, result);
        break;
    case Command::Replay:
        parseReplay(parser, rest, result);
        break;
    case Command::Bench:
        parseBench(parser, rest, result);
        break;
    case Command::SimulateStream:
        parseSimulateStream(parser, rest, result);
        break;
    case Command::Rules:
        parseRules(parser, rest, result);
        break;
    case Command::Load:
        parseLoad(parser, rest, getenv, result);
        break;
    case Command::Export:
        parseExport(parser, rest, getenv, result);
        break;
    case Command::Fleet:
        parseFleet(parser, rest, result);
        break;
    case Command::Evaluate:
        parseEvaluate(parser, rest, result);
        break;
    case Command::Compare:
        parseCompare(parser, rest, result);
        break;
    }
    result.helpRequested = parser.isSet(help);
    result.versionRequested = parser.isSet(version);
    if (result.helpRequested)
        result.helpText = parser.helpText();
    return result;
}

} // namespace rl
