#pragma once

#include <optional>
#include <span>

namespace rl {

// The mean of independent runs with its 95 % Student-t interval, mean ± t(0.975, n-1) · s / √n: what a
// comparison across seeds reports. No interval for a single value.
struct MeanInterval {
    double mean = 0.0;
    std::optional<double> low;
    std::optional<double> high;

    static MeanInterval of(std::span<const double> values); // values must not be empty
    // The interval cut to what the quantity can be: a share stays in [0, 1], a regret above 0.
    MeanInterval clampedTo(double lowest, double highest) const;
};

// The 0.975 quantile of Student's t with `degrees` degrees of freedom (>= 1).
double studentT975(unsigned degrees);

} // namespace rl
