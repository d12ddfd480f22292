#include "core/journal/WalTail.h"

#include <array>
#include <fstream>
#include <vector>

namespace rl {

namespace {

constexpr std::size_t kHeaderBytes = 32;
constexpr std::size_t kFrameHeaderBytes = 24;

std::uint32_t bigEndian(const unsigned char *p)
{
    return std::uint32_t(p[0]) << 24 | std::uint32_t(p[1]) << 16 | std::uint32_t(p[2]) << 8 | std::uint32_t(p[3]);
}

// SQLite's WAL checksum over n bytes (a multiple of 8), continuing s, with the byte order the magic chose.
void checksum(const unsigned char *data, std::size_t n, bool bigEndianWords, std::array<std::uint32_t, 2> &s)
{
    for (std::size_t i = 0; i < n; i += 8) {
        const auto word = [&](std::size_t at) {
            return bigEndianWords ? bigEndian(data + at)
                                  : std::uint32_t(data[at]) | std::uint32_t(data[at + 1]) << 8
                                        | std::uint32_t(data[at + 2]) << 16 | std::uint32_t(data[at + 3]) << 24;
        };
        s[0] += word(i) + s[1];
        s[1] += word(i + 4) + s[0];
    }
}

} // namespace

WalTail WalTail::inspect(const std::string &walPath)
{
    WalTail tail;
    std::ifstream file(walPath, std::ios::binary | std::ios::ate);
    if (!file)
        return tail;
    const auto size = static_cast<std::uint64_t>(file.tellg());
    file.seekg(0);
    std::array<unsigned char, kHeaderBytes> header{};
    if (size < kHeaderBytes || !file.read(reinterpret_cast<char *>(header.data()), kHeaderBytes))
        return tail;
    const std::uint32_t magic = bigEndian(header.data());
    const std::uint32_t pageSize = bigEndian(header.data() + 8);
    if ((magic & 0xFFFFFFFEu) != 0x377f0682u || pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)))
        return tail;
    const bool bigEndianWords = magic & 1;
    std::array<std::uint32_t, 2> sum{0, 0};
    checksum(header.data(), 24, bigEndianWords, sum);
    if (sum[0] != bigEndian(header.data() + 24) || sum[1] != bigEndian(header.data() + 28))
        return tail; // SQLite ignores a log whose header is damaged; nothing of it was ever acknowledged

    // Frames whose salts are the header's belong to this log; with the wrong checksum, the rest is skipped.
    std::vector<unsigned char> frame(kFrameHeaderBytes + pageSize);
    std::uint64_t frames = 0;
    std::uint64_t keptBytes = kHeaderBytes;
    std::uint64_t currentAfterKept = 0;
    bool intact = true;
    while (file.read(reinterpret_cast<char *>(frame.data()), static_cast<std::streamsize>(frame.size()))) {
        if (std::equal(frame.begin() + 8, frame.begin() + 16, header.begin() + 16) == false)
            break; // a frame of an earlier log, left behind: not part of this one
        ++frames;
        if (intact) {
            checksum(frame.data(), 8, bigEndianWords, sum);
            checksum(frame.data() + kFrameHeaderBytes, pageSize, bigEndianWords, sum);
            intact = sum[0] == bigEndian(frame.data() + 16) && sum[1] == bigEndian(frame.data() + 20);
        }
        if (intact && bigEndian(frame.data() + 4) != 0) { // a commit frame: recovery keeps up to here
            tail.validFrames = frames;
            keptBytes = kHeaderBytes + frames * frame.size();
            currentAfterKept = 0;
        } else {
            ++currentAfterKept;
        }
    }
    tail.skippedFrames = currentAfterKept;
    // A partial last frame counts as skipped bytes; bytes of an earlier log beyond do too only if frames of
    // this log were skipped (otherwise they are the log's usual high-water leftovers).
    const std::uint64_t partial = file.gcount() > 0 && static_cast<std::size_t>(file.gcount()) >= 16
                                          && std::equal(frame.begin() + 8, frame.begin() + 16, header.begin() + 16)
                                      ? 1
                                      : 0;
    tail.skippedFrames += partial;
    if (tail.skippedFrames > 0)
        tail.skippedBytes = std::min(size, keptBytes + (tail.skippedFrames - partial) * frame.size()
                                               + (partial ? static_cast<std::uint64_t>(file.gcount()) : 0))
                            - keptBytes;
    return tail;
}

} // namespace rl
