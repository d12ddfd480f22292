// What the command line decides before and while parsing: whether the window is wanted, the language,
// and that every command accepts --lang.
#include <QTest>

#include "core/loop/LoopConfig.h"
#include "gui/cli/CommandLine.h"
#include "gui/host/StreamWeights.h"

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
                                 args({"bench"}), args({"--rate", "60", "--headless"}),
                                 args({"simulate-stream", "--out", "x"}), args({"rules", "check", "a.yml"})})
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
              args({"replay", "--lang=de", "--stream", "x.csv"}),
              args({"simulate-stream", "--lang", "de", "--out", "x"}),
              args({"compare", "--lang", "de", "--stream", "x.csv", "--policy", "linucb"}),
              args({"rules", "--lang", "de", "check", "a.yml"})}) {
            try {
                CommandLine::parse(list, noEnvironment);
            } catch (const rl::ConfigError &error) {
                QFAIL(qPrintable(list.join(QLatin1Char(' ')) + QStringLiteral(": ") + QString::fromUtf8(error.what())));
            }
        }
    }

    void simulateStreamReadsItsSpec()
    {
        const CommandLine line =
            CommandLine::parse(args({"simulate-stream", "--arms", "3", "--dims", "7", "--rounds", "500", "--noise",
                                     "0.2", "--seed", "9", "--drift", "300:5", "--drift", "100:4", "--out", "/tmp/s"}),
                               noEnvironment);
        QCOMPARE(line.command, CommandLine::Command::SimulateStream);
        const rl::StreamSpec &spec = line.simulateStream.spec;
        QCOMPARE(spec.arms, std::size_t(3));
        QCOMPARE(spec.dimension, std::size_t(7));
        QCOMPARE(spec.rounds, std::size_t(500));
        QCOMPARE(spec.noiseSd, 0.2);
        QCOMPARE(spec.seed, std::uint64_t(9));
        QCOMPARE(spec.drift.size(), std::size_t(2));
        QCOMPARE(spec.drift[0].round, std::size_t(100)); // in round order, whatever the order given
        QCOMPARE(spec.drift[1].seed, std::uint64_t(5));
        QCOMPARE(line.simulateStream.out, QStringLiteral("/tmp/s"));
    }

    void compareReadsSpecsAndSweeps()
    {
        const CommandLine line = CommandLine::parse(
            args({"compare", "--stream", "/s/learning_stream.csv", "--policy", "linucb:alpha=0.1..1.0/10", "--policy",
                  "thompson:v=0.1", "--seeds", "5", "--rounds", "3000", "--save", "/tmp/c.jsonl", "--json"}),
            noEnvironment);
        QCOMPARE(line.command, CommandLine::Command::Compare);
        const rl::CompareCommand::Options &options = line.compare;
        QCOMPARE(options.specs.size(), std::size_t(11));
        QCOMPARE(options.specs[9].text(), std::string("linucb:alpha=1"));
        QCOMPARE(options.specs[10].text(), std::string("thompson:v=0.1"));
        QCOMPARE(options.seeds, std::size_t(5));
        QCOMPARE(options.rounds, std::size_t(3000));
        QCOMPARE(rl::StreamWeights::path(options.stream, options.weights), QStringLiteral("/s/meta.json"));
        QCOMPARE(options.save, QStringLiteral("/tmp/c.jsonl"));
        QVERIFY(options.json);
        const CommandLine replay =
            CommandLine::parse(args({"replay", "--stream", "x.csv", "--window", "12000:13000"}), noEnvironment);
        QCOMPARE(replay.replay.window->from, std::size_t(12000));
        QCOMPARE(replay.replay.window->to, std::size_t(13000));
    }

    void rulesCheckTakesFiles()
    {
        const CommandLine line = CommandLine::parse(args({"rules", "check", "a.yml", "b.yml"}), noEnvironment);
        QCOMPARE(line.command, CommandLine::Command::Rules);
        QCOMPARE(line.rulesCheck.files, (QStringList{QStringLiteral("a.yml"), QStringLiteral("b.yml")}));
    }

    void badCommandsSayWhatIsWrong_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("no out") << args({"simulate-stream"}) << QStringLiteral("simulate-stream needs --out DIR");
        QTest::newRow("arms") << args({"simulate-stream", "--out", "x", "--arms", "65"})
                              << QStringLiteral("--arms=\"65\" is not an integer in 1..64");
        QTest::newRow("dims") << args({"simulate-stream", "--out", "x", "--dims", "0"})
                              << QStringLiteral("--dims=\"0\" is not an integer in 1..256");
        const QString driftForm =
            QStringLiteral("is not ROUND:SEED, a round in 1..1000000 and a seed in 0..18446744073709551615");
        QTest::newRow("drift form") << args({"simulate-stream", "--out", "x", "--drift", "100"})
                                    << QStringLiteral("--drift=\"100\" ") + driftForm;
        // The seed's error names --drift, not --seed.
        QTest::newRow("drift seed") << args({"simulate-stream", "--out", "x", "--drift", "1000:abc"})
                                    << QStringLiteral("--drift=\"1000:abc\" ") + driftForm;
        QTest::newRow("drift round 0") << args({"simulate-stream", "--out", "x", "--drift", "0:7"})
                                       << QStringLiteral("--drift=\"0:7\" ") + driftForm;
        QTest::newRow("drift past the end")
            << args({"simulate-stream", "--out", "x", "--rounds", "100", "--drift", "100:1"})
            << QStringLiteral("simulate-stream: drift: round 100 is past the last round (100 rounds, counting from 0)");
        QTest::newRow("drift twice") << args(
            {"simulate-stream", "--out", "x", "--drift", "1000:1", "--drift", "1000:2"})
                                     << QStringLiteral("simulate-stream: drift: round 1000 is given twice");
        QTest::newRow("empty out") << args({"simulate-stream", "--out", ""})
                                   << QStringLiteral("simulate-stream needs --out DIR");
        QTest::newRow("unknown subcommand")
            << args({"rules", "bogus", "x"})
            << QStringLiteral("unknown subcommand \"rules bogus\": expected rules check FILE...");
        QTest::newRow("no subcommand") << args({"rules"})
                                       << QStringLiteral("rules needs a subcommand: rules check FILE...");
        QTest::newRow("no file") << args({"rules", "check"}) << QStringLiteral("rules check needs at least one FILE");
        QTest::newRow("missing rules")
            << args({"--rules", "/nonexistent/r.yml"})
            << QStringLiteral("--rules=\"/nonexistent/r.yml\" cannot be used: /nonexistent/r.yml: no such file");
        QTest::newRow("status every") << args({"--status-every", "0.0001"})
                                      << QStringLiteral("--status-every=\"0.0001\" is not 0 or a number of seconds in "
                                                        "0.1..86400");
        QTest::newRow("unknown command")
            << args({"frobnicate"})
            << QStringLiteral("unknown command \"frobnicate\": expected replay, bench, "
                              "simulate-stream, rules, load, export, evaluate, compare, fleet, or options only");
        QTest::newRow("fleet without prometheus") << args({"fleet"}) << QStringLiteral("fleet needs --prometheus URL");
        QTest::newRow("fleet bad url") << args({"fleet", "--prometheus", "ftp://x"})
                                       << QStringLiteral("--prometheus=\"ftp://x\" is not an http(s):// URL: expected "
                                                         "http(s)://HOST[:PORT][/PATH], without query or fragment");
        QTest::newRow("fleet bad selector")
            << args({"fleet", "--prometheus", "http://p:9090", "--selector", "tenant=\"a\""})
            << QStringLiteral("--selector \"tenant=\"a\"\" is not label matchers in braces such as "
                              "{tenant=~\"a|b\"}: it must start with { and end with }");
        QTest::newRow("window prometheus headless")
            << args({"--headless", "--prometheus", "http://p:9090"})
            << QStringLiteral("--prometheus shows the fleet in the window; without one, use rlstudio fleet");
        QTest::newRow("selector alone") << args({"--selector", "{a=\"b\"}"})
                                        << QStringLiteral("--selector, --refresh and --range go with --prometheus URL");
        QTest::newRow("compare without policy")
            << args({"compare", "--stream", "x.csv"})
            << QStringLiteral("compare needs --stream FILE.csv and at least one --policy SPEC");
        QTest::newRow("compare bad spec") << args({"compare", "--stream", "x.csv", "--policy", "linucb:beta=1"})
                                          << QStringLiteral("--policy: policy spec 'linucb:beta=1': 'beta' is not a "
                                                            "parameter of linucb (its parameters: alpha, ridge)");
        QTest::newRow("compare spec twice") << args(
            {"compare", "--stream", "x.csv", "--policy", "linucb:alpha=0.1..0.3/3", "--policy", "linucb:alpha=0.2"})
                                            << QStringLiteral("--policy: linucb:alpha=0.2 is given twice");
        QTest::newRow("compare seeds") << args({"compare", "--stream", "x.csv", "--policy", "seed", "--seeds", "0"})
                                       << QStringLiteral("--seeds=\"0\" is not an integer in 1..1000");
        QTest::newRow("replay window") << args({"replay", "--stream", "x.csv", "--window", "13000:12000"})
                                       << QStringLiteral("--window=\"13000:12000\" is not A:B, rounds from A to "
                                                         "before B with A < B <= 1000000");
        QTest::newRow("evaluate without target")
            << args({"evaluate", "--log", "x.csv"}) << QStringLiteral("evaluate needs --log FILE and --target TARGET");
        QTest::newRow("evaluate bootstrap") << args({"evaluate", "--log", "x", "--target", "y", "--bootstrap", "-1"})
                                            << QStringLiteral("--bootstrap=\"-1\" is not an integer in 0..100000");
        QTest::newRow("connect rules")
            << args({"--connect", "http://r:8080", "--rules", "shipped"})
            << QStringLiteral("--rules sets the alert rules evaluated in this process; with --connect or --prometheus "
                              "the window shows the alerts as the remote side evaluates them");
        QTest::newRow("prometheus time scale")
            << args({"--prometheus", "http://p:9090", "--time-scale", "60"})
            << QStringLiteral("--time-scale sets the alert rules evaluated in this process; with --connect or "
                              "--prometheus the window shows the alerts as the remote side evaluates them");
        QTest::newRow("range") << args({"--prometheus", "http://p:9090", "--range", "30s"})
                               << QStringLiteral(
                                      "--range=\"30s\" is not a duration from 1m to 400d, such as 15m, 6h or 7d");
        QTest::newRow("refresh range") << args({"--prometheus", "http://p:9090", "--refresh", "0.5"})
                                       << QStringLiteral("--refresh=\"0.5\" is not a number of seconds in 1..3600");
    }

    void fleetOptions()
    {
        const CommandLine fleet =
            CommandLine::parse(args({"fleet", "--prometheus", "https://prom.example:9090/prometheus", "--selector",
                                     " {tenant=\"a\"} ", "--json"}),
                               noEnvironment);
        QCOMPARE(fleet.command, CommandLine::Command::Fleet);
        QCOMPARE(fleet.fleet.prometheus, QUrl(QStringLiteral("https://prom.example:9090/prometheus")));
        QCOMPARE(fleet.fleet.selector, QStringLiteral("{tenant=\"a\"}"));
        QVERIFY(fleet.fleet.json);
        const CommandLine window = CommandLine::parse(
            args({"--prometheus", "http://127.0.0.1:9090", "--refresh", "15", "--range", "6h"}), noEnvironment);
        QCOMPARE(window.desktop.prometheus.url, QUrl(QStringLiteral("http://127.0.0.1:9090")));
        QCOMPARE(window.desktop.prometheus.refreshSeconds, 15.0);
        QCOMPARE(window.desktop.fleetRangeSeconds, 6 * 3600.0);
        QVERIFY(window.desktop.prometheus.selector.isEmpty());
    }

    void badCommandsSayWhatIsWrong()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        try {
            CommandLine::parse(arguments, noEnvironment);
            QFAIL("accepted");
        } catch (const rl::ConfigError &error) {
            QCOMPARE(QString::fromUtf8(error.what()), message);
        }
    }

    // The queue's and the routing history's sizes come from the flag, else the environment, each checked
    // against its range by name.
    void capacitiesFromFlagOrEnvironment()
    {
        const auto environment = [](const char *name) -> const char * {
            if (qstrcmp(name, "RL_ROUTING_HISTORY_CAPACITY") == 0)
                return "250000";
            return qstrcmp(name, "RL_FEEDBACK_QUEUE_CAPACITY") == 0 ? "7" : nullptr;
        };
        const CommandLine fromEnvironment = CommandLine::parse(args({"--headless"}), environment);
        QCOMPARE(fromEnvironment.run.engine.historyCapacity.value_or(0), std::size_t(250000));
        QCOMPARE(fromEnvironment.run.engine.queueCapacity.value_or(0), std::size_t(7));
        const CommandLine fromFlag = CommandLine::parse(args({"--headless", "--routing-history", "9"}), environment);
        QCOMPARE(fromFlag.run.engine.historyCapacity.value_or(0), std::size_t(9));
        QVERIFY(!CommandLine::parse(args({"--headless"}), noEnvironment).run.engine.historyCapacity);
        try {
            CommandLine::parse(args({"--headless", "--routing-history", "0"}), noEnvironment);
            QFAIL("--routing-history 0 was accepted");
        } catch (const rl::ConfigError &error) {
            QCOMPARE(QString::fromUtf8(error.what()),
                     QStringLiteral("--routing-history=\"0\" is not an integer in 1..10000000"));
        }
        try {
            CommandLine::parse(args({"--headless"}), [](const char *name) {
                return qstrcmp(name, "RL_ROUTING_HISTORY_CAPACITY") == 0 ? "lots" : nullptr;
            });
            QFAIL("RL_ROUTING_HISTORY_CAPACITY=lots was accepted");
        } catch (const rl::ConfigError &error) {
            QVERIFY2(QString::fromUtf8(error.what()).startsWith(QStringLiteral("RL_ROUTING_HISTORY_CAPACITY=\"lots\"")),
                     error.what());
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
