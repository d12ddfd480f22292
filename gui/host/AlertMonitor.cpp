#include "gui/host/AlertMonitor.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <limits>
#include <stdexcept>

#include <QDateTime>
#include <QFile>
#include <QLocale>

#include <nlohmann/json.hpp>

#include "core/alerting/GoFormat.h"
#include "core/support/InputFile.h"

namespace rl {

Q_LOGGING_CATEGORY(lcAlerts, "rlstudio.alerts", QtInfoMsg)

namespace {

const QString kShippedRules = QStringLiteral(":/rl_feedback_alerts.yml");

// Every series the snapshots carry, summed over tenant and workspace as the rules' sum(...) sees them.
struct RecordedSeries {
    std::string_view metric;
    double (*read)(const EngineSnapshot &);
};
constexpr std::array kSeries{
    RecordedSeries{"rl_feedback_processed_total",
                   [](const EngineSnapshot &s) { return double(s.health.totals.processed); }},
    RecordedSeries{"rl_feedback_failed_total", [](const EngineSnapshot &s) { return double(s.health.totals.failed); }},
    RecordedSeries{"rl_feedback_queue_depth", [](const EngineSnapshot &s) { return double(s.health.queueDepth); }},
    RecordedSeries{"rl_feedback_dropped_total",
                   [](const EngineSnapshot &s) { return double(s.health.totals.dropped); }},
    RecordedSeries{"rl_feedback_purged_total", [](const EngineSnapshot &s) { return double(s.health.totals.purged); }},
    RecordedSeries{"trajectory_feedback_emissions_total",
                   [](const EngineSnapshot &s) { return double(s.health.totals.emitted); }},
    RecordedSeries{"rl_routing_history_evicted_total",
                   [](const EngineSnapshot &s) { return double(s.health.totals.evicted); }},
    RecordedSeries{"rl_model_selections_total", [](const EngineSnapshot &s) { return double(s.health.totals.routed); }},
};

QString text(std::string_view value)
{
    return QString::fromUtf8(value.data(), static_cast<qsizetype>(value.size()));
}

// RFC 3339 in UTC with milliseconds, as Prometheus's API writes times.
std::string timestamp(double seconds)
{
    const auto ms = static_cast<qint64>(std::llround(seconds * 1000.0));
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs).toStdString();
}

// A value as a person reads it: counts whole and grouped ("6,170"), anything else to 4 significant digits.
QString valueText(double value)
{
    const QLocale locale;
    if (std::isfinite(value) && value == std::trunc(value) && std::abs(value) < 1e15)
        return locale.toString(static_cast<qint64>(value));
    return locale.toString(value, 'g', 4);
}

std::string severityOf(const AlertRule &rule)
{
    const auto found = rule.labels.find("severity");
    return found == rule.labels.end() ? std::string() : found->second;
}

} // namespace

AlertRuleSource AlertMonitor::shippedRules()
{
    QFile file(kShippedRules);
    if (!file.open(QIODevice::ReadOnly))
        throw std::runtime_error("the shipped alert rules are missing from the executable");
    return {"rl_feedback_alerts.yml", AlertRuleFile::parse(file.readAll().toStdString(), "rl_feedback_alerts.yml")};
}

AlertRuleSource AlertMonitor::loadRules(const std::string &path)
{
    if (path == kShippedName)
        return shippedRules();
    return {path, AlertRuleFile::parse(readInputFile(path, kMaxRuleFileBytes, "a rule file"), path)};
}

const std::vector<std::string_view> &AlertMonitor::recordedMetrics()
{
    static const std::vector<std::string_view> names = [] {
        std::vector<std::string_view> out;
        for (const RecordedSeries &series : kSeries)
            out.push_back(series.metric);
        return out;
    }();
    return names;
}

std::vector<std::string> AlertMonitor::warningsFor(const AlertRuleSource &source)
{
    std::vector<std::string> warnings = source.rules.warnings();
    for (const AlertRuleFile::Group &group : source.rules.groups()) {
        for (const AlertRule &rule : group.rules) {
            for (const std::string &metric : rule.expr.metrics()) {
                if (std::find(recordedMetrics().begin(), recordedMetrics().end(), metric) == recordedMetrics().end())
                    warnings.push_back(source.file + ": rule " + rule.name + " reads " + metric
                                       + ", which rlstudio does not record: it can only see no data");
            }
        }
    }
    return warnings;
}

AlertMonitor::AlertMonitor(Options options, QObject *parent)
    : AlertSource(parent)
    , m_store(1.0)
    , m_timeScale(options.timeScale)
{
    if (options.sources.empty())
        options.sources.push_back(shippedRules());
    // Enough for an interval with no rules at all (a file of no groups); at time scale 1 the retention suits
    // every faster scale too.
    double retention = kDefaultIntervalSeconds;
    for (AlertRuleSource &source : options.sources) {
        const std::vector<std::string> warnings = warningsFor(source);
        m_warnings.insert(m_warnings.end(), warnings.begin(), warnings.end());
        for (const AlertRuleFile::Group &group : source.rules.groups()) {
            Group running{source.file,
                          group.name,
                          group.intervalSeconds.value_or(kDefaultIntervalSeconds),
                          group.limit,
                          AlertEvaluator(group.rules, m_timeScale),
                          std::nullopt,
                          0.0};
            retention = std::max(retention,
                                 running.evaluator.requiredRetentionSeconds() * m_timeScale + running.intervalSeconds);
            m_groups.push_back(std::move(running));
        }
    }
    m_store = SeriesStore(retention);
    for (const std::string &warning : m_warnings)
        qCWarning(lcAlerts).noquote() << text(warning);
}

AlertMonitor::~AlertMonitor() = default;

void AlertMonitor::setTimeScale(double timeScale)
{
    for (Group &group : m_groups) {
        group.evaluator.setTimeScale(timeScale); // throws for a bad scale before anything changed
        group.lastEvaluation.reset();            // evaluated at the next snapshot with the new windows
    }
    m_timeScale = timeScale;
}

double AlertMonitor::periodSeconds(const Group &group) const
{
    return std::max(kMinimumPeriodSeconds, group.intervalSeconds / m_timeScale);
}

void AlertMonitor::record(const EngineSnapshot &snapshot)
{
    if (snapshot.wallTimeMs == 0)
        return;
    const double now = static_cast<double>(snapshot.wallTimeMs) / 1000.0;
    for (const RecordedSeries &series : kSeries)
        m_store.record(series.metric, now, series.read(snapshot));
    bool evaluatedAny = false;
    for (Group &group : m_groups) {
        if (!group.lastEvaluation || now - *group.lastEvaluation >= periodSeconds(group)) {
            evaluate(group, now);
            evaluatedAny = true;
        }
    }
    if (evaluatedAny)
        Q_EMIT evaluated();
}

void AlertMonitor::evaluate(Group &group, double nowSeconds)
{
    const bool first = !group.lastEvaluation;
    const std::vector<AlertStatus> previous = group.evaluator.statuses();
    const auto started = std::chrono::steady_clock::now();
    const std::vector<AlertStatus> &statuses = group.evaluator.evaluate(m_store, nowSeconds);
    group.evaluationSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    group.lastEvaluation = nowSeconds;
    for (std::size_t i = 0; i < statuses.size(); ++i) {
        const AlertStatus &status = statuses[i];
        const AlertRule &rule = *status.rule;
        const QString name = QString::fromStdString(rule.name);
        if (!status.error.empty() && status.error != previous[i].error)
            qCWarning(lcAlerts).noquote()
                << tr("alert %1 cannot be evaluated: %2").arg(name, QString::fromStdString(status.error));
        const bool changed = status.state != previous[i].state;
        if (changed) {
            const QString severity = QString::fromStdString(severityOf(rule));
            const QString shown = severity.isEmpty() ? name : tr("%1 (%2)").arg(name, severity);
            const QString value = status.value ? valueText(*status.value) : tr("none");
            switch (status.state) {
            case AlertStatus::State::Firing: {
                const QString message = tr("alert %1 is firing: value %2").arg(shown, value);
                if (severity == u"page")
                    qCCritical(lcAlerts).noquote() << message;
                else
                    qCWarning(lcAlerts).noquote() << message;
                break;
            }
            case AlertStatus::State::Pending:
                qCWarning(lcAlerts).noquote() << tr("alert %1 is pending: value %2, fires after %3 s")
                                                     .arg(shown, value)
                                                     .arg(rule.forSeconds / m_timeScale);
                break;
            case AlertStatus::State::Inactive:
                if (previous[i].state == AlertStatus::State::Firing)
                    qCInfo(lcAlerts).noquote() << tr("alert %1 is resolved").arg(shown);
                else
                    qCInfo(lcAlerts).noquote() << tr("alert %1 is no longer pending").arg(shown);
                break;
            }
        }
        if (changed || first)
            Q_EMIT alertChanged(name, text(stateName(status.state)));
    }
}

std::vector<AlertView> AlertMonitor::views() const
{
    std::vector<AlertView> views;
    for (const Group &group : m_groups) {
        for (const AlertStatus &status : group.evaluator.statuses()) {
            const AlertRule &rule = *status.rule;
            AlertView view;
            view.file = group.file;
            view.group = group.name;
            view.name = rule.name;
            view.severity = severityOf(rule);
            view.state = status.state;
            view.value = status.value;
            view.activeSince = status.activeSince;
            view.firedAt = status.firedAt;
            view.resolvedAt = status.resolvedAt;
            view.forSeconds = rule.forSeconds;
            view.firesAfterSeconds = rule.forSeconds / m_timeScale;
            view.expression = rule.exprText;
            if (const auto summary = rule.annotations.find("summary"); summary != rule.annotations.end())
                view.summary = summary->second;
            if (status.value && rule.annotations.count("description"))
                view.description = rule.render("description", *status.value);
            view.error = status.error;
            views.push_back(std::move(view));
        }
    }
    return views;
}

QString AlertMonitor::origin() const
{
    QStringList files;
    QStringList periods;
    const QLocale locale;
    for (const Group &group : m_groups) {
        if (!files.contains(text(group.file)))
            files << text(group.file);
        const QString period = locale.toString(periodSeconds(group), 'g', 3);
        if (!periods.contains(period))
            periods << period;
    }
    return files.isEmpty() ? tr("No alert rules loaded")
                           : tr("Rules of %1, evaluated every %2 s on the live series")
                                 .arg(files.join(QStringLiteral(", ")), periods.join(QStringLiteral(" / ")));
}

nlohmann::json AlertMonitor::alertJson(const AlertStatus &status) const
{
    const AlertRule &rule = *status.rule;
    nlohmann::json labels = rule.labels;
    labels["alertname"] = rule.name;
    nlohmann::json annotations = nlohmann::json::object();
    for (const auto &[key, value] : rule.annotations)
        annotations[key] = rule.render(key, status.value.value_or(0.0));
    return {{"labels", std::move(labels)},
            {"annotations", std::move(annotations)},
            {"state", stateName(status.state)},
            {"activeAt", timestamp(status.activeSince)},
            {"value", goExponent(status.value.value_or(std::numeric_limits<double>::quiet_NaN()))}};
}

nlohmann::json AlertMonitor::alertsDocument() const
{
    nlohmann::json alerts = nlohmann::json::array();
    for (const Group &group : m_groups) {
        for (const AlertStatus &status : group.evaluator.statuses()) {
            if (status.state != AlertStatus::State::Inactive)
                alerts.push_back(alertJson(status));
        }
    }
    return {{"status", "success"}, {"data", {{"alerts", std::move(alerts)}}}};
}

nlohmann::json AlertMonitor::rulesDocument(std::string_view type) const
{
    nlohmann::json groups = nlohmann::json::array();
    // Prometheus writes the zero time for "never".
    const auto when = [](const std::optional<double> &seconds) {
        return seconds ? timestamp(*seconds) : std::string("0001-01-01T00:00:00Z");
    };
    for (const Group &group : m_groups) {
        nlohmann::json rules = nlohmann::json::array();
        if (type != "record") {
            for (const AlertStatus &status : group.evaluator.statuses()) {
                const AlertRule &rule = *status.rule;
                nlohmann::json alerts = nlohmann::json::array();
                if (status.state != AlertStatus::State::Inactive)
                    alerts.push_back(alertJson(status));
                const char *health = !group.lastEvaluation ? "unknown" : status.error.empty() ? "ok" : "err";
                rules.push_back({{"state", stateName(status.state)},
                                 {"name", rule.name},
                                 {"query", rule.expr.toString()},
                                 {"duration", rule.forSeconds},
                                 {"labels", rule.labels},
                                 {"annotations", rule.annotations},
                                 {"alerts", std::move(alerts)},
                                 {"health", health},
                                 {"lastError", status.error},
                                 {"evaluationTime", group.evaluationSeconds},
                                 {"lastEvaluation", when(group.lastEvaluation)},
                                 {"type", "alerting"}});
            }
        }
        groups.push_back({{"name", group.name},
                          {"file", group.file},
                          {"rules", std::move(rules)},
                          {"interval", group.intervalSeconds},
                          {"limit", group.limit},
                          {"evaluationTime", group.evaluationSeconds},
                          {"lastEvaluation", when(group.lastEvaluation)}});
    }
    return {{"status", "success"}, {"data", {{"groups", std::move(groups)}}}};
}

} // namespace rl
