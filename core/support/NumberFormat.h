#pragma once

#include <charconv>
#include <string>

namespace rl {

// Numbers as text, the same whatever the process's locale: std::to_chars, never printf, which Qt's
// setlocale(LC_ALL, "") would make write "6,17e+03" under a German locale (in an API answer, a file
// other programs read, a message).

// The shortest form that reads back exactly, "nan" and "inf" included.
std::string formatNumber(double value);
// As printf in the C locale with format's conversion and precision: fixed like %.3f, general like %.4g,
// scientific like %.2e.
std::string formatNumber(double value, std::chars_format format, int precision);
// The shortest scientific form that reads back exactly: 6170 -> "6.17e+03".
std::string formatScientific(double value);

} // namespace rl
