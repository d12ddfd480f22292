#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

namespace rl {

// How hard each commit is pushed to the disk (SQLite's PRAGMA synchronous in WAL mode). onDurable means
// "committed to the write-ahead log" in every mode; what that survives differs:
enum class SyncMode {
    // fsync of the log at every commit: an acknowledged item survives a process crash, an OS crash and a
    // power loss. Costs a disk flush per group commit (milliseconds on most disks, batched by the writer).
    Full,
    // The log is fsynced only at checkpoints: an acknowledged item survives a process crash (kill -9) because
    // the OS holds the written pages, but an OS crash or power loss may lose the last commits. The database
    // stays consistent (a prefix of the commits) either way. The default.
    Normal,
    // No fsync at all: survives a process crash like Normal, but an OS crash or power loss may lose commits
    // and, with checkpoints mid-write, corrupt the file (which open() then moves aside). For tests and
    // throwaway runs.
    Off,
};

struct JournalOptions {
    std::string directory; // holds journal.db (+ -wal, -shm) and journal.lock; created if missing
    SyncMode sync = SyncMode::Normal;
    // How long routing decisions (and the learned rows and consumption records joined to them) are kept for
    // export and off-policy evaluation. Decisions still awaiting feedback are kept regardless.
    std::chrono::hours decisionLogRetention{24 * 7};
    // The router's history bounds (RouterConfig): restore returns at most this many pending decisions, none
    // older than historyMaxAge.
    std::size_t historyCapacity = 100000;
    std::chrono::seconds historyMaxAge{3600};
    // How often the writer deletes what the retention lets go, in bounded chunks between commits.
    std::chrono::seconds compactionInterval{60};
    // A ceiling on journal.db (0: none, the disk is the limit). Beyond it commits fail as on a full disk:
    // the writer keeps the records, reports the error in status() and retries.
    std::uint64_t maxDatabaseBytes = 0;
    // The wall clock in milliseconds since the epoch (decision ages, retention, record times); empty means
    // system_clock. Tests pass their own. Called from open(), the writer thread and threads appending
    // consumption records or checkpoints, so it must be thread-safe.
    std::function<std::int64_t()> clock;
};

} // namespace rl
