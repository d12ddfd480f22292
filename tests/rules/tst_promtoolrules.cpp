// The shipped alert rules under the real Prometheus rule engine: promtool's unit tests in
// rl_feedback_alerts_test.yml feed series labelled as a scrape labels them and expect each rule to fire
// (or not) as the runbook means it, which also checks that every expression parses (rule 5's correction)
// and that rule 4 can fire at all (its `and on()` correction).
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

class TstPromtoolRules : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void shippedRulesPassPromtoolUnitTests()
    {
        const QString promtool = QStandardPaths::findExecutable(QStringLiteral("promtool"));
        if (promtool.isEmpty())
            QSKIP("promtool is not installed (Debian package prometheus; scripts/test.sh installs it)");
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(promtool, {QStringLiteral("test"), QStringLiteral("rules"),
                                 QStringLiteral(RLSTUDIO_SOURCE_DIR "/tests/rules/rl_feedback_alerts_test.yml")});
        QVERIFY2(process.waitForFinished(120000), qPrintable(process.errorString()));
        const QByteArray output = process.readAll();
        QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0, output.constData());
        QVERIFY2(output.contains("SUCCESS"), output.constData());
    }
};

QTEST_GUILESS_MAIN(TstPromtoolRules)
#include "tst_promtoolrules.moc"
