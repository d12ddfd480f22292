#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "gui/host/AlertSource.h"
#include "gui/host/PrometheusClient.h"

namespace rl {

// Alert states another evaluator serves at /api/v1/rules (Prometheus, or a remote rlstudio's monitor), for
// the alerts panel: nothing is evaluated here. The owner fetches the rules and hands each answer over;
// an alert active for several instances shows once, with the instances named, and a filter keeps only the
// alerts of the instances the window shows.
class ServedAlerts : public AlertSource {
    Q_OBJECT

public:
    using Filter = std::function<bool(const PromLabels &alertLabels)>;

    // evaluator names who evaluates the rules, for the panel's header ("Prometheus at URL").
    explicit ServedAlerts(QString evaluator, QObject *parent = nullptr);

    void setFilter(Filter keep);
    // Only rules this keeps are shown, besides those with a kept alert active (all by default).
    void setRuleFilter(std::function<bool(const PromRule &)> keep);
    // The rules as the evaluator answered at unix time nowSeconds.
    void update(const std::vector<PromRule> &rules, double nowSeconds);
    // The evaluator did not answer: the states stay those of its last answer, and the header says so.
    void setUnavailable(const QString &why);

    std::vector<AlertView> views() const override { return m_views; }
    QString origin() const override;
    const std::vector<std::string> &warnings() const override { return m_warnings; }

private:
    AlertView viewOf(const PromRule &rule, double nowSeconds);

    QString m_evaluator;
    Filter m_keep;
    std::function<bool(const PromRule &)> m_keepRule;
    std::vector<AlertView> m_views;
    std::vector<std::string> m_warnings; // none: the evaluator reports its own problems per rule
    QStringList m_files, m_periods;
    std::map<std::string, double> m_resolvedAt; // by rule (file, group, name), until it is active again
    std::optional<double> m_answeredAt;
    QString m_problem;
};

} // namespace rl
