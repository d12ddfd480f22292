#pragma once

#include <array>
#include <optional>
#include <vector>

#include <QCoreApplication>
#include <QString>

#include "gui/host/FleetSnapshot.h"
#include "gui/host/PrometheusClient.h"

namespace rl {

// The fleet table as PromQL: one instant query per refresh, however many columns and instances. Each
// column is an expression aggregated by the instance's identity (job, instance, tenant, workspace), tagged
// with an `rl_column` label by label_replace, and the columns are joined with `or`, so one request fetches
// the whole table and every figure is taken at the same evaluation time. The figures follow the original's
// dashboard (5-minute rates) and the runbook (success ratio over an hour); `up` comes from the scrape
// targets, joined to the instances that served rlstudio's metrics in the last hour, so an instance that
// goes down keeps its row.
class FleetQuery {
    Q_DECLARE_TR_FUNCTIONS(FleetQuery)

public:
    enum class Column { Up, QueueDepth, Processed, Failed, Success, P95Latency, Dropped };
    static constexpr std::array kColumns{Column::Up,      Column::QueueDepth, Column::Processed, Column::Failed,
                                         Column::Success, Column::P95Latency, Column::Dropped};

    // selector: empty, or label matchers in braces (`{tenant=~"a|b"}`) applied to every rlstudio metric.
    // Throws ConfigError naming the problem if it is not one.
    explicit FleetQuery(const QString &selector = {});

    const QString &selector() const { return m_selector; }
    // The column's PromQL, on its own: what the fleet shows in it, for checking by hand.
    QString columnExpression(Column column) const;
    static QString columnName(Column column);           // the rl_column value and the JSON field
    static double FleetInstance::*field(Column column); // where an instance keeps the column's figure
    // All columns in one expression.
    QString expression() const;
    // Queue depth per instance: the sparklines' series.
    QString depthExpression() const;

    // The charts below the table, in one range query as the table is in one instant query.
    enum class Chart { QueueDepth, Processed, Failed, P95Latency, SuccessPercent, Dropped };
    static constexpr std::array kCharts{Chart::QueueDepth, Chart::Processed,      Chart::Failed,
                                        Chart::P95Latency, Chart::SuccessPercent, Chart::Dropped};
    static QString chartName(Chart chart); // the rl_column value
    // One series per instance of rows (matched by their identity), or their sum; the whole fleet when rows
    // is empty. Rates over rateWindowSeconds, a few steps, so a zoomed-in chart shows detail.
    QString chartsExpression(const std::vector<FleetInstance> &rows, bool summed, double rateWindowSeconds) const;
    // rlstudio's series of rows (all the selector matches when empty) summed by metric name and the
    // failures' reason, and their `up` (the lowest), in one instant query: what a snapshot of them holds.
    QString totalsExpression(const std::vector<FleetInstance> &rows) const;
    // Whether a PromQL expression reads any of rlstudio's metrics (or the original's names).
    static bool readsOurMetrics(const QString &expression);
    // The selector applied to a metric name: `name{tenant=~"a|b"}`.
    QString select(const QString &metric) const;

    // An instance's identity (job, instance, tenant, workspace) from a series' labels.
    static FleetInstance identityOf(const PromLabels &labels);
    // The table from the combined query's answer, worst first.
    FleetSnapshot parse(const std::vector<PromSample> &samples, double timeSeconds) const;
    // Whether an alert concerns the instance: it keeps any of job, instance, tenant and workspace, and agrees
    // with the instance on those it keeps (a fleet-wide alert, a sum, concerns none).
    static bool concerns(const PromLabels &alertLabels, const FleetInstance &row);
    // Adds each alert to the instances it concerns.
    static void attachAlerts(FleetSnapshot &fleet, const std::vector<PromAlert> &alerts);

private:
    // Expressions told apart by an rl_column label of their names and joined with `or`: one query.
    static QString tagged(const std::vector<std::pair<QString, QString>> &namedExpressions);
    // A series' values over the last hour: the instances that served it, down or not.
    static QString recent(const QString &series);
    // Each instance's up (1, 0), by identity, for the instances in recentSeries.
    static QString upOf(const QString &recentSeries);
    // The vector kept to the rows' series exactly, where identityMatcher() lets in more.
    static QString restricted(const QString &vector, const std::vector<FleetInstance> &rows);
    // Matchers on the identity labels picking rows' series; empty for no rows.
    static QString identityMatcher(const std::vector<FleetInstance> &rows);
    static QString FleetInstance::*identityField(const QString &label);
    // The values the rows have for an identity label, each once, in the rows' order.
    static QStringList distinctValues(const std::vector<FleetInstance> &rows, const QString &label);
    // The selector with one more matcher, for the charts' drill-down.
    QString selectWith(const QString &metric, const QString &matcher) const;
    QString m_selector;
};

} // namespace rl
