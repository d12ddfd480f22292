#pragma once

// Private to core/journal: the tables and the connection settings.

namespace rl {

class SqliteDatabase;
struct JournalOptions;

inline constexpr int kJournalSchemaVersion = 1; // PRAGMA user_version

// Settings for the writing connection: WAL, the sync mode, page size and incremental vacuum (which take
// effect only on a new file), the cache and the WAL's size limit. Throws SqliteError: this is the first
// thing to read the file, so a file that is not a database fails here.
void configureJournalConnection(SqliteDatabase &db, const JournalOptions &options);

// Creates the tables in an empty database. Throws SqliteError (SQLITE_FORMAT, so unreadable()) for a
// database of another schema version.
void ensureJournalSchema(SqliteDatabase &db);

} // namespace rl
