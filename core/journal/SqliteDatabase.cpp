#include "core/journal/SqliteDatabase.h"

#include <sqlite3.h>

#include "core/journal/SqliteStatement.h"

namespace rl {

SqliteError::SqliteError(int code, const std::string &message)
    : std::runtime_error(message)
    , m_code(code)
{
}

bool SqliteError::unreadable() const
{
    switch (primaryCode()) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_FORMAT: // also ours: another schema version, a table missing
        return true;
    default:
        // A lock, a full disk, an I/O error or permissions: the file may well be fine, and a plain SQL error
        // is a bug to see, not a reason to set the journal aside.
        return false;
    }
}

SqliteDatabase::SqliteDatabase(const std::string &path, Mode mode)
    : m_path(path)
{
    const int flags = (mode == Mode::ReadWrite ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY)
                      | SQLITE_OPEN_NOMUTEX;
    const int code = sqlite3_open_v2(path.c_str(), &m_db, flags, nullptr);
    if (code != SQLITE_OK) {
        const std::string message = m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(code);
        sqlite3_close(m_db);
        m_db = nullptr;
        throw SqliteError(code, "cannot open " + path + ": " + message);
    }
    sqlite3_extended_result_codes(m_db, 1);
}

SqliteDatabase::~SqliteDatabase()
{
    // close_v2 defers the close until statements still alive are finalised, so destruction order between a
    // database and its statements never leaks the connection.
    sqlite3_close_v2(m_db);
}

void SqliteDatabase::exec(const std::string &sql)
{
    char *message = nullptr;
    const int code = sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &message);
    if (code != SQLITE_OK) {
        std::string text = message ? message : sqlite3_errstr(code);
        sqlite3_free(message);
        throw SqliteError(code, text + " (" + sql.substr(0, 60) + ")");
    }
}

std::int64_t SqliteDatabase::queryInt(const std::string &sql)
{
    SqliteStatement statement(*this, sql);
    const std::int64_t value = statement.step() ? statement.columnInt(0) : 0;
    statement.reset();
    return value;
}

std::string SqliteDatabase::queryText(const std::string &sql)
{
    SqliteStatement statement(*this, sql);
    std::string value = statement.step() ? std::string(statement.columnText(0)) : std::string();
    statement.reset();
    return value;
}

std::int64_t SqliteDatabase::changes() const
{
    return sqlite3_changes64(m_db);
}

bool SqliteDatabase::inTransaction() const
{
    return sqlite3_get_autocommit(m_db) == 0;
}

void SqliteDatabase::fail(int code, const std::string &what) const
{
    throw SqliteError(code, what + ": " + sqlite3_errmsg(m_db));
}

} // namespace rl
