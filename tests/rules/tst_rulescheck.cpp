// `rlstudio rules check` against the real `promtool check rules` on a corpus of valid and invalid rule files
// (tests/rules/check/, described in its README): the same verdict and exit status for every file, the same
// count of rules for a valid one, and for an invalid one an error that names the file and a line in it.
#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

#include "RlstudioProcess.h"

namespace {

const QString kCorpus = QStringLiteral(RLSTUDIO_SOURCE_DIR "/tests/rules/check");
constexpr qsizetype kMinimumCorpus = 20;

// "6 rules found" (promtool), "6 rules found" / "1 rule found" (rlstudio); -1 when there is none.
int rulesFound(const QByteArray &output)
{
    const QRegularExpressionMatch match =
        QRegularExpression(QStringLiteral("(\\d+) rules? found")).match(QString::fromUtf8(output));
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

} // namespace

class TstRulesCheck : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_promtool = QStandardPaths::findExecutable(QStringLiteral("promtool"));
        if (m_promtool.isEmpty() && qEnvironmentVariableIsSet("CI"))
            QFAIL("promtool is not installed (Debian package prometheus; scripts/test.sh installs it)");
        if (m_promtool.isEmpty())
            QSKIP("promtool is not installed (Debian package prometheus; scripts/test.sh installs it)");
    }

    void corpusIsLargeEnough()
    {
        QVERIFY(QDir(kCorpus).entryList({QStringLiteral("*.yml")}, QDir::Files).size() >= kMinimumCorpus);
    }

    void agreesWithPromtool_data()
    {
        QTest::addColumn<QString>("file");
        for (const QString &name : QDir(kCorpus).entryList({QStringLiteral("*.yml")}, QDir::Files, QDir::Name))
            QTest::newRow(qPrintable(name)) << QDir(kCorpus).filePath(name);
    }

    void agreesWithPromtool()
    {
        QFETCH(QString, file);
        QProcess promtool;
        promtool.start(m_promtool, {QStringLiteral("check"), QStringLiteral("rules"), file});
        QVERIFY2(promtool.waitForFinished(60000), qPrintable(promtool.errorString()));
        const QByteArray promtoolOutput = promtool.readAllStandardOutput() + promtool.readAllStandardError();

        const rltest::Finished ours = rltest::runRlstudio({QStringLiteral("rules"), QStringLiteral("check"), file});
        const QByteArray ourOutput = ours.standardOutput + ours.standardError;
        const QByteArray both = "promtool:\n" + promtoolOutput + "\nrlstudio:\n" + ourOutput;

        QVERIFY2(ours.exitCode == promtool.exitCode(), both.constData());
        if (promtool.exitCode() == 0) {
            // promtool counts the rules unless a lint finding (duplicate rules) replaces the count.
            QVERIFY2(rulesFound(ours.standardOutput) >= 0, both.constData());
            if (rulesFound(promtoolOutput) >= 0)
                QVERIFY2(rulesFound(ours.standardOutput) == rulesFound(promtoolOutput), both.constData());
        } else {
            // FILE:LINE: message, LINE within the file.
            const QRegularExpressionMatch match =
                QRegularExpression(QRegularExpression::escape(file) + QStringLiteral(":(\\d+): \\S"))
                    .match(QString::fromUtf8(ours.standardError));
            QVERIFY2(match.hasMatch(), both.constData());
            QFile text(file);
            QVERIFY(text.open(QIODevice::ReadOnly));
            const int lines = static_cast<int>(text.readAll().count('\n')) + 1;
            QVERIFY2(match.captured(1).toInt() >= 1 && match.captured(1).toInt() <= lines, both.constData());
        }
    }

private:
    QString m_promtool;
};

QTEST_GUILESS_MAIN(TstRulesCheck)
#include "tst_rulescheck.moc"
