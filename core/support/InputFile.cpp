#include "core/support/InputFile.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <new>

#include "core/support/NumberFormat.h"

namespace rl {

namespace {

[[noreturn]] void fail(const std::string &path, const std::string &problem)
{
    throw InputError(path + ": " + problem);
}

} // namespace

std::string describeBytes(std::uintmax_t bytes)
{
    constexpr std::array<const char *, 5> kUnits{"bytes", "KiB", "MiB", "GiB", "TiB"};
    double value = static_cast<double>(bytes);
    std::size_t unit = 0;
    while (value >= 1024.0 && unit + 1 < kUnits.size()) {
        value /= 1024.0;
        ++unit;
    }
    return formatNumber(value, unit == 0 ? std::chars_format::fixed : std::chars_format::general, unit == 0 ? 0 : 3)
           + " " + kUnits[unit];
}

std::string readInputFile(const std::string &path, std::size_t maxBytes, const std::string &what)
{
    namespace fs = std::filesystem;
    std::error_code error;
    // Judged before opening: opening a FIFO without a writer would block for ever.
    const fs::file_status status = fs::status(path, error);
    if (error)
        fail(path,
             error == std::errc::no_such_file_or_directory ? "no such file" : "cannot be read: " + error.message());
    switch (status.type()) {
    case fs::file_type::regular:
        break;
    case fs::file_type::directory:
        fail(path, "is a directory, not a file");
    case fs::file_type::fifo:
        fail(path, "is a named pipe (FIFO), not a regular file");
    case fs::file_type::socket:
        fail(path, "is a socket, not a regular file");
    case fs::file_type::character:
    case fs::file_type::block:
        fail(path, "is a device, not a regular file");
    default:
        fail(path, "is not a regular file");
    }
    const std::uintmax_t size = fs::file_size(path, error);
    if (!error && size > maxBytes)
        fail(path, "is " + describeBytes(size) + "; at most " + describeBytes(maxBytes) + " is read for " + what);

    std::ifstream in(path, std::ios::binary);
    if (!in)
        fail(path, std::string("cannot be opened: ") + std::strerror(errno));
    std::string text;
    try {
        text.reserve(static_cast<std::size_t>(std::min<std::uintmax_t>(error ? 0 : size, maxBytes)) + 1);
        // In chunks up to one byte past the limit: the file may have grown since its size was read.
        std::array<char, 65536> chunk;
        while (in && text.size() <= maxBytes) {
            in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
            text.append(chunk.data(), static_cast<std::size_t>(in.gcount()));
        }
    } catch (const std::bad_alloc &) {
        fail(path, "not enough memory to read its " + describeBytes(error ? text.size() : size));
    }
    if (in.bad())
        fail(path, "cannot be read");
    if (text.size() > maxBytes)
        fail(path, "is more than " + describeBytes(maxBytes) + ", the most that is read for " + what);
    return text;
}

} // namespace rl
