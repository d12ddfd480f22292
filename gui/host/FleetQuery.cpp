#include "gui/host/FleetQuery.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

#include "core/alerting/PromQlExpression.h"
#include "core/loop/LoopConfig.h"

namespace rl {

namespace {

const QString kIdentity = QStringLiteral("job, instance, tenant, workspace");
const QString kColumnLabel = QStringLiteral("rl_column");
// The names rlstudio's metrics (and the original service's) begin with.
const QStringList kMetricPrefixes{QStringLiteral("rl_feedback_"), QStringLiteral("rl_routing_"),
                                  QStringLiteral("rl_model_"), QStringLiteral("rl_input_"),
                                  QStringLiteral("trajectory_feedback_")};
const QStringList kIdentityLabels{QStringLiteral("job"), QStringLiteral("instance"), QStringLiteral("tenant"),
                                  QStringLiteral("workspace")};

// A severity order for "worst first": down first; an unknown state sorts as up.
int downRank(const FleetInstance &instance)
{
    return instance.isDown() ? 0 : 1;
}

// NaN sorts as the best value, so an instance without traffic does not push a failing one down.
double orBest(double value, double best)
{
    return std::isnan(value) ? best : value;
}

} // namespace

bool FleetInstance::worseThan(const FleetInstance &a, const FleetInstance &b)
{
    if (downRank(a) != downRank(b))
        return downRank(a) < downRank(b);
    if (a.firingAlerts.size() != b.firingAlerts.size())
        return a.firingAlerts.size() > b.firingAlerts.size();
    if (a.pendingAlerts.size() != b.pendingAlerts.size())
        return a.pendingAlerts.size() > b.pendingAlerts.size();
    if (orBest(a.successRatio, 1.0) != orBest(b.successRatio, 1.0))
        return orBest(a.successRatio, 1.0) < orBest(b.successRatio, 1.0);
    if (orBest(a.queueDepth, 0.0) != orBest(b.queueDepth, 0.0))
        return orBest(a.queueDepth, 0.0) > orBest(b.queueDepth, 0.0);
    return a.key() < b.key();
}

FleetQuery::FleetQuery(const QString &selector)
    : m_selector(selector.trimmed())
{
    if (m_selector.isEmpty())
        return;
    // Only label matchers: the selector is pasted into every expression, so anything else (an operator, a
    // range, a second selector) would change what they mean. Both forms must parse: a trailing operator
    // parses in neither, a trailing range or offset not in the second.
    const auto invalid = [&](const QString &why) {
        return ConfigError(tr("--selector \"%1\" is not label matchers in braces such as {tenant=~\"a|b\"}: %2")
                               .arg(m_selector, why)
                               .toStdString());
    };
    if (!m_selector.startsWith(QLatin1Char('{')) || !m_selector.endsWith(QLatin1Char('}')))
        throw invalid(tr("it must start with { and end with }"));
    try {
        const PromQlExpression plain(select(QStringLiteral("x")).toStdString());
        const PromQlExpression ranged(QStringLiteral("rate(%1[1m])").arg(select(QStringLiteral("x"))).toStdString());
        if (plain.metrics() != std::vector<std::string>{"x"} || ranged.metrics() != std::vector<std::string>{"x"})
            throw invalid(tr("it names a metric"));
    } catch (const PromQlError &error) {
        throw invalid(QString::fromStdString(error.problem()));
    }
}

QString FleetQuery::select(const QString &metric) const
{
    return metric + m_selector;
}

QString FleetQuery::columnName(Column column)
{
    switch (column) {
    case Column::Up:
        return QStringLiteral("up");
    case Column::QueueDepth:
        return QStringLiteral("queue_depth");
    case Column::Processed:
        return QStringLiteral("processed_per_second");
    case Column::Failed:
        return QStringLiteral("failed_per_second");
    case Column::Success:
        return QStringLiteral("success_ratio");
    case Column::P95Latency:
        return QStringLiteral("p95_latency_ms");
    case Column::Dropped:
        return QStringLiteral("dropped_per_second");
    }
    return {};
}

namespace {

// The fleet's figures, shared by the table (by instance) and the charts (by instance, or summed): `by` is a
// grouping clause, possibly empty, select() applies the selector to a metric, and restrict() keeps the
// chosen instances' series of a vector.
struct Figures {
    QString by;
    std::function<QString(const QString &)> select;
    std::function<QString(const QString &)> restrict = [](const QString &vector) { return vector; };

    QString depth() const
    {
        return QStringLiteral("sum %1 (%2)").arg(by, restrict(select(QStringLiteral("rl_feedback_queue_depth"))));
    }
    QString sumRate(const QString &metric, const QString &range) const
    {
        return QStringLiteral("sum %1 (%2)")
            .arg(by, restrict(QStringLiteral("rate(%1[%2])").arg(select(metric), range)));
    }
    QString sumIncrease(const QString &metric, const QString &range) const
    {
        return QStringLiteral("sum %1 (%2)")
            .arg(by, restrict(QStringLiteral("increase(%1[%2])").arg(select(metric), range)));
    }
    QString p95(const QString &range) const
    {
        const QString grouping =
            by.isEmpty() ? QStringLiteral("by (le)") : by.left(by.size() - 1) + QStringLiteral(", le)");
        return QStringLiteral("histogram_quantile(0.95, sum %1 (%2))")
            .arg(grouping,
                 restrict(QStringLiteral("rate(%1[%2])")
                              .arg(select(QStringLiteral("rl_feedback_processing_latency_ms_bucket")), range)));
    }
    // The runbook's ratio; a service that never failed may have no failed series at all: count it as none.
    QString successRatio(const QString &range, bool asRate) const
    {
        const auto of = [&](const QString &metric) {
            return asRate ? sumRate(metric, range) : sumIncrease(metric, range);
        };
        const QString processed = of(QStringLiteral("rl_feedback_processed_total"));
        return QStringLiteral("%1 / (%1 + (%2 or %1 * 0))")
            .arg(processed, of(QStringLiteral("rl_feedback_failed_total")));
    }
};

} // namespace

double FleetInstance::*FleetQuery::field(Column column)
{
    switch (column) {
    case Column::Up:
        return &FleetInstance::up;
    case Column::QueueDepth:
        return &FleetInstance::queueDepth;
    case Column::Processed:
        return &FleetInstance::processedPerSecond;
    case Column::Failed:
        return &FleetInstance::failedPerSecond;
    case Column::Success:
        return &FleetInstance::successRatio;
    case Column::P95Latency:
        return &FleetInstance::p95LatencyMs;
    case Column::Dropped:
        return &FleetInstance::droppedPerSecond;
    }
    return &FleetInstance::up;
}

QString FleetQuery::columnExpression(Column column) const
{
    const Figures figures{QStringLiteral("by (%1)").arg(kIdentity), [this](const QString &m) { return select(m); }};
    switch (column) {
    case Column::Up:
        return upOf(recent(select(QStringLiteral("rl_feedback_queue_depth"))));
    case Column::QueueDepth:
        return figures.depth();
    case Column::Processed:
        return figures.sumRate(QStringLiteral("rl_feedback_processed_total"), QStringLiteral("5m"));
    case Column::Failed:
        return figures.sumRate(QStringLiteral("rl_feedback_failed_total"), QStringLiteral("5m"));
    case Column::Success:
        return figures.successRatio(QStringLiteral("1h"), false);
    case Column::P95Latency:
        return figures.p95(QStringLiteral("5m"));
    case Column::Dropped:
        return figures.sumRate(QStringLiteral("rl_feedback_dropped_total"), QStringLiteral("5m"));
    }
    return {};
}

QString FleetQuery::recent(const QString &series)
{
    return QStringLiteral("last_over_time(%1[1h])").arg(series);
}

QString FleetQuery::upOf(const QString &recentSeries)
{
    // up has only the target's labels; the instances' own series bring tenant and workspace, and those seen
    // in the last hour keep their row when a scrape fails.
    return QStringLiteral("max by (job, instance) (up) * on (job, instance) group_right () group by (%1) (%2)")
        .arg(kIdentity, recentSeries);
}

QString FleetQuery::chartName(Chart chart)
{
    switch (chart) {
    case Chart::QueueDepth:
        return QStringLiteral("queue_depth");
    case Chart::Processed:
        return QStringLiteral("processed_per_second");
    case Chart::Failed:
        return QStringLiteral("failed_per_second");
    case Chart::P95Latency:
        return QStringLiteral("p95_latency_ms");
    case Chart::SuccessPercent:
        return QStringLiteral("success_percent");
    case Chart::Dropped:
        return QStringLiteral("dropped_per_second");
    }
    return {};
}

QString FleetQuery::selectWith(const QString &metric, const QString &matcher) const
{
    if (matcher.isEmpty())
        return select(metric);
    QString inner = m_selector.mid(1, m_selector.size() - 2).trimmed();
    if (inner.endsWith(QLatin1Char(','))) // PromQL allows a trailing comma; a second one it does not
        inner.chop(1);
    if (!inner.isEmpty())
        inner += QStringLiteral(", ");
    return metric + QLatin1Char('{') + inner + matcher + QLatin1Char('}');
}

QString FleetQuery::identityMatcher(const std::vector<FleetInstance> &rows)
{
    if (rows.empty())
        return {};
    // One regular expression per identity label, of the values the rows have (an empty value: the label is
    // absent): exact for one row; for several, any combination of their values, which restricted() narrows
    // to the rows themselves when that is more than they are.
    QStringList matchers;
    for (const QString &label : kIdentityLabels) {
        QStringList escaped;
        for (const QString &value : distinctValues(rows, label)) {
            QString text;
            for (const QChar c : value) {
                // A regular expression's backslash, written twice in a PromQL string; a backslash itself is
                // one escaped in the regex, so four.
                if (c == QLatin1Char('\\'))
                    text += QStringLiteral("\\\\\\\\");
                else if (QStringLiteral(".+*?()|[]{}^$").contains(c))
                    text += QStringLiteral("\\\\") + c;
                else if (c == QLatin1Char('"'))
                    text += QStringLiteral("\\\"");
                else
                    text += c;
            }
            escaped << text;
        }
        matchers << QStringLiteral("%1=~\"%2\"").arg(label, escaped.join(QLatin1Char('|')));
    }
    return matchers.join(QStringLiteral(", "));
}

QString FleetQuery::restricted(const QString &vector, const std::vector<FleetInstance> &rows)
{
    std::size_t combinations = rows.empty() ? 0 : 1;
    for (const QString &label : kIdentityLabels) {
        combinations *= static_cast<std::size_t>(distinctValues(rows, label).size());
    }
    if (combinations <= rows.size())
        return vector; // the matchers pick exactly the rows
    // The rows as a vector of their identities (an empty value removes the label, as the series lack it),
    // each built from vector(1) by label_replace; a replacement's $ is its own syntax, so doubled.
    const auto literal = [](QString value) {
        value.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
            .replace(QLatin1Char('"'), QStringLiteral("\\\""))
            .replace(QLatin1Char('$'), QStringLiteral("$$"));
        return value;
    };
    QStringList identities;
    for (const FleetInstance &row : rows) {
        QString identity = QStringLiteral("vector(1)");
        for (const QString &label : kIdentityLabels)
            identity = QStringLiteral("label_replace(%1, \"%2\", \"%3\", \"\", \"\")")
                           .arg(identity, label, literal(row.*identityField(label)));
        identities << identity;
    }
    return QStringLiteral("(%1 and on (%2) (%3))").arg(vector, kIdentity, identities.join(QStringLiteral(" or ")));
}

QStringList FleetQuery::distinctValues(const std::vector<FleetInstance> &rows, const QString &label)
{
    QStringList values;
    for (const FleetInstance &row : rows)
        if (!values.contains(row.*identityField(label)))
            values << row.*identityField(label);
    return values;
}

QString FleetInstance::*FleetQuery::identityField(const QString &label)
{
    if (label == QLatin1String("job"))
        return &FleetInstance::job;
    if (label == QLatin1String("tenant"))
        return &FleetInstance::tenant;
    if (label == QLatin1String("workspace"))
        return &FleetInstance::workspace;
    return &FleetInstance::instance;
}

bool FleetQuery::concerns(const PromLabels &alertLabels, const FleetInstance &row)
{
    // An alert belongs to every instance it agrees with on the identity labels it keeps; one that keeps none
    // (a fleet-wide sum) to none.
    bool named = false;
    for (const QString &label : kIdentityLabels) {
        const auto it = alertLabels.constFind(label);
        if (it == alertLabels.cend())
            continue;
        named = true;
        if (*it != row.*identityField(label))
            return false;
    }
    return named;
}

bool FleetQuery::readsOurMetrics(const QString &expression)
{
    return std::any_of(kMetricPrefixes.begin(), kMetricPrefixes.end(),
                       [&](const QString &prefix) { return expression.contains(prefix); });
}

QString FleetQuery::totalsExpression(const std::vector<FleetInstance> &rows) const
{
    // Every rlstudio series but the histogram's buckets (their sum over `le` means nothing), by name.
    QString matchers =
        QStringLiteral("__name__=~\"%1.+\", __name__!~\".+_bucket\"").arg(kMetricPrefixes.join(QStringLiteral(".+|")));
    const QString identity = identityMatcher(rows);
    if (!identity.isEmpty())
        matchers += QStringLiteral(", ") + identity;
    const QString series = restricted(selectWith(QString(), matchers), rows);
    const QString depthSeries = selectWith(QStringLiteral("rl_feedback_queue_depth"), identity);
    const QString depth = restricted(depthSeries, rows);
    // Besides the sums, told apart by an rl_part label the sums lack (`or` compares the labels but the name):
    // the lowest up, so a source can tell a down instance from a quiet one; the time of the latest scrape,
    // so it shows each scrape once, at its time; and how many instances report, so it sees one come or go.
    const auto part = [](const QString &name, const QString &expression) {
        return QStringLiteral("label_replace(%1, \"rl_part\", \"%2\", \"\", \"\")").arg(expression, name);
    };
    return QStringLiteral("sum by (__name__, reason) (%1) or %2 or %3 or %4")
        .arg(series,
             part(QStringLiteral("up"), QStringLiteral("min(%1)").arg(upOf(restricted(recent(depthSeries), rows)))),
             part(QStringLiteral("scraped"), QStringLiteral("max(timestamp(%1))").arg(depth)),
             part(QStringLiteral("members"), QStringLiteral("count(%1)").arg(depth)));
}

QString FleetQuery::chartsExpression(const std::vector<FleetInstance> &rows, bool summed,
                                     double rateWindowSeconds) const
{
    const QString matcher = identityMatcher(rows);
    const QString range = QString::fromStdString(PromQlExpression::formatDuration(std::ceil(rateWindowSeconds)));
    const Figures figures{summed ? QString() : QStringLiteral("by (%1)").arg(kIdentity),
                          [this, matcher](const QString &m) { return selectWith(m, matcher); },
                          [&rows](const QString &vector) { return restricted(vector, rows); }};
    std::vector<std::pair<QString, QString>> parts;
    for (const Chart chart : kCharts) {
        QString expression;
        switch (chart) {
        case Chart::QueueDepth:
            expression = figures.depth();
            break;
        case Chart::Processed:
            expression = figures.sumRate(QStringLiteral("rl_feedback_processed_total"), range);
            break;
        case Chart::Failed:
            expression = figures.sumRate(QStringLiteral("rl_feedback_failed_total"), range);
            break;
        case Chart::P95Latency:
            expression = figures.p95(range);
            break;
        case Chart::SuccessPercent:
            expression = QStringLiteral("100 * (%1)").arg(figures.successRatio(range, true));
            break;
        case Chart::Dropped:
            expression = figures.sumRate(QStringLiteral("rl_feedback_dropped_total"), range);
            break;
        }
        parts.emplace_back(chartName(chart), expression);
    }
    return tagged(parts);
}

QString FleetQuery::tagged(const std::vector<std::pair<QString, QString>> &namedExpressions)
{
    QStringList parts;
    for (const auto &[name, expression] : namedExpressions)
        parts << QStringLiteral("label_replace(%1, \"%2\", \"%3\", \"\", \"\")").arg(expression, kColumnLabel, name);
    return parts.join(QStringLiteral(" or "));
}

QString FleetQuery::expression() const
{
    std::vector<std::pair<QString, QString>> parts;
    for (const Column column : kColumns)
        parts.emplace_back(columnName(column), columnExpression(column));
    return tagged(parts);
}

QString FleetQuery::depthExpression() const
{
    return columnExpression(Column::QueueDepth);
}

FleetInstance FleetQuery::identityOf(const PromLabels &labels)
{
    FleetInstance identity;
    identity.job = labels.value(QStringLiteral("job"));
    identity.instance = labels.value(QStringLiteral("instance"));
    identity.tenant = labels.value(QStringLiteral("tenant"));
    identity.workspace = labels.value(QStringLiteral("workspace"));
    return identity;
}

FleetSnapshot FleetQuery::parse(const std::vector<PromSample> &samples, double timeSeconds) const
{
    std::map<QString, FleetInstance> byKey;
    for (const PromSample &sample : samples) {
        const FleetInstance identity = identityOf(sample.labels);
        FleetInstance &instance = byKey.try_emplace(identity.key(), identity).first->second;
        const QString column = sample.labels.value(kColumnLabel);
        for (const Column known : kColumns)
            if (column == columnName(known))
                instance.*field(known) = sample.value;
    }
    FleetSnapshot fleet;
    fleet.timeSeconds = timeSeconds;
    fleet.instances.reserve(byKey.size());
    for (auto &[key, instance] : byKey)
        fleet.instances.push_back(std::move(instance));
    std::sort(fleet.instances.begin(), fleet.instances.end(), FleetInstance::worseThan);
    return fleet;
}

void FleetQuery::attachAlerts(FleetSnapshot &fleet, const std::vector<PromAlert> &alerts)
{
    for (FleetInstance &instance : fleet.instances) {
        instance.firingAlerts.clear();
        instance.pendingAlerts.clear();
        for (const PromAlert &alert : alerts) {
            if (!concerns(alert.labels, instance))
                continue;
            const QString name = alert.labels.value(QStringLiteral("alertname"));
            QStringList &list = alert.state == QLatin1String("firing") ? instance.firingAlerts : instance.pendingAlerts;
            if (!list.contains(name))
                list << name;
        }
        instance.firingAlerts.sort();
        instance.pendingAlerts.sort();
    }
    std::sort(fleet.instances.begin(), fleet.instances.end(), FleetInstance::worseThan);
}

} // namespace rl
