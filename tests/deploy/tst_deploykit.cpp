// The Prometheus kit in deploy/: the example configuration passes `promtool check config` (which also loads the
// shipped rules it names), and the Grafana dashboard imports as it is: valid JSON with its datasource as an
// import input, every query parsed as Prometheus parses it, and every metric a panel reads one that rlstudio's
// /metrics serves.
#include <set>
#include <string>

#include <nlohmann/json.hpp>
#include <prometheus/counter.h>

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

#include "core/alerting/PromQlExpression.h"
#include "core/metrics/Metrics.h"

namespace {

// The metric names of a text exposition (histograms as their _bucket, _sum and _count series).
std::set<std::string> exposedNames(const std::string &exposition)
{
    std::set<std::string> names;
    std::size_t start = 0;
    while (start < exposition.size()) {
        std::size_t end = exposition.find('\n', start);
        if (end == std::string::npos)
            end = exposition.size();
        const std::string line = exposition.substr(start, end - start);
        if (!line.empty() && line[0] != '#')
            names.insert(line.substr(0, line.find_first_of("{ ")));
        start = end + 1;
    }
    return names;
}

// Every family with a series, as a running engine has them.
std::string engineExposition()
{
    rl::Metrics metrics;
    const rl::MetricLabels &labels = metrics.defaultLabels();
    metrics.addProcessed(labels, 1);
    metrics.addFailed(labels, rl::FailureReason::Invalid, 1);
    metrics.setQueueDepth(labels, 3);
    metrics.observeLatencyMs(labels, 0.5);
    metrics.addEmissions(1);
    metrics.addDropped(1);
    metrics.addPurged(labels, 1);
    metrics.addEvicted(1);
    metrics.selectionCounter("gpt-4").Increment();
    return metrics.serialize();
}

} // namespace

class TstDeployKit : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void prometheusConfigPassesPromtool()
    {
        const QString promtool = QStandardPaths::findExecutable(QStringLiteral("promtool"));
        if (promtool.isEmpty())
            QSKIP("promtool is not installed (Debian package prometheus; scripts/test.sh installs it)");
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(promtool, {QStringLiteral("check"), QStringLiteral("config"),
                                 QStringLiteral(RLSTUDIO_SOURCE_DIR "/deploy/prometheus/prometheus.yml")});
        QVERIFY2(process.waitForFinished(120000), qPrintable(process.errorString()));
        const QByteArray output = process.readAll();
        QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0, output.constData());
        QVERIFY2(output.contains("7 rules found"), output.constData()); // the shipped rules, loaded
    }

    void dashboardImportsAndReadsOnlyWhatRlstudioServes()
    {
        QFile file(QStringLiteral(RLSTUDIO_SOURCE_DIR "/deploy/grafana/rl_feedback_dashboard.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const nlohmann::json dashboard = nlohmann::json::parse(file.readAll().toStdString());
        QCOMPARE(dashboard.at("__inputs").at(0).at("name").get<std::string>(), std::string("DS_PROMETHEUS"));

        const std::set<std::string> served = exposedNames(engineExposition());
        QVERIFY(served.count("rl_feedback_processing_latency_ms_bucket"));
        int queries = 0;
        std::set<std::string> read;
        for (const nlohmann::json &panel : dashboard.at("panels")) {
            const std::string title = panel.at("title").get<std::string>();
            QVERIFY2(panel.at("datasource").at("uid") == "${DS_PROMETHEUS}", title.c_str());
            for (const nlohmann::json &target : panel.at("targets")) {
                const std::string expr = target.at("expr").get<std::string>();
                try {
                    const rl::PromQlExpression parsed(expr);
                    for (const std::string &metric : parsed.metrics()) {
                        QVERIFY2(served.count(metric), (title + ": " + metric + " is not in /metrics").c_str());
                        read.insert(metric);
                    }
                } catch (const rl::PromQlError &error) {
                    QFAIL((title + ": " + error.what()).c_str());
                }
                ++queries;
            }
        }
        QVERIFY(queries >= 10);
        // The original's panels and what it lacked: drops, evictions and each model's selections.
        for (const char *metric : {"rl_feedback_processed_total", "rl_feedback_failed_total", "rl_feedback_queue_depth",
                                   "rl_feedback_dropped_total", "rl_routing_history_evicted_total",
                                   "rl_model_selections_total", "rl_feedback_processing_latency_ms_bucket"})
            QVERIFY2(read.count(metric), metric);
        for (const nlohmann::json &annotation : dashboard.at("annotations").at("list"))
            rl::PromQlExpression(annotation.at("expr").get<std::string>()); // ALERTS: Prometheus's own series
    }
};

QTEST_GUILESS_MAIN(TstDeployKit)
#include "tst_deploykit.moc"
