#include <QtTest>

#include "core/alerting/Runbook.h"

namespace {

rl::Runbook shippedRunbook()
{
    QFile file(QStringLiteral(RLSTUDIO_RESOURCES_DIR "/rl_feedback_loop_runbook.md"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    return rl::Runbook(file.readAll().toStdString());
}

} // namespace

class TestRunbook : public QObject {
    Q_OBJECT

private slots:
    void headingsOutsideCodeOnly()
    {
        const auto runbook = shippedRunbook();
        std::vector<std::string> level2;
        for (const auto &section : runbook.sections()) {
            if (section.level == 2)
                level2.push_back(section.title);
        }
        QCOMPARE(level2,
                 (std::vector<std::string>{"Overview", "Architecture", "Metrics", "Activation", "Alert Response",
                                           "Manual Operations", "Performance Tuning", "Monitoring Best Practices",
                                           "Troubleshooting Checklist", "Recovery Procedures", "Contact"}));
        QCOMPARE(runbook.sections().front().level, 1);
        QCOMPARE(runbook.sections().front().title, std::string("RL Feedback Loop Runbook"));
        // "# Check if loop is enabled" is a shell comment inside a ```bash fence, not a heading.
        QVERIFY(!runbook.section("Check if loop is enabled"));
        QVERIFY(!runbook.section("Edit ConfigMap"));
    }

    void sectionsForEveryShippedAlert_data()
    {
        QTest::addColumn<QString>("alert");
        QTest::addColumn<QString>("startsWith");
        QTest::addColumn<QString>("contains");
        QTest::newRow("failures") << "RLFeedbackProcessingFailures"
                                  << "**Severity**: Page  \n**Trigger**: Failures detected"
                                  << "If malformed data: drain queue and investigate upstream evaluator";
        QTest::newRow("high") << "RLFeedbackQueueDepthHigh"
                              << "**Severity**: Ticket / Page"
                              << "rate(trajectory_feedback_emissions_total[5m])";
        QTest::newRow("critical") << "RLFeedbackQueueDepthCritical"
                                  << "**Severity**: Ticket / Page"
                                  << "Persistent queue with workers";
        QTest::newRow("stalled") << "RLFeedbackProcessingStalled"
                                 << "**Severity**: Page  \n**Trigger**: Queue depth > 0"
                                 << "Temporarily disable evaluation to stop queue growth while fixing";
        // No section of their own: the failures section, and the performance tuning one.
        QTest::newRow("success rate") << "RLFeedbackSuccessRateLow"
                                      << "**Severity**: Page  \n**Trigger**: Failures detected"
                                      << "Bandit update exceptions";
        QTest::newRow("rate dropped") << "RLFeedbackProcessingRateDropped"
                                      << "### Batch Size"
                                      << "| High volume (>50 items/min) | 50 | 10s |";
    }

    void sectionsForEveryShippedAlert()
    {
        QFETCH(QString, alert);
        QFETCH(QString, startsWith);
        QFETCH(QString, contains);
        const auto section = shippedRunbook().sectionFor(alert.toStdString());
        QVERIFY(section);
        const QString body = QString::fromStdString(*section);
        QVERIFY2(body.startsWith(startsWith), qPrintable(body.left(80)));
        QVERIFY2(body.contains(contains), qPrintable(contains));
        // A ### section ends at the next heading of its level or above.
        QVERIFY(!body.contains("## Manual Operations"));
        QVERIFY(!body.contains("## Monitoring Best Practices"));
    }

    void sectionEndsAtNextSibling()
    {
        const auto runbook = shippedRunbook();
        const auto failures = *runbook.sectionFor("RLFeedbackProcessingFailures");
        QVERIFY(failures.ends_with("- If malformed data: drain queue and investigate upstream evaluator"));
        QVERIFY(failures.find("RLFeedbackQueueDepthHigh") == std::string::npos);
        // A ## section holds its ### subsections.
        const auto alertResponse = *runbook.section("Alert Response");
        QVERIFY(alertResponse.starts_with("### RLFeedbackProcessingFailures"));
        QVERIFY(alertResponse.find("### RLFeedbackProcessingStalled") != std::string::npos);
        QCOMPARE(*runbook.section("  Contact "),
                 std::string("- **Team**: AI/ML Platform\n- **Slack**: #ml-routing-support\n- **On-call**: PagerDuty "
                             "rotation \"ML Infrastructure\""));
    }

    void unknownAlerts()
    {
        const auto runbook = shippedRunbook();
        QVERIFY(!runbook.sectionFor("NoSuchAlert"));
        QVERIFY(!runbook.sectionFor(""));
        QVERIFY(!runbook.sectionFor("RLFeedbackQueueDepth")); // a prefix of a listed name is not the name
        QVERIFY(!runbook.section("No Such Section"));
    }

    void checklist()
    {
        QCOMPARE(shippedRunbook().checklistItems(),
                 (std::vector<std::string>{"Flag `ENABLE_TRAJECTORY_FEEDBACK_LOOP` is set to `1`",
                                           "Router is registered in registry (not `None`)",
                                           "Background loop is running (check logs)", "No recent exceptions in logs",
                                           "Queue depth is stable or decreasing",
                                           "Processing rate matches emission rate", "Success rate > 95%"}));
    }

    void markdownDetails()
    {
        const rl::Runbook runbook("intro\n"
                                  "#not a heading\n"
                                  "## Closed ##\n"
                                  "text\n"
                                  "~~~\n"
                                  "# fenced\n"
                                  "~~~\n"
                                  "####### seven is not a heading\n"
                                  "## Troubleshooting Checklist\n"
                                  "* [x] done\n"
                                  "- [X] also done\n"
                                  "+ plain\n"
                                  "not an item\n"
                                  "### A / B\n");
        QCOMPARE(runbook.sections().size(), std::size_t(3));
        QCOMPARE(runbook.sections()[0].title, std::string("Closed"));
        QCOMPARE(runbook.sections()[0].body, std::string("text\n~~~\n# fenced\n~~~\n####### seven is not a heading"));
        QCOMPARE(runbook.checklistItems(), (std::vector<std::string>{"done", "also done", "plain"}));
        QCOMPARE(runbook.sectionFor("B"), std::optional<std::string>(""));
        QVERIFY(rl::Runbook("").sections().empty());
        QVERIFY(rl::Runbook("").checklistItems().empty());
        QVERIFY(!rl::Runbook("#").sectionFor("RLFeedbackSuccessRateLow"));
    }
};

QTEST_GUILESS_MAIN(TestRunbook)
#include "tst_runbook.moc"
