#pragma once

#include <optional>
#include <string>
#include <vector>

#include <QObject>
#include <QString>

#include "core/alerting/AlertEvaluator.h"

namespace rl {

// One alerting rule as the alerts panel shows it, wherever it was evaluated.
struct AlertView {
    std::string file, group, name, severity;
    AlertStatus::State state = AlertStatus::State::Inactive;
    std::optional<double> value;      // the expression's value; nullopt when it yields nothing
    double activeSince = 0.0;         // unix seconds, while pending or firing
    std::optional<double> firedAt;    // while firing
    std::optional<double> resolvedAt; // since it last stopped firing
    double forSeconds = 0.0;          // as written
    double firesAfterSeconds = 0.0;   // the `for` in force (a demo time scale compresses it)
    std::string expression, summary;
    std::string description;            // rendered for the value, if there is one
    std::string error;                  // why the last evaluation failed
    std::vector<std::string> instances; // the instances it is active for, where the evaluator watches several
};

// Where the alerts panel's rule states come from: rules evaluated here on the engine's snapshots
// (AlertMonitor), or the states another evaluator serves (ServedAlerts: a remote rlstudio's or Prometheus's
// /api/v1/rules). The panel does not know which.
class AlertSource : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;

    virtual std::vector<AlertView> views() const = 0;
    // Whose rules, evaluated where and how often: the panel's header.
    virtual QString origin() const = 0;
    // Rules left out or unable to see their data, one line each.
    virtual const std::vector<std::string> &warnings() const = 0;
    // A demo time scale compresses the rules' windows: only where they are evaluated here.
    virtual bool timeScalable() const { return false; }
    virtual double timeScale() const { return 1.0; }
    virtual void setTimeScale(double) {}

Q_SIGNALS:
    // A rule's state changed ("inactive", "pending", "firing"); the first evaluation announces every rule.
    void alertChanged(const QString &alert, const QString &state);
    // States, values and times may have changed.
    void evaluated();
};

} // namespace rl
