#include "widgets/ChartTimeline.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace rl {

ChartTimeline::ChartTimeline(QObject *parent)
    : QObject(parent)
{
}

void ChartTimeline::setNow(qint64 timeMs)
{
    if (timeMs <= m_nowMs)
        return;
    m_nowMs = timeMs;
    if (m_live)
        Q_EMIT rangeChanged();
}

void ChartTimeline::setSpanMs(qint64 spanMs)
{
    setRange(endMs(), spanMs);
}

void ChartTimeline::showRange(qint64 startMs, qint64 endMs)
{
    setLive(false);
    setRange(endMs, endMs - startMs);
}

void ChartTimeline::setMaxSpanMs(qint64 spanMs)
{
    m_maxSpanMs = std::max(kMinSpanMs, spanMs);
    if (m_spanMs > m_maxSpanMs)
        setSpanMs(m_maxSpanMs);
}

void ChartTimeline::setLive(bool live)
{
    if (live == m_live)
        return;
    m_endMs = m_nowMs;
    m_live = live;
    Q_EMIT liveChanged(live);
    Q_EMIT rangeChanged();
}

namespace {

// Spans a reader can name at a glance, as Grafana's zoom steps are.
constexpr std::array<qint64, 27> kLadderMs = {
    10'000,     15'000,     20'000,     30'000,     45'000,     60'000,     90'000,      120'000,     180'000,
    300'000,    600'000,    900'000,    1'200'000,  1'800'000,  2'700'000,  3'600'000,   5'400'000,   7'200'000,
    10'800'000, 14'400'000, 21'600'000, 28'800'000, 43'200'000, 86'400'000, 172'800'000, 259'200'000, 604'800'000};

} // namespace

void ChartTimeline::zoom(int steps, qint64 anchorMs)
{
    if (steps == 0)
        return;
    qint64 span = m_spanMs;
    for (int i = 0; i < std::abs(steps); ++i) {
        if (steps > 0) { // the next shorter rung
            const auto it = std::lower_bound(kLadderMs.begin(), kLadderMs.end(), span);
            span = it == kLadderMs.begin() ? kLadderMs.front() : *(it - 1);
        } else { // the next longer one
            const auto it = std::upper_bound(kLadderMs.begin(), kLadderMs.end(), span);
            span = it == kLadderMs.end() ? kLadderMs.back() : *it;
        }
    }
    span = std::clamp(span, kMinSpanMs, m_maxSpanMs);
    if (m_live) {
        setRange(m_nowMs, span);
        return;
    }
    // The anchor keeps its fraction of the range.
    const double fraction =
        std::clamp(static_cast<double>(anchorMs - startMs()) / static_cast<double>(m_spanMs), 0.0, 1.0);
    const qint64 start = anchorMs - std::llround(fraction * static_cast<double>(span));
    setRange(start + span, span);
}

void ChartTimeline::pan(qint64 deltaMs)
{
    if (deltaMs == 0)
        return;
    const qint64 end = endMs() + deltaMs;
    if (m_live) {
        m_live = false;
        Q_EMIT liveChanged(false);
    }
    setRange(end, m_spanMs);
}

void ChartTimeline::setRange(qint64 endMs, qint64 spanMs)
{
    spanMs = std::clamp(spanMs, kMinSpanMs, m_maxSpanMs);
    if (!m_live) // nothing to see after the clock, or before the history kept
        endMs = std::clamp(endMs, m_nowMs - m_maxSpanMs + spanMs, m_nowMs);
    if (spanMs == m_spanMs && (m_live || endMs == m_endMs))
        return;
    m_spanMs = spanMs;
    if (!m_live)
        m_endMs = endMs;
    Q_EMIT rangeChanged();
}

void ChartTimeline::setCrosshair(std::optional<qint64> timeMs)
{
    if (timeMs == m_crosshairMs)
        return;
    m_crosshairMs = timeMs;
    Q_EMIT crosshairChanged();
}

void ChartTimeline::addAnnotation(qint64 timeMs, const QString &text, const QColor &color, const QString &key)
{
    if (!key.isEmpty() && !m_annotations.empty()) {
        Annotation &last = m_annotations.back();
        if (last.key == key && timeMs - last.timeMs <= kMergeMs) {
            last.timeMs = std::max(last.timeMs, timeMs);
            last.text = text;
            Q_EMIT annotationsChanged();
            return;
        }
    }
    Annotation annotation{timeMs, text, color, key};
    // Nearly always the newest; an older one (a log entry queued behind a later one) goes in its place.
    const auto at = std::upper_bound(m_annotations.begin(), m_annotations.end(), timeMs,
                                     [](qint64 t, const Annotation &a) { return t < a.timeMs; });
    m_annotations.insert(at, std::move(annotation));
    while (static_cast<qsizetype>(m_annotations.size()) > kMaxAnnotations)
        m_annotations.pop_front();
    Q_EMIT annotationsChanged();
}

void ChartTimeline::clearAnnotations()
{
    m_annotations.clear();
    Q_EMIT annotationsChanged();
}

} // namespace rl
