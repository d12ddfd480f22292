// The window as a process, as an operator's desktop runs it: `kill` (SIGTERM) closes it as its close
// button would, so its settings are saved, and the process ends with 0.
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "RlstudioProcess.h"

class TstWindowProcess : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sigtermSavesTheSettings()
    {
        QTemporaryDir config;
        QVERIFY(config.isValid());
        QProcessEnvironment environment = rltest::cleanEnvironment();
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
        rltest::RlstudioProcess rlstudio({QStringLiteral("--ephemeral"), QStringLiteral("--no-simulator"),
                                          QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")},
                                         environment);
        QVERIFY2(rlstudio.waitForListening().isValid(), rlstudio.standardError().constData());
        const QString settings = config.filePath(QStringLiteral("rlstudio/rlstudio.conf"));
        QVERIFY(!QFile::exists(settings));

        QProcess &process = rlstudio.process();
        process.terminate(); // SIGTERM
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
        QFile file(settings);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(settings));
        QVERIFY(file.readAll().contains("geometry="));
    }
};

QTEST_GUILESS_MAIN(TstWindowProcess)
#include "tst_windowprocess.moc"
