#include "core/journal/JournalSchema.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstdint>
#include <string>

#include "core/journal/JournalOptions.h"
#include "core/journal/SqliteDatabase.h"

namespace rl {

namespace {

// 8 KiB pages. Measured with rlstudio_journalbench against 4 and 16 KiB (three runs each): 4 KiB
// acknowledged feedback about 25% slower and consumed the queue up to half as fast (twice the pages to
// split, free and log per row); 16 KiB was no faster than 8 and doubles each WAL frame.
constexpr int kPageSize = 8192;
constexpr int kCacheKiB = 65536; // the writer's page cache: the hot ends of the tables stay in memory
// After a checkpoint the WAL is truncated back to this, so one huge transaction does not keep its file.
constexpr long long kJournalSizeLimit = 64LL << 20;

const char *syncPragma(SyncMode mode)
{
    switch (mode) {
    case SyncMode::Full:
        return "PRAGMA synchronous=FULL";
    case SyncMode::Off:
        return "PRAGMA synchronous=OFF";
    case SyncMode::Normal:
        break;
    }
    return "PRAGMA synchronous=NORMAL";
}

} // namespace

void configureJournalConnection(SqliteDatabase &db, const JournalOptions &options)
{
    sqlite3_busy_timeout(db.handle(), 2000); // another process recovering the WAL, or an export's checkpoint
    // Only a new, empty file takes these; an existing one keeps what it was created with.
    db.exec("PRAGMA page_size=" + std::to_string(kPageSize));
    // Incremental, so compaction can give freed pages back to the file system in bounded steps.
    db.exec("PRAGMA auto_vacuum=INCREMENTAL");
    if (db.queryText("PRAGMA journal_mode=WAL") != "wal")
        throw SqliteError(SQLITE_CANTOPEN, db.path() + ": cannot switch to WAL mode");
    db.exec(syncPragma(options.sync));
    // Debian builds SQLite with SECURE_DELETE, which zeroes every deleted row: for a queue that deletes
    // everything it inserts that doubles the writes, and the rows hold nothing secret.
    db.exec("PRAGMA secure_delete=OFF");
    db.exec("PRAGMA cache_size=-" + std::to_string(kCacheKiB));
    db.exec("PRAGMA journal_size_limit=" + std::to_string(kJournalSizeLimit));
    db.exec("PRAGMA temp_store=MEMORY");
    if (options.maxDatabaseBytes > 0) {
        const auto pages = std::max<std::uint64_t>(options.maxDatabaseBytes / kPageSize, 16);
        db.exec("PRAGMA max_page_count=" + std::to_string(pages));
    }
}

void ensureJournalSchema(SqliteDatabase &db)
{
    const auto version = db.queryInt("PRAGMA user_version");
    if (version == kJournalSchemaVersion) {
        // A file of our version without one of our tables was edited by hand or damaged: unreadable, rather
        // than a query failing later with an error that looks like a bug.
        for (const char *table : {"feedback", "decisions", "learned", "consumption", "checkpoints", "meta"}) {
            if (db.queryInt(std::string("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = '") + table
                            + "'")
                == 0)
                throw SqliteError(SQLITE_FORMAT, db.path() + " has no table " + table);
        }
        return;
    }
    if (version != 0 || db.queryInt("SELECT count(*) FROM sqlite_schema") != 0)
        throw SqliteError(SQLITE_FORMAT, db.path() + " has schema version " + std::to_string(version)
                                             + ", this build reads version " + std::to_string(kJournalSchemaVersion));
    // Rowid tables throughout: every key is an increasing integer, so inserts append to the right edge of the
    // tree and a range delete frees whole pages (WITHOUT ROWID would store the same tree and gain nothing).
    // No index on a per-row table: an index entry per feedback item or learning step costs as much as the
    // row. `learned` holds a consumption's learning steps as one blob, with the seq and event-id bounds
    // indexed: relearning finds the batches after a checkpoint by last_seq, restore and export join
    // decisions to their rewards by walking the batches in event-id order.
    db.exec(R"(BEGIN IMMEDIATE;
CREATE TABLE feedback(seq INTEGER PRIMARY KEY, body BLOB NOT NULL);
CREATE TABLE decisions(event_id INTEGER PRIMARY KEY, trajectory_id TEXT NOT NULL, time_ms INTEGER NOT NULL,
  arm INTEGER NOT NULL, propensity REAL, features BLOB NOT NULL, probabilities BLOB NOT NULL,
  policy_version TEXT NOT NULL, immediate_reward REAL);
CREATE TABLE learned(id INTEGER PRIMARY KEY, first_seq INTEGER NOT NULL, last_seq INTEGER NOT NULL,
  min_event_id INTEGER NOT NULL, max_event_id INTEGER NOT NULL, time_ms INTEGER NOT NULL, steps BLOB NOT NULL);
CREATE INDEX learned_by_last_seq ON learned(last_seq);
CREATE INDEX learned_by_min_event ON learned(min_event_id);
CREATE INDEX learned_by_max_event ON learned(max_event_id);
CREATE TABLE consumption(id INTEGER PRIMARY KEY, first_seq INTEGER NOT NULL, last_seq INTEGER NOT NULL,
  processed INTEGER NOT NULL, failed_missing_history INTEGER NOT NULL, failed_invalid INTEGER NOT NULL,
  failed_exception INTEGER NOT NULL, dropped INTEGER NOT NULL, purged INTEGER NOT NULL, removed INTEGER NOT NULL,
  time_ms INTEGER NOT NULL);
CREATE TABLE checkpoints(id INTEGER PRIMARY KEY, covers_seq INTEGER NOT NULL, time_ms INTEGER NOT NULL,
  crc INTEGER NOT NULL, state TEXT NOT NULL);
CREATE TABLE meta(key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
)");
    // In the same transaction as the tables (the version lives in page 1, which the transaction writes): a
    // crash between the two would leave tables without a version, which the next open would move aside.
    db.exec("PRAGMA user_version=" + std::to_string(kJournalSchemaVersion) + "; COMMIT;");
}

} // namespace rl
