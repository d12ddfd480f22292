#pragma once

#include <cstddef>
#include <cstdint>

namespace rl {

// CRC-32C (Castagnoli), the checksum of iSCSI, ext4 and LevelDB's logs: it detects every burst error up to
// 32 bits, more of the bit flips a disk or a stray write leaves than zlib's CRC-32 does, and x86-64 computes
// it in hardware (SSE 4.2), about ten times faster than any table. Written here, because a row checksum is
// all the journal would take from zlib, and zlib's CRC-32 has no such instruction.
std::uint32_t crc32c(const void *data, std::size_t size, std::uint32_t crc = 0);
// The same in portable C++ (slicing-by-8 over tables built at compile time), used where the instruction is
// missing; exposed so the tests check it on machines that have the instruction.
std::uint32_t crc32cPortable(const void *data, std::size_t size, std::uint32_t crc = 0);

} // namespace rl
