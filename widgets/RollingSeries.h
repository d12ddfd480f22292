#pragma once

#include <optional>
#include <vector>

#include <QList>
#include <QPointF>

namespace rl {

// A fixed-capacity ring of (x, y) samples in non-decreasing x, the newest overwriting the oldest when
// full. Sorted x lets window() and nearest() binary-search instead of scanning, so a chart redraw costs
// O(log n + points in the window) however long the history is.
class RollingSeries {
public:
    explicit RollingSeries(qsizetype capacity);

    // Samples with a non-finite x or y are ignored (a line cannot draw them). An x below the newest one,
    // e.g. after the wall clock stepped back, is raised to it so the ring stays sorted.
    void append(double x, double y);
    void clear();

    qsizetype size() const { return m_size; }
    qsizetype capacity() const { return m_capacity; }
    bool isEmpty() const { return m_size == 0; }
    std::optional<QPointF> last() const;

    // The samples with from <= x <= to, in x order. Beyond maxPoints they are decimated: [from, to] is
    // split into maxPoints / 2 buckets and each keeps its lowest and highest sample, so spikes survive.
    QList<QPointF> window(double from, double to, int maxPoints) const;

    // The sample whose x is closest to x (the earlier one on a tie).
    std::optional<QPointF> nearest(double x) const;

private:
    const QPointF &at(qsizetype i) const { return m_points[(m_head + i) % m_capacity]; } // 0 = oldest
    qsizetype lowerBound(double x) const;                                                // first i with at(i).x() >= x
    qsizetype upperBound(double x) const;                                                // first i with at(i).x() > x

    qsizetype m_capacity;
    std::vector<QPointF> m_points; // grows up to m_capacity, then is reused as a ring
    qsizetype m_head = 0;          // index of the oldest sample in m_points
    qsizetype m_size = 0;
};

} // namespace rl
