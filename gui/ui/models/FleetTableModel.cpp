#include "gui/ui/models/FleetTableModel.h"

#include <cmath>
#include <limits>
#include <unordered_map>

#include <QLocale>

namespace rl {

namespace {

QString formatted(double value, int decimals, const QString &suffix = {})
{
    if (!std::isfinite(value))
        return QStringLiteral("–"); // no data is not zero
    return QLocale().toString(value, 'f', decimals) + suffix;
}

} // namespace

FleetTableModel::FleetTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void FleetTableModel::setFleet(const FleetSnapshot &fleet)
{
    std::unordered_map<QString, std::size_t> incoming; // key -> its worst-first rank
    for (std::size_t i = 0; i < fleet.instances.size(); ++i)
        incoming.emplace(fleet.instances[i].key(), i);
    // Gone instances leave, from the bottom up so the rows above keep their numbers.
    for (int row = static_cast<int>(m_rows.size()) - 1; row >= 0; --row) {
        if (incoming.count(m_rows[row].key()) == 0) {
            beginRemoveRows({}, row, row);
            m_rows.erase(m_rows.begin() + row);
            m_rank.erase(m_rank.begin() + row);
            endRemoveRows();
        }
    }
    std::unordered_map<QString, int> present;
    for (int row = 0; row < static_cast<int>(m_rows.size()); ++row)
        present.emplace(m_rows[row].key(), row);
    std::vector<const FleetInstance *> added;
    for (std::size_t i = 0; i < fleet.instances.size(); ++i) {
        const FleetInstance &instance = fleet.instances[i];
        const auto it = present.find(instance.key());
        if (it == present.end()) {
            added.push_back(&instance);
            continue;
        }
        m_rows[it->second] = instance;
        m_rank[it->second] = static_cast<int>(i);
    }
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, 0), index(static_cast<int>(m_rows.size()) - 1, ColumnCount - 1));
    if (!added.empty()) {
        const int first = static_cast<int>(m_rows.size());
        beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
        for (const FleetInstance *instance : added) {
            m_rows.push_back(*instance);
            m_rank.push_back(static_cast<int>(incoming.at(instance->key())));
        }
        endInsertRows();
    }
}

int FleetTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int FleetTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString FleetTableModel::statusText(const FleetInstance &instance) const
{
    if (instance.isDown())
        return tr("down");
    if (!instance.firingAlerts.isEmpty())
        return tr("firing");
    if (!instance.pendingAlerts.isEmpty())
        return tr("pending");
    if (std::isnan(instance.up))
        return tr("unknown");
    return tr("up");
}

int FleetTableModel::tone(const FleetInstance &instance, int column)
{
    switch (column) {
    case StatusColumn:
        if (instance.isDown() || !instance.firingAlerts.isEmpty())
            return 2;
        if (!instance.pendingAlerts.isEmpty() || std::isnan(instance.up))
            return 1;
        return 0;
    case AlertsColumn:
        return !instance.firingAlerts.isEmpty() ? 2 : !instance.pendingAlerts.isEmpty() ? 1 : -1;
    case SuccessColumn: // the runbook's threshold: below 95 % is a ticket
        return instance.successRatio < 0.95 ? 2 : -1;
    case DroppedColumn:
        return instance.droppedPerSecond > 0.0 ? 2 : -1;
    case FailedColumn:
        return instance.failedPerSecond > 0.0 ? 1 : -1;
    default:
        return -1;
    }
}

double FleetTableModel::figure(const FleetInstance &instance, int column)
{
    switch (column) {
    case QueueColumn:
    case TrendColumn:
        return instance.queueDepth;
    case ProcessedColumn:
        return instance.processedPerSecond;
    case FailedColumn:
        return instance.failedPerSecond;
    case SuccessColumn:
        return instance.successRatio;
    case LatencyColumn:
        return instance.p95LatencyMs;
    case DroppedColumn:
        return instance.droppedPerSecond;
    case AlertsColumn:
        return static_cast<double>(instance.firingAlerts.size() * 1000 + instance.pendingAlerts.size());
    default:
        return std::numeric_limits<double>::quiet_NaN();
    }
}

QVariant FleetTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const FleetInstance &instance = m_rows[index.row()];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case StatusColumn:
            return statusText(instance);
        case InstanceColumn:
            return instance.instance;
        case JobColumn:
            return instance.job;
        case TenantColumn:
            return instance.tenant;
        case WorkspaceColumn:
            return instance.workspace;
        case QueueColumn:
            return formatted(instance.queueDepth, 0);
        case TrendColumn:
            return {};
        case ProcessedColumn:
            return formatted(instance.processedPerSecond, 2);
        case FailedColumn:
            return formatted(instance.failedPerSecond, 2);
        case SuccessColumn:
            return formatted(instance.successRatio * 100.0, 1, QStringLiteral(" %"));
        case LatencyColumn:
            return formatted(instance.p95LatencyMs, 2);
        case DroppedColumn:
            return formatted(instance.droppedPerSecond, 2);
        case AlertsColumn: {
            QStringList names = instance.firingAlerts;
            for (const QString &name : instance.pendingAlerts)
                names << tr("%1 (pending)").arg(name);
            return names.join(QStringLiteral(", "));
        }
        }
        return {};
    case Qt::ToolTipRole:
        if (column == TrendColumn)
            return tr("Queue depth at the last %n refresh(es), oldest on the left", nullptr,
                      static_cast<int>(instance.depthTrend.size()));
        if (column == StatusColumn && instance.isDown())
            return instance.scrapeError.isEmpty()
                       ? tr("Prometheus's last scrape of %1 failed (up == 0)").arg(instance.instance)
                       : tr("Prometheus's last scrape of %1 failed (up == 0): %2")
                             .arg(instance.instance, instance.scrapeError);
        return data(index, Qt::DisplayRole);
    case Qt::TextAlignmentRole:
        return column >= QueueColumn && column <= DroppedColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                                : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case SortRole:
        if (column == StatusColumn)
            return m_rank[index.row()];
        if (column >= InstanceColumn && column <= WorkspaceColumn)
            return data(index, Qt::DisplayRole);
        {
            const double value = figure(instance, column);
            // Without data: an invalid value, which Qt sorts after every number ascending (first descending).
            return std::isnan(value) ? QVariant() : QVariant(value);
        }
    case ToneRole:
        return tone(instance, column);
    case TrendRole:
        if (column != TrendColumn)
            return {};
        return QVariant::fromValue(QList<double>(instance.depthTrend.begin(), instance.depthTrend.end()));
    case KeyRole:
        return instance.key();
    case InstanceRole:
        return instance.instance;
    default:
        return {};
    }
}

QVariant FleetTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case StatusColumn:
            return tr("Status");
        case InstanceColumn:
            return tr("Instance");
        case JobColumn:
            return tr("Job");
        case TenantColumn:
            return tr("Tenant");
        case WorkspaceColumn:
            return tr("Workspace");
        case QueueColumn:
            return tr("Queue");
        case TrendColumn:
            return tr("Queue trend");
        case ProcessedColumn:
            return tr("Processed/s");
        case FailedColumn:
            return tr("Failed/s");
        case SuccessColumn:
            return tr("Success");
        case LatencyColumn:
            return tr("p95 ms");
        case DroppedColumn:
            return tr("Dropped/s");
        case AlertsColumn:
            return tr("Alerts");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case StatusColumn:
            return tr("Down (the last scrape failed), firing, pending or up; sorted worst first");
        case QueueColumn:
            return tr("rl_feedback_queue_depth now");
        case ProcessedColumn:
            return tr("Items processed a second, over the last 5 minutes");
        case FailedColumn:
            return tr("Items failed a second, over the last 5 minutes");
        case SuccessColumn:
            return tr("Processed / (processed + failed) over the last hour: the runbook's success rate");
        case LatencyColumn:
            return tr("95th percentile of the batch latency over the last 5 minutes");
        case DroppedColumn:
            return tr("Accepted items dropped a second (queue full or shrunk), over the last 5 minutes");
        case AlertsColumn:
            return tr("The alerts Prometheus reports for this instance");
        default:
            return headerData(section, orientation, Qt::DisplayRole);
        }
    }
    return {};
}

} // namespace rl
