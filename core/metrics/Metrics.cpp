#include "core/metrics/Metrics.h"

#include <array>
#include <vector>

#include <prometheus/counter.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/metric_family.h>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>

namespace rl {

namespace {

using prometheus::Counter;
using prometheus::Family;
using prometheus::Gauge;
using prometheus::Histogram;
using prometheus::Labels;

Labels labelsOf(const MetricLabels &labels)
{
    return {{"tenant", labels.tenant}, {"workspace", labels.workspace}};
}

Labels labelsOf(const MetricLabels &labels, const std::string &extraLabel, std::string_view extraValue)
{
    auto all = labelsOf(labels);
    all.emplace(extraLabel, std::string(extraValue));
    return all;
}

// 1, 2.5, 5 per decade from 1 µs to 10 s: a batch can take anything from a microsecond (an in-memory
// update) to seconds (a stalled lock), and the SLO is "< 5 s per batch".
Histogram::BucketBoundaries latencyBuckets()
{
    Histogram::BucketBoundaries bounds;
    for (double decade : {0.001, 0.01, 0.1, 1.0, 10.0, 100.0, 1000.0}) {
        for (double step : {1.0, 2.5, 5.0})
            bounds.push_back(decade * step);
    }
    bounds.push_back(10000.0);
    return bounds;
}

Family<Counter> &counterFamily(prometheus::Registry &registry, const char *name, const char *help)
{
    return prometheus::BuildCounter().Name(name).Help(help).Register(registry);
}

// Metrics::value over an already collected registry.
double sumOf(const std::vector<prometheus::MetricFamily> &families, std::string_view family, const MetricLabels &labels,
             std::string_view extraLabel = {}, std::string_view extraValue = {})
{
    double total = 0.0;
    for (const auto &collected : families) {
        if (collected.name != family)
            continue;
        for (const auto &metric : collected.metric) {
            bool matches = extraLabel.empty();
            for (const auto &label : metric.label) {
                if ((label.name == "tenant" && label.value != labels.tenant)
                    || (label.name == "workspace" && label.value != labels.workspace)
                    || (label.name == extraLabel && label.value != extraValue)) {
                    matches = false;
                    break;
                }
                matches = matches || label.name == extraLabel;
            }
            if (!matches)
                continue;
            switch (collected.type) {
            case prometheus::MetricType::Counter:
                total += metric.counter.value;
                break;
            case prometheus::MetricType::Gauge:
                total += metric.gauge.value;
                break;
            case prometheus::MetricType::Histogram:
                total += static_cast<double>(metric.histogram.sample_count);
                break;
            default:
                break;
            }
        }
    }
    return total;
}

std::uint64_t countOf(const std::vector<prometheus::MetricFamily> &families, std::string_view family,
                      const MetricLabels &labels, std::string_view extraLabel = {}, std::string_view extraValue = {})
{
    return static_cast<std::uint64_t>(sumOf(families, family, labels, extraLabel, extraValue));
}

} // namespace

struct Metrics::Private {
    explicit Private(MetricLabels labels)
        : defaults(std::move(labels))
        , registry(std::make_shared<prometheus::Registry>())
        , processed(counterFamily(*registry, "rl_feedback_processed_total", "Feedback items the bandit learned from"))
        , failed(counterFamily(*registry, "rl_feedback_failed_total",
                               "Feedback items that taught the bandit nothing, by reason"))
        , emissions(counterFamily(*registry, "trajectory_feedback_emissions_total",
                                  "Trajectory feedback items emitted into the queue by the evaluator"))
        , dropped(counterFamily(*registry, "rl_feedback_dropped_total",
                                "Feedback items dropped because the queue was full (oldest first)"))
        , purged(
              counterFamily(*registry, "rl_feedback_purged_total", "Feedback items discarded by an operator's purge"))
        , evicted(counterFamily(*registry, "rl_routing_history_evicted_total",
                                "Routing decisions forgotten before their feedback arrived (size or age bound)"))
        , selections(counterFamily(*registry, "rl_model_selections_total", "Requests routed to each model"))
        , rejected(counterFamily(*registry, "rl_input_rejected_total", "Bad input refused at an entry point"))
        , depth(prometheus::BuildGauge()
                    .Name("rl_feedback_queue_depth")
                    .Help("Feedback items waiting in the queue")
                    .Register(*registry))
        , latency(prometheus::BuildHistogram()
                      .Name("rl_feedback_processing_latency_ms")
                      .Help("Time to process one feedback batch, in milliseconds")
                      .Register(*registry))
        , buckets(latencyBuckets())
        , defaultProcessed(processed.Add(labelsOf(defaults, "result", "success")))
        , defaultFailed{&failed.Add(labelsOf(defaults, "reason", toString(FailureReason::MissingHistory))),
                        &failed.Add(labelsOf(defaults, "reason", toString(FailureReason::Invalid))),
                        &failed.Add(labelsOf(defaults, "reason", toString(FailureReason::Exception)))}
        , defaultDepth(depth.Add(labelsOf(defaults)))
        , defaultLatency(latency.Add(labelsOf(defaults), buckets))
        , defaultEmissions(emissions.Add(labelsOf(defaults)))
        , defaultDropped(dropped.Add(labelsOf(defaults)))
        , defaultPurged(purged.Add(labelsOf(defaults)))
        , defaultEvicted(evicted.Add(labelsOf(defaults)))
    {
    }

    Counter &processedFor(const MetricLabels &labels)
    {
        return labels == defaults ? defaultProcessed : processed.Add(labelsOf(labels, "result", "success"));
    }
    Counter &failedFor(const MetricLabels &labels, FailureReason reason)
    {
        return labels == defaults ? *defaultFailed[static_cast<std::size_t>(reason)]
                                  : failed.Add(labelsOf(labels, "reason", toString(reason)));
    }
    Gauge &depthFor(const MetricLabels &labels)
    {
        return labels == defaults ? defaultDepth : depth.Add(labelsOf(labels));
    }
    Histogram &latencyFor(const MetricLabels &labels)
    {
        return labels == defaults ? defaultLatency : latency.Add(labelsOf(labels), buckets);
    }
    Counter &purgedFor(const MetricLabels &labels)
    {
        return labels == defaults ? defaultPurged : purged.Add(labelsOf(labels));
    }

    const MetricLabels defaults;
    const std::shared_ptr<prometheus::Registry> registry;
    Family<Counter> &processed;
    Family<Counter> &failed;
    Family<Counter> &emissions;
    Family<Counter> &dropped;
    Family<Counter> &purged;
    Family<Counter> &evicted;
    Family<Counter> &selections;
    Family<Counter> &rejected;
    Family<Gauge> &depth;
    Family<Histogram> &latency;
    const Histogram::BucketBoundaries buckets;

    Counter &defaultProcessed;
    const std::array<Counter *, kFailureReasons> defaultFailed;
    Gauge &defaultDepth;
    Histogram &defaultLatency;
    Counter &defaultEmissions;
    Counter &defaultDropped;
    Counter &defaultPurged;
    Counter &defaultEvicted;
};

Metrics::Metrics(MetricLabels defaults)
    : d(std::make_unique<Private>(std::move(defaults)))
{
}

Metrics::~Metrics() = default;

const MetricLabels &Metrics::defaultLabels() const
{
    return d->defaults;
}

std::shared_ptr<prometheus::Registry> Metrics::registry() const
{
    return d->registry;
}

void Metrics::addProcessed(const MetricLabels &labels, std::uint64_t n)
{
    d->processedFor(labels).Increment(static_cast<double>(n));
}

void Metrics::addFailed(const MetricLabels &labels, FailureReason reason, std::uint64_t n)
{
    d->failedFor(labels, reason).Increment(static_cast<double>(n));
}

void Metrics::setQueueDepth(const MetricLabels &labels, double depth)
{
    d->depthFor(labels).Set(depth);
}

void Metrics::observeLatencyMs(const MetricLabels &labels, double ms)
{
    d->latencyFor(labels).Observe(ms);
}

void Metrics::addEmissions(std::uint64_t n)
{
    d->defaultEmissions.Increment(static_cast<double>(n));
}

void Metrics::addDropped(std::uint64_t n)
{
    d->defaultDropped.Increment(static_cast<double>(n));
}

void Metrics::addPurged(const MetricLabels &labels, std::uint64_t n)
{
    d->purgedFor(labels).Increment(static_cast<double>(n));
}

void Metrics::addEvicted(std::uint64_t n)
{
    d->defaultEvicted.Increment(static_cast<double>(n));
}

prometheus::Counter &Metrics::selectionCounter(std::string_view model)
{
    return d->selections.Add(labelsOf(d->defaults, "model", model));
}

void Metrics::addRejected(std::string_view source, std::string_view reason, std::uint64_t n)
{
    d->rejected.Add({{"source", std::string(source)}, {"reason", std::string(reason)}}).Increment(double(n));
}

double Metrics::value(std::string_view family, const MetricLabels &labels, std::string_view extraLabel,
                      std::string_view extraValue) const
{
    return sumOf(d->registry->Collect(), family, labels, extraLabel, extraValue);
}

MetricTotals Metrics::totals(const MetricLabels &labels) const
{
    const auto families = d->registry->Collect();
    MetricTotals totals;
    totals.emitted = countOf(families, "trajectory_feedback_emissions_total", labels);
    totals.processed = countOf(families, "rl_feedback_processed_total", labels, "result", "success");
    for (std::size_t reason = 0; reason < kFailureReasons; ++reason) {
        totals.failedBy[reason] = countOf(families, "rl_feedback_failed_total", labels, "reason",
                                          toString(static_cast<FailureReason>(reason)));
    }
    totals.dropped = countOf(families, "rl_feedback_dropped_total", labels);
    totals.purged = countOf(families, "rl_feedback_purged_total", labels);
    return totals;
}

std::string Metrics::serialize() const
{
    return prometheus::TextSerializer().Serialize(d->registry->Collect());
}

} // namespace rl
