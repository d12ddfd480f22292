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
    if (m_opened && m_file.commit())
        return true;
    if (error)
        *error = m_file.errorString();
    return false;
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

bool CsvWriter::writeModel(const QAbstractItemModel &model, const QString &path, QString *error)
{
    CsvWriter csv(path);
    QStringList header;
    for (int c = 0; c < model.columnCount(); ++c)
        header << model.headerData(c, Qt::Horizontal).toString();
    csv.writeRow(header);
    for (int r = 0; r < model.rowCount(); ++r) {
        QStringList row;
        for (int c = 0; c < model.columnCount(); ++c) {
            const QModelIndex index = model.index(r, c);
            const QVariant exported = model.data(index, kExportRole);
            row << (exported.isValid() ? exported : model.data(index)).toString();
        }
        csv.writeRow(row);
    }
    return csv.commit(error);
}

} // namespace rl
