#include "gui/host/ServedAlerts.h"

#include <algorithm>

#include <QDateTime>
#include <QLocale>

namespace rl {

namespace {

AlertStatus::State stateOf(const QString &state)
{
    if (state == QLatin1String("firing"))
        return AlertStatus::State::Firing;
    if (state == QLatin1String("pending"))
        return AlertStatus::State::Pending;
    return AlertStatus::State::Inactive;
}

QString text(std::string_view value)
{
    return QString::fromUtf8(value.data(), static_cast<qsizetype>(value.size()));
}

// A rule as the evaluator knows it: several groups may have a rule of the same name.
std::string keyOf(const AlertView &view)
{
    return view.file + '\x1f' + view.group + '\x1f' + view.name;
}

} // namespace

ServedAlerts::ServedAlerts(QString evaluator, QObject *parent)
    : AlertSource(parent)
    , m_evaluator(std::move(evaluator))
{
}

void ServedAlerts::setFilter(Filter keep)
{
    m_keep = std::move(keep);
}

void ServedAlerts::setRuleFilter(std::function<bool(const PromRule &)> keep)
{
    m_keepRule = std::move(keep);
}

AlertView ServedAlerts::viewOf(const PromRule &rule, double nowSeconds)
{
    AlertView view;
    view.file = rule.file.toStdString();
    view.group = rule.group.toStdString();
    view.name = rule.name.toStdString();
    view.severity = rule.labels.value(QStringLiteral("severity")).toStdString();
    view.forSeconds = view.firesAfterSeconds = rule.forSeconds;
    view.expression = rule.query.toStdString();
    view.summary = rule.summary.toStdString();
    view.error = rule.lastError.toStdString();
    // The rule's state is its worst kept alert's; the value and times are that alert's (the earliest).
    const PromAlert *shown = nullptr;
    for (const PromAlert &alert : rule.alerts) {
        if (m_keep && !m_keep(alert.labels))
            continue;
        const AlertStatus::State state = stateOf(alert.state);
        if (!shown || state > view.state || (state == view.state && alert.activeAt < shown->activeAt)) {
            shown = &alert;
            view.state = state;
        }
        const std::string instance = alert.labels.value(QStringLiteral("instance")).toStdString();
        if (!instance.empty()
            && std::find(view.instances.begin(), view.instances.end(), instance) == view.instances.end())
            view.instances.push_back(instance);
    }
    const std::optional<AlertStatus::State> before = [&]() -> std::optional<AlertStatus::State> {
        for (const AlertView &previous : m_views) {
            if (keyOf(previous) == keyOf(view))
                return previous.state;
        }
        return std::nullopt;
    }();
    if (shown) {
        view.value = shown->value;
        view.activeSince = shown->activeAt;
        // The API gives when it became pending, not when it fired: it fires at the first evaluation after
        // its `for` has passed, so this is when at the earliest.
        if (view.state == AlertStatus::State::Firing)
            view.firedAt = shown->activeAt + rule.forSeconds;
        view.description = (shown->description.isEmpty() ? rule.description : shown->description).toStdString();
        m_resolvedAt.erase(keyOf(view));
    } else {
        // The API forgets a resolved alert; the time it was last seen firing is when it resolved here.
        if (before == AlertStatus::State::Firing)
            m_resolvedAt[keyOf(view)] = nowSeconds;
        if (const auto resolved = m_resolvedAt.find(keyOf(view)); resolved != m_resolvedAt.end())
            view.resolvedAt = resolved->second;
    }
    return view;
}

void ServedAlerts::update(const std::vector<PromRule> &rules, double nowSeconds)
{
    std::vector<AlertView> views;
    views.reserve(rules.size());
    m_files.clear();
    m_periods.clear();
    const QLocale locale;
    for (const PromRule &rule : rules) {
        AlertView view = viewOf(rule, nowSeconds);
        if (m_keepRule && !m_keepRule(rule) && view.state == AlertStatus::State::Inactive)
            continue;
        views.push_back(std::move(view));
        if (!m_files.contains(rule.file))
            m_files << rule.file;
        const QString period = locale.toString(rule.intervalSeconds, 'g', 3);
        if (!m_periods.contains(period))
            m_periods << period;
    }
    const bool first = !m_answeredAt;
    std::vector<AlertView> previous = std::exchange(m_views, std::move(views));
    m_answeredAt = nowSeconds;
    m_problem.clear();
    for (const AlertView &view : m_views) {
        const auto was = std::find_if(previous.begin(), previous.end(),
                                      [&](const AlertView &old) { return keyOf(old) == keyOf(view); });
        if (first || was == previous.end() || was->state != view.state)
            Q_EMIT alertChanged(text(view.name), text(stateName(view.state)));
    }
    // A rule no longer shown (its alert here resolved, or the evaluator dropped it) is no longer active.
    for (const AlertView &old : previous) {
        const bool gone = std::none_of(m_views.begin(), m_views.end(),
                                       [&](const AlertView &view) { return keyOf(view) == keyOf(old); });
        if (gone && old.state != AlertStatus::State::Inactive)
            Q_EMIT alertChanged(text(old.name), text(stateName(AlertStatus::State::Inactive)));
    }
    Q_EMIT evaluated();
}

void ServedAlerts::setUnavailable(const QString &why)
{
    if (m_problem == why)
        return;
    m_problem = why;
    Q_EMIT evaluated();
}

QString ServedAlerts::origin() const
{
    QString origin = !m_answeredAt       ? tr("Waiting for the alert states %1 evaluates").arg(m_evaluator)
                     : m_files.isEmpty() ? tr("%1 evaluates no alert rules").arg(m_evaluator)
                                         : tr("Rules of %1 as %2 evaluates them, every %3 s")
                                               .arg(m_files.join(QStringLiteral(", ")), m_evaluator,
                                                    m_periods.join(QStringLiteral(" / ")));
    if (!m_problem.isEmpty()) {
        const QString since = m_answeredAt
                                  ? tr("the states shown are from %1")
                                        .arg(QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(*m_answeredAt * 1000.0))
                                                 .toString(QStringLiteral("HH:mm:ss")))
                                  : tr("no states yet");
        origin += QLatin1Char('\n') + tr("Not answering: %1; %2").arg(m_problem, since);
    }
    return origin;
}

} // namespace rl
