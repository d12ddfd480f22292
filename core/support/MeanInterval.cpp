#include "core/support/MeanInterval.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace rl {

double studentT975(unsigned degrees)
{
    // Exact to 7 digits up to 30 degrees; beyond, the Cornish-Fisher expansion in 1/ν is within 2e-6.
    static constexpr std::array<double, 30> kTable{
        12.7062047, 4.3026527, 3.1824463, 2.7764451, 2.5705818, 2.4469119, 2.3646243, 2.3060041, 2.2621572, 2.2281389,
        2.2009852,  2.1788128, 2.1603687, 2.1447867, 2.1314495, 2.1199053, 2.1098156, 2.1009220, 2.0930241, 2.0859634,
        2.0796138,  2.0738731, 2.0686576, 2.0638986, 2.0595386, 2.0555294, 2.0518305, 2.0484071, 2.0452296, 2.0422725};
    if (degrees >= 1 && degrees <= kTable.size())
        return kTable[degrees - 1];
    const double z = 1.959963984540054;
    const double v = degrees;
    const double z3 = z * z * z;
    const double z5 = z3 * z * z;
    const double z7 = z5 * z * z;
    return z + (z3 + z) / (4 * v) + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v)
           + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * v * v * v);
}

MeanInterval MeanInterval::clampedTo(double lowest, double highest) const
{
    MeanInterval result = *this;
    if (low)
        result.low = std::clamp(*low, lowest, highest);
    if (high)
        result.high = std::clamp(*high, lowest, highest);
    return result;
}

MeanInterval MeanInterval::of(std::span<const double> values)
{
    MeanInterval result;
    const double n = static_cast<double>(values.size());
    for (const double v : values)
        result.mean += v;
    result.mean /= n;
    if (values.size() < 2)
        return result;
    double squares = 0.0;
    for (const double v : values)
        squares += (v - result.mean) * (v - result.mean);
    const double halfWidth = studentT975(static_cast<unsigned>(values.size() - 1)) * std::sqrt(squares / (n - 1) / n);
    result.low = result.mean - halfWidth;
    result.high = result.mean + halfWidth;
    return result;
}

} // namespace rl
