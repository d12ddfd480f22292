#pragma once

#include <cstddef>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rl {

// In-memory time series by metric name, for evaluating alert rules on the app's own live values. Each
// series is a time-ordered buffer bounded by age (retention) and by count. Not thread-safe: one owner, and
// the spans it hands out stay valid only until the next record() or clear().
class SeriesStore {
public:
    struct Sample {
        double tSeconds;
        double value;
    };

    // Generous for one sample a second over hours; it only stops a runaway caller from growing without bound.
    static constexpr std::size_t kDefaultMaxSamplesPerSeries = 1 << 20;

    // Samples older than retentionSeconds before a series' newest sample are pruned when it is recorded.
    explicit SeriesStore(double retentionSeconds, std::size_t maxSamplesPerSeries = kDefaultMaxSamplesPerSeries);

    // Appends a sample. A sample at the newest timestamp replaces that sample's value; one older than the
    // newest, or with a non-finite time, is dropped (as Prometheus drops out-of-order samples).
    void record(std::string_view metric, double tSeconds, double value);

    // The samples with fromSeconds < t <= toSeconds (left-open, like a PromQL range), oldest first. O(log n).
    std::span<const Sample> samples(std::string_view metric, double fromSeconds, double toSeconds) const;

    std::vector<std::string> metrics() const;
    double retentionSeconds() const { return m_retentionSeconds; }
    void clear();

private:
    // Live samples are m_samples[m_head..]; the pruned prefix is erased once it is half the buffer, so
    // pruning is amortised O(1) and the live samples stay contiguous (a span, binary-searchable).
    struct Series {
        std::vector<Sample> samples;
        std::size_t head = 0;
    };

    double m_retentionSeconds;
    std::size_t m_maxSamplesPerSeries;
    std::map<std::string, Series, std::less<>> m_series;
};

} // namespace rl
