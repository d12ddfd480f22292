#pragma once

#include <cstdint>
#include <functional>
#include <optional>

#include <QElapsedTimer>
#include <QTimer>
#include <QUrl>

#include "gui/host/ControlClient.h"
#include "gui/host/MetricSums.h"
#include "gui/host/PrometheusClient.h"
#include "gui/host/ServedAlerts.h"
#include "gui/host/SnapshotSource.h"

namespace rl {

// Another rlstudio (or any service of docs/api.md) as the window's engine (`rlstudio --connect URL`): its
// /health and /metrics polled into snapshots, its control API for the commands, with the bearer token, and
// its alert states as its own monitor serves them at /api/v1/rules (nothing is evaluated here). Requests are
// asynchronous on the window's thread (their answers are a few kilobytes); a poll whose previous one is
// still out is skipped. What the API does not offer (the simulator, the queue's items,
// cancelling a drain) is not offered.
class RemoteSource : public SnapshotSource {
    Q_OBJECT

public:
    static constexpr double kDefaultPollSeconds = 1.0;

    struct Options {
        QUrl url;         // http://HOST[:PORT][/PATH]
        QByteArray token; // the control API's bearer token; empty for none
        double pollSeconds = kDefaultPollSeconds;
    };

    explicit RemoteSource(Options options, QObject *parent = nullptr);

    Capabilities capabilities() const override;
    QString remoteUrl() const override { return m_client.name(); }
    const EngineSnapshot &latestSnapshot() const override { return m_latest; }
    ServedAlerts &alerts() override { return m_alerts; }

    void processOnce() override;
    void drain() override;
    void cancelDrain() override;
    void purgeSeen(const EngineSnapshot &seen) override;
    void setBatchSize(int batchSize) override;
    void setIntervalSeconds(double seconds) override;
    void setQueueCapacity(std::size_t capacity) override;
    void setLoopEnabled(bool enabled) override;
    void setEvaluationEnabled(bool enabled) override;
    void setPolicy(const QString &name) override;
    void resetPolicy() override;
    void setEmissionRate(double itemsPerMinute) override;
    void setSimulatorEnabled(bool enabled) override;
    void driftSimulator() override;
    void startLoop() override;
    void stopLoop() override;

private:
    void poll();
    void putConfig(const char *key, const nlohmann::json &value);
    void unsupported(const QString &what);
    void publish();
    // Reports a command's outcome, and polls at once when it changed something.
    ControlClient::Done reported();

    void pollRules();

    ControlClient m_client;
    PrometheusClient m_rules; // the remote's /api/v1/rules, in Prometheus's shape
    QTimer m_poll;
    QElapsedTimer m_connected; // since the first poll
    ServedAlerts m_alerts;
    bool m_rulesOut = false;
    EngineSnapshot m_latest;
    int m_pollsOut = 0;
    QByteArray m_health, m_metrics;           // the current poll's answers
    std::optional<bool> m_reachable;          // as last reported; unset before the first poll answered or failed
    std::optional<MetricSums> m_previousSums; // the previous poll's, for the batches' latency since
    DrainProgress m_drain;
    std::uint64_t m_drainStartProcessed = 0, m_drainStartFailed = 0;
};

} // namespace rl
