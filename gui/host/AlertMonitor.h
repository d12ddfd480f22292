#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <QLoggingCategory>
#include <QString>

#include <nlohmann/json_fwd.hpp>

#include "core/alerting/AlertEvaluator.h"
#include "core/alerting/AlertRuleFile.h"
#include "core/alerting/SeriesStore.h"
#include "gui/host/AlertSource.h"
#include "gui/host/EngineSnapshot.h"

namespace rl {

Q_DECLARE_LOGGING_CATEGORY(lcAlerts)

// A rule file as loaded, with the name it is known by (a path, or the shipped file's name).
struct AlertRuleSource {
    std::string file;
    AlertRuleFile rules;
};

// Evaluates Prometheus alert rules on the engine's own series, fed by its snapshots, with Prometheus's
// semantics: each group on its interval, inactive -> pending -> firing after `for`. The window and headless
// mode share it, and /api/v1/alerts and /api/v1/rules serve its states in Prometheus's JSON shape. State
// changes are logged under rlstudio.alerts: firing at critical level for severity "page" and at warning
// level otherwise, pending at warning level, resolution at info level. Lives on the UI thread.
class AlertMonitor : public AlertSource {
    Q_OBJECT

public:
    static constexpr double kDefaultIntervalSeconds = 60.0; // Prometheus's default evaluation_interval
    static constexpr double kMinimumPeriodSeconds = 0.05;   // however compressed, at most 20 evaluations a second
    static constexpr double kMaxTimeScale = 3600.0;         // an hour's rules in a second, for a demo

    struct Options {
        std::vector<AlertRuleSource> sources; // empty: the shipped rules
        double timeScale = 1.0;               // > 1 divides every window, offset, `for` and interval (a demo)
    };

    struct Group {
        std::string file;
        std::string name;
        double intervalSeconds = kDefaultIntervalSeconds; // as written; divided by the time scale when run
        long long limit = 0;                              // as written; not applied
        AlertEvaluator evaluator;
        std::optional<double> lastEvaluation; // snapshot seconds
        double evaluationSeconds = 0.0;       // how long the last evaluation took
    };

    static constexpr std::size_t kMaxRuleFileBytes = 16 << 20;
    static constexpr std::string_view kShippedName = "shipped"; // names the shipped rules where a path goes

    // The rules shipped with rlstudio (resources/rl_feedback_alerts.yml).
    static AlertRuleSource shippedRules();
    // A rule file by path, or the shipped rules for kShippedName. Throws std::runtime_error (InputError,
    // AlertRuleError) naming the file, the line and the problem.
    static AlertRuleSource loadRules(const std::string &path);
    // The metric names the monitor records from snapshots: what a rule can read here.
    static const std::vector<std::string_view> &recordedMetrics();
    // What the monitor would leave out of a rule file or never see fire: the file's own warnings (rules the
    // in-app evaluator does not support) and rules that read metrics it does not record.
    static std::vector<std::string> warningsFor(const AlertRuleSource &source);

    explicit AlertMonitor(Options options, QObject *parent = nullptr);
    ~AlertMonitor() override;

    // Records the snapshot's series and evaluates every group that is due. Connect it to snapshotReady.
    void record(const EngineSnapshot &snapshot);

    std::vector<AlertView> views() const override;
    QString origin() const override;
    bool timeScalable() const override { return true; }
    // Keeps the states; later evaluations use the new windows, `for` and intervals.
    void setTimeScale(double timeScale) override;
    double timeScale() const override { return m_timeScale; }

    const std::vector<Group> &groups() const { return m_groups; }
    // From loading: the rules left out (unsupported by the in-app evaluator) and rules reading metrics that
    // are never recorded here, one line each; also logged at start.
    const std::vector<std::string> &warnings() const override { return m_warnings; }
    // How often the group is evaluated at the current time scale.
    double periodSeconds(const Group &group) const;

    // GET /api/v1/alerts: {"status":"success","data":{"alerts":[...]}} with the pending and firing alerts.
    nlohmann::json alertsDocument() const;
    // GET /api/v1/rules: {"status":"success","data":{"groups":[...]}}; type "alert" or "record" filters as
    // Prometheus does (every rule here is an alerting rule).
    nlohmann::json rulesDocument(std::string_view type = {}) const;

private:
    void evaluate(Group &group, double nowSeconds);
    nlohmann::json alertJson(const AlertStatus &status) const;

    std::vector<Group> m_groups;
    std::vector<std::string> m_warnings;
    SeriesStore m_store;
    double m_timeScale = 1.0;
};

} // namespace rl
