#include "widgets/SeriesPalette.h"

#include <array>
#include <cstdlib>

namespace rl {

namespace {

constexpr std::array<QRgb, 10> kColors = {0x4e79a7, 0xf28e2b, 0xe15759, 0x76b7b2, 0x59a14f,
                                          0xedc948, 0xb07aa1, 0xff9da7, 0x9c755f, 0xbab0ac};

} // namespace

QColor SeriesPalette::color(int index)
{
    return QColor(kColors[static_cast<std::size_t>(std::abs(index)) % kColors.size()]);
}

int SeriesPalette::size()
{
    return static_cast<int>(kColors.size());
}

int SeriesPalette::round(int index)
{
    return std::abs(index) / size();
}

} // namespace rl
