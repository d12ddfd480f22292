#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <QByteArray>

#include "gui/host/EngineSnapshot.h"
#include "gui/host/PrometheusClient.h"

namespace rl {

// rlstudio's metrics summed over their series, wherever they were read: a remote instance's /metrics text
// or Prometheus's answer summed by name. What the remote sources turn into snapshots.
struct MetricSums {
    std::map<std::string, double> byName;           // each metric's series summed
    std::map<std::string, double> failuresByReason; // rl_feedback_failed_total by its reason label

    // Prometheus's text exposition, in one pass. The text format is simple and no Debian library parses it
    // for C++ (prometheus-cpp only writes it).
    static MetricSums fromExposition(const QByteArray &exposition);
    // An instant vector summed by (__name__, reason); a sample with an rl_part label counts under that name.
    static MetricSums fromSamples(const std::vector<PromSample> &samples);

    double operator()(const std::string &name) const; // byName's, 0 when absent
    // The totals the metrics carry (routed, emitted, processed, failed, dropped, purged, evicted).
    HealthState::Totals totals() const;
    // Failures by reason, and the batches since `previous` as their mean latency (the histogram's sum and
    // count moved on; none when no batch ran or there is no previous reading).
    void fill(EngineSnapshot &snapshot, const std::optional<MetricSums> &previous) const;
};

} // namespace rl
