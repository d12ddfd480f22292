#include "core/journal/SqliteStatement.h"

#include <cmath>
#include <limits>

#include <sqlite3.h>

#include "core/journal/SqliteDatabase.h"

namespace rl {

SqliteStatement::SqliteStatement(SqliteDatabase &db, std::string_view sql)
    : m_db(db)
{
    const int code = sqlite3_prepare_v3(db.handle(), sql.data(), static_cast<int>(sql.size()),
                                        SQLITE_PREPARE_PERSISTENT, &m_statement, nullptr);
    if (code != SQLITE_OK)
        db.fail(code, "cannot prepare " + std::string(sql.substr(0, 60)));
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_statement);
}

void SqliteStatement::check(int code, const char *what)
{
    if (code != SQLITE_OK)
        m_db.fail(code, what);
}

SqliteStatement &SqliteStatement::bind(int index, std::int64_t value)
{
    check(sqlite3_bind_int64(m_statement, index, value), "bind");
    return *this;
}

SqliteStatement &SqliteStatement::bind(int index, double value)
{
    check(std::isnan(value) ? sqlite3_bind_null(m_statement, index) : sqlite3_bind_double(m_statement, index, value),
          "bind");
    return *this;
}

SqliteStatement &SqliteStatement::bindText(int index, std::string_view text)
{
    check(sqlite3_bind_text64(m_statement, index, text.data(), text.size(), SQLITE_STATIC, SQLITE_UTF8), "bind");
    return *this;
}

SqliteStatement &SqliteStatement::bindBlob(int index, std::span<const unsigned char> bytes)
{
    // A zero-length blob bound from a null pointer would be NULL; "" keeps it an empty blob.
    const void *data = bytes.empty() ? static_cast<const void *>("") : bytes.data();
    check(sqlite3_bind_blob64(m_statement, index, data, bytes.size(), SQLITE_STATIC), "bind");
    return *this;
}

SqliteStatement &SqliteStatement::bindBlob(int index, std::string_view bytes)
{
    return bindBlob(index, std::span(reinterpret_cast<const unsigned char *>(bytes.data()), bytes.size()));
}

bool SqliteStatement::step()
{
    const int code = sqlite3_step(m_statement);
    if (code == SQLITE_ROW)
        return true;
    sqlite3_reset(m_statement);
    if (code != SQLITE_DONE)
        m_db.fail(code, std::string("cannot run ") + std::string(sqlite3_sql(m_statement)).substr(0, 60));
    return false;
}

void SqliteStatement::run()
{
    while (step()) {
    }
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_statement);
}

std::int64_t SqliteStatement::columnInt(int index) const
{
    return sqlite3_column_int64(m_statement, index);
}

double SqliteStatement::columnDouble(int index) const
{
    if (columnIsNull(index))
        return std::numeric_limits<double>::quiet_NaN();
    return sqlite3_column_double(m_statement, index);
}

bool SqliteStatement::columnIsNull(int index) const
{
    return sqlite3_column_type(m_statement, index) == SQLITE_NULL;
}

std::string_view SqliteStatement::columnText(int index) const
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, index));
    return text ? std::string_view(text, static_cast<std::size_t>(sqlite3_column_bytes(m_statement, index)))
                : std::string_view();
}

std::span<const unsigned char> SqliteStatement::columnBlob(int index) const
{
    const auto *data = static_cast<const unsigned char *>(sqlite3_column_blob(m_statement, index));
    return data ? std::span(data, static_cast<std::size_t>(sqlite3_column_bytes(m_statement, index)))
                : std::span<const unsigned char>();
}

} // namespace rl
