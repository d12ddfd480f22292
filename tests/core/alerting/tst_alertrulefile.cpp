#include <QtTest>

#include "core/alerting/AlertRuleFile.h"

namespace {

std::string readResource(const char *name)
{
    QFile file(QStringLiteral(RLSTUDIO_RESOURCES_DIR "/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    return file.readAll().toStdString();
}

QString loadError(const std::string &yaml)
{
    try {
        const auto file = rl::AlertRuleFile::parse(yaml, "rules.yml");
        return QString("loaded %1 group(s)").arg(file.groups().size());
    } catch (const rl::AlertRuleError &error) {
        return QString::fromStdString(error.what());
    }
}

// One group with one rule whose body (indented by 4, after "- alert: A") is given.
std::string oneRule(const std::string &body)
{
    return "groups:\n  - name: g\n    rules:\n      - alert: A\n" + body;
}

} // namespace

class TestAlertRuleFile : public QObject {
    Q_OBJECT

private slots:
    void shippedFile()
    {
        const auto file = rl::AlertRuleFile::parse(readResource("rl_feedback_alerts.yml"), "rl_feedback_alerts.yml");
        QCOMPARE(file.groups().size(), std::size_t(1));
        const auto &group = file.groups()[0];
        QCOMPARE(group.name, std::string("rl-feedback-loop"));
        QCOMPARE(group.intervalSeconds, std::optional(30.0));

        struct Expected {
            const char *name;
            double forSeconds;
            const char *severity;
        };
        const std::vector<Expected> expected{
            {"RLFeedbackProcessingFailures", 600, "page"},      {"RLFeedbackQueueDepthHigh", 900, "ticket"},
            {"RLFeedbackQueueDepthCritical", 600, "page"},      {"RLFeedbackProcessingStalled", 1200, "page"},
            {"RLFeedbackProcessingRateDropped", 900, "ticket"}, {"RLFeedbackSuccessRateLow", 900, "ticket"},
        };
        const auto rules = file.rules();
        QCOMPARE(rules.size(), expected.size());
        for (std::size_t i = 0; i < rules.size(); ++i) {
            QCOMPARE(rules[i].name, std::string(expected[i].name));
            QCOMPARE(rules[i].forSeconds, expected[i].forSeconds);
            QCOMPARE(rules[i].labels.at("severity"), std::string(expected[i].severity));
            QCOMPARE(rules[i].labels.at("component"), std::string("rl_feedback"));
            QCOMPARE(rules[i].annotations.size(), std::size_t(3));
            QVERIFY(rules[i].annotations.at("runbook_url").starts_with("https://docs.internal/runbooks/rl-feedback-"));
        }
        QCOMPARE(rules[0].exprText, std::string("sum(increase(rl_feedback_failed_total[15m])) > 0"));
        QCOMPARE(rules[0].annotations.at("summary"), std::string("RL feedback processing failures detected"));
        // The | block keeps its lines; the corrected rule 4 matches with on(), rule 5 puts the offset inside rate().
        QCOMPARE(rules[3].exprText, std::string("(sum(increase(rl_feedback_processed_total[30m])) == 0)\nand on()\n"
                                                "(avg_over_time(rl_feedback_queue_depth[5m]) > 0)\n"));
        QCOMPARE(rules[4].expr.toString(), std::string("(sum(rate(rl_feedback_processed_total[5m])) / "
                                                       "sum(rate(rl_feedback_processed_total[30m] offset 1h))) < 0.5"));
        QCOMPARE(rules[5].expr.metrics(),
                 (std::vector<std::string>{"rl_feedback_processed_total", "rl_feedback_failed_total"}));
    }

    void originalRule5IsRejected()
    {
        // The original's rule 5, put back into the shipped file: rejected as Prometheus rejects it
        // (promtool: `64:15: group "rl-feedback-loop", rule 5, "RLFeedbackProcessingRateDropped": could not
        // parse expression: 4:7: parse error: offset modifier must be preceded by ...`).
        std::string text = readResource("rl_feedback_alerts.yml");
        const std::string fixed = "sum(rate(rl_feedback_processed_total[30m] offset 1h))";
        const auto at = text.rfind(fixed);
        QVERIFY(at != std::string::npos);
        text.replace(at, fixed.size(), "sum(rate(rl_feedback_processed_total[30m]) offset 1h)");
        QCOMPARE(loadError(text).replace("rules.yml", "rl_feedback_alerts.yml"),
                 QString("rl_feedback_alerts.yml:68: rule RLFeedbackProcessingRateDropped: expr: 4:7: parse error: "
                         "offset modifier must be preceded by an instant vector selector or range vector selector "
                         "or a subquery"));
    }

    void yamlForms()
    {
        const std::string yaml = "\xEF\xBB\xBF---\n"
                                 "# a comment\n"
                                 "groups:\n"
                                 "- name: \"first\"   # quoted, and a sequence at its key's indentation\n"
                                 "  interval: 1m30s\n"
                                 "  rules:\n"
                                 "  - alert: Plain\n"
                                 "    expr: sum(x)\n"
                                 "      > 0   # a plain scalar over two lines\n"
                                 "    labels: {}\n"
                                 "    annotations:\n"
                                 "      summary: 'it''s \"quoted\" # not a comment'\n"
                                 "      description: \"tab\\there, \\u00e9, \\\"q\\\", \\\\\"\n"
                                 "\n"
                                 "  - alert: Folded\n"
                                 "    for: 0s\n"
                                 "    expr: >-\n"
                                 "      x\n"
                                 "      > 1\n"
                                 "\n"
                                 "      or y\n"
                                 "    annotations:\n"
                                 "      description: \"folded\n"
                                 "        over lines\"\n"
                                 "- name: second\n"
                                 "  rules:\n"
                                 "    - alert: Kept\n"
                                 "      expr: |+\n"
                                 "        x\n"
                                 "\n"
                                 "    - alert: \"Crlf\"\r\n"
                                 "      expr: 'x'\r\n"
                                 "...\n";
        const auto file = rl::AlertRuleFile::parse(yaml, "forms.yml");
        QCOMPARE(file.groups().size(), std::size_t(2));
        QCOMPARE(file.groups()[0].name, std::string("first"));
        QCOMPARE(file.groups()[0].intervalSeconds, std::optional(90.0));
        QVERIFY(!file.groups()[1].intervalSeconds);
        const auto rules = file.rules();
        QCOMPARE(rules.size(), std::size_t(4));
        QCOMPARE(rules[0].exprText, std::string("sum(x) > 0"));
        QVERIFY(rules[0].labels.empty());
        QCOMPARE(rules[0].annotations.at("summary"), std::string("it's \"quoted\" # not a comment"));
        QCOMPARE(rules[0].annotations.at("description"), std::string("tab\there, \xC3\xA9, \"q\", \\"));
        QCOMPARE(rules[1].exprText, std::string("x > 1\nor y"));
        QCOMPARE(rules[1].forSeconds, 0.0);
        QCOMPARE(rules[1].annotations.at("description"), std::string("folded over lines"));
        QCOMPARE(rules[2].exprText, std::string("x\n\n"));
        QCOMPARE(rules[3].name, std::string("Crlf"));
        QCOMPARE(rules[3].exprText, std::string("x"));
    }

    void emptyFiles()
    {
        QCOMPARE(loadError(""), QString("loaded 0 group(s)"));
        QCOMPARE(loadError("# only a comment\n"), QString("loaded 0 group(s)"));
        QCOMPARE(loadError("groups:\n"), QString("loaded 0 group(s)"));
        QCOMPARE(loadError("groups: []\n"), QString("loaded 0 group(s)"));
    }

    void errors_data()
    {
        QTest::addColumn<QString>("yaml");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing expr") << QString::fromStdString(oneRule("        for: 5m\n"))
                                      << "rules.yml:4: rule A: field 'expr' must be set in rule";
        QTest::newRow("bad expr on its line")
            << QString::fromStdString(oneRule("        expr: rate(x)\n"))
            << "rules.yml:5: rule A: expr: 1:6: parse error: expected type range vector in call to function \"rate\", "
               "got instant vector";
        QTest::newRow("bad expr in a block")
            << QString::fromStdString(oneRule("        expr: |\n          x\n          +\n"))
            << "rules.yml:8: rule A: expr: 3:1: parse error: unexpected end of input";
        QTest::newRow("bad for") << QString::fromStdString(oneRule("        expr: x\n        for: 10x\n"))
                                 << "rules.yml:6: rule A: for: not a valid duration string: \"10x\"";
        QTest::newRow("unknown field") << QString::fromStdString(oneRule("        expr: x\n        severity: page\n"))
                                       << "rules.yml:6: rule A: field \"severity\" is not supported in a rule";
        QTest::newRow("keep_firing_for") << QString::fromStdString(
            oneRule("        expr: x\n        keep_firing_for: 5m\n"))
                                         << "rules.yml:6: rule A: field \"keep_firing_for\" is not supported in a rule";
        QTest::newRow("recording rule")
            << "groups:\n  - name: g\n    rules:\n      - record: r\n        expr: x\n"
            << "rules.yml:4: group \"g\": rule 1: recording rules (record:) are not supported";
        QTest::newRow("no alert name") << "groups:\n  - name: g\n    rules:\n      - expr: x\n"
                                       << "rules.yml:4: group \"g\": rule 1: field \"alert\" must be set";
        QTest::newRow("no group name") << "groups:\n  - rules: []\n"
                                       << "rules.yml:2: group name must not be empty";
        QTest::newRow("repeated group") << "groups:\n  - name: g\n  - name: g\n"
                                        << "rules.yml:3: groupname: \"g\" is repeated in the same file";
        QTest::newRow("bad interval") << "groups:\n  - name: g\n    interval: soon\n"
                                      << "rules.yml:3: group \"g\": interval: not a valid duration string: \"soon\"";
        QTest::newRow("unknown top-level field")
            << "group:\n  - name: g\n"
            << "rules.yml:2: field \"group\" is not supported at the top level (only \"groups\")";
        QTest::newRow("groups not a list") << "groups: g\n"
                                           << "rules.yml:1: groups: expected a list, got a string";
        QTest::newRow("labels not a mapping")
            << QString::fromStdString(oneRule("        expr: x\n        labels: page\n"))
            << "rules.yml:6: rule A: labels: expected a mapping, got a string";
        QTest::newRow("nested label") << QString::fromStdString(
            oneRule("        expr: x\n        labels:\n          severity:\n            a: b\n"))
                                      << "rules.yml:8: rule A: labels.severity: expected a string, got a mapping";
        QTest::newRow("bad label name") << QString::fromStdString(
            oneRule("        expr: x\n        labels:\n          bad-name: x\n"))
                                        << "rules.yml:7: rule A: labels: invalid name \"bad-name\"";
        QTest::newRow("unsupported template")
            << QString::fromStdString(
                   oneRule("        expr: x\n        annotations:\n          summary: \"on {{ $labels.instance }}\"\n"))
            << "rules.yml:7: rule A: annotations.summary: template action {{ $labels.instance }} is not supported "
               "(only $value, plain or | humanize or | humanizePercentage)";
        QTest::newRow("duplicate key") << QString::fromStdString(oneRule("        expr: x\n        expr: y\n"))
                                       << "rules.yml:6: duplicate key \"expr\"";
        QTest::newRow("flow mapping")
            << QString::fromStdString(oneRule("        expr: x\n        labels: {a: b}\n"))
            << "rules.yml:6: flow collections ([...], {...}) are not supported: use block style";
        QTest::newRow("anchor") << QString::fromStdString(oneRule("        expr: &e x\n"))
                                << "rules.yml:5: YAML anchors, aliases and tags are not supported";
        QTest::newRow("tab indentation") << "groups:\n\t- name: g\n"
                                         << "rules.yml:2: tabs are not allowed in indentation";
        QTest::newRow("unterminated quote")
            << QString::fromStdString(oneRule("        expr: \"x\n")) << "rules.yml:5: unterminated quoted string";
        QTest::newRow("text after quote") << QString::fromStdString(oneRule("        expr: \"x\" y\n"))
                                          << "rules.yml:5: unexpected text after a quoted string: \"y\"";
        QTest::newRow("bad escape") << QString::fromStdString(oneRule("        expr: \"\\q\"\n"))
                                    << "rules.yml:5: invalid escape \"\\q\" in a double-quoted string";
        QTest::newRow("colon in plain value") << QString::fromStdString(
            oneRule("        expr: x\n        annotations:\n          summary: Queue: high\n"))
                                              << "rules.yml:7: a plain value may not contain \": \": quote it";
        QTest::newRow("bad indentation") << "groups:\n  - name: g\n   rules: []\n"
                                         << "rules.yml:3: unexpected \"rules: []\": check the indentation";
        QTest::newRow("not key: value") << "groups:\n  - name: g\n    just text\n"
                                        << "rules.yml:3: expected \"key: value\", got \"just text\"";
        QTest::newRow("two documents") << "groups: []\n---\ngroups: []\n"
                                       << "rules.yml:2: only one YAML document per file is supported";
        QTest::newRow("bad block header") << QString::fromStdString(oneRule("        expr: |x\n          x\n"))
                                          << "rules.yml:5: invalid block scalar header \"|x\"";
        QTest::newRow("file is a list") << "- a\n- b\n"
                                        << "rules.yml:1: the file: expected a mapping, got a list";
    }

    void errors()
    {
        QFETCH(QString, yaml);
        QFETCH(QString, message);
        QCOMPARE(loadError(yaml.toStdString()), message);
    }

    void garbageNeverCrashes()
    {
        for (const char *junk : {"\x01\x02", ":", "- - -", "a:\n  - b\n  c: d\n", "'", "\"\\", "|", ">-\n",
                                 "groups:\n  - name: g\n    rules:\n      -\n", "? x\n", "groups: [\n",
                                 "groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: |\n"}) {
            const QString result = loadError(junk);
            QVERIFY2(result.startsWith("rules.yml:") || result.startsWith("loaded"), qPrintable(result));
        }
    }
};

QTEST_GUILESS_MAIN(TestAlertRuleFile)
#include "tst_alertrulefile.moc"
