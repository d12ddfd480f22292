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
    const qsizetype seq = m_first + m_size;
    if (m_size < m_capacity) {
        // Until the ring first fills, the samples sit in order at the vectors' ends. Grown by hand:
        // doubling past the capacity would waste up to half of a day's history.
        if (static_cast<qsizetype>(m_x.capacity()) == m_size) {
            const auto grown = static_cast<std::size_t>(std::min(m_capacity, std::max<qsizetype>(64, 2 * m_size)));
            m_x.reserve(grown);
            m_y.reserve(grown);
        }
        m_x.push_back(x);
        m_y.push_back(y);
        ++m_size;
    } else {
        const qsizetype s = seq % m_capacity;
        m_x[s] = x;
        m_y[s] = y;
        ++m_first;
    }
    if (m_blocks.empty())
        m_blocks.resize(static_cast<std::size_t>(m_capacity / kBlock + 2));
    Block &b = block(seq);
    if (seq % kBlock == 0)
        b = Block{std::numeric_limits<float>::infinity(), -std::numeric_limits<float>::infinity(), seq, seq, false};
    if (std::isnan(y)) {
        b.gap = true;
    } else {
        if (y < b.minY) { // the earliest lowest and the latest highest, as window() picks within a bucket
            b.minY = y;
            b.minSeq = seq;
        }
        if (y >= b.maxY) {
            b.maxY = y;
            b.maxSeq = seq;
        }
    }
}

void RollingSeries::clear()
{
    m_x.clear();
    m_y.clear();
    m_blocks.clear();
    m_first = 0;
    m_size = 0;
}

qsizetype RollingSeries::memoryBytes() const
{
    return static_cast<qsizetype>(m_x.capacity() * sizeof(double) + m_y.capacity() * sizeof(float)
                                  + m_blocks.capacity() * sizeof(Block));
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
    const auto bucketOf = [&](double x) {
        return width > 0 ? std::min(buckets - 1, static_cast<int>((x - from) / width)) : 0;
    };
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
    const auto take = [&](qsizetype i, float y) {
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
    };
    qsizetype i = begin;
    while (i < end) {
        const qsizetype seq = m_first + i;
        // A whole block inside one bucket, without a gap: its lowest and highest stand for it.
        if (seq % kBlock == 0 && i + kBlock <= end) {
            const Block &b = block(seq);
            const int first = bucketOf(m_x[slot(i)]);
            if (!b.gap && first == bucketOf(m_x[slot(i + kBlock - 1)])) {
                if (first != bucket) {
                    flush();
                    bucket = first;
                }
                // The block's own order: its lowest first if it came first, as sample by sample would.
                if (b.minSeq <= b.maxSeq) {
                    take(b.minSeq - m_first, b.minY);
                    take(b.maxSeq - m_first, b.maxY);
                } else {
                    take(b.maxSeq - m_first, b.maxY);
                    take(b.minSeq - m_first, b.minY);
                }
                i += kBlock;
                continue;
            }
        }
        const qsizetype s = slot(i);
        const float y = m_y[s];
        if (std::isnan(y)) { // a gap ends the bucket's line and is kept, whatever the decimation
            flush();
            if (out.isEmpty() || !std::isnan(out.last().y()))
                out.append(at(i));
            ++i;
            continue;
        }
        const int b = bucketOf(m_x[s]);
        if (b != bucket) {
            flush();
            bucket = b;
        }
        take(i, y);
        ++i;
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
