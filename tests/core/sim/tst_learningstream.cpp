// A learning stream read from an untrusted file: every defect gets a clear error naming the file, line and
// column, and no input can crash, hang or exhaust memory.
#include <QtTest>

#include <QTemporaryDir>

#include <fstream>
#include <stdexcept>
#include <string>

#include <sys/stat.h>

#include "core/sim/LearningStream.h"

namespace {

QString loadError(const std::string &path)
{
    try {
        rl::LearningStream::load(path);
    } catch (const std::exception &error) {
        return QString::fromUtf8(error.what());
    }
    return QStringLiteral("<loaded>");
}

} // namespace

class TstLearningStream : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void malformedCsvRejected_data()
    {
        QTest::addColumn<QString>("content");
        QTest::addColumn<QString>("message"); // after "<path>"
        QTest::newRow("bad number") << "t,x0,x1,r0,r1\n0,0.1,0.2,0.3,0.4\n1,0.1,abc,0.3,0.4\n"
                                    << ":3:7: column 'x1': expected a finite number, got 'abc'";
        QTest::newRow("nan") << "t,x0,r0\n0,nan,1\n"
                             << ":2:3: column 'x0': expected a finite number, got 'nan'";
        QTest::newRow("empty field") << "t,x0,r0\n0,,1\n"
                                     << ":2:3: column 'x0': expected a finite number, got ''";
        QTest::newRow("short row") << "t,x0,r0\n0,0.5\n"
                                   << ":2:6: row has 2 columns, expected 3";
        QTest::newRow("long row") << "t,x0,r0\n0,0.5,1,9\n"
                                  << ":2:9: row has more than the header's 3 columns";
        QTest::newRow("header gap") << "t,x0,x2,r0\n"
                                    << ":1:6: unexpected header column 'x2', expected x1 or r0";
        QTest::newRow("header order") << "t,x0,r0,x1\n"
                                      << ":1:9: unexpected header column 'x1', expected r1";
        QTest::newRow("header first") << "time,x0,r0\n"
                                      << ":1:1: header must start with 't'";
        QTest::newRow("no rewards") << "t,x0,x1\n0,1,2\n"
                                    << ":1:8: header needs at least one x column and one r column";
        QTest::newRow("empty") << ""
                               << ":1:1: empty file, expected the header 't,x0..,r0..'";
        QTest::newRow("no rows") << "t,x0,r0\n"
                                 << ": no data rows after the header";
        // Finite, but a policy's products of it overflow: "regret 0, 100 % optimal" before this was refused.
        QTest::newRow("huge feature") << "t,x0,r0\n0,0.5,1\n1,1e308,1\n"
                                      << ":3:3: column 'x0': 1e308 is beyond ±1e+100, where products of such values "
                                         "overflow";
        QTest::newRow("400 digits") << "t,x0,r0\n0," + QString(400, QLatin1Char('9')) + ",1\n"
                                    << ":2:3: column 'x0': expected a finite number, got '"
                                           + QString(40, QLatin1Char('9')) + "...'";
        QTest::newRow("huge reward") << "t,x0,r0\n0,0.5,-2e200\n"
                                     << ":2:7: column 'r0': -2e200 is beyond ±1e+100, where products of such values "
                                        "overflow";
    }

    void malformedCsvRejected()
    {
        QFETCH(QString, content);
        QFETCH(QString, message);
        const std::string path = write("bad.csv", content.toStdString());
        QCOMPARE(loadError(path), QString::fromStdString(path) + message);
    }

    void acceptsCrlfAndSpaces()
    {
        const std::string path = write("crlf.csv", "t, x0, r0, r1\r\n0, 0.5, 1, 0\r\n\r\n1,0.25,0,1\r\n");
        const auto s = rl::LearningStream::load(path);
        QCOMPARE(s.rounds(), std::size_t{2});
        QCOMPARE(s.contexts, (std::vector<double>{0.5, 0.25}));
        QCOMPARE(s.rewards, (std::vector<double>{1.0, 0.0, 0.0, 1.0}));
    }

    // The shape is bounded before anything is allocated for it: a policy keeps arms x features^2 numbers,
    // so a 179 KB header once asked for 3.9 GB.
    void headerWidthIsBounded()
    {
        std::string wide = "t";
        for (int i = 0; i < 300; ++i)
            wide += ",x" + std::to_string(i);
        const std::string features = write("wide.csv", wide + ",r0\n");
        QVERIFY2(loadError(features).startsWith(QString::fromStdString(features)
                                                + ":1:1173: more than 256 feature columns (x0..x255) are not "
                                                  "supported"),
                 qPrintable(loadError(features)));
        std::string many = "t,x0";
        for (int k = 0; k < 65; ++k)
            many += ",r" + std::to_string(k);
        const std::string arms = write("arms.csv", many + "\n");
        QVERIFY2(loadError(arms).contains(QStringLiteral("more than 64 arm columns (r0..r63) are not supported")),
                 qPrintable(loadError(arms)));
    }

    void longLinesAreRefused()
    {
        const std::string path = write("long.csv", "t,x0,r0\n0," + std::string(70000, '1') + ",1\n");
        QCOMPARE(loadError(path), QString::fromStdString(path)
                                      + ":2:1: the line is longer than 64 KiB: not a "
                                        "learning stream");
    }

    // What is not a regular file is named for what it is, and never opened: /dev/zero used to grow memory
    // at 1 GB/s, a FIFO without a writer blocked for ever, a directory read as "an empty file".
    void onlyRegularFilesAreRead()
    {
        const std::string folder = m_dir.path().toStdString();
        QCOMPARE(loadError(folder), QString::fromStdString(folder + ": is a directory, not a file"));
        QCOMPARE(loadError("/dev/zero"), QStringLiteral("/dev/zero: is a device, not a regular file"));
        const std::string fifo = folder + "/fifo";
        QCOMPARE(::mkfifo(fifo.c_str(), 0600), 0);
        QCOMPARE(loadError(fifo), QString::fromStdString(fifo + ": is a named pipe (FIFO), not a regular file"));
        QCOMPARE(loadError(folder + "/missing.csv"), QString::fromStdString(folder + "/missing.csv: no such file"));
    }

private:
    std::string write(const QString &name, const std::string &content)
    {
        const std::string path = m_dir.filePath(name).toStdString();
        std::ofstream(path, std::ios::binary) << content;
        return path;
    }

    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TstLearningStream)
#include "tst_learningstream.moc"
