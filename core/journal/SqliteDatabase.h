#pragma once

// Private to core/journal: the little of SQLite's C API the journal uses, with errors as exceptions and
// handles that close themselves.

#include <cstdint>
#include <stdexcept>
#include <string>

struct sqlite3;

namespace rl {

// An SQLite error with its extended result code, so callers can tell a damaged file (corrupt(), moved
// aside) from a full disk or a lock (retried).
class SqliteError : public std::runtime_error {
public:
    SqliteError(int code, const std::string &message);
    int code() const { return m_code; }
    int primaryCode() const { return m_code & 0xFF; }
    // The file is not a journal we can read: damaged, not SQLite at all, or a schema we do not know.
    bool unreadable() const;

private:
    int m_code;
};

// One connection. Opened in SQLite's multi-thread mode (no connection mutex): the journal uses each
// connection from one thread at a time, handing it over only through thread start-up.
class SqliteDatabase {
public:
    enum class Mode { ReadWrite, ReadOnly };

    SqliteDatabase(const std::string &path, Mode mode); // creates the file in ReadWrite mode; throws SqliteError
    ~SqliteDatabase();
    SqliteDatabase(const SqliteDatabase &) = delete;
    SqliteDatabase &operator=(const SqliteDatabase &) = delete;

    sqlite3 *handle() const { return m_db; }
    const std::string &path() const { return m_path; }

    void exec(const std::string &sql);             // statements without results; throws SqliteError
    std::int64_t queryInt(const std::string &sql); // the first column of the first row, 0 if none
    std::string queryText(const std::string &sql); // the same, as text
    std::int64_t changes() const;                  // rows changed by the last statement
    bool inTransaction() const;                    // false once SQLite rolled back by itself after an error
    [[noreturn]] void fail(int code, const std::string &what) const; // throws SqliteError with SQLite's message

private:
    sqlite3 *m_db = nullptr;
    std::string m_path;
};

} // namespace rl
