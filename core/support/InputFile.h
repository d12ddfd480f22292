#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>

namespace rl {

// A file the user named that cannot be read; what() starts with its path and says what is wrong with it.
class InputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Reads a whole file the user named, with limits, so that a wrong path can neither hang the program nor
// exhaust its memory: only a regular file is read (a directory, a FIFO, a socket or a device such as
// /dev/zero is refused, naming what it is), and only up to maxBytes (what says what the file is for, in the
// message: "at most 16 MiB is read for a rule file"). Throws InputError.
std::string readInputFile(const std::string &path, std::size_t maxBytes, const std::string &what);

// 16 MiB, 3.2 GB: a size as a person reads it.
std::string describeBytes(std::uintmax_t bytes);

} // namespace rl
