#include "gui/host/MetricSums.h"

namespace rl {

namespace {

// One sample line of Prometheus text, without its timestamp: name, labels as written, value.
struct Sample {
    std::string name;
    std::string labels;
    double value = 0.0;
};

std::vector<Sample> samplesOf(const QByteArray &exposition)
{
    std::vector<Sample> samples;
    for (const QByteArray &raw : exposition.split('\n')) {
        const QByteArray line = raw.trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const qsizetype brace = line.indexOf('{');
        const qsizetype close = brace >= 0 ? line.indexOf('}', brace) : -1;
        const qsizetype valueAt = (close >= 0 ? close : line.indexOf(' ')) + 1;
        if (valueAt <= 0)
            continue;
        Sample sample;
        sample.name = line.left(brace >= 0 ? brace : valueAt - 1).toStdString();
        if (brace >= 0 && close > brace)
            sample.labels = line.mid(brace + 1, close - brace - 1).toStdString();
        bool ok = false;
        sample.value = line.mid(valueAt).trimmed().split(' ').value(0).toDouble(&ok);
        if (ok)
            samples.push_back(std::move(sample));
    }
    return samples;
}

std::string labelValue(const std::string &labels, const std::string &name)
{
    // The label itself, not one whose name ends in it (failure_reason for reason).
    const std::string key = name + "=\"";
    for (std::size_t at = labels.find(key); at != std::string::npos; at = labels.find(key, at + 1)) {
        if (at > 0 && labels[at - 1] != ',' && labels[at - 1] != ' ')
            continue;
        const std::size_t start = at + key.size();
        return labels.substr(start, labels.find('"', start) - start);
    }
    return {};
}

const std::string kFailed = "rl_feedback_failed_total";

} // namespace

MetricSums MetricSums::fromExposition(const QByteArray &exposition)
{
    MetricSums sums;
    for (const Sample &sample : samplesOf(exposition)) {
        sums.byName[sample.name] += sample.value;
        if (sample.name == kFailed)
            sums.failuresByReason[labelValue(sample.labels, "reason")] += sample.value;
    }
    return sums;
}

MetricSums MetricSums::fromSamples(const std::vector<PromSample> &samples)
{
    MetricSums sums;
    for (const PromSample &sample : samples) {
        // A part of the query beside the sums (FleetQuery::totalsExpression) goes by its rl_part.
        const QString part = sample.labels.value(QStringLiteral("rl_part"));
        const std::string name =
            (part.isEmpty() ? sample.labels.value(QStringLiteral("__name__")) : part).toStdString();
        sums.byName[name] += sample.value;
        if (name == kFailed)
            sums.failuresByReason[sample.labels.value(QStringLiteral("reason")).toStdString()] += sample.value;
    }
    return sums;
}

double MetricSums::operator()(const std::string &name) const
{
    const auto it = byName.find(name);
    return it == byName.end() ? 0.0 : it->second;
}

HealthState::Totals MetricSums::totals() const
{
    const auto count = [this](const char *name) { return static_cast<std::uint64_t>((*this)(name)); };
    HealthState::Totals totals;
    totals.routed = count("rl_model_selections_total");
    totals.emitted = count("trajectory_feedback_emissions_total");
    totals.processed = count("rl_feedback_processed_total");
    totals.failed = count("rl_feedback_failed_total");
    totals.dropped = count("rl_feedback_dropped_total");
    totals.purged = count("rl_feedback_purged_total");
    totals.evicted = count("rl_routing_history_evicted_total");
    return totals;
}

void MetricSums::fill(EngineSnapshot &snapshot, const std::optional<MetricSums> &previous) const
{
    const auto reason = [this](const char *name) {
        const auto it = failuresByReason.find(name);
        return it == failuresByReason.end() ? std::uint64_t(0) : static_cast<std::uint64_t>(it->second);
    };
    snapshot.failedMissingHistory = reason("missing_history");
    snapshot.failedInvalid = reason("invalid");
    snapshot.failedException = reason("exception");
    if (!previous)
        return;
    const std::string sum = "rl_feedback_processing_latency_ms_sum", count = "rl_feedback_processing_latency_ms_count";
    const double batches = (*this)(count) - (*previous)(count);
    if (batches > 0.0)
        snapshot.batchLatenciesMs.push_back(((*this)(sum) - (*previous)(sum)) / batches);
}

} // namespace rl
