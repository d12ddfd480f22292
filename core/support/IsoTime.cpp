#include "core/support/IsoTime.h"

#include <array>
#include <chrono>
#include <cstdio>

namespace rl {

std::string isoUtc(std::int64_t epochMs)
{
    using namespace std::chrono;
    const sys_time<milliseconds> time{milliseconds(epochMs)};
    const auto day = floor<days>(time);
    const year_month_day date{day};
    const hh_mm_ss clock{time - day};
    std::array<char, 40> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                  static_cast<int>(clock.hours().count()), static_cast<int>(clock.minutes().count()),
                  static_cast<int>(clock.seconds().count()), static_cast<int>(clock.subseconds().count()));
    return buffer.data();
}

} // namespace rl
