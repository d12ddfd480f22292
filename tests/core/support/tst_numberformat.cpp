// Numbers as text the same whatever the locale: what /api/v1/alerts, meta.json and messages hold.
#include <QtTest>

#include <QProcess>
#include <QTemporaryDir>

#include <array>
#include <clocale>
#include <cstdio>

#include "core/support/NumberFormat.h"

class TstNumberFormat : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void formatsAsPrintfInTheCLocale()
    {
        QCOMPARE(rl::formatNumber(0.1), std::string("0.1"));
        QCOMPARE(rl::formatNumber(1e100), std::string("1e+100"));
        QCOMPARE(rl::formatScientific(6170.0), std::string("6.17e+03"));
        QCOMPARE(rl::formatScientific(1.0), std::string("1e+00"));
        QCOMPARE(rl::formatNumber(1234567.0, std::chars_format::general, 4), std::string("1.235e+06"));
        QCOMPARE(rl::formatNumber(0.4567, std::chars_format::general, 4), std::string("0.4567"));
        QCOMPARE(rl::formatNumber(1609746000.5, std::chars_format::fixed, 3), std::string("1609746000.500"));
        QCOMPARE(rl::formatNumber(26.24, std::chars_format::general, 3), std::string("26.2"));
    }

    // Qt sets the process's locale from the environment; printf would then write "6,17e+03" under German.
    // The German locale is compiled into a temporary folder (glibc's localedef, Debian package locales), so
    // the test needs no locale installed on the system.
    void ignoresTheLocale()
    {
        const QTemporaryDir dir;
        QProcess localedef;
        localedef.start(QStringLiteral("localedef"),
                        {QStringLiteral("-i"), QStringLiteral("de_DE"), QStringLiteral("-f"), QStringLiteral("UTF-8"),
                         dir.filePath(QStringLiteral("de_DE.UTF-8"))});
        if (!localedef.waitForFinished(60000) || localedef.exitCode() != 0) {
            if (qEnvironmentVariableIsSet("CI"))
                QFAIL("localedef cannot build de_DE.UTF-8 (Debian package locales; scripts/test.sh installs it)");
            QSKIP("localedef cannot build de_DE.UTF-8 (Debian package locales)");
        }
        qputenv("LOCPATH", dir.path().toLocal8Bit());
        QVERIFY(std::setlocale(LC_ALL, "de_DE.UTF-8"));
        std::array<char, 16> printed{};
        std::snprintf(printed.data(), printed.size(), "%.2f", 0.5);
        const std::string fixed = rl::formatNumber(0.5, std::chars_format::fixed, 3);
        const std::string scientific = rl::formatScientific(6170.0);
        std::setlocale(LC_ALL, "C");
        qunsetenv("LOCPATH");
        QCOMPARE(std::string(printed.data()), std::string("0,50")); // the locale is in force: printf obeys it
        QCOMPARE(fixed, std::string("0.500"));
        QCOMPARE(scientific, std::string("6.17e+03"));
    }
};

QTEST_GUILESS_MAIN(TstNumberFormat)
#include "tst_numberformat.moc"
