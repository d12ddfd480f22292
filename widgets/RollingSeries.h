#pragma once

#include <optional>
#include <vector>

#include <QList>
#include <QPointF>

namespace rl {

// A fixed-capacity ring of (x, y) samples in non-decreasing x, the newest overwriting the oldest when
// full. Sorted x lets window() and nearest() binary-search instead of scanning, so a chart redraw costs
// O(log n + points in the window) however long the history is. A sample is 12 bytes (x a double, y a
// float: a chart's readings need no more than seven digits), so a day at four samples a second is 4 MB.
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
    void push(double x, float y);
    qsizetype slot(qsizetype i) const // 0 = oldest
    {
        const qsizetype s = m_head + i;
        return s >= m_capacity ? s - m_capacity : s;
    }
    QPointF at(qsizetype i) const
    {
        const qsizetype s = slot(i);
        return {m_x[s], static_cast<double>(m_y[s])};
    }
    qsizetype lowerBound(double x) const; // first i with at(i).x() >= x
    qsizetype upperBound(double x) const; // first i with at(i).x() > x

    qsizetype m_capacity;
    // Grow up to m_capacity, then are reused as a ring; separate, so a sample takes 12 bytes, not 16.
    std::vector<double> m_x;
    std::vector<float> m_y;
    qsizetype m_head = 0; // index of the oldest sample
    qsizetype m_size = 0;
};

} // namespace rl
