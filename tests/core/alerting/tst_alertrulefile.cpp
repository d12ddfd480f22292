#include <QtTest>

#include "core/alerting/AlertRuleFile.h"

namespace {

std::string readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    return file.readAll().toStdString();
}

std::string readResource(const char *name)
{
    return readFile(QStringLiteral(RLSTUDIO_RESOURCES_DIR "/") + QString::fromUtf8(name));
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

// An alerting rule A with `expr: x` and this annotation, in block style.
std::string withAnnotation(const std::string &value)
{
    return oneRule("        expr: x\n        annotations:\n          summary: " + value + "\n");
}

const rl::AlertRule &onlyRule(const rl::AlertRuleFile &file)
{
    if (file.rules().size() != 1)
        qFatal("expected one evaluable rule, got %zu", file.rules().size());
    return file.groups().at(0).rules.at(0);
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
        QCOMPARE(group.ruleCount, std::size_t(7));
        QCOMPARE(file.ruleCount(), std::size_t(7));
        QVERIFY(file.warnings().empty());

        struct Expected {
            const char *name;
            double forSeconds;
            const char *severity;
        };
        const std::vector<Expected> expected{
            {"RLFeedbackProcessingFailures", 600, "page"},
            {"RLFeedbackQueueDepthHigh", 900, "ticket"},
            {"RLFeedbackQueueDepthCritical", 600, "page"},
            {"RLFeedbackProcessingStalled", 1200, "page"},
            {"RLFeedbackProcessingRateDropped", 900, "ticket"},
            {"RLFeedbackSuccessRateLow", 900, "ticket"},
            {"RLFeedbackDropped", 60, "page"},
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

    void blockScalars_data()
    {
        QTest::addColumn<QString>("block");
        QTest::addColumn<QString>("value");
        QTest::newRow("literal") << "|\n            a\n              b\n\n"
                                 << "a\n  b\n";
        QTest::newRow("literal, strip") << "|-\n            a\n            b\n\n"
                                        << "a\nb";
        QTest::newRow("literal, keep") << "|+\n            a\n\n\n"
                                       << "a\n\n\n\n";
        QTest::newRow("literal, indentation given") << "|2\n              a\n            b\n"
                                                    << "  a\nb\n";
        QTest::newRow("folded") << ">\n            a\n            b\n\n            c\n              d\n"
                                << "a b\nc\n  d\n";
        QTest::newRow("folded, strip") << ">-\n            a\n            b\n"
                                       << "a b";
        QTest::newRow("folded, keep") << ">+\n            a\n\n"
                                      << "a\n\n";
        QTest::newRow("header comment") << "| # why\n            a\n"
                                        << "a\n";
    }

    void blockScalars()
    {
        QFETCH(QString, block);
        QFETCH(QString, value);
        const auto file = rl::AlertRuleFile::parse(withAnnotation(block.toStdString()), "rules.yml");
        QCOMPARE(QString::fromStdString(onlyRule(file).annotations.at("summary")), value);
    }

    void flowCollections()
    {
        const auto flow =
            rl::AlertRuleFile::parse("groups:\n"
                                     "  - name: g\n"
                                     "    rules: [\n"
                                     "      {alert: A, expr: 'rate(x[5m] offset 1h) > 0', labels: {severity: page}},\n"
                                     "      {alert: B, expr: y > 1, for: 5m, annotations: {}},\n"
                                     "    ]\n",
                                     "rules.yml");
        const auto rules = flow.rules();
        QCOMPARE(rules.size(), std::size_t(2));
        QCOMPARE(rules[0].labels, (std::map<std::string, std::string>{{"severity", "page"}}));
        QCOMPARE(rules[0].exprText, std::string("rate(x[5m] offset 1h) > 0"));
        QCOMPARE(rules[1].forSeconds, 300.0);

        // JSON is YAML too.
        const auto json = rl::AlertRuleFile::parse(
            R"({"groups": [{"name": "j", "rules": [{"alert": "J", "expr": "x > 1", "labels": {"a": "b"}}]}]})",
            "rules.json");
        QCOMPARE(onlyRule(json).labels.at("a"), std::string("b"));
        QCOMPARE(onlyRule(json).exprText, std::string("x > 1"));

        // In flow style [ ] { } , end a plain value, as in Prometheus: such an expression needs quotes.
        QCOMPARE(loadError("groups: [{name: g, rules: [{alert: A, expr: x[5m] > 1}]}]\n"),
                 QString("rules.yml:1: invalid YAML: unknown token"));
    }

    void anchorsAliasesAndMerges()
    {
        const auto file = rl::AlertRuleFile::parse("groups:\n"
                                                   "  - name: g\n"
                                                   "    rules:\n"
                                                   "      - alert: A\n"
                                                   "        expr: x > 1\n"
                                                   "        for: &wait 5m\n"
                                                   "        labels: &labels {severity: ticket, team: rl}\n"
                                                   "      - alert: B\n"
                                                   "        expr: x > 2\n"
                                                   "        for: *wait\n"
                                                   "        labels:\n"
                                                   "          severity: page\n"
                                                   "          <<: [*labels, {owner: me, team: other}]\n"
                                                   "      - <<: {expr: x > 3, for: 1m}\n"
                                                   "        alert: C\n"
                                                   "        for: 2m\n",
                                                   "rules.yml");
        const auto rules = file.rules();
        QCOMPARE(rules.size(), std::size_t(3));
        QCOMPARE(rules[1].forSeconds, 300.0);
        // A key set beside a merge wins; of merged mappings, the first that has a key.
        QCOMPARE(rules[1].labels,
                 (std::map<std::string, std::string>{{"owner", "me"}, {"severity", "page"}, {"team", "rl"}}));
        QCOMPARE(rules[2].exprText, std::string("x > 3"));
        QCOMPARE(rules[2].forSeconds, 120.0);

        // Prometheus 2.42 reads record, alert and expr as raw YAML nodes: an alias there is the anchor's name.
        const auto named = rl::AlertRuleFile::parse("groups:\n"
                                                    "  - name: g\n"
                                                    "    rules:\n"
                                                    "      - alert: A\n"
                                                    "        expr: &rl_feedback_queue_depth x > 1\n"
                                                    "      - alert: B\n"
                                                    "        expr: *rl_feedback_queue_depth\n",
                                                    "rules.yml");
        QCOMPARE(named.rules().at(1).exprText, std::string("rl_feedback_queue_depth"));

        QCOMPARE(loadError(oneRule("        expr: x\n        labels:\n          <<: page\n")),
                 QString("rules.yml:7: rule A: labels: a merge key (<<) takes a mapping or a list of mappings"));
        QCOMPARE(loadError(oneRule("        expr: x\n        labels: &l\n          <<: *l\n")),
                 QString("rules.yml:7: rule A: labels: merge keys (<<) nested more than 64 deep"));
        QCOMPARE(loadError(oneRule("        expr: *nowhere\n")),
                 QString("rules.yml:5: invalid YAML: the referenced anchor is not defined"));
        // A quoted "<<" is a key like any other.
        QCOMPARE(loadError(oneRule("        expr: x\n        labels:\n          \"<<\": x\n")),
                 QString("rules.yml:7: rule A: invalid label name: <<"));
    }

    void quotedKeysAndEscapes()
    {
        const auto file = rl::AlertRuleFile::parse("\"groups\":\n"
                                                   "  - 'name': \"g\"\n"
                                                   "    \"rules\":\n"
                                                   "      - 'alert': 'It''s'\n"
                                                   "        \"expr\": \"x{job=\\\"a\\\"} > 1\"\n"
                                                   "        annotations:\n"
                                                   "          'a': \"1\\n2\\t3 \\\"4\\\" caf\\u00e9 \\x41\"\n"
                                                   "          \"b\": 'no \\n escapes, '' doubled'\n",
                                                   "rules.yml");
        const auto &rule = onlyRule(file);
        QCOMPARE(rule.name, std::string("It's"));
        QCOMPARE(rule.exprText, std::string("x{job=\"a\"} > 1"));
        QCOMPARE(rule.annotations.at("a"), std::string("1\n2\t3 \"4\" caf\xC3\xA9 A"));
        QCOMPARE(rule.annotations.at("b"), std::string("no \\n escapes, ' doubled"));

        QCOMPARE(loadError(oneRule("        expr: \"\\q\"\n")),
                 QString("rules.yml:5: invalid YAML: unknown escape character: q"));
        // JSON's "\/" is not a YAML 1.1 escape.
        QCOMPARE(loadError(oneRule("        expr: \"x\"\n        annotations: {url: \"http:\\/\\/x\"}\n")),
                 QString("rules.yml:6: found unknown escape character \"\\/\""));
        QCOMPARE(loadError(oneRule("        expr: \"x\n")),
                 QString("rules.yml:6: a quoted string is not closed at the end of the file"));
    }

    void commentsEverywhere()
    {
        const auto file = rl::AlertRuleFile::parse("# first\n"
                                                   "groups: # after a key\n"
                                                   "  # before an item\n"
                                                   "  - name: g # after a value\n"
                                                   "    rules:\n"
                                                   "      - alert: A # here\n"
                                                   "        # between fields\n"
                                                   "        expr: | # after a block header\n"
                                                   "          x > 1\n"
                                                   "        labels: {a: b} # after a flow mapping\n"
                                                   "        annotations:\n"
                                                   "          s: \"# in quotes\" # after quotes\n"
                                                   "# last",
                                                   "rules.yml");
        QCOMPARE(onlyRule(file).exprText, std::string("x > 1\n"));
        QCOMPARE(onlyRule(file).annotations.at("s"), std::string("# in quotes"));
    }

    void groups()
    {
        const auto file = rl::AlertRuleFile::parse("groups:\n"
                                                   "  - name: a\n"
                                                   "    rules:\n"
                                                   "      - alert: A\n"
                                                   "        expr: x\n"
                                                   "      -\n" // a null item: dropped, as by Prometheus
                                                   "  - name: empty\n"
                                                   "    rules: []\n"
                                                   "  - name: no-rules\n"
                                                   "  - name: null-rules\n"
                                                   "    rules:\n"
                                                   "  - name: zero-interval\n"
                                                   "    interval: 0s\n"
                                                   "    rules: [{alert: B, expr: y}]\n",
                                                   "rules.yml");
        QCOMPARE(file.groups().size(), std::size_t(5));
        QCOMPARE(file.groups()[0].ruleCount, std::size_t(1));
        for (std::size_t i = 1; i < 4; ++i) {
            QVERIFY(file.groups()[i].rules.empty());
            QCOMPARE(file.groups()[i].ruleCount, std::size_t(0));
        }
        // Prometheus takes an interval of 0 for none.
        QVERIFY(!file.groups()[4].intervalSeconds);
        QCOMPARE(file.ruleCount(), std::size_t(2));
    }

    void encodings()
    {
        const std::string crlf = "\xEF\xBB\xBFgroups:\r\n- name: g\r\n  rules:\r\n  - alert: A\r\n    expr: |\r\n"
                                 "      x\r\n      > 1\r\n";
        QCOMPARE(onlyRule(rl::AlertRuleFile::parse(crlf, "rules.yml")).exprText, std::string("x\n> 1\n"));

        // Prometheus reads UTF-16 after a byte order mark.
        std::string utf16;
        for (const char16_t unit : std::u16string(u"\uFEFFgroups: [{name: \u00e9, rules: [{alert: A, expr: x}]}]\n")) {
            utf16 += static_cast<char>(unit & 0xFF);
            utf16 += static_cast<char>(unit >> 8);
        }
        const auto file = rl::AlertRuleFile::parse(utf16, "rules.yml");
        QCOMPARE(file.groups().at(0).name, std::string("\xC3\xA9"));
        QCOMPARE(onlyRule(file).name, std::string("A"));

        QCOMPARE(loadError("groups: []\n# \x01\n"), QString("rules.yml:2: control character U+0001 is not allowed"));
        QCOMPARE(loadError("groups: []\n# \x7F\n"), QString("rules.yml:2: control character U+007F is not allowed"));
        QCOMPARE(loadError("groups:\n  - name: \"\xFF\"\n"), QString("rules.yml:2: invalid UTF-8 (byte 0xFF)"));
        QCOMPARE(loadError("groups:\n  - name: \"\xC0\x80\"\n"), QString("rules.yml:2: invalid UTF-8 (byte 0xC0)"));
        QCOMPARE(loadError(std::string("\xFF\xFEg\0", 4) + "x"), QString("rules.yml:1: incomplete UTF-16 character"));
    }

    void emptyFiles()
    {
        QCOMPARE(loadError(""), QString("loaded 0 group(s)"));
        QCOMPARE(loadError("# only a comment\n"), QString("loaded 0 group(s)"));
        QCOMPARE(loadError("---\n"), QString("loaded 0 group(s)"));
        QCOMPARE(loadError("---\n...\n"), QString("loaded 0 group(s)"));
        QCOMPARE(loadError("groups:\n"), QString("loaded 0 group(s)"));
        QCOMPARE(loadError("groups: []\n"), QString("loaded 0 group(s)"));
        QCOMPARE(loadError("groups: ~\n"), QString("loaded 0 group(s)"));
    }

    void documents()
    {
        // Prometheus reads the first document only.
        QCOMPARE(loadError("groups: []\n---\ngroups: [\n"), QString("loaded 0 group(s)"));
        QCOMPARE(loadError("%YAML 1.1\n---\ngroups: [{name: g}]\n...\n%YAML 1.1\n---\nx: y\n"),
                 QString("loaded 1 group(s)"));
        QCOMPARE(loadError("%YAML 1.2\n---\ngroups: []\n"),
                 QString("rules.yml:1: %YAML 1.2: Prometheus reads YAML 1.1 only"));
        QCOMPARE(loadError("%YAML 1.1\ngroups: []\n"),
                 QString("rules.yml:2: a document after directives must start with \"---\""));
        QCOMPARE(loadError("%FOO bar\n---\ngroups: []\n"), QString("rules.yml:1: unknown directive %FOO"));
    }

    void warnings()
    {
        const auto file = rl::AlertRuleFile::parse("groups:\n"
                                                   "  - name: g\n"
                                                   "    limit: 5\n"
                                                   "    rules:\n"
                                                   "      - record: job:x:sum\n"
                                                   "        expr: sum(x)\n"
                                                   "      - alert: Instance\n"
                                                   "        expr: x > 1\n"
                                                   "        annotations:\n"
                                                   "          summary: \"{{ $labels.instance }} is {{ $value }}\"\n"
                                                   "      - alert: Templated\n"
                                                   "        expr: x > 1\n"
                                                   "        labels:\n"
                                                   "          value: \"{{ $value }}\"\n"
                                                   "      - alert: Kept\n"
                                                   "        expr: x > 1\n"
                                                   "        keep_firing_for: 5m\n"
                                                   "        annotations:\n"
                                                   "          summary: \"{{ $value | humanize }}\"\n",
                                                   "rules.yml");
        QCOMPARE(file.ruleCount(), std::size_t(4));
        QCOMPARE(file.rules().size(), std::size_t(1));
        QCOMPARE(file.rules()[0].name, std::string("Kept"));
        QCOMPARE(file.rules()[0].render("summary", 1234), std::string("1.234k"));
        QCOMPARE(file.warnings(),
                 (std::vector<std::string>{
                     "rules.yml:3: group \"g\": limit is not supported by the in-app evaluator; it is ignored",
                     "rules.yml:5: rule job:x:sum: a recording rule is not supported by the in-app evaluator; the "
                     "rule is skipped",
                     "rules.yml:10: rule Instance: annotations.summary: template action {{ $labels.instance }} is not "
                     "supported by the in-app evaluator; the rule is skipped",
                     "rules.yml:14: rule Templated: labels.value: template action {{ $value }} is not supported by "
                     "the in-app evaluator; the rule is skipped",
                     "rules.yml:17: rule Kept: keep_firing_for is not supported by the in-app evaluator; it is "
                     "ignored",
                 }));
    }

    void unsupportedPromQl()
    {
        const std::string expr = "histogram_quantile(0.9, rate(x_bucket[5m])) > 1";
        try {
            if (!rl::PromQlExpression(expr).unsupported())
                QSKIP("the in-app evaluator runs histogram_quantile");
        } catch (const rl::PromQlError &) {
            QSKIP("the PromQL parser does not take histogram_quantile yet");
        }
        const auto file = rl::AlertRuleFile::parse(oneRule("        expr: " + expr + "\n"), "rules.yml");
        QCOMPARE(file.ruleCount(), std::size_t(1));
        QVERIFY(file.rules().empty());
        QCOMPARE(file.warnings().size(), std::size_t(1));
        QVERIFY2(file.warnings()[0].starts_with("rules.yml:5: rule A: expr: ")
                     && file.warnings()[0].ends_with(" is not supported by the in-app evaluator; the rule is skipped"),
                 file.warnings()[0].c_str());
    }

    void errors_data()
    {
        QTest::addColumn<QString>("yaml");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing expr") << QString::fromStdString(oneRule("        for: 5m\n"))
                                      << "rules.yml:4: rule A: field 'expr' must be set in rule";
        QTest::newRow("empty expr") << QString::fromStdString(oneRule("        expr:\n"))
                                    << "rules.yml:5: rule A: field 'expr' must be set in rule";
        QTest::newRow("expr a list") << QString::fromStdString(oneRule("        expr: [x]\n"))
                                     << "rules.yml:5: rule A: field 'expr' must be set in rule";
        QTest::newRow("bad expr on its line")
            << QString::fromStdString(oneRule("        expr: rate(x)\n"))
            << "rules.yml:5: rule A: expr: 1:6: parse error: expected type range vector in call to function \"rate\", "
               "got instant vector";
        QTest::newRow("bad expr in a block")
            << QString::fromStdString(oneRule("        expr: |\n          x\n          +\n"))
            << "rules.yml:8: rule A: expr: 3:1: parse error: unexpected end of input";
        QTest::newRow("bad for") << QString::fromStdString(oneRule("        expr: x\n        for: 10x\n"))
                                 << "rules.yml:6: rule A: for: not a valid duration string: \"10x\"";
        QTest::newRow("for without a unit") << QString::fromStdString(oneRule("        expr: x\n        for: 5\n"))
                                            << "rules.yml:6: rule A: for: not a valid duration string: \"5\"";
        QTest::newRow("empty for") << QString::fromStdString(oneRule("        expr: x\n        for: \"\"\n"))
                                   << "rules.yml:6: rule A: for: empty duration string";
        QTest::newRow("unknown field") << QString::fromStdString(oneRule("        expr: x\n        severity: page\n"))
                                       << "rules.yml:6: rule A: field \"severity\" is not allowed in a rule";
        QTest::newRow("no alert name") << "groups:\n  - name: g\n    rules:\n      - expr: x\n"
                                       << "rules.yml:4: group \"g\": rule 1: one of 'record' or 'alert' must be set";
        QTest::newRow("alert and record") << QString::fromStdString(oneRule("        record: r\n        expr: x\n"))
                                          << "rules.yml:5: rule A: only one of 'record' and 'alert' must be set";
        QTest::newRow("recording rule name")
            << "groups:\n  - name: g\n    rules:\n      - record: a-b\n        expr: x\n"
            << "rules.yml:4: rule a-b: invalid recording rule name: a-b";
        QTest::newRow("recording rule for")
            << "groups:\n  - name: g\n    rules:\n      - record: r\n        expr: x\n        for: 1m\n"
            << "rules.yml:4: rule r: invalid field 'for' in recording rule";
        QTest::newRow("recording rule annotations")
            << "groups:\n  - name: g\n    rules:\n      - record: r\n        expr: x\n        annotations: {a: b}\n"
            << "rules.yml:4: rule r: invalid field 'annotations' in recording rule";
        QTest::newRow("no group name") << "groups:\n  - rules: []\n"
                                       << "rules.yml:2: group 1: the group name must not be empty";
        QTest::newRow("repeated group") << "groups:\n  - name: g\n  - name: g\n"
                                        << "rules.yml:3: group \"g\": the group name \"g\" is repeated in the file";
        QTest::newRow("bad interval") << "groups:\n  - name: g\n    interval: soon\n"
                                      << "rules.yml:3: group \"g\": interval: not a valid duration string: \"soon\"";
        QTest::newRow("bad limit") << "groups:\n  - name: g\n    limit: '5'\n"
                                   << "rules.yml:3: group \"g\": limit: expected an integer, got \"5\"";
        QTest::newRow("unknown group field") << "groups:\n  - name: g\n    labels: {}\n"
                                             << "rules.yml:3: group \"g\": field \"labels\" is not allowed in a group";
        QTest::newRow("unknown top-level field")
            << "group:\n  - name: g\n"
            << "rules.yml:1: field \"group\" is not allowed at the top level (only \"groups\")";
        QTest::newRow("groups not a list") << "groups: g\n"
                                           << "rules.yml:1: groups: expected a list, got a string";
        QTest::newRow("rule not a mapping") << "groups:\n  - name: g\n    rules: [x]\n"
                                            << "rules.yml:3: group \"g\": rule 1: expected a mapping, got a string";
        QTest::newRow("labels not a mapping")
            << QString::fromStdString(oneRule("        expr: x\n        labels: page\n"))
            << "rules.yml:6: rule A: labels: expected a mapping, got a string";
        QTest::newRow("nested label") << QString::fromStdString(
            oneRule("        expr: x\n        labels:\n          severity:\n            a: b\n"))
                                      << "rules.yml:8: rule A: labels.severity: expected a string, got a mapping";
        QTest::newRow("bad label name") << QString::fromStdString(
            oneRule("        expr: x\n        labels:\n          bad-name: x\n"))
                                        << "rules.yml:7: rule A: invalid label name: bad-name";
        QTest::newRow("__name__ label") << QString::fromStdString(
            oneRule("        expr: x\n        labels:\n          __name__: x\n"))
                                        << "rules.yml:7: rule A: invalid label name: __name__";
        QTest::newRow("bad annotation name")
            << QString::fromStdString(oneRule("        expr: x\n        annotations:\n          a.b: x\n"))
            << "rules.yml:7: rule A: invalid annotation name: a.b";
        QTest::newRow("duplicate key")
            << QString::fromStdString(oneRule("        expr: x\n        expr: y\n"))
            << "rules.yml:6: group \"g\": rule 1: key \"expr\" is repeated (first at line 5)";
        QTest::newRow("duplicate label") << QString::fromStdString(
            oneRule("        expr: x\n        labels: {a: 1, \"a\": 2}\n"))
                                         << "rules.yml:6: rule A: labels: key \"a\" is repeated (first at line 6)";
        QTest::newRow("tab indentation") << "groups:\n\t- name: g\n"
                                         << "rules.yml:2: tabs are not allowed in indentation";
        QTest::newRow("tab before a comment") << "groups: []\n\t# c\n"
                                              << "rules.yml:2: tabs are not allowed in indentation";
        QTest::newRow("tab in a block's indentation")
            << QString::fromStdString(oneRule("        expr: |\n          \tx\n"))
            << "rules.yml:6: found a tab character where an indentation space is expected";
        QTest::newRow("text after quote") << QString::fromStdString(oneRule("        expr: \"x\" y\n"))
                                          << "rules.yml:5: invalid YAML: end of map not found";
        QTest::newRow("colon in plain value") << QString::fromStdString(
            oneRule("        expr: x\n        annotations:\n          summary: Queue: high\n"))
                                              << "rules.yml:7: invalid YAML: illegal map value";
        QTest::newRow("bad indentation") << "groups:\n  - name: g\n   rules: []\n"
                                         << "rules.yml:3: invalid YAML: end of sequence not found";
        QTest::newRow("not key: value") << "groups:\n  - name: g\n    rules: []\n    just text\n"
                                        << "rules.yml:4: could not find expected ':'";
        QTest::newRow("missing key") << "groups: []\n: x\n"
                                     << "rules.yml:2: did not find expected key";
        QTest::newRow("missing item") << "groups: [{name: a}, , {name: b}]\n"
                                      << "rules.yml:1: did not find expected node content";
        QTest::newRow("bad block header") << QString::fromStdString(oneRule("        expr: |x\n          x\n"))
                                          << "rules.yml:5: invalid YAML: unexpected character in block scalar";
        QTest::newRow("file is a list") << "- a\n- b\n"
                                        << "rules.yml:1: the file: expected a mapping, got a list";
        QTest::newRow("no document") << ", groups: []\n"
                                     << "rules.yml:1: did not find expected node content";
    }

    void errors()
    {
        QFETCH(QString, yaml);
        QFETCH(QString, message);
        QCOMPARE(loadError(yaml.toStdString()), message);
    }

    void templateErrors_data()
    {
        QTest::addColumn<QString>("annotation");
        QTest::addColumn<QString>("message");
        QTest::newRow("unclosed action") << "\"{{ $value\""
                                         << "rules.yml:7: rule A: annotations.summary: template: unclosed action";
        QTest::newRow("undefined function")
            << "\"{{ $value | humanizeBytes }}\""
            << "rules.yml:7: rule A: annotations.summary: template: function \"humanizeBytes\" not defined";
        QTest::newRow("undefined variable")
            << "\"{{ $labels.x }} {{ $x }}\""
            << "rules.yml:7: rule A: annotations.summary: template: undefined variable \"$x\"";
        QTest::newRow("variable out of scope")
            << "\"{{ if true }}{{ $x := 1 }}{{ end }}{{ $x }}\""
            << "rules.yml:7: rule A: annotations.summary: template: undefined variable \"$x\"";
        QTest::newRow("end without a block")
            << "\"x {{ end }}\""
            << "rules.yml:7: rule A: annotations.summary: template: unexpected {{end}}";
        QTest::newRow("else without a block")
            << "\"{{ else }}\""
            << "rules.yml:7: rule A: annotations.summary: template: unexpected {{else}}";
        QTest::newRow("if without an end") << "\"{{ if $value }}x\""
                                           << "rules.yml:7: rule A: annotations.summary: template: unexpected EOF";
        QTest::newRow("break outside range")
            << "\"{{ break }}\""
            << "rules.yml:7: rule A: annotations.summary: template: {{break}} outside {{range}}";
        QTest::newRow("empty action")
            << "\"{{ }}\""
            << "rules.yml:7: rule A: annotations.summary: template: missing value for command";
        QTest::newRow("literal after a pipe")
            << "\"{{ $value | 1 }}\""
            << "rules.yml:7: rule A: annotations.summary: template: non executable command in pipeline stage 2";
        QTest::newRow("unclosed string") << "'{{ \"x }}'"
                                         << "rules.yml:7: rule A: annotations.summary: template: unterminated quoted "
                                            "string";
        QTest::newRow("bad number") << "\"{{ 089 }}\""
                                    << "rules.yml:7: rule A: annotations.summary: template: integer overflow: \"089\"";
        QTest::newRow("comment before the delimiter")
            << "\"{{/* c */ }}\""
            << "rules.yml:7: rule A: annotations.summary: template: comment ends before closing delimiter";
        QTest::newRow("define inside a block")
            << "\"{{ if 1 }}{{ define \\\"x\\\" }}{{ end }}{{ end }}\""
            << "rules.yml:7: rule A: annotations.summary: template: unexpected <define> in command";
        QTest::newRow("defined twice")
            << "\"{{ define \\\"x\\\" }}a{{ end }}{{ define \\\"x\\\" }}b{{ end }}\""
            << "rules.yml:7: rule A: annotations.summary: template: template: multiple definition of template \"x\"";
        QTest::newRow("else with (Go 1.23)")
            << "\"{{ with 1 }}{{ else with 2 }}{{ end }}\""
            << "rules.yml:7: rule A: annotations.summary: template: unexpected <with> in else";
        // In a | block, the template's lines are the file's. Go names the line the text ends on, the third.
        QTest::newRow("in a block") << "|\n            line one\n            {{ $value\n"
                                    << "rules.yml:10: rule A: annotations.summary: template: unclosed action";
    }

    void templateErrors()
    {
        QFETCH(QString, annotation);
        QFETCH(QString, message);
        QCOMPARE(loadError(withAnnotation(annotation.toStdString())), message);
    }

    void templatesPromtoolAccepts_data()
    {
        QTest::addColumn<QString>("annotation");
        QTest::newRow("labels")
            << "{{ $labels.instance }} {{ .Labels.job }} {{ $externalLabels.a }} {{ $externalURL }}";
        QTest::newRow("functions") << "{{ $value | humanizeDuration }} {{ humanize1024 $value }} "
                                      "{{ reReplaceAll \\\"(.*):.*\\\" \\\"$1\\\" $labels.instance | toUpper }}";
        QTest::newRow("query") << "{{ with query \\\"up\\\" }}{{ . | first | value | humanize }}{{ end }}";
        QTest::newRow("range") << "{{ range $k, $v := $labels }}{{ $k }}={{ $v }}{{ break }}{{ end }}";
        QTest::newRow("if else") << "{{ if gt $value 1.5 }}high{{ else if eq $value 0.0 }}none{{ else }}low{{ end }}";
        QTest::newRow("declare and assign") << "{{ $x := 1 }}{{ $x = 2 }}{{ $x }}";
        QTest::newRow("define and template") << "{{ define \\\"d\\\" }}{{ . }}{{ end }}{{ template \\\"d\\\" $value }}";
        QTest::newRow("block") << "{{ block \\\"b\\\" . }}x{{ end }}";
        QTest::newRow("comment and trim") << "a {{- /* c */ -}} b {{- $value -}}";
        QTest::newRow("literals") << "{{ printf \\\"%d %s %c %v\\\" 0x1F `raw` 'c' 1e3 }}";
        QTest::newRow("not an action") << "}} {";
        QTest::newRow("a pipe to nothing") << "{{ $value | }}";
    }

    void templatesPromtoolAccepts()
    {
        QFETCH(QString, annotation);
        const auto file = rl::AlertRuleFile::parse(withAnnotation("\"" + annotation.toStdString() + "\""), "rules.yml");
        QCOMPARE(file.ruleCount(), std::size_t(1));
    }

    void hostileInput_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("message");
        QTest::newRow("100 KB of - - -") << QByteArray("- ").repeated(50000)
                                         << "rules.yml:1: nested more than 64 levels deep";
        QTest::newRow("deep flow sequences")
            << QByteArray("[").repeated(100000) << "rules.yml:1: nested more than 64 levels deep";
        QTest::newRow("deep flow mappings")
            << QByteArray("{a: ").repeated(100000) << "rules.yml:1: nested more than 64 levels deep";
        QByteArray indented;
        for (int i = 0; i < 200; ++i)
            indented += QByteArray(i, ' ') + "a:\n";
        QTest::newRow("deep indentation") << indented << "rules.yml:65: nested more than 64 levels deep";
        QTest::newRow("deep flow over lines")
            << QByteArray("[\n").repeated(100) << "rules.yml:64: nested more than 64 levels deep";
        QTest::newRow("16 MiB") << QByteArray(16 * 1024 * 1024 + 1, '#')
                                << "rules.yml:1: the file has 16777217 bytes; a rule file may have at most 16 MiB";
        QTest::newRow("large nested flow")
            << "groups: [[" + QByteArray("a, ").repeated(1024 * 1024) + "]]"
            << "rules.yml:1: flow collections ([...], {...}) nested in one another hold more than 2 MiB here, which "
               "the YAML reader would keep in memory at once: write the file in block style";
    }

    void hostileInput()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, message);
        QCOMPARE(loadError(yaml.toStdString()), message);
    }

    void aliasExpansionIsBounded()
    {
        // A 100 KB expression in 11000 rules, by aliases: rejected for its size rather than parsed 11000 times.
        std::string rules = "groups:\n  - {name: g, rules: [&r {alert: A, expr: \"" + std::string(100000, 'x') + "\"}";
        for (int i = 0; i < 1000; ++i)
            rules += ", *r";
        rules += "]}\n";
        for (int i = 0; i < 1000; ++i)
            rules += "  - {name: g" + std::to_string(i) + ", rules: [*r, *r, *r, *r, *r, *r, *r, *r, *r, *r]}\n";
        QCOMPARE(loadError(rules),
                 QString("rules.yml:2: rule A: the file's aliases expand it to more than 64 MiB of text"));

        // Merged mappings that merge the last ten times over: 10^8 keys from a few hundred bytes.
        std::string merges = "groups:\n  - name: g\n    rules:\n";
        merges += "      - {alert: A0, expr: x, annotations: &m0 {" + std::string(1000, 'a') + ": x}}\n";
        for (int i = 1; i <= 8; ++i) {
            merges +=
                "      - {alert: A" + std::to_string(i) + ", expr: x, annotations: &m" + std::to_string(i) + " {<<: [";
            for (int j = 0; j < 10; ++j)
                merges += "*m" + std::to_string(i - 1) + ", ";
            merges += "]}}\n";
        }
        QVERIFY2(loadError(merges).contains("the file's aliases expand it to more than 64 MiB of text"),
                 qPrintable(loadError(merges)));
    }

    void garbageNeverCrashes()
    {
        for (const char *junk : {"\x01\x02",
                                 ":",
                                 "- - -",
                                 "a:\n  - b\n  c: d\n",
                                 "'",
                                 "\"\\",
                                 "|",
                                 ">-\n",
                                 "groups:\n  - name: g\n    rules:\n      -\n",
                                 "? x\n",
                                 "groups: [\n",
                                 "groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: |\n",
                                 "*a",
                                 "&a",
                                 "!",
                                 "%",
                                 "---\n---\n",
                                 "...",
                                 "{{",
                                 "[[[]]]",
                                 "{a: [b, {c: d}]}",
                                 "- &a [*a]",
                                 "&a [*a, *a]",
                                 "<<: *a",
                                 "&a {<<: *a}",
                                 "groups: &g [{name: g, rules: *g}]"}) {
            const QString result = loadError(junk);
            QVERIFY2(result.startsWith("rules.yml:") || result.startsWith("loaded"), qPrintable(result));
        }
    }

    // The files of tests/rules/check get promtool's verdicts, as its README records them.
    void promtoolCorpus()
    {
        const QString dir = QStringLiteral(RLSTUDIO_SOURCE_DIR "/tests/rules/check/");
        const QString readme = QString::fromStdString(readFile(dir + "README.md"));
        const QRegularExpression row(QStringLiteral(R"(^\| (\d\d-[a-z0-9-]+\.yml) \|.*\| ([01]) \|[^|]*\|$)"),
                                     QRegularExpression::MultilineOption);
        int files = 0;
        for (auto match = row.globalMatch(readme); match.hasNext(); ++files) {
            const auto found = match.next();
            const QString name = found.captured(1);
            const QString result = loadError(readFile(dir + name));
            if (found.captured(2) == "0")
                QVERIFY2(result.startsWith("loaded"), qPrintable(name + ": " + result));
            else
                QVERIFY2(result.startsWith("rules.yml:"), qPrintable(name + ": " + result));
        }
        QCOMPARE(files, static_cast<int>(QDir(dir).entryList({"*.yml"}, QDir::Files).size()));
    }
};

QTEST_GUILESS_MAIN(TestAlertRuleFile)
#include "tst_alertrulefile.moc"
