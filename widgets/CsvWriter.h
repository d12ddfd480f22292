#pragma once

#include <atomic>

#include <QList>
#include <QSaveFile>
#include <QString>
#include <QStringList>

#include "widgets/ExportDialog.h"

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
    // Leaves no file; commit() then fails with the reason given.
    void cancel(const QString &why);

    static QString field(const QString &value);
    // The whole model as rows of text, its horizontal headers first: read on the model's thread.
    static QList<QStringList> modelRows(const QAbstractItemModel &model);
    // Rows to a file, from any thread; checks `cancelled` as it goes.
    static bool writeRows(const QList<QStringList> &rows, const QString &path, QString *error,
                          const std::atomic<bool> &cancelled);
    // writeRows as an export's writer.
    static ExportDialog::Write writer(QList<QStringList> rows, const QString &path);

    static constexpr int kRowsPerCancelCheck = 4096;

private:
    QSaveFile m_file;
    bool m_opened;
    QString m_cancelled; // why, once cancelled
};

} // namespace rl
