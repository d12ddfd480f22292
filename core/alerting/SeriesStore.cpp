#include "core/alerting/SeriesStore.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace rl {

SeriesStore::SeriesStore(double retentionSeconds, std::size_t maxSamplesPerSeries)
    : m_retentionSeconds(retentionSeconds)
    , m_maxSamplesPerSeries(maxSamplesPerSeries)
{
    if (!(retentionSeconds > 0.0) || std::isinf(retentionSeconds))
        throw std::invalid_argument("SeriesStore: retention must be a positive number of seconds");
    if (maxSamplesPerSeries == 0)
        throw std::invalid_argument("SeriesStore: maxSamplesPerSeries must be at least 1");
}

void SeriesStore::record(std::string_view metric, double tSeconds, double value)
{
    if (!std::isfinite(tSeconds))
        return;
    auto it = m_series.find(metric);
    if (it == m_series.end())
        it = m_series.emplace(std::string(metric), Series{}).first;
    Series &series = it->second;
    auto &samples = series.samples;

    if (series.head < samples.size()) {
        Sample &newest = samples.back();
        if (tSeconds < newest.tSeconds)
            return;
        if (tSeconds == newest.tSeconds) {
            newest.value = value;
            return;
        }
    }
    samples.push_back({tSeconds, value});

    const double oldestKept = tSeconds - m_retentionSeconds;
    while (series.head < samples.size()
           && (samples[series.head].tSeconds <= oldestKept || samples.size() - series.head > m_maxSamplesPerSeries))
        ++series.head;
    if (series.head > samples.size() / 2) {
        samples.erase(samples.begin(), samples.begin() + static_cast<std::ptrdiff_t>(series.head));
        series.head = 0;
    }
}

std::span<const SeriesStore::Sample> SeriesStore::samples(std::string_view metric, double fromSeconds,
                                                          double toSeconds) const
{
    const auto it = m_series.find(metric);
    if (it == m_series.end())
        return {};
    const std::span<const Sample> live = std::span<const Sample>(it->second.samples).subspan(it->second.head);
    const auto after = [](double t, const Sample &s) { return t < s.tSeconds; };
    const auto first = std::upper_bound(live.begin(), live.end(), fromSeconds, after);
    const auto last = std::upper_bound(first, live.end(), toSeconds, after);
    return {first, last};
}

std::vector<std::string> SeriesStore::metrics() const
{
    std::vector<std::string> names;
    names.reserve(m_series.size());
    for (const auto &entry : m_series)
        names.push_back(entry.first);
    return names;
}

void SeriesStore::clear()
{
    m_series.clear();
}

} // namespace rl
