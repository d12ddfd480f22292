#include "core/journal/Crc32c.h"

#include <array>
#include <cstring>

namespace rl {

namespace {

constexpr std::uint32_t kPolynomial = 0x82F63B78; // Castagnoli, reflected

using Tables = std::array<std::array<std::uint32_t, 256>, 8>;

// tables[0] is the classic byte-at-a-time table; tables[k][b] is the CRC of byte b followed by k zero bytes,
// so eight bytes are folded in with eight independent lookups instead of a chain of eight.
constexpr Tables makeTables()
{
    Tables tables{};
    for (std::uint32_t byte = 0; byte < 256; ++byte) {
        std::uint32_t crc = byte;
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc & 1) ? (crc >> 1) ^ kPolynomial : crc >> 1;
        tables[0][byte] = crc;
    }
    for (std::size_t k = 1; k < 8; ++k) {
        for (std::size_t byte = 0; byte < 256; ++byte)
            tables[k][byte] = (tables[k - 1][byte] >> 8) ^ tables[0][tables[k - 1][byte] & 0xFF];
    }
    return tables;
}

constexpr Tables kTables = makeTables();

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define RL_CRC32C_HARDWARE 1
// Compiled for SSE 4.2 on its own, so the rest of the build still runs on any x86-64; called only after the
// CPU has said it has the instruction.
__attribute__((target("sse4.2"))) std::uint32_t crc32cHardware(const void *data, std::size_t size, std::uint32_t crc)
{
    const auto *bytes = static_cast<const unsigned char *>(data);
    std::uint64_t state = ~crc;
    for (; size >= 8; bytes += 8, size -= 8) {
        std::uint64_t word;
        std::memcpy(&word, bytes, 8); // x86 is little-endian: the bytes in the order the CRC takes them
        state = __builtin_ia32_crc32di(state, word);
    }
    auto narrow = static_cast<std::uint32_t>(state);
    for (; size > 0; ++bytes, --size)
        narrow = __builtin_ia32_crc32qi(narrow, *bytes);
    return ~narrow;
}

const bool kHasHardware = __builtin_cpu_supports("sse4.2");
#endif

} // namespace

std::uint32_t crc32c(const void *data, std::size_t size, std::uint32_t crc)
{
#ifdef RL_CRC32C_HARDWARE
    if (kHasHardware)
        return crc32cHardware(data, size, crc);
#endif
    return crc32cPortable(data, size, crc);
}

std::uint32_t crc32cPortable(const void *data, std::size_t size, std::uint32_t crc)
{
    const auto *bytes = static_cast<const unsigned char *>(data);
    crc = ~crc;
    while (size >= 8) {
        // Assembled byte by byte, so the result does not depend on the machine's byte order.
        const std::uint32_t low = crc
                                  ^ (std::uint32_t(bytes[0]) | std::uint32_t(bytes[1]) << 8
                                     | std::uint32_t(bytes[2]) << 16 | std::uint32_t(bytes[3]) << 24);
        crc = kTables[7][low & 0xFF] ^ kTables[6][(low >> 8) & 0xFF] ^ kTables[5][(low >> 16) & 0xFF]
              ^ kTables[4][low >> 24] ^ kTables[3][bytes[4]] ^ kTables[2][bytes[5]] ^ kTables[1][bytes[6]]
              ^ kTables[0][bytes[7]];
        bytes += 8;
        size -= 8;
    }
    while (size-- > 0)
        crc = (crc >> 8) ^ kTables[0][(crc ^ *bytes++) & 0xFF];
    return ~crc;
}

} // namespace rl
