#include "widgets/RollingSeries.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace rl {

RollingSeries::RollingSeries(qsizetype capacity)
    : m_capacity(std::max<qsizetype>(1, capacity))
{
}

void RollingSeries::append(double x, double y)
{
    if (!std::isfinite(x) || !std::isfinite(y))
        return;
    push(x, static_cast<float>(y));
}

void RollingSeries::appendGap(double x)
{
    if (!std::isfinite(x) || m_size == 0 || std::isnan(m_y[slot(m_size - 1)]))
        return; // nothing to break, or already broken
    push(x, std::numeric_limits<float>::quiet_NaN());
}

void RollingSeries::push(double x, float y)
{
    if (m_size > 0)
        x = std::max(x, m_x[slot(m_size - 1)]);
    if (m_size < m_capacity) {
        // Until the ring first fills, m_head is 0 and the samples sit in order at the vectors' ends. Grown
        // by hand: doubling past the capacity would waste up to half of a day's history.
        if (static_cast<qsizetype>(m_x.capacity()) == m_size) {
            const auto grown = static_cast<std::size_t>(std::min(m_capacity, std::max<qsizetype>(64, 2 * m_size)));
            m_x.reserve(grown);
            m_y.reserve(grown);
        }
        m_x.push_back(x);
        m_y.push_back(y);
        ++m_size;
    } else {
        m_x[m_head] = x;
        m_y[m_head] = y;
        m_head = m_head + 1 == m_capacity ? 0 : m_head + 1;
    }
}

void RollingSeries::clear()
{
    m_x.clear();
    m_y.clear();
    m_head = 0;
    m_size = 0;
}

qsizetype RollingSeries::memoryBytes() const
{
    return static_cast<qsizetype>(m_x.capacity() * sizeof(double) + m_y.capacity() * sizeof(float));
}

std::optional<QPointF> RollingSeries::last() const
{
    if (m_size == 0)
        return std::nullopt;
    return at(m_size - 1);
}

qsizetype RollingSeries::lowerBound(double x) const
{
    qsizetype lo = 0;
    qsizetype hi = m_size;
    while (lo < hi) {
        const qsizetype mid = lo + (hi - lo) / 2;
        if (m_x[slot(mid)] < x)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

qsizetype RollingSeries::upperBound(double x) const
{
    qsizetype lo = 0;
    qsizetype hi = m_size;
    while (lo < hi) {
        const qsizetype mid = lo + (hi - lo) / 2;
        if (m_x[slot(mid)] <= x)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

QList<QPointF> RollingSeries::window(double from, double to, int maxPoints) const
{
    QList<QPointF> out;
    if (maxPoints <= 0 || !(from <= to))
        return out;
    const qsizetype begin = lowerBound(from);
    const qsizetype end = upperBound(to);
    const qsizetype count = end - begin;
    if (count <= 0)
        return out;
    if (count <= maxPoints) {
        out.reserve(count);
        for (qsizetype i = begin; i < end; ++i)
            out.append(at(i));
        return out;
    }
    if (maxPoints == 1) {
        out.append(at(end - 1));
        return out;
    }

    const int buckets = maxPoints / 2;
    const double width = (to - from) / buckets;
    out.reserve(2 * buckets);
    int bucket = -1;
    qsizetype minIndex = -1; // -1: the bucket has no sample yet
    qsizetype maxIndex = -1;
    float minY = 0;
    float maxY = 0;
    const auto flush = [&] {
        if (minIndex < 0)
            return;
        out.append(at(std::min(minIndex, maxIndex)));
        if (minIndex != maxIndex)
            out.append(at(std::max(minIndex, maxIndex)));
        minIndex = maxIndex = -1;
    };
    // Walks the ring's slots directly: this loop is the whole cost of drawing a day's history.
    qsizetype s = slot(begin);
    for (qsizetype i = begin; i < end; ++i, s = (s + 1 == m_capacity ? 0 : s + 1)) {
        const float y = m_y[s];
        if (std::isnan(y)) { // a gap ends the bucket's line and is kept, whatever the decimation
            flush();
            if (out.isEmpty() || !std::isnan(out.last().y()))
                out.append(at(i));
            continue;
        }
        const int b = width > 0 ? std::min(buckets - 1, static_cast<int>((m_x[s] - from) / width)) : 0;
        if (b != bucket) {
            flush();
            bucket = b;
        }
        if (minIndex < 0) {
            minIndex = maxIndex = i;
            minY = maxY = y;
        } else if (y < minY) {
            minIndex = i;
            minY = y;
        } else if (y >= maxY) { // on ties the later one, so a flat bucket spans its width
            maxIndex = i;
            maxY = y;
        }
    }
    flush();
    return out;
}

std::optional<QPointF> RollingSeries::nearest(double x) const
{
    if (m_size == 0 || std::isnan(x))
        return std::nullopt;
    const qsizetype i = lowerBound(x);
    if (i == 0)
        return at(0);
    if (i == m_size)
        return at(m_size - 1);
    const QPointF before = at(i - 1);
    const QPointF after = at(i);
    return (x - before.x() <= after.x() - x) ? before : after;
}

} // namespace rl
