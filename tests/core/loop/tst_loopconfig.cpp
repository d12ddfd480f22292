#include <QtTest>

#include <map>
#include <string>

#include "core/loop/LoopConfig.h"

using rl::ConfigError;
using rl::LoopConfig;

namespace {

using Environment = std::map<std::string, std::string>;

LoopConfig load(const Environment &environment)
{
    return LoopConfig::fromEnvironment([&environment](const char *name) -> const char * {
        const auto it = environment.find(name);
        return it == environment.end() ? nullptr : it->second.c_str();
    });
}

// The ConfigError's message, or an empty string if loading succeeded.
QString loadError(const Environment &environment)
{
    try {
        load(environment);
    } catch (const ConfigError &error) {
        return QString::fromStdString(error.what());
    }
    return {};
}

} // namespace

class TestLoopConfig : public QObject {
    Q_OBJECT

private slots:
    void defaultsWhenUnset()
    {
        const LoopConfig config = load({});
        QVERIFY(config.evaluationEnabled);
        QVERIFY(config.loopEnabled);
        QCOMPARE(config.batchSize, std::size_t(25));
        QCOMPARE(config.intervalSeconds, 15.0);
        QCOMPARE(config.labels, rl::MetricLabels{});
    }

    void defaultsWhenEmpty()
    {
        const LoopConfig config = load({{"ENABLE_TRAJECTORY_EVALUATION", ""},
                                        {"ENABLE_TRAJECTORY_FEEDBACK_LOOP", ""},
                                        {"RL_FEEDBACK_BATCH_SIZE", ""},
                                        {"RL_FEEDBACK_LOOP_INTERVAL_SECONDS", ""},
                                        {"RL_TENANT", ""},
                                        {"RL_WORKSPACE", ""}});
        QVERIFY(config.evaluationEnabled);
        QVERIFY(config.loopEnabled);
        QCOMPARE(config.batchSize, std::size_t(25));
        QCOMPARE(config.intervalSeconds, 15.0);
        QCOMPARE(config.labels, rl::MetricLabels{});
    }

    void flagSpellings_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("expected");
        for (const char *yes : {"1", "true", "TRUE", "True", "tRuE", "yes", "YES", "Yes", "on", "ON", "On", " true",
                                "yes\t", "\n on \r\n", "  1  "})
            QTest::newRow(qPrintable(QStringLiteral("yes '%1'").arg(QString::fromUtf8(yes))))
                << QString::fromUtf8(yes) << true;
        for (const char *no :
             {"0", "false", "FALSE", "False", "no", "NO", "No", "off", "OFF", "Off", " false ", "\toff", "0\n"})
            QTest::newRow(qPrintable(QStringLiteral("no '%1'").arg(QString::fromUtf8(no))))
                << QString::fromUtf8(no) << false;
    }

    void flagSpellings()
    {
        QFETCH(QString, value);
        QFETCH(bool, expected);
        const std::string text = value.toStdString();
        // The defaults are both true; setting both to the opposite proves the value was read.
        const LoopConfig config =
            load({{"ENABLE_TRAJECTORY_EVALUATION", text}, {"ENABLE_TRAJECTORY_FEEDBACK_LOOP", text}});
        QCOMPARE(config.evaluationEnabled, expected);
        QCOMPARE(config.loopEnabled, expected);
        QCOMPARE(rl::parseFlag("--evaluation", text), expected);
    }

    void flagRejected_data()
    {
        QTest::addColumn<QString>("value");
        for (const char *bad : {"maybe", "2", "tru", "yess", "y", "n", "enabled", "yes please", "1.0", "-1", " "})
            QTest::newRow(bad) << QString::fromUtf8(bad);
    }

    void flagRejected()
    {
        QFETCH(QString, value);
        for (const char *name : {"ENABLE_TRAJECTORY_EVALUATION", "ENABLE_TRAJECTORY_FEEDBACK_LOOP"}) {
            const QString message = loadError({{name, value.toStdString()}});
            QVERIFY2(message.startsWith(QStringLiteral("%1=\"%2\"").arg(name, value)), qPrintable(message));
            QVERIFY2(message.contains("1/true/yes/on or 0/false/no/off"), qPrintable(message));
        }
    }

    void batchSizeAccepted_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<qulonglong>("expected");
        QTest::newRow("min") << "1" << 1ULL;
        QTest::newRow("runbook") << "25" << 25ULL;
        QTest::newRow("blanks") << " 50\t" << 50ULL;
        QTest::newRow("leading zero") << "0100" << 100ULL;
        QTest::newRow("max") << "100000" << 100000ULL;
    }

    void batchSizeAccepted()
    {
        QFETCH(QString, value);
        QFETCH(qulonglong, expected);
        QCOMPARE(qulonglong(load({{"RL_FEEDBACK_BATCH_SIZE", value.toStdString()}}).batchSize), expected);
        QCOMPARE(qulonglong(rl::parseBatchSize("--batch-size", value.toStdString())), expected);
    }

    void batchSizeRejected_data()
    {
        QTest::addColumn<QString>("value");
        for (const char *bad :
             {"abc", "0", "100001", "-5", "2.5", "25x", "x25", "1e3", "+25", "0x10", " ", "99999999999999999999999999"})
            QTest::newRow(bad) << QString::fromUtf8(bad);
    }

    void batchSizeRejected()
    {
        QFETCH(QString, value);
        const QString message = loadError({{"RL_FEEDBACK_BATCH_SIZE", value.toStdString()}});
        QCOMPARE(message, QStringLiteral("RL_FEEDBACK_BATCH_SIZE=\"%1\" is not an integer in 1..100000").arg(value));
    }

    void intervalAccepted_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<double>("expected");
        QTest::newRow("runbook") << "15" << 15.0;
        QTest::newRow("fraction") << "0.5" << 0.5;
        QTest::newRow("fraction 2") << "2.75" << 2.75;
        QTest::newRow("leading dot") << ".25" << 0.25;
        QTest::newRow("min") << "0.01" << 0.01;
        QTest::newRow("max") << "86400" << 86400.0;
        QTest::newRow("exponent") << "1e2" << 100.0;
        QTest::newRow("blanks") << " 10.0 " << 10.0;
    }

    void intervalAccepted()
    {
        QFETCH(QString, value);
        QFETCH(double, expected);
        QCOMPARE(load({{"RL_FEEDBACK_LOOP_INTERVAL_SECONDS", value.toStdString()}}).intervalSeconds, expected);
        QCOMPARE(rl::parseIntervalSeconds("--interval", value.toStdString()), expected);
    }

    void intervalRejected_data()
    {
        QTest::addColumn<QString>("value");
        for (const char *bad : {"0", "0.001", "-1", "86400.5", "1e9", "nan", "NaN", "inf", "-inf", "infinity", "15s",
                                "abc", "1,5", "0x10", "1e999", " ", "15 s"})
            QTest::newRow(bad) << QString::fromUtf8(bad);
    }

    void intervalRejected()
    {
        QFETCH(QString, value);
        const QString message = loadError({{"RL_FEEDBACK_LOOP_INTERVAL_SECONDS", value.toStdString()}});
        QCOMPARE(message,
                 QStringLiteral("RL_FEEDBACK_LOOP_INTERVAL_SECONDS=\"%1\" is not a number of seconds in 0.01..86400")
                     .arg(value));
    }

    void labelsAccepted()
    {
        const LoopConfig config = load({{"RL_TENANT", " acme "}, {"RL_WORKSPACE", "Zürich – 東京"}});
        QCOMPARE(config.labels.tenant, std::string("acme"));
        QCOMPARE(config.labels.workspace, std::string("Zürich – 東京"));
    }

    void labelsRejected_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("blank") << QByteArray("   ");
        QTest::newRow("tab inside") << QByteArray("a\tb");
        QTest::newRow("newline inside") << QByteArray("a\nb");
        QTest::newRow("nul-free control") << QByteArray("a\x01");
        QTest::newRow("del") << QByteArray("a\x7f");
        QTest::newRow("C1 control") << QByteArray("a\xc2\x85");
        QTest::newRow("invalid UTF-8") << QByteArray("a\xff");
        QTest::newRow("truncated UTF-8") << QByteArray("a\xc3");
        QTest::newRow("overlong UTF-8") << QByteArray("\xc0\xaf");
    }

    void labelsRejected()
    {
        QFETCH(QByteArray, value);
        for (const char *name : {"RL_TENANT", "RL_WORKSPACE"}) {
            const QString message = loadError({{name, value.toStdString()}});
            QVERIFY2(message.startsWith(QStringLiteral("%1=\"").arg(name)), qPrintable(message));
            QVERIFY2(message.contains("expected non-empty UTF-8 text without control characters"), qPrintable(message));
            // Control bytes are shown escaped, so the message stays one printable line.
            for (const QChar c : message)
                QVERIFY2(c.unicode() >= 0x20 && c.unicode() != 0x7f, qPrintable(message));
        }
    }

    void messagesNameTheFlag()
    {
        try {
            rl::parseBatchSize("--batch-size", "lots");
            QFAIL("no ConfigError");
        } catch (const ConfigError &error) {
            QCOMPARE(QString::fromStdString(error.what()),
                     QStringLiteral("--batch-size=\"lots\" is not an integer in 1..100000"));
        }
        try {
            rl::parseLabelValue("--tenant", "");
            QFAIL("no ConfigError");
        } catch (const ConfigError &error) {
            QVERIFY(QString::fromStdString(error.what()).startsWith("--tenant=\"\""));
        }
    }

    void longValueShortened()
    {
        const std::string huge(100000, '7');
        const QString message = loadError({{"RL_FEEDBACK_BATCH_SIZE", huge}});
        QVERIFY(message.startsWith("RL_FEEDBACK_BATCH_SIZE=\"777"));
        QVERIFY(message.contains("...\" is not an integer in 1..100000"));
        QVERIFY(message.size() < 200);
    }
};

QTEST_GUILESS_MAIN(TestLoopConfig)
#include "tst_loopconfig.moc"
