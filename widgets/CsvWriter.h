#pragma once

#include <QSaveFile>
#include <QString>
#include <QStringList>

QT_BEGIN_NAMESPACE
class QAbstractItemModel;
QT_END_NAMESPACE

namespace rl {

// Writes RFC 4180 CSV (quoted where needed, CRLF line ends, UTF-8) to a file that appears whole or not at
// all: a cancelled or failed export never leaves half a file where the last good one was.
class CsvWriter {
public:
    // A model's cells are read in this role first, so a table can give machine-readable values (ISO times,
    // plain numbers) where its display role is formatted for reading; DisplayRole otherwise.
    static constexpr int kExportRole = Qt::UserRole + 100;

    explicit CsvWriter(const QString &path);

    void writeRow(const QStringList &fields);
    bool commit(QString *error); // false, with the reason, if the file could not be written

    static QString field(const QString &value);
    // The whole model: its horizontal headers, then every row.
    static bool writeModel(const QAbstractItemModel &model, const QString &path, QString *error);

private:
    QSaveFile m_file;
    bool m_opened;
};

} // namespace rl
