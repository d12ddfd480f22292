// rlstudio_uistall: how responsive the UI thread stays while the engine's worker force-drains a deep queue
// as fast as it can. The worker drains in slices and sends snapshots at its capped rate; the main window is
// shown on them as in the app (charts, tiles, alerts, queue inspector, event log), so their redraws count.
// This measures what the UI thread sees: the longest gap between the timeouts of a 1 ms timer (its event
// loop's worst stall) and between snapshot deliveries. With no display it runs on the offscreen platform.

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QTimer>

#include "StallProbe.h"
#include "gui/host/EngineHost.h"
#include "gui/host/LogRouter.h"
#include "gui/ui/ChartsPanel.h"
#include "gui/ui/ConvergencePanel.h"
#include "gui/ui/DesktopRunner.h"
#include "gui/ui/MainWindow.h"
#include "widgets/ChartTimeline.h"
#include "widgets/TimeSeriesChart.h"

namespace rl {

// Counts paint events of every widget while installed on the application.
class PaintCounter : public QObject {
public:
    int count = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            ++count;
        return QObject::eventFilter(watched, event);
    }
};

class UiStallBench {
    Q_DECLARE_TR_FUNCTIONS(UiStallBench)

public:
    static constexpr int kMaxItems = 1000000;      // EngineHost::emitRequests' bound
    static constexpr double kTargetStallMs = 16.0; // a frame at 60 Hz
    static constexpr int kMaxHistoryHours = 24;    // what the charts keep

    struct Result {
        int items = 0;
        double fillSeconds = 0.0;
        double drainSeconds = 0.0; // from drain() to drainFinished, on the UI thread
        DrainProgress drain;
        double maxStallMs = 0.0;
        double maxSnapshotGapMs = 0.0;
        int snapshots = 0;   // delivered during the drain
        bool window = false; // the main window was shown
        int paints = 0;      // widget paint events during the drain: the redraws the stall includes
        double historyHours = 0.0;
        qint64 historySamples = 0;    // chart samples loaded before the drain, over every series
        qint64 historyChartBytes = 0; // what the charts' ring buffers hold
        double rssBeforeMb = 0.0;     // the process's resident memory before and after loading the history
        double rssAfterMb = 0.0;

        double itemsPerSecond() const { return static_cast<double>(drain.processed + drain.failed) / drainSeconds; }
    };

    UiStallBench(int items, bool window, int historyHours, int chartWindowMinutes)
        : m_items(items)
        , m_window(window)
        , m_historyHours(historyHours)
        , m_chartWindowMinutes(chartWindowMinutes)
    {
    }

    // Runs on the application's thread; nullopt (with the reason on err) if a step did not finish.
    std::optional<Result> run(QTextStream &err);

private:
    static constexpr int kStepTimeoutMs = 300000;
    static constexpr QSize kWindowSize{1280, 800}; // the smaller of the README's screenshots

    // Runs `loop` until a handler quits it or the step times out; false on time-out.
    static bool runUntil(QEventLoop &loop);
    static double residentMb(); // VmRSS, from /proc
    // Fills the window's charts with m_historyHours of samples ending now, as a day of running would have:
    // the loop charts at their resolution, the convergence charts at theirs, an annotation every 5 minutes.
    void loadHistory(MainWindow &window, Result &result) const;

    int m_items;
    bool m_window;
    int m_historyHours;
    int m_chartWindowMinutes;
};

double UiStallBench::residentMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0.0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return 0.0;
}

void UiStallBench::loadHistory(MainWindow &window, Result &result) const
{
    result.historyHours = m_historyHours;
    result.rssBeforeMb = residentMb();
    const qint64 end = QDateTime::currentMSecsSinceEpoch() - 1000; // before the next snapshot
    const qint64 start = end - static_cast<qint64>(m_historyHours) * 3600 * 1000;
    ChartsPanel &charts = *window.chartsPanel();
    charts.clear(); // the snapshots shown so far are newer than the history: they would hold it back
    for (qint64 t = start; t < end; t += ChartsPanel::kSamplePeriodMs) {
        const double phase = static_cast<double>(t - start) / 60'000.0; // a minute's saw-tooth
        LiveSample sample;
        sample.timeMs = t;
        sample.queueDepth = 25.0 * (phase - std::floor(phase));
        sample.processedPerSecond = 20.0 + std::sin(phase);
        sample.emittedPerSecond = 20.0;
        sample.successRate = 0.995;
        sample.latencyP50Ms = 0.03;
        sample.latencyP95Ms = 0.05;
        sample.latencyMaxMs = 0.08 + 0.01 * std::sin(phase * 3.0);
        charts.addSample(sample);
    }
    TimeSeriesChart &regret = *window.convergencePanel()->regretChart();
    TimeSeriesChart &share = *window.convergencePanel()->shareChart();
    for (qint64 t = start; t < end; t += ConvergencePanel::kSamplePeriodMs) {
        const double hours = static_cast<double>(t - start) / 3'600'000.0;
        regret.append(0, t, 10.0 + hours);
        regret.append(1, t, 10.0 + 5.0 * hours);
        for (int model = 0; model < share.seriesCount(); ++model)
            share.append(model, t, 100.0 / share.seriesCount() + 5.0 * std::sin(hours + model));
    }
    for (qint64 t = start; t < end; t += 5 * 60'000)
        charts.timeline()->addAnnotation(t, tr("operator: preset"), Qt::blue);
    QList<TimeSeriesChart *> all = charts.charts();
    all << &regret << &share;
    for (const TimeSeriesChart *chart : all) {
        result.historyChartBytes += chart->memoryBytes();
        for (int i = 0; i < chart->seriesCount(); ++i)
            result.historySamples += chart->sampleCount(i);
    }
    charts.timeline()->setSpanMs(static_cast<qint64>(m_chartWindowMinutes) * 60'000);
    result.rssAfterMb = residentMb();
}

bool UiStallBench::runUntil(QEventLoop &loop)
{
    bool timedOut = false;
    QTimer::singleShot(kStepTimeoutMs, &loop, [&] {
        timedOut = true;
        loop.quit();
    });
    loop.exec();
    return !timedOut;
}

std::optional<UiStallBench::Result> UiStallBench::run(QTextStream &err)
{
    EngineOptions options;
    options.simulatorEnabled = false;
    options.loop.loopEnabled = false;
    options.seed = 1;
    options.queueCapacity = static_cast<std::size_t>(m_items); // every item stays queued with its decision
    options.historyCapacity = static_cast<std::size_t>(m_items);
    // Before the host, so it outlives the worker thread whose messages it routes.
    const std::unique_ptr<LogRouter> log = m_window ? std::make_unique<LogRouter>() : nullptr;
    EngineHost host(options);
    std::unique_ptr<MainWindow> window;
    if (m_window) {
        MainWindow::Options windowOptions;
        windowOptions.log = log.get();
        windowOptions.useSettings = false; // a measurement leaves the user's window and tuning alone
        window = std::make_unique<MainWindow>(host, windowOptions);
        window->resize(kWindowSize);
        window->show();
    }
    Result result;
    result.items = m_items;
    result.window = m_window;
    if (window && m_historyHours > 0) {
        // After the first snapshot with the catalogue: it (re)starts the convergence charts, which would
        // clear history loaded before it.
        QEventLoop started;
        QObject::connect(&host, &EngineHost::snapshotReady, &started, [&](const EngineSnapshot &snapshot) {
            if (!snapshot.models.empty())
                started.quit();
        });
        if (host.latestSnapshot().models.empty() && !runUntil(started)) {
            err << tr("the engine did not start") << Qt::endl;
            return std::nullopt;
        }
        loadHistory(*window, result);
    }
    QElapsedTimer clock;
    clock.start();

    {
        QEventLoop filled;
        QObject::connect(&host, &EngineHost::snapshotReady, &filled, [&](const EngineSnapshot &snapshot) {
            if (snapshot.health.queueDepth >= static_cast<std::size_t>(m_items))
                filled.quit();
        });
        host.emitRequests(m_items);
        if (!runUntil(filled)) {
            err << tr("the queue did not reach %1 items").arg(m_items) << Qt::endl;
            return std::nullopt;
        }
        result.fillSeconds = static_cast<double>(clock.nsecsElapsed()) / 1e9;
    }

    QEventLoop drained;
    StallProbe stalls;
    qint64 lastSnapshot = 0;
    qint64 maxSnapshotGap = 0;
    QObject::connect(&host, &EngineHost::snapshotReady, &drained, [&] {
        const qint64 now = clock.nsecsElapsed();
        maxSnapshotGap = std::max(maxSnapshotGap, now - lastSnapshot);
        lastSnapshot = now;
        ++result.snapshots;
    });
    qint64 drainStart = 0;
    QObject::connect(&host, &EngineHost::drainFinished, &drained, [&](const DrainProgress &outcome) {
        const qint64 now = clock.nsecsElapsed();
        stalls.stop(); // counting the stall the drain may have ended in
        result.drain = outcome;
        result.drainSeconds = static_cast<double>(now - drainStart) / 1e9;
        drained.quit();
    });

    PaintCounter paints;
    qApp->installEventFilter(&paints);
    drainStart = lastSnapshot = clock.nsecsElapsed();
    stalls.start();
    host.drain();
    const bool finished = runUntil(drained);
    qApp->removeEventFilter(&paints);
    result.paints = paints.count;
    if (!finished) {
        err << tr("the drain did not finish") << Qt::endl;
        return std::nullopt;
    }
    if (result.drain.remaining != 0 || result.drain.cancelled) {
        err << tr("the drain stopped with %1 items left").arg(result.drain.remaining) << Qt::endl;
        return std::nullopt;
    }
    result.maxStallMs = stalls.maxStallMs();
    result.maxSnapshotGapMs = static_cast<double>(maxSnapshotGap) / 1e6;
    return result;
}

} // namespace rl

int main(int argc, char *argv[])
{
    using rl::UiStallBench;
    // Without a display the window is drawn offscreen, which still paints every widget into its backing store.
    if (!rl::DesktopRunner::haveDisplay())
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    // Its own settings, so the window's saved layout of the real app is neither read nor overwritten.
    QCoreApplication::setOrganizationName(QStringLiteral("rlstudio"));
    QCoreApplication::setApplicationName(QStringLiteral("rlstudio_uistall"));
    QTextStream out(stdout);
    QTextStream err(stderr);

    QCommandLineParser parser;
    parser.setApplicationDescription(UiStallBench::tr(
        "Measures the UI thread's longest event-loop stall while the engine force-drains a deep queue."));
    parser.addHelpOption();
    const QCommandLineOption items(
        QStringLiteral("items"),
        UiStallBench::tr("Requests to emit and drain, 1..%1 (default %1).").arg(UiStallBench::kMaxItems),
        QStringLiteral("N"), QString::number(UiStallBench::kMaxItems));
    const QCommandLineOption json(QStringLiteral("json"), UiStallBench::tr("Print the result as JSON."));
    const QCommandLineOption noWindow(
        QStringLiteral("no-window"),
        UiStallBench::tr("Do not show the main window: the engine host and the event loop only."));
    const QCommandLineOption history(QStringLiteral("history-hours"),
                                     UiStallBench::tr("Load this many hours of chart history first, 0..%1 (default 0).")
                                         .arg(UiStallBench::kMaxHistoryHours),
                                     QStringLiteral("H"), QStringLiteral("0"));
    const QCommandLineOption chartWindow(
        QStringLiteral("chart-window"),
        UiStallBench::tr("Minutes of history the charts show during the drain, 1..1440 (default 1)."),
        QStringLiteral("MINUTES"), QStringLiteral("1"));
    parser.addOptions({items, json, noWindow, history, chartWindow});
    parser.process(app);

    bool ok = false;
    const int count = parser.value(items).toInt(&ok);
    if (!ok || count < 1 || count > UiStallBench::kMaxItems) {
        err << UiStallBench::tr("--items %1 is not a count in 1..%2")
                   .arg(parser.value(items))
                   .arg(UiStallBench::kMaxItems)
            << Qt::endl;
        return 2;
    }

    const int hours = parser.value(history).toInt(&ok);
    if (!ok || hours < 0 || hours > UiStallBench::kMaxHistoryHours) {
        err << UiStallBench::tr("--history-hours %1 is not a count in 0..%2")
                   .arg(parser.value(history))
                   .arg(UiStallBench::kMaxHistoryHours)
            << Qt::endl;
        return 2;
    }
    if (hours > 0 && parser.isSet(noWindow)) {
        err << UiStallBench::tr("--history-hours needs the window: the history is its charts'") << Qt::endl;
        return 2;
    }
    const int minutes = parser.value(chartWindow).toInt(&ok);
    if (!ok || minutes < 1 || minutes > 24 * 60) {
        err << UiStallBench::tr("--chart-window %1 is not a count in 1..1440").arg(parser.value(chartWindow))
            << Qt::endl;
        return 2;
    }

    const auto result = UiStallBench(count, !parser.isSet(noWindow), hours, minutes).run(err);
    if (!result)
        return 1;
    const bool withinTarget = result->maxStallMs < UiStallBench::kTargetStallMs;
    if (parser.isSet(json)) {
        const QJsonObject object{{QStringLiteral("items"), result->items},
                                 {QStringLiteral("window"), result->window},
                                 {QStringLiteral("fill_seconds"), result->fillSeconds},
                                 {QStringLiteral("drain_seconds"), result->drainSeconds},
                                 {QStringLiteral("items_per_second"), result->itemsPerSecond()},
                                 {QStringLiteral("processed"), static_cast<qint64>(result->drain.processed)},
                                 {QStringLiteral("failed"), static_cast<qint64>(result->drain.failed)},
                                 {QStringLiteral("batches"), static_cast<qint64>(result->drain.batches)},
                                 {QStringLiteral("ui_max_stall_ms"), result->maxStallMs},
                                 {QStringLiteral("snapshots"), result->snapshots},
                                 {QStringLiteral("paint_events"), result->paints},
                                 {QStringLiteral("snapshot_max_gap_ms"), result->maxSnapshotGapMs},
                                 {QStringLiteral("history_hours"), result->historyHours},
                                 {QStringLiteral("chart_window_minutes"), minutes},
                                 {QStringLiteral("history_samples"), result->historySamples},
                                 {QStringLiteral("history_chart_bytes"), result->historyChartBytes},
                                 {QStringLiteral("rss_before_history_mb"), result->rssBeforeMb},
                                 {QStringLiteral("rss_after_history_mb"), result->rssAfterMb},
                                 {QStringLiteral("target_stall_ms"), UiStallBench::kTargetStallMs},
                                 {QStringLiteral("within_target"), withinTarget}};
        out << QJsonDocument(object).toJson(QJsonDocument::Compact) << Qt::endl;
    } else {
        out << UiStallBench::tr("drained %L1 items in %2 s: %L3 items/s, %L4 batches (queue filled in %5 s)")
                   .arg(result->items)
                   .arg(result->drainSeconds, 0, 'f', 3)
                   .arg(result->itemsPerSecond(), 0, 'f', 0)
                   .arg(result->drain.batches)
                   .arg(result->fillSeconds, 0, 'f', 1)
            << Qt::endl
            << (result->window ? UiStallBench::tr(
                    "UI event loop with the main window shown: longest stall %1 ms (target < %2 ms: %3)")
                               : UiStallBench::tr("UI event loop: longest stall %1 ms (target < %2 ms: %3)"))
                   .arg(result->maxStallMs, 0, 'f', 2)
                   .arg(UiStallBench::kTargetStallMs)
                   .arg(withinTarget ? UiStallBench::tr("met") : UiStallBench::tr("missed"))
            << Qt::endl
            << UiStallBench::tr("snapshots during the drain: %1, longest gap %2 ms; widget paint events: %3")
                   .arg(result->snapshots)
                   .arg(result->maxSnapshotGapMs, 0, 'f', 2)
                   .arg(result->paints)
            << Qt::endl;
        if (result->historySamples > 0)
            out << UiStallBench::tr("history: %1 h, %L2 chart samples in %L3 bytes (%4 bytes a sample); resident "
                                    "memory %5 MB before loading it, %6 MB after")
                       .arg(result->historyHours)
                       .arg(result->historySamples)
                       .arg(result->historyChartBytes)
                       .arg(static_cast<double>(result->historyChartBytes)
                                / static_cast<double>(result->historySamples),
                            0, 'f', 1)
                       .arg(result->rssBeforeMb, 0, 'f', 1)
                       .arg(result->rssAfterMb, 0, 'f', 1)
                << Qt::endl;
    }
    return 0;
}
