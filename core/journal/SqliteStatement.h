#pragma once

// Private to core/journal: a prepared statement.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

struct sqlite3_stmt;

namespace rl {

class SqliteDatabase;

// Prepared once and run many times: preparing costs about as much as running a small insert, so every
// statement on a hot path is one of these, kept for the connection's life. Blobs and text are bound without
// copying: the caller keeps them alive until the statement has run.
class SqliteStatement {
public:
    SqliteStatement(SqliteDatabase &db, std::string_view sql); // throws SqliteError
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    // Parameters count from 1, as in SQLite.
    SqliteStatement &bind(int index, std::int64_t value);
    SqliteStatement &bind(int index, std::uint64_t value) { return bind(index, static_cast<std::int64_t>(value)); }
    SqliteStatement &bind(int index, double value); // NaN is stored as NULL
    SqliteStatement &bindText(int index, std::string_view text);
    SqliteStatement &bindBlob(int index, std::span<const unsigned char> bytes);
    SqliteStatement &bindBlob(int index, std::string_view bytes);

    // true with a row to read; false when done, the statement then reset for the next run. On an error the
    // statement is reset and SqliteError thrown.
    bool step();
    void run();   // steps to the end: for statements without results
    void reset(); // abandons a query before its end, releasing its read snapshot

    std::int64_t columnInt(int index) const;
    double columnDouble(int index) const; // NULL reads as NaN
    bool columnIsNull(int index) const;
    std::string_view columnText(int index) const;               // valid until the next step
    std::span<const unsigned char> columnBlob(int index) const; // valid until the next step

private:
    void check(int code, const char *what);

    SqliteDatabase &m_db;
    sqlite3_stmt *m_statement = nullptr;
};

} // namespace rl
