#pragma once

#include <optional>

#include <QElapsedTimer>
#include <QTimer>
#include <QUrl>

#include "gui/host/FleetQuery.h"
#include "gui/host/MetricSums.h"
#include "gui/host/PrometheusClient.h"
#include "gui/host/ServedAlerts.h"
#include "gui/host/SnapshotSource.h"

namespace rl {

// Instances of the fleet as Prometheus scraped them, one or several summed, as the main window's engine
// ("Open in main window" in the fleet view): each refresh is one instant query for all their metrics summed
// by name and one for Prometheus's alert states, kept to those instances' alerts. Read-only: Prometheus has
// the metrics, not the control API, and not the loop's settings (snapshots say so: settingsKnown is false).
// A refresh whose previous one is still out is skipped.
class PrometheusEngineSource : public SnapshotSource {
    Q_OBJECT

public:
    static constexpr double kDefaultRefreshSeconds = 5.0;

    struct Options {
        QUrl prometheus;
        QString selector;                     // the fleet's, as FleetQuery takes it
        std::vector<FleetInstance> instances; // the fleet table's rows; at least one
        double refreshSeconds = kDefaultRefreshSeconds;
    };

    explicit PrometheusEngineSource(Options options, QObject *parent = nullptr);

    Capabilities capabilities() const override;
    QString remoteUrl() const override { return m_name; }
    const EngineSnapshot &latestSnapshot() const override { return m_latest; }
    ServedAlerts &alerts() override { return m_alerts; }

    void processOnce() override { readOnly(); }
    void drain() override { readOnly(); }
    void cancelDrain() override { readOnly(); }
    void purgeSeen(const EngineSnapshot &) override { readOnly(); }
    void setBatchSize(int) override { readOnly(); }
    void setIntervalSeconds(double) override { readOnly(); }
    void setQueueCapacity(std::size_t) override { readOnly(); }
    void setLoopEnabled(bool) override { readOnly(); }
    void setEvaluationEnabled(bool) override { readOnly(); }
    void setPolicy(const QString &) override { readOnly(); }
    void resetPolicy() override { readOnly(); }
    void setEmissionRate(double) override { readOnly(); }
    void setSimulatorEnabled(bool) override { readOnly(); }
    void driftSimulator() override { readOnly(); }
    void startLoop() override { readOnly(); }
    void stopLoop() override { readOnly(); }

private:
    void refresh();
    void publish(const MetricSums &sums);
    void setReachable(bool reachable, const QString &message);
    void readOnly();

    FleetQuery m_query;
    std::vector<FleetInstance> m_instances;
    QString m_instanceNames; // for messages
    QString m_name;
    PrometheusClient m_client;
    QTimer m_refresh;
    QElapsedTimer m_opened;
    ServedAlerts m_alerts;
    EngineSnapshot m_latest;
    std::optional<MetricSums> m_previous;
    bool m_queryOut = false, m_rulesOut = false;
    std::optional<bool> m_reachable; // as last reported
    QString m_reason;
};

} // namespace rl
