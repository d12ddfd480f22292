// What the command line decides before and while parsing: whether the window is wanted, the language,
// and that every command accepts --lang.
#include <QTest>

#include "core/loop/LoopConfig.h"
#include "gui/cli/CommandLine.h"

using rl::CommandLine;

namespace {

QStringList args(std::initializer_list<const char *> list)
{
    QStringList out{QStringLiteral("rlstudio")};
    for (const char *a : list)
        out << QString::fromUtf8(a);
    return out;
}

const char *noEnvironment(const char *)
{
    return nullptr;
}

} // namespace

class TstCommandLine : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void wantsWindowOnlyForARunWithAWindow()
    {
        QVERIFY(CommandLine::wantsWindow(args({})));
        QVERIFY(CommandLine::wantsWindow(args({"--interval", "1", "--lang", "de"})));
        for (const auto &list : {args({"--headless"}), args({"--help"}), args({"-h"}), args({"--help-all"}),
                                 args({"--version"}), args({"-v"}), args({"replay", "--stream", "x.csv"}),
                                 args({"bench"}), args({"--rate", "60", "--headless"})})
            QVERIFY2(!CommandLine::wantsWindow(list), qPrintable(list.join(QLatin1Char(' '))));
    }

    void languageIsReadInEitherForm()
    {
        QCOMPARE(CommandLine::language(args({})), QString());
        QCOMPARE(CommandLine::language(args({"--lang", "de"})), QStringLiteral("de"));
        QCOMPARE(CommandLine::language(args({"--interval", "1", "--lang=de_AT"})), QStringLiteral("de_AT"));
        QCOMPARE(CommandLine::language(args({"bench", "--lang", " de "})), QStringLiteral("de"));
        QCOMPARE(CommandLine::language(args({"--lang"})), QString()); // no value: the parser reports it
    }

    void everyCommandAcceptsLang()
    {
        for (const auto &list :
             {args({"--lang", "de", "--interval", "1"}), args({"bench", "--lang", "de", "--depth", "10"}),
              args({"replay", "--lang=de", "--stream", "x.csv"})}) {
            try {
                CommandLine::parse(list, noEnvironment);
            } catch (const rl::ConfigError &error) {
                QFAIL(qPrintable(list.join(QLatin1Char(' ')) + QStringLiteral(": ") + QString::fromUtf8(error.what())));
            }
        }
    }

    void badValuesNameTheFlag()
    {
        try {
            CommandLine::parse(args({"--size", "12x"}), noEnvironment);
            QFAIL("--size 12x was accepted");
        } catch (const rl::ConfigError &error) {
            QVERIFY2(QString::fromUtf8(error.what()).contains(QStringLiteral("--size=\"12x\"")), error.what());
        }
    }
};

QTEST_GUILESS_MAIN(TstCommandLine)
#include "tst_commandline.moc"
