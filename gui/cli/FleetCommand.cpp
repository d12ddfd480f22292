#include "gui/cli/FleetCommand.h"

#include <cmath>

#include <nlohmann/json.hpp>

#include <QDateTime>
#include <QEventLoop>
#include <QTextStream>

#include "gui/host/FleetQuery.h"
#include "gui/host/PrometheusClient.h"

namespace rl {

namespace {

nlohmann::json number(double value)
{
    return std::isfinite(value) ? nlohmann::json(value) : nlohmann::json(nullptr);
}

nlohmann::json strings(const QStringList &list)
{
    nlohmann::json array = nlohmann::json::array();
    for (const QString &item : list)
        array.push_back(item.toStdString());
    return array;
}

QString cell(double value, int decimals)
{
    return std::isfinite(value) ? QString::number(value, 'f', decimals) : QStringLiteral("-");
}

} // namespace

int FleetCommand::run(const Options &options, QTextStream &out, QTextStream &err)
{
    const FleetQuery query(options.selector); // validated by the command line
    PrometheusClient client(options.prometheus);
    client.setTimeoutMs(options.timeoutMs);
    // One evaluation time for every figure, printed, so a script can ask Prometheus the same question.
    const double now = std::floor(QDateTime::currentMSecsSinceEpoch() / 1000.0 * 1000.0) / 1000.0;

    QEventLoop loop;
    int pending = 2;
    QString error;
    FleetSnapshot fleet;
    std::vector<PromAlert> alerts;
    const auto finish = [&](const QString &problem) {
        if (!problem.isEmpty() && error.isEmpty())
            error = problem;
        if (--pending == 0)
            loop.quit();
    };
    client.query(query.expression(), now, [&](const PromResult<std::vector<PromSample>> &result) {
        if (result.ok())
            fleet = query.parse(result.data, now);
        finish(result.error);
    });
    client.alerts([&](const PromResult<std::vector<PromAlert>> &result) {
        // The table stands without the alerts (a server or proxy without /api/v1/alerts): said, not fatal.
        if (result.ok())
            alerts = result.data;
        else
            err << tr("rlstudio fleet: no alerts from %1: %2").arg(options.prometheus.toDisplayString(), result.error)
                << Qt::endl;
        finish({});
    });
    loop.exec();
    if (!error.isEmpty()) {
        err << tr("rlstudio fleet: %1: %2").arg(options.prometheus.toDisplayString(), error) << Qt::endl;
        return 1;
    }
    FleetQuery::attachAlerts(fleet, alerts);

    if (options.json) {
        nlohmann::json instances = nlohmann::json::array();
        for (const FleetInstance &instance : fleet.instances) {
            nlohmann::json row{{"job", instance.job.toStdString()},
                               {"instance", instance.instance.toStdString()},
                               {"tenant", instance.tenant.toStdString()},
                               {"workspace", instance.workspace.toStdString()},
                               {"firing_alerts", strings(instance.firingAlerts)},
                               {"pending_alerts", strings(instance.pendingAlerts)}};
            for (const FleetQuery::Column column : FleetQuery::kColumns)
                row[FleetQuery::columnName(column).toStdString()] = number(instance.*FleetQuery::field(column));
            instances.push_back(std::move(row));
        }
        nlohmann::json queries = nlohmann::json::object();
        for (const FleetQuery::Column column : FleetQuery::kColumns)
            queries[FleetQuery::columnName(column).toStdString()] = query.columnExpression(column).toStdString();
        const nlohmann::json document{{"prometheus", options.prometheus.toString().toStdString()},
                                      {"selector", query.selector().toStdString()},
                                      {"time", now},
                                      {"instances", instances},
                                      {"queries", queries}};
        out << QString::fromStdString(document.dump(2)) << Qt::endl;
        return 0;
    }

    out << tr("%n instance(s) at %1 from %2", nullptr, static_cast<int>(fleet.instances.size()))
               .arg(QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(now * 1000), Qt::UTC).toString(Qt::ISODate),
                    options.prometheus.toDisplayString())
        << '\n';
    const QStringList header{tr("JOB"),       tr("INSTANCE"), tr("TENANT"),      tr("WORKSPACE"),
                             tr("UP"),        tr("QUEUE"),    tr("PROCESSED/S"), tr("FAILED/S"),
                             tr("SUCCESS %"), tr("P95 MS"),   tr("DROPPED/S"),   tr("ALERTS")};
    std::vector<QStringList> rows{header};
    for (const FleetInstance &instance : fleet.instances) {
        const QString up = std::isnan(instance.up) ? QStringLiteral("-") : instance.isDown() ? tr("down") : tr("up");
        QStringList alertNames = instance.firingAlerts;
        for (const QString &name : instance.pendingAlerts)
            alertNames << tr("%1 (pending)").arg(name); // marked, so it is not read as firing
        rows.push_back({instance.job, instance.instance, instance.tenant, instance.workspace, up,
                        cell(instance.queueDepth, 0), cell(instance.processedPerSecond, 3),
                        cell(instance.failedPerSecond, 3), cell(instance.successRatio * 100.0, 1),
                        cell(instance.p95LatencyMs, 2), cell(instance.droppedPerSecond, 3),
                        alertNames.join(QLatin1Char(','))});
    }
    std::vector<qsizetype> widths(header.size(), 0);
    for (const QStringList &row : rows)
        for (qsizetype i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], row[i].size());
    for (const QStringList &row : rows) {
        QString line;
        for (qsizetype i = 0; i < row.size(); ++i)
            line += i + 1 < row.size() ? row[i].leftJustified(widths[i] + 2) : row[i];
        out << line.trimmed() << '\n';
    }
    out << Qt::flush;
    return 0;
}

} // namespace rl
