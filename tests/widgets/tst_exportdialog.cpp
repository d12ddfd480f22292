#include <QApplication>
#include <QFile>
#include <QMainWindow>
#include <QProgressDialog>
#include <QPushButton>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include "widgets/CsvWriter.h"
#include "widgets/ExportDialog.h"

using rl::CsvWriter;
using rl::ExportDialog;

class TstExportDialog : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // The file is written off the UI thread, and the status bar names it once it is there.
    void writesInTheBackgroundAndSaysWhere()
    {
        QMainWindow window;
        window.show();
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("rows.csv"));
        Qt::HANDLE writerThread = nullptr;
        ExportDialog::saveInBackground(
            &window, path,
            [&, rows = QList<QStringList>{{QStringLiteral("a")}}](QString *error, const std::atomic<bool> &cancelled) {
                writerThread = QThread::currentThreadId();
                return CsvWriter::writeRows(rows, path, error, cancelled);
            });
        QTRY_VERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("rows.csv")));
        QVERIFY(writerThread && writerThread != QThread::currentThreadId());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("a\r\n"));
    }

    // A write still running after 100 ms shows a progress dialog whose Cancel stops it: no file is left
    // and the status bar says so.
    void aLongWriteShowsProgressAndCancels()
    {
        QMainWindow window;
        window.show();
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("long.csv"));
        ExportDialog::saveInBackground(&window, path, [path](QString *error, const std::atomic<bool> &cancelled) {
            CsvWriter csv(path);
            csv.writeRow({QStringLiteral("row")});
            while (!cancelled) // a write that only a cancel ends
                QThread::yieldCurrentThread();
            csv.cancel(QStringLiteral("cancelled"));
            return csv.commit(error);
        });
        QProgressDialog *progress = nullptr;
        QTRY_VERIFY((progress = window.findChild<QProgressDialog *>(QStringLiteral("ExportProgress")))
                    && progress->isVisible());
        progress->findChild<QPushButton *>()->click(); // the dialog's Cancel, as the operator would
        QTRY_VERIFY(window.statusBar()->currentMessage().startsWith(QStringLiteral("Export cancelled")));
        QVERIFY(!QFile::exists(path));
    }

    void cancelledRowsLeaveNoFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("never.csv"));
        const std::atomic<bool> cancelled{true};
        QString error;
        QVERIFY(!CsvWriter::writeRows({{QStringLiteral("a")}}, path, &error, cancelled));
        QCOMPARE(error, QStringLiteral("cancelled"));
        QVERIFY(!QFile::exists(path));
    }
};

QTEST_MAIN(TstExportDialog)
#include "tst_exportdialog.moc"
