#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/feedback/FailureReason.h"
#include "core/metrics/MetricLabels.h"
#include "core/metrics/MetricTotals.h"

namespace prometheus {
class Counter;
class Registry;
} // namespace prometheus

namespace rl {

// The engine's Prometheus registry, with names and labels compatible with the original system's alert rules
// (resources/rl_feedback_alerts.yml) and dashboard:
//   rl_feedback_processed_total{tenant,workspace,result="success"}  items the bandit learned from
//   rl_feedback_failed_total{tenant,workspace,reason}                missing_history / invalid / exception
//   rl_feedback_queue_depth{tenant,workspace}                        gauge
//   rl_feedback_processing_latency_ms{tenant,workspace}              histogram, 1 µs .. 10 s buckets
//   trajectory_feedback_emissions_total{tenant,workspace}
//   rl_feedback_dropped_total, rl_feedback_purged_total, rl_routing_history_evicted_total{tenant,workspace}
//   rl_model_selections_total{tenant,workspace,model}
//   rl_input_rejected_total{source,reason}                           bad input at any entry point (the
//                                                                     journal's: torn_wal_frame, corrupt_row)
// Thread-safe. Series for the default labels are created once and cached, so hot paths do no lookups.
class Metrics {
public:
    explicit Metrics(MetricLabels defaults = {});
    ~Metrics();
    Metrics(const Metrics &) = delete;
    Metrics &operator=(const Metrics &) = delete;

    const MetricLabels &defaultLabels() const;
    std::shared_ptr<prometheus::Registry> registry() const;

    void addProcessed(const MetricLabels &labels, std::uint64_t n);
    void addFailed(const MetricLabels &labels, FailureReason reason, std::uint64_t n);
    void setQueueDepth(const MetricLabels &labels, double depth);
    void observeLatencyMs(const MetricLabels &labels, double ms);
    void addEmissions(std::uint64_t n);
    void addDropped(std::uint64_t n);
    void addPurged(const MetricLabels &labels, std::uint64_t n);
    void addEvicted(std::uint64_t n);
    // A cached counter for one model's selections (default labels); the router keeps the pointer.
    prometheus::Counter &selectionCounter(std::string_view model);
    void addRejected(std::string_view source, std::string_view reason, std::uint64_t n = 1);

    // The sum of a family's series that match: tenant and workspace where the series has them (so the
    // tenant-less rl_input_rejected_total reads too) and extraLabel=extraValue when given, so
    // rl_feedback_failed_total without it is the total over all reasons. A histogram reads as its count;
    // an absent series as 0. One collection of the registry per call: for a few values, e.g. in tests.
    double value(std::string_view family, const MetricLabels &labels, std::string_view extraLabel = {},
                 std::string_view extraValue = {}) const;

    // All of MetricTotals from one collection of the registry, which is what a read costs: a snapshot
    // 25 times a second reads this, not value() for each total.
    MetricTotals totals(const MetricLabels &labels) const;

    std::string serialize() const; // Prometheus text exposition format

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace rl
