#pragma once

// Private to core/journal: what SQLite will skip of a write-ahead log.

#include <cstdint>
#include <string>

namespace rl {

// SQLite recovers a WAL up to its last intact commit and silently ignores the rest: the frames of a
// commit torn by a crash, or damaged. The journal reads the log first, as SQLite's recovery will
// (https://sqlite.org/fileformat.html#the_write_ahead_log), so what is skipped is said and counted.
struct WalTail {
    std::uint64_t validFrames = 0;   // up to the last intact commit frame: what recovery keeps
    std::uint64_t skippedFrames = 0; // frames of the current log after it (torn or damaged)
    std::uint64_t skippedBytes = 0;  // bytes after the kept frames, including a partial frame

    // Reads DIR/journal.db-wal if there is one; a missing or empty log, or one with a bad header (SQLite
    // then ignores all of it), reads as nothing skipped beyond what the header says.
    static WalTail inspect(const std::string &walPath);
};

} // namespace rl
