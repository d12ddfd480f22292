#pragma once

#include <QColor>

namespace rl {

// The qualitative colours of the charts' series (Tableau 10): distinct hues of middling lightness that
// read on light and dark backgrounds alike, so a chart needs no second set for a dark theme. Indices
// past the last colour start over; a chart that may show that many tells the rounds apart by other means
// (round()).
class SeriesPalette {
public:
    static QColor color(int index);
    static int size();
    static int round(int index); // 0 for the first size() indices, 1 for the next, ...
};

} // namespace rl
