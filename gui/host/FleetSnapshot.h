#pragma once

#include <limits>
#include <vector>

#include <QMetaType>

#include "gui/host/PrometheusClient.h"
#include <QString>
#include <QStringList>

namespace rl {

// One instance of the fleet as Prometheus last saw it. A figure Prometheus has no value for (no series yet,
// no traffic in the window) is NaN, shown as "–", never as 0.
struct FleetInstance {
    static constexpr double kNone = std::numeric_limits<double>::quiet_NaN();

    QString job, instance, tenant, workspace;
    double up = kNone; // 1 up, 0 down (the last scrape failed), NaN: no target known
    double queueDepth = kNone;
    double processedPerSecond = kNone;
    double failedPerSecond = kNone;
    double successRatio = kNone; // processed / (processed + failed) over the last hour, the runbook's ratio
    double p95LatencyMs = kNone;
    double droppedPerSecond = kNone;
    QString scrapeError;      // while down: why Prometheus's last scrape failed (its /api/v1/targets), if known
    QStringList firingAlerts; // alert names, sorted
    QStringList pendingAlerts;
    std::vector<double> depthTrend; // the queue depth at the latest refreshes, oldest first: the sparkline

    QString key() const
    {
        return job + QLatin1Char('\x1f') + instance + QLatin1Char('\x1f') + tenant + QLatin1Char('\x1f') + workspace;
    }
    bool isDown() const { return up == 0.0; }
    // Lower is worse: down, then firing alerts, then pending ones, then a low success ratio, then a deep
    // queue. The fleet view's default order and `rlstudio fleet`'s.
    static bool worseThan(const FleetInstance &a, const FleetInstance &b);
};

// The fleet at one evaluation time.
struct FleetSnapshot {
    double timeSeconds = 0.0;             // the evaluation time (unix seconds) every figure is taken at
    std::vector<FleetInstance> instances; // worst first
    std::vector<PromAlert> alerts;        // every alert Prometheus reports, the fleet-wide ones too
};

} // namespace rl

Q_DECLARE_METATYPE(rl::FleetSnapshot)
