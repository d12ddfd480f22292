// rlstudio_fleetstall: the fleet window on a Prometheus holding many instances' series. The series are
// written as OpenMetrics and backfilled with `promtool tsdb create-blocks-from openmetrics` (no instances
// run), a Prometheus serves them with a per-instance queue-depth rule, and the fleet window refreshes on its
// timer while this measures the UI thread's longest event-loop stall and counts the requests each panel
// sends a refresh. Then the ten worst instances are selected, so the charts' drill-down is measured too.
// With no display it runs on the offscreen platform.

#include <algorithm>
#include <cmath>
#include <optional>

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include "StallProbe.h"
#include "gui/ui/DesktopRunner.h"
#include "gui/ui/FleetPanel.h"
#include "gui/ui/FleetWindow.h"
#include "gui/ui/models/FleetTableModel.h"

namespace rl {

class FleetStallBench {
    Q_DECLARE_TR_FUNCTIONS(FleetStallBench)

public:
    static constexpr double kTargetStallMs = 16.0; // a frame at 60 Hz
    static constexpr int kSampleSeconds = 15;      // Prometheus's default scrape interval
    static constexpr int kStartTimeoutMs = 120000;

    struct Options {
        int instances = 200;
        double hours = 1.0;
        double refreshSeconds = 5.0;
        int refreshes = 8;
    };

    struct Result {
        qint64 samples = 0;
        double backfillSeconds = 0.0;
        int shownInstances = 0;
        int refreshes = 0;
        std::map<QString, int> requests;
        double maxStallMs = 0.0;         // the whole fleet, nothing selected
        double maxStallSelectedMs = 0.0; // ten instances selected: a line each in every chart
    };

    explicit FleetStallBench(Options options)
        : m_options(options)
    {
    }

    std::optional<Result> run(QTextStream &err);

private:
    qint64 writeOpenMetrics(const QString &path, qint64 endSeconds) const;
    static bool waitFor(const std::function<bool()> &condition, int timeoutMs);

    Options m_options;
};

qint64 FleetStallBench::writeOpenMetrics(const QString &path, qint64 endSeconds) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return -1;
    QTextStream out(&file);
    const int points = static_cast<int>(m_options.hours * 3600.0 / kSampleSeconds);
    const qint64 start = endSeconds - static_cast<qint64>(points - 1) * kSampleSeconds;
    qint64 samples = 0;
    const auto labels = [](int i) {
        return QStringLiteral("job=\"rlstudio\",instance=\"10.0.%1.%2:8000\",tenant=\"tenant-%3\",workspace=\"ws-%4\"")
            .arg(i / 250)
            .arg(i % 250 + 1)
            .arg(i % 40)
            .arg(i % 3);
    };
    // Every 25th instance has its loop stalled (its queue grows), every 10th fails a tenth of its items.
    const auto series = [&](const QString &name, const QString &extra, auto valueAt) {
        for (int i = 0; i < m_options.instances; ++i) {
            const QString head = name + QLatin1Char('{') + labels(i) + extra + QStringLiteral("} ");
            for (int p = 0; p < points; ++p) {
                out << head << valueAt(i, p) << ' ' << (start + static_cast<qint64>(p) * kSampleSeconds) << '\n';
                ++samples;
            }
        }
    };
    const auto stalled = [](int i) { return i % 25 == 0; };
    out << "# TYPE up gauge\n";
    series(QStringLiteral("up"), {}, [](int, int) { return 1; });
    out << "# TYPE rl_feedback_queue_depth gauge\n";
    series(QStringLiteral("rl_feedback_queue_depth"), {},
           [&](int i, int p) { return stalled(i) ? p * 3 : (p * 7 + i) % 20; });
    out << "# TYPE rl_feedback_processed counter\n";
    series(QStringLiteral("rl_feedback_processed_total"), QStringLiteral(",result=\"success\""),
           [&](int i, int p) { return stalled(i) ? 0 : p * (30 + i % 50); });
    out << "# TYPE rl_feedback_failed counter\n";
    series(QStringLiteral("rl_feedback_failed_total"), QStringLiteral(",reason=\"invalid\""),
           [&](int i, int p) { return i % 10 == 0 && !stalled(i) ? p * 3 : 0; });
    out << "# TYPE rl_feedback_dropped counter\n";
    series(QStringLiteral("rl_feedback_dropped_total"), {}, [](int, int) { return 0; });
    out << "# TYPE rl_feedback_processing_latency_ms histogram\n";
    for (const char *le : {"0.1", "1", "10", "100", "+Inf"}) {
        const double share = std::string_view(le) == "0.1" ? 0.5 : std::string_view(le) == "1" ? 0.9 : 1.0;
        series(QStringLiteral("rl_feedback_processing_latency_ms_bucket"),
               QStringLiteral(",le=\"%1\"").arg(QLatin1String(le)),
               [&](int i, int p) { return static_cast<qint64>(share * p * (1 + i % 5)); });
    }
    series(QStringLiteral("rl_feedback_processing_latency_ms_count"), {}, [](int i, int p) { return p * (1 + i % 5); });
    series(QStringLiteral("rl_feedback_processing_latency_ms_sum"), {}, [](int i, int p) { return p * (1 + i % 5); });
    out << "# EOF\n";
    return samples;
}

bool FleetStallBench::waitFor(const std::function<bool()> &condition, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!condition()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QEventLoop loop;
        QTimer::singleShot(50, &loop, &QEventLoop::quit); // the benchmark's own polling, not the window's
        loop.exec();
    }
    return true;
}

std::optional<FleetStallBench::Result> FleetStallBench::run(QTextStream &err)
{
    const QString prometheus = QStandardPaths::findExecutable(QStringLiteral("prometheus"));
    const QString promtool = QStandardPaths::findExecutable(QStringLiteral("promtool"));
    if (prometheus.isEmpty() || promtool.isEmpty()) {
        err << tr("needs prometheus and promtool (Debian package prometheus)") << Qt::endl;
        return std::nullopt;
    }
    QTemporaryDir dir;
    Result result;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QString metrics = dir.filePath(QStringLiteral("fleet.om"));
    err << tr("writing %1 instances' series for %2 h…").arg(m_options.instances).arg(m_options.hours) << Qt::endl;
    result.samples = writeOpenMetrics(metrics, now);
    QElapsedTimer clock;
    clock.start();
    QProcess backfill;
    backfill.setProcessChannelMode(QProcess::MergedChannels);
    backfill.start(promtool, {QStringLiteral("tsdb"), QStringLiteral("create-blocks-from"),
                              QStringLiteral("openmetrics"), metrics, dir.filePath(QStringLiteral("data"))});
    if (!backfill.waitForFinished(-1) || backfill.exitCode() != 0) {
        err << tr("promtool failed: %1").arg(QString::fromUtf8(backfill.readAll())) << Qt::endl;
        return std::nullopt;
    }
    result.backfillSeconds = static_cast<double>(clock.elapsed()) / 1000.0;
    QFile::remove(metrics);

    QFile rules(dir.filePath(QStringLiteral("rules.yml")));
    QFile config(dir.filePath(QStringLiteral("prometheus.yml")));
    if (!rules.open(QIODevice::WriteOnly) || !config.open(QIODevice::WriteOnly))
        return std::nullopt;
    rules.write("groups:\n  - name: fleet\n    rules:\n      - alert: RLFeedbackQueueDepthHigh\n"
                "        expr: avg_over_time(rl_feedback_queue_depth[15m]) > 25\n        labels: {severity: ticket}\n");
    rules.close();
    config.write(
        QStringLiteral("global:\n  evaluation_interval: 5s\nrule_files:\n  - %1\n").arg(rules.fileName()).toUtf8());
    config.close();
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const QString address = QStringLiteral("127.0.0.1:%1").arg(probe.serverPort());
    probe.close();
    QProcess server;
    server.setProcessChannelMode(QProcess::MergedChannels);
    server.start(prometheus, {QStringLiteral("--config.file=") + config.fileName(),
                              QStringLiteral("--storage.tsdb.path=") + dir.filePath(QStringLiteral("data")),
                              QStringLiteral("--web.listen-address=") + address, QStringLiteral("--log.level=error")});
    QNetworkAccessManager network;
    bool ready = false;
    const QUrl url(QStringLiteral("http://") + address);
    waitFor(
        [&] {
            QNetworkReply *reply = network.get(QNetworkRequest(url.resolved(QUrl(QStringLiteral("/-/ready")))));
            QEventLoop loop;
            QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
            loop.exec();
            ready = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200;
            reply->deleteLater();
            return ready || server.state() != QProcess::Running;
        },
        kStartTimeoutMs);
    if (!ready) {
        err << tr("prometheus did not start: %1").arg(QString::fromUtf8(server.readAll())) << Qt::endl;
        return std::nullopt;
    }

    PrometheusSource::Options source;
    source.url = url;
    source.refreshSeconds = m_options.refreshSeconds;
    FleetWindow window({source, {}, nullptr});
    window.resize(1280, 800);
    window.show();
    if (!waitFor([&] { return window.fleetPanel()->model()->rowCount() == m_options.instances; }, kStartTimeoutMs)) {
        err << tr("the fleet view shows %1 of %2 instances")
                   .arg(window.fleetPanel()->model()->rowCount())
                   .arg(m_options.instances)
            << Qt::endl;
        return std::nullopt;
    }
    // Measured from the first full table on. First the timer's refreshes alone, their requests counted;
    // then with ten instances selected, so the charts draw a line each.
    const auto measure = [&](int refreshes) {
        QEventLoop loop;
        const int until = window.refreshCount() + refreshes;
        QObject::connect(&window, &FleetWindow::fleetShown, &loop, [&] {
            if (window.refreshCount() >= until)
                loop.quit();
        });
        loop.exec();
    };
    const int first = window.refreshCount();
    const std::map<QString, int> before = window.requestCounts();
    StallProbe stalls;
    stalls.start();
    measure(m_options.refreshes / 2);
    stalls.stop();
    result.maxStallMs = stalls.maxStallMs();
    result.refreshes = window.refreshCount() - first;
    for (const auto &[panel, count] : window.requestCounts())
        result.requests[panel] = count - (before.count(panel) ? before.at(panel) : 0);
    result.shownInstances = window.fleetPanel()->model()->rowCount();

    stalls.start();
    QTableView *view = window.fleetPanel()->view();
    view->selectionModel()->select(
        QItemSelection(view->model()->index(0, 0), view->model()->index(9, FleetTableModel::ColumnCount - 1)),
        QItemSelectionModel::ClearAndSelect);
    measure(m_options.refreshes - m_options.refreshes / 2);
    stalls.stop();
    result.maxStallSelectedMs = stalls.maxStallMs();
    server.terminate();
    server.waitForFinished();
    return result;
}

} // namespace rl

int main(int argc, char *argv[])
{
    using rl::FleetStallBench;
    if (!rl::DesktopRunner::haveDisplay())
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("rlstudio"));
    QCoreApplication::setApplicationName(QStringLiteral("rlstudio_fleetstall"));
    QTextStream out(stdout);
    QTextStream err(stderr);

    QCommandLineParser parser;
    parser.setApplicationDescription(FleetStallBench::tr(
        "Measures the fleet window's longest UI stall and its requests a refresh on a Prometheus holding many "
        "instances' series."));
    parser.addHelpOption();
    const QCommandLineOption instances(QStringLiteral("instances"),
                                       FleetStallBench::tr("Instances to backfill, 1..5000 (default 200)."),
                                       QStringLiteral("N"), QStringLiteral("200"));
    const QCommandLineOption hours(QStringLiteral("hours"),
                                   FleetStallBench::tr("Hours of series to backfill, 0.1..48 (default 1)."),
                                   QStringLiteral("H"), QStringLiteral("1"));
    const QCommandLineOption refreshes(QStringLiteral("refreshes"),
                                       FleetStallBench::tr("Refreshes to measure, 2..1000 (default 8)."),
                                       QStringLiteral("N"), QStringLiteral("8"));
    const QCommandLineOption json(QStringLiteral("json"), FleetStallBench::tr("Print the result as JSON."));
    parser.addOptions({instances, hours, refreshes, json});
    parser.process(app);
    FleetStallBench::Options options;
    bool ok = false;
    options.instances = parser.value(instances).toInt(&ok);
    if (!ok || options.instances < 1 || options.instances > 5000) {
        err << FleetStallBench::tr("--instances %1 is not a count in 1..5000").arg(parser.value(instances)) << Qt::endl;
        return 2;
    }
    options.hours = parser.value(hours).toDouble(&ok);
    if (!ok || options.hours < 0.1 || options.hours > 48) {
        err << FleetStallBench::tr("--hours %1 is not a number in 0.1..48").arg(parser.value(hours)) << Qt::endl;
        return 2;
    }
    options.refreshes = parser.value(refreshes).toInt(&ok);
    if (!ok || options.refreshes < 2 || options.refreshes > 1000) {
        err << FleetStallBench::tr("--refreshes %1 is not a count in 2..1000").arg(parser.value(refreshes)) << Qt::endl;
        return 2;
    }
    const auto result = FleetStallBench(options).run(err);
    if (!result)
        return 1;
    // At most one request per panel per timer refresh (the sparklines' history is fetched once, at the start).
    int worstPerRefresh = 0;
    for (const auto &[panel, count] : result->requests)
        if (panel != QLatin1String("trend"))
            worstPerRefresh = std::max(worstPerRefresh, (count + result->refreshes - 1) / result->refreshes);
    const double worstStall = std::max(result->maxStallMs, result->maxStallSelectedMs);
    const bool withinTarget = worstStall < FleetStallBench::kTargetStallMs && worstPerRefresh <= 1;
    if (parser.isSet(json)) {
        QJsonObject requests;
        for (const auto &[panel, count] : result->requests)
            requests.insert(panel, count);
        out << QJsonDocument(QJsonObject{{QStringLiteral("instances"), result->shownInstances},
                                         {QStringLiteral("backfilled_samples"), result->samples},
                                         {QStringLiteral("backfill_seconds"), result->backfillSeconds},
                                         {QStringLiteral("refreshes"), result->refreshes},
                                         {QStringLiteral("requests"), requests},
                                         {QStringLiteral("max_requests_per_panel_per_refresh"), worstPerRefresh},
                                         {QStringLiteral("ui_max_stall_ms"), result->maxStallMs},
                                         {QStringLiteral("ui_max_stall_selected_ms"), result->maxStallSelectedMs},
                                         {QStringLiteral("target_stall_ms"), FleetStallBench::kTargetStallMs},
                                         {QStringLiteral("within_target"), withinTarget}})
                   .toJson(QJsonDocument::Compact)
            << Qt::endl;
    } else {
        out << FleetStallBench::tr("%1 instances, %L2 samples backfilled in %3 s; %4 refreshes measured")
                   .arg(result->shownInstances)
                   .arg(result->samples)
                   .arg(result->backfillSeconds, 0, 'f', 1)
                   .arg(result->refreshes)
            << Qt::endl;
        for (const auto &[panel, count] : result->requests)
            out << FleetStallBench::tr("  %1: %2 requests").arg(panel).arg(count) << Qt::endl;
        out << FleetStallBench::tr("UI event loop: longest stall %1 ms, %2 ms with ten instances selected (target < %3 "
                                   "ms); at most %4 request(s) per panel per refresh: %5")
                   .arg(result->maxStallMs, 0, 'f', 2)
                   .arg(result->maxStallSelectedMs, 0, 'f', 2)
                   .arg(FleetStallBench::kTargetStallMs)
                   .arg(worstPerRefresh)
                   .arg(withinTarget ? FleetStallBench::tr("met") : FleetStallBench::tr("missed"))
            << Qt::endl;
    }
    return 0;
}
