#pragma once

// Private to core/journal.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "core/journal/JournalCounters.h"
#include "core/journal/JournalOptions.h"

namespace rl {

class SqliteDatabase;
struct RestoredJournal;

// Opens DIR/journal.db (creating it), reads back what the engine needs to resume, and repairs what it can:
// corrupt feedback rows are removed and counted as dropped, so the identity holds again. A file SQLite
// cannot read (damaged, not a database, another schema) is moved aside and an empty journal started.
class JournalRestorer {
public:
    using Progress = std::function<bool(std::uint64_t done, std::uint64_t total)>;

    JournalRestorer(const JournalOptions &options, Progress progress);

    struct Opened {
        std::unique_ptr<SqliteDatabase> db; // configured, ready for the writer
        JournalCounters counters;
    };
    // Throws JournalCancelled when progress returns false, SqliteError when the file cannot be opened at
    // all (permissions, I/O errors: moving it aside would not help).
    Opened restore(RestoredJournal &restored);

private:
    Opened read(const std::string &path, RestoredJournal &restored);
    void readCheckpoint(SqliteDatabase &db, RestoredJournal &restored, JournalCounters &counters);
    void readRelearn(SqliteDatabase &db, RestoredJournal &restored, JournalCounters &counters);
    void readPending(SqliteDatabase &db, RestoredJournal &restored);
    void readQueue(SqliteDatabase &db, std::uint64_t expected, RestoredJournal &restored,
                   std::vector<std::uint64_t> &corrupt);
    std::string repair(SqliteDatabase &db, RestoredJournal &restored, JournalCounters &counters,
                       const std::vector<std::uint64_t> &corrupt);
    void advance(std::uint64_t rows); // counts rows read, reporting progress now and then

    const JournalOptions &m_options;
    Progress m_progress;
    std::uint64_t m_done = 0;
    std::uint64_t m_total = 0;
    std::uint64_t m_reported = 0;
};

// Renames path (and its -wal and -shm) to path.corrupt-<UTC time>; returns the new name.
std::string moveJournalAside(const std::string &path);

} // namespace rl
