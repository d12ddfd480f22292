#include "widgets/CsvWriter.h"

#include <QAbstractItemModel>

namespace rl {

CsvWriter::CsvWriter(const QString &path)
    : m_file(path)
    , m_opened(m_file.open(QIODevice::WriteOnly))
{
}

void CsvWriter::writeRow(const QStringList &fields)
{
    if (!m_opened)
        return;
    QStringList quoted;
    quoted.reserve(fields.size());
    for (const QString &f : fields)
        quoted << field(f);
    m_file.write(quoted.join(QLatin1Char(',')).toUtf8());
    m_file.write("\r\n");
}

bool CsvWriter::commit(QString *error)
{
    if (m_cancelled.isEmpty() && m_opened && m_file.commit())
        return true;
    if (error)
        *error = m_cancelled.isEmpty() ? m_file.errorString() : m_cancelled;
    return false;
}

void CsvWriter::cancel(const QString &why)
{
    m_cancelled = why;
    m_file.cancelWriting();
}

QString CsvWriter::field(const QString &value)
{
    if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"')) && !value.contains(QLatin1Char('\n'))
        && !value.contains(QLatin1Char('\r')))
        return value;
    QString quoted = value;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QList<QStringList> CsvWriter::modelRows(const QAbstractItemModel &model)
{
    QList<QStringList> rows;
    rows.reserve(model.rowCount() + 1);
    QStringList header;
    for (int c = 0; c < model.columnCount(); ++c)
        header << model.headerData(c, Qt::Horizontal).toString();
    rows << header;
    for (int r = 0; r < model.rowCount(); ++r) {
        QStringList row;
        for (int c = 0; c < model.columnCount(); ++c) {
            const QModelIndex index = model.index(r, c);
            const QVariant exported = model.data(index, kExportRole);
            row << (exported.isValid() ? exported : model.data(index)).toString();
        }
        rows << row;
    }
    return rows;
}

bool CsvWriter::writeRows(const QList<QStringList> &rows, const QString &path, QString *error,
                          const std::atomic<bool> &cancelled)
{
    CsvWriter csv(path);
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (i % kRowsPerCancelCheck == 0 && cancelled) {
            csv.cancel(QStringLiteral("cancelled"));
            break;
        }
        csv.writeRow(rows[i]);
    }
    return csv.commit(error);
}

ExportDialog::Write CsvWriter::writer(QList<QStringList> rows, const QString &path)
{
    return [rows = std::move(rows), path](QString *error, const std::atomic<bool> &cancelled) {
        return writeRows(rows, path, error, cancelled);
    };
}

} // namespace rl
