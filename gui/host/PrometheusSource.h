#pragma once

#include <map>
#include <optional>

#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QUrl>

#include "gui/host/FleetCharts.h"
#include "gui/host/FleetQuery.h"
#include "gui/host/FleetSnapshot.h"
#include "gui/host/PrometheusClient.h"
#include "gui/host/SourceStatus.h"

namespace rl {

// The fleet from a Prometheus server, refreshed on a timer: the table (one instant query and the alerts),
// the charts (one range query over the shown range), each at most one request per refresh: a panel whose
// previous request is still out skips the refresh instead of queueing another, so a slow server never
// sees a storm. When the server cannot be reached the refresh backs off (doubling up to a minute) and the
// status says so; the panels keep what they showed. Lives on a thread of its own (the window's UI thread
// never parses an answer); every slot may be invoked queued from another thread.
class PrometheusSource : public QObject {
    Q_OBJECT

public:
    static constexpr double kDefaultRefreshSeconds = 5.0;
    static constexpr double kMaxBackoffSeconds = 60.0;
    static constexpr int kTrendPoints = 60;  // refreshes a sparkline shows
    static constexpr int kChartPoints = 240; // per series, whatever the range: zooming in fetches finer steps
    // More lines than a reader tells apart, and than a refresh should redraw: beyond, the charts show the sum.
    static constexpr int kMaxChartSeries = 12;

    struct Options {
        QUrl url;
        QString selector; // validated: FleetQuery throws on a bad one
        double refreshSeconds = kDefaultRefreshSeconds;
        int timeoutMs = PrometheusClient::kDefaultTimeoutMs;
    };

    explicit PrometheusSource(Options options, QObject *parent = nullptr);

public Q_SLOTS:
    void start();                           // the first refresh now, then every refresh interval
    void setRefreshSeconds(double seconds); // 0 stops refreshing
    void setSelector(const QString &selector);
    // The charts: the instances (the table's rows) to show, each or summed; none: the whole fleet. Either
    // way, more than kMaxChartSeries instances are summed.
    void setDrillDown(std::vector<FleetInstance> rows, bool summed);
    // The charts' range in unix seconds; live: it ends at each refresh's time, keeping its span.
    void setChartRange(double startSeconds, double endSeconds, bool live);

Q_SIGNALS:
    void fleetReady(const rl::FleetSnapshot &fleet);
    void chartsReady(const rl::FleetCharts &charts);
    void statusChanged(const rl::SourceStatus &status);
    // Each request as it goes out, by panel ("fleet", "alerts", "charts", "trend", and "targets" while an
    // instance is down): what a refresh costs
    // the server, for the benchmark and the tests.
    void requestSent(const QString &panel);
    void refreshStarted(int number); // the timer's (or a change's) refresh, before its requests go out

private:
    void refresh();
    void requestFleet(double now);
    void requestCharts(double now);
    void requestTrend(double now);
    // Why down instances are down: Prometheus's targets, asked while the table shows one.
    void requestTargets();
    void attachScrapeErrors(FleetSnapshot &fleet) const;
    // Sets the status from a request's answer (request: which one, as requestSent names it).
    void answered(const QString &request, const QString &error, bool unreachable, qint64 roundTripMs);
    void fleetAnswered();
    void publishFleet();
    void restartTimer();
    static double stepFor(double spanSeconds);

    Options m_options;
    FleetQuery m_query;
    PrometheusClient m_client;
    QTimer m_timer;
    int m_refreshes = 0;
    int m_fleetOutstanding = 0; // the table's query and the alerts, published together
    bool m_fleetStale = false;  // the selector changed while they were out
    int m_generation = 0;       // of the selector
    bool m_chartsInFlight = false;
    bool m_chartsStale = false; // the range or drill-down changed while a charts request was out
    bool m_trendWanted = true;  // the sparklines' history, fetched once per selector
    bool m_trendInFlight = false;
    std::optional<FleetSnapshot> m_pendingFleet;
    std::vector<PromAlert> m_alerts;                 // the latest answered
    std::map<QString, std::vector<double>> m_trends; // by FleetInstance::key()
    bool m_targetsInFlight = false;
    std::map<QString, QString> m_scrapeErrors; // by job and instance: the last error of each target
    std::optional<FleetSnapshot> m_shownFleet; // the last published, shown again when the errors come in
    std::vector<FleetInstance> m_drillDown;
    bool m_summed = false;
    double m_rangeEnd = 0.0; // unix seconds; unused while live
    double m_rangeSpan = 3600.0;
    bool m_live = true;
    int m_failures = 0;                    // consecutive refreshes that could not reach the server
    int m_failedRefresh = 0;               // the refresh m_failures last counted
    std::map<QString, QString> m_refusals; // the requests whose last answer was an error, with it
    SourceStatus m_status;
};

} // namespace rl
