#include "core/alerting/AlertEvaluator.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "core/alerting/SeriesStore.h"

namespace rl {

std::string_view stateName(AlertStatus::State state)
{
    switch (state) {
    case AlertStatus::State::Inactive:
        return "inactive";
    case AlertStatus::State::Pending:
        return "pending";
    case AlertStatus::State::Firing:
        return "firing";
    }
    return "";
}

AlertEvaluator::AlertEvaluator(std::vector<AlertRule> rules, double timeScale)
    : m_rules(std::move(rules))
{
    setTimeScale(timeScale);
    reset();
}

void AlertEvaluator::setTimeScale(double timeScale)
{
    if (!(timeScale > 0.0) || std::isinf(timeScale))
        throw std::invalid_argument("AlertEvaluator: the time scale must be a positive number");
    m_timeScale = timeScale;
}

void AlertEvaluator::reset()
{
    m_statuses.assign(m_rules.size(), AlertStatus{});
    for (std::size_t i = 0; i < m_rules.size(); ++i)
        m_statuses[i].rule = &m_rules[i];
}

std::vector<AlertStatus> AlertEvaluator::evaluate(const SeriesStore &store, double nowSeconds)
{
    for (AlertStatus &status : m_statuses) {
        const AlertRule &rule = *status.rule;
        std::optional<double> value;
        try {
            value = rule.expr.evaluate(store, nowSeconds, m_timeScale);
            status.error.clear();
        } catch (const std::exception &error) {
            status.error = error.what(); // Prometheus too keeps the alert as it was when evaluation fails
            continue;
        }
        status.value = value;

        if (!value) {
            // As in Prometheus, only a firing alert resolves; a pending one that ends is simply no more.
            if (status.state == AlertStatus::State::Firing)
                status.resolvedAt = nowSeconds;
            status.state = AlertStatus::State::Inactive;
            status.firedAt.reset();
            continue;
        }
        if (status.state == AlertStatus::State::Inactive) {
            // A new episode: Prometheus replaces a resolved alert by a fresh one.
            status.state = AlertStatus::State::Pending;
            status.activeSince = nowSeconds;
            status.resolvedAt.reset();
        }
        if (status.state == AlertStatus::State::Pending
            && nowSeconds - status.activeSince >= rule.forSeconds / m_timeScale) {
            status.state = AlertStatus::State::Firing;
            status.firedAt = nowSeconds;
        }
    }
    return m_statuses;
}

double AlertEvaluator::requiredRetentionSeconds() const
{
    double seconds = 0.0;
    for (const AlertRule &rule : m_rules)
        seconds = std::max(seconds, rule.expr.historySeconds());
    return seconds / m_timeScale;
}

} // namespace rl
