#include "widgets/RollingSeries.h"

#include <algorithm>
#include <cmath>

namespace rl {

RollingSeries::RollingSeries(qsizetype capacity)
    : m_capacity(std::max<qsizetype>(1, capacity))
{
}

void RollingSeries::append(double x, double y)
{
    if (!std::isfinite(x) || !std::isfinite(y))
        return;
    if (m_size > 0)
        x = std::max(x, at(m_size - 1).x());
    if (m_size < m_capacity) {
        // Until the ring first fills, m_head is 0 and the samples sit in order at the vector's end.
        m_points.emplace_back(x, y);
        ++m_size;
    } else {
        m_points[m_head] = QPointF(x, y);
        m_head = (m_head + 1) % m_capacity;
    }
}

void RollingSeries::clear()
{
    m_points.clear();
    m_head = 0;
    m_size = 0;
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
        if (at(mid).x() < x)
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
        if (at(mid).x() <= x)
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
    qsizetype minIndex = 0;
    qsizetype maxIndex = 0;
    const auto flush = [&] {
        out.append(at(std::min(minIndex, maxIndex)));
        if (minIndex != maxIndex)
            out.append(at(std::max(minIndex, maxIndex)));
    };
    for (qsizetype i = begin; i < end; ++i) {
        const QPointF &p = at(i);
        const int b = width > 0 ? std::min(buckets - 1, static_cast<int>((p.x() - from) / width)) : 0;
        if (b != bucket) {
            if (bucket >= 0)
                flush();
            bucket = b;
            minIndex = maxIndex = i;
        } else if (p.y() < at(minIndex).y()) {
            minIndex = i;
        } else if (p.y() >= at(maxIndex).y()) { // on ties the later one, so a flat bucket spans its width
            maxIndex = i;
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
    const QPointF &before = at(i - 1);
    const QPointF &after = at(i);
    return (x - before.x() <= after.x() - x) ? before : after;
}

} // namespace rl
