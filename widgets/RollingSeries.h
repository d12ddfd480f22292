#pragma once

#include <optional>
#include <vector>

#include <QList>
#include <QPointF>

namespace rl {

// A fixed-capacity ring of (x, y) samples in non-decreasing x, the newest overwriting the oldest when
// full. Sorted x lets window() and nearest() binary-search instead of scanning, so a chart redraw costs
// O(log n + points in the window) however long the history is. A sample is 12 bytes (x a double, y a
// float: a chart's readings need no more than seven digits), so a day at four samples a second is 4 MB,
// and half a byte a sample more for the blocks that make drawing it fast.
class RollingSeries {
public:
    static constexpr qsizetype kBytesPerSample = sizeof(double) + sizeof(float);

    explicit RollingSeries(qsizetype capacity);

    // Samples with a non-finite x or y are ignored (a line cannot draw them). An x below the newest one,
    // e.g. after the wall clock stepped back, is raised to it so the ring stays sorted.
    void append(double x, double y);
    // Marks that there is no data from x on, until the next append: the line breaks here. A NaN y stands
    // for the break in what window() and nearest() return.
    void appendGap(double x);
    void clear();

    qsizetype size() const { return m_size; }
    qsizetype capacity() const { return m_capacity; }
    qsizetype memoryBytes() const; // what the samples' storage holds now (it grows up to the capacity)
    bool isEmpty() const { return m_size == 0; }
    std::optional<QPointF> last() const;

    // The samples with from <= x <= to, in x order. Beyond maxPoints they are decimated: [from, to] is
    // split into maxPoints / 2 buckets and each keeps its lowest and highest sample, so spikes survive;
    // gaps are kept too.
    QList<QPointF> window(double from, double to, int maxPoints) const;

    // The sample whose x is closest to x (the earlier one on a tie).
    std::optional<QPointF> nearest(double x) const;

private:
    // Each run of kBlock samples (by sequence number) keeps its lowest and highest, so decimating a long
    // range reads a block where it would read kBlock samples: a day's history draws 64 times faster.
    static constexpr qsizetype kBlock = 64;
    struct Block {
        float minY;
        float maxY;
        qsizetype minSeq;
        qsizetype maxSeq;
        bool gap; // holds a gap: read sample by sample
    };

    void push(double x, float y);
    qsizetype slot(qsizetype i) const // 0 = oldest
    {
        return (m_first + i) % m_capacity;
    }
    QPointF at(qsizetype i) const
    {
        const qsizetype s = slot(i);
        return {m_x[s], static_cast<double>(m_y[s])};
    }
    Block &block(qsizetype seq) { return m_blocks[(seq / kBlock) % static_cast<qsizetype>(m_blocks.size())]; }
    const Block &block(qsizetype seq) const
    {
        return m_blocks[(seq / kBlock) % static_cast<qsizetype>(m_blocks.size())];
    }
    qsizetype lowerBound(double x) const; // first i with at(i).x() >= x
    qsizetype upperBound(double x) const; // first i with at(i).x() > x

    qsizetype m_capacity;
    // Grow up to m_capacity, then are reused as a ring; separate, so a sample takes 12 bytes, not 16. The
    // sample with sequence number n (counted from the first append) sits at n % m_capacity.
    std::vector<double> m_x;
    std::vector<float> m_y;
    std::vector<Block> m_blocks; // a ring too, one more than the samples span, so a live block is never reused
    qsizetype m_first = 0;       // sequence number of the oldest sample
    qsizetype m_size = 0;
};

} // namespace rl
