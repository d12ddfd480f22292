#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/alerting/AlertRule.h"

namespace rl {

class SeriesStore;

// One rule's state after an evaluation. Times are in the SeriesStore's seconds.
struct AlertStatus {
    enum class State { Inactive, Pending, Firing };

    const AlertRule *rule = nullptr; // owned by the evaluator, valid while it lives
    State state = State::Inactive;
    std::optional<double> value;      // the expression's value; nullopt when it yields nothing
    double activeSince = 0.0;         // when it last became pending (meaningful while Pending or Firing)
    std::optional<double> resolvedAt; // when it last stopped firing (until it is active again)
    std::optional<double> firedAt;    // when it started firing (while Firing)
    std::string error;                // why the last evaluation failed; the state is then left as it was
};

// "inactive", "pending", "firing", as Prometheus names them.
std::string_view stateName(AlertStatus::State state);

// Evaluates alert rules on a SeriesStore with Prometheus's alerting semantics: a rule whose expression
// yields a value becomes Pending (activeSince = now), and Firing once it has held for its `for` (at once
// for `for: 0`); when it yields nothing it is Inactive again (resolvedAt = now, if it was firing). Not
// thread-safe.
class AlertEvaluator {
public:
    // timeScale > 0 divides every range, offset and `for` (demo mode: 60 makes 15m last 15 s).
    explicit AlertEvaluator(std::vector<AlertRule> rules, double timeScale = 1.0);
    // Statuses point into the rules: a copy's would point into the original; a move keeps them valid.
    AlertEvaluator(const AlertEvaluator &) = delete;
    AlertEvaluator &operator=(const AlertEvaluator &) = delete;
    AlertEvaluator(AlertEvaluator &&) = default;
    AlertEvaluator &operator=(AlertEvaluator &&) = default;

    const std::vector<AlertRule> &rules() const { return m_rules; }
    // The statuses from the last evaluate() (all Inactive before the first), in rule order.
    const std::vector<AlertStatus> &statuses() const { return m_statuses; }

    std::vector<AlertStatus> evaluate(const SeriesStore &store, double nowSeconds);

    // Keeps the states; later evaluations use the new windows and `for`. Throws std::invalid_argument
    // unless timeScale is a positive finite number.
    void setTimeScale(double timeScale);
    double timeScale() const { return m_timeScale; }

    // Every rule back to Inactive, as before the first evaluation.
    void reset();

    // How much history the rules read at the current time scale: give a SeriesStore at least this
    // retention (at time scale 1 it suits every faster scale too).
    double requiredRetentionSeconds() const;

private:
    std::vector<AlertRule> m_rules;
    std::vector<AlertStatus> m_statuses;
    double m_timeScale = 1.0;
};

} // namespace rl
