#include <QFile>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>

#include "widgets/CsvWriter.h"

using rl::CsvWriter;

class TstCsvWriter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void quotesOnlyWhatNeedsIt();
    void writesAModelPreferringItsExportRole();
    void aFailedWriteSaysWhyAndLeavesNoFile();
};

void TstCsvWriter::quotesOnlyWhatNeedsIt()
{
    QCOMPARE(CsvWriter::field(QStringLiteral("plain")), QStringLiteral("plain"));
    QCOMPARE(CsvWriter::field(QStringLiteral("a,b")), QStringLiteral("\"a,b\""));
    QCOMPARE(CsvWriter::field(QStringLiteral("say \"hi\"")), QStringLiteral("\"say \"\"hi\"\"\""));
    QCOMPARE(CsvWriter::field(QStringLiteral("two\nlines")), QStringLiteral("\"two\nlines\""));
}

void TstCsvWriter::writesAModelPreferringItsExportRole()
{
    QStandardItemModel model(2, 2);
    model.setHorizontalHeaderLabels({QStringLiteral("time"), QStringLiteral("message")});
    model.setData(model.index(0, 0), QStringLiteral("21:05:03"));
    model.setData(model.index(0, 0), QStringLiteral("2026-11-30T21:05:03.250Z"), CsvWriter::kExportRole);
    model.setData(model.index(0, 1), QStringLiteral("queue full, dropping"));
    model.setData(model.index(1, 0), QStringLiteral("21:05:04"));
    model.setData(model.index(1, 1), QStringLiteral("ok"));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("log.csv"));
    QString error;
    const std::atomic<bool> never{false};
    QVERIFY2(CsvWriter::writeRows(CsvWriter::modelRows(model), path, &error, never), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("time,message\r\n2026-11-30T21:05:03.250Z,\"queue full, dropping\"\r\n"
                                        "21:05:04,ok\r\n"));
}

void TstCsvWriter::aFailedWriteSaysWhyAndLeavesNoFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("missing/log.csv"));
    CsvWriter csv(path);
    csv.writeRow({QStringLiteral("a")});
    QString error;
    QVERIFY(!csv.commit(&error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!QFile::exists(path));
}

QTEST_APPLESS_MAIN(TstCsvWriter)
#include "tst_csvwriter.moc"
