#include "gui/host/PrometheusSource.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include <QDateTime>

#include "core/loop/LoopConfig.h"

namespace rl {

namespace {

double nowSeconds()
{
    return static_cast<double>(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
}

const QString kFleet = QStringLiteral("fleet");
const QString kAlerts = QStringLiteral("alerts");
const QString kCharts = QStringLiteral("charts");
const QString kTrend = QStringLiteral("trend");
const QString kTargets = QStringLiteral("targets");

QString targetKey(const QString &job, const QString &instance)
{
    return job + QLatin1Char('\x1f') + instance;
}

} // namespace

PrometheusSource::PrometheusSource(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_query(m_options.selector)
    , m_client(m_options.url, this)
    , m_timer(this)
{
    m_client.setTimeoutMs(m_options.timeoutMs);
    m_rangeEnd = nowSeconds();
    connect(&m_timer, &QTimer::timeout, this, &PrometheusSource::refresh);
}

void PrometheusSource::start()
{
    refresh();
    restartTimer();
}

void PrometheusSource::restartTimer()
{
    const double base = m_options.refreshSeconds;
    if (base <= 0.0) {
        m_timer.stop();
        return;
    }
    // Unreachable: each failed refresh doubles the wait, up to a minute.
    const double seconds = std::min(kMaxBackoffSeconds, base * std::pow(2.0, m_failures));
    m_timer.start(static_cast<int>(std::max(base, seconds) * 1000.0));
}

void PrometheusSource::setRefreshSeconds(double seconds)
{
    m_options.refreshSeconds = seconds;
    restartTimer();
}

void PrometheusSource::setSelector(const QString &selector)
{
    try {
        m_query = FleetQuery(selector);
    } catch (const ConfigError &error) {
        m_status.state = SourceStatus::State::Refused;
        m_status.message = QString::fromUtf8(error.what());
        Q_EMIT statusChanged(m_status);
        return;
    }
    // Answers still out are the old selector's: the table's is asked again when it is in, the charts' too
    // (marked stale), the sparklines' history is fetched afresh.
    ++m_generation;
    m_trends.clear();
    m_trendWanted = true;
    const double now = nowSeconds();
    if (m_fleetOutstanding == 0)
        requestFleet(now);
    else
        m_fleetStale = true;
    if (!m_trendInFlight)
        requestTrend(now);
    requestCharts(now);
    restartTimer();
}

void PrometheusSource::setDrillDown(std::vector<FleetInstance> rows, bool summed)
{
    m_drillDown = std::move(rows);
    m_summed = summed;
    requestCharts(nowSeconds());
}

void PrometheusSource::setChartRange(double startSeconds, double endSeconds, bool live)
{
    m_rangeEnd = endSeconds;
    m_rangeSpan = std::max(1.0, endSeconds - startSeconds);
    m_live = live;
    requestCharts(nowSeconds());
}

void PrometheusSource::refresh()
{
    Q_EMIT refreshStarted(++m_refreshes);
    const double now = nowSeconds();
    if (m_fleetOutstanding == 0)
        requestFleet(now);
    if (m_trendWanted && !m_trendInFlight)
        requestTrend(now);
    if (!m_chartsInFlight) // skipped, not queued: the next refresh asks again
        requestCharts(now);
    const bool anyDown = m_shownFleet
                         && std::any_of(m_shownFleet->instances.begin(), m_shownFleet->instances.end(),
                                        [](const FleetInstance &instance) { return instance.isDown(); });
    if (anyDown && !m_targetsInFlight)
        requestTargets();
}

void PrometheusSource::requestTargets()
{
    m_targetsInFlight = true;
    Q_EMIT requestSent(kTargets);
    m_client.targets([this](const PromResult<std::vector<PromTarget>> &result) {
        m_targetsInFlight = false;
        answered(kTargets, result.error, result.unreachable, result.elapsedMs);
        if (!result.ok())
            return;
        std::map<QString, QString> errors;
        for (const PromTarget &target : result.data)
            if (!target.lastError.isEmpty())
                errors[targetKey(target.labels.value(QStringLiteral("job")),
                                 target.labels.value(QStringLiteral("instance")))] = target.lastError;
        if (errors == m_scrapeErrors || !m_shownFleet)
            return;
        m_scrapeErrors = std::move(errors);
        attachScrapeErrors(*m_shownFleet);
        Q_EMIT fleetReady(*m_shownFleet);
    });
}

void PrometheusSource::attachScrapeErrors(FleetSnapshot &fleet) const
{
    for (FleetInstance &instance : fleet.instances) {
        const auto error = m_scrapeErrors.find(targetKey(instance.job, instance.instance));
        instance.scrapeError = instance.isDown() && error != m_scrapeErrors.end() ? error->second : QString();
    }
}

void PrometheusSource::requestFleet(double now)
{
    m_fleetOutstanding = 2;
    m_pendingFleet.reset();
    Q_EMIT requestSent(kFleet);
    Q_EMIT requestSent(kAlerts);
    const FleetQuery query = m_query;
    m_client.query(query.expression(), now, [this, query, now](const PromResult<std::vector<PromSample>> &result) {
        if (result.ok())
            m_pendingFleet = query.parse(result.data, now);
        answered(kFleet, result.error, result.unreachable, result.elapsedMs);
        if (--m_fleetOutstanding == 0)
            fleetAnswered();
    });
    m_client.alerts([this](const PromResult<std::vector<PromAlert>> &result) {
        if (result.ok())
            m_alerts = result.data;
        answered(kAlerts, result.error, result.unreachable, result.elapsedMs);
        if (--m_fleetOutstanding == 0)
            fleetAnswered();
    });
}

void PrometheusSource::fleetAnswered()
{
    if (std::exchange(m_fleetStale, false)) {
        m_pendingFleet.reset(); // the old selector's table
        requestFleet(nowSeconds());
        return;
    }
    publishFleet();
}

void PrometheusSource::publishFleet()
{
    if (!m_pendingFleet)
        return; // the table's query failed: the status says so, the view keeps the last table
    FleetSnapshot fleet = std::move(*m_pendingFleet);
    m_pendingFleet.reset();
    fleet.alerts = m_alerts;
    FleetQuery::attachAlerts(fleet, m_alerts);
    for (FleetInstance &instance : fleet.instances) {
        std::vector<double> &trend = m_trends[instance.key()];
        trend.push_back(instance.queueDepth);
        if (trend.size() > static_cast<std::size_t>(kTrendPoints))
            trend.erase(trend.begin(), trend.end() - kTrendPoints);
        instance.depthTrend = trend;
    }
    attachScrapeErrors(fleet);
    m_status.instances = static_cast<int>(fleet.instances.size());
    m_shownFleet = fleet;
    Q_EMIT fleetReady(fleet);
}

void PrometheusSource::requestTrend(double now)
{
    // The sparklines' past, once: later refreshes append to it.
    m_trendInFlight = true;
    Q_EMIT requestSent(kTrend);
    const double step =
        std::max(1.0, m_options.refreshSeconds > 0.0 ? m_options.refreshSeconds : kDefaultRefreshSeconds);
    const double start = now - step * (kTrendPoints - 1);
    m_client.queryRange(
        m_query.depthExpression(), start, now, step,
        [this, start, step, generation = m_generation](const PromResult<std::vector<PromSeries>> &result) {
            m_trendInFlight = false;
            if (generation != m_generation) { // the old selector's history
                requestTrend(nowSeconds());
                return;
            }
            answered(kTrend, result.error, result.unreachable, result.elapsedMs);
            if (!result.ok())
                return;
            m_trendWanted = false;
            for (const PromSeries &series : result.data) {
                std::vector<double> trend(kTrendPoints, std::numeric_limits<double>::quiet_NaN());
                for (const auto &[time, value] : series.points) {
                    const auto at = static_cast<std::size_t>(std::lround((time - start) / step));
                    if (at < trend.size())
                        trend[at] = value;
                }
                m_trends[FleetQuery::identityOf(series.labels).key()] = std::move(trend);
            }
        });
}

double PrometheusSource::stepFor(double spanSeconds)
{
    // Round steps, so refreshes line up with the same instants and a chart does not shimmer.
    static constexpr double kSteps[] = {1,   2,   5,    10,   15,   30,    60,    120,   300,
                                        600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400};
    const double wanted = spanSeconds / kChartPoints;
    for (const double step : kSteps)
        if (step >= wanted)
            return step;
    return std::ceil(wanted / 86400.0) * 86400.0;
}

void PrometheusSource::requestCharts(double now)
{
    if (m_chartsInFlight) {
        m_chartsStale = true; // a changed question, asked when the answer is in: one request out at a time
        return;
    }
    m_chartsInFlight = true;
    m_chartsStale = false;
    Q_EMIT requestSent(kCharts);
    const double end = m_live ? now : m_rangeEnd;
    const double start = end - m_rangeSpan;
    const double step = stepFor(m_rangeSpan);
    // Steps aligned to multiples of the step, as Grafana does, so every refresh evaluates the same instants.
    const double alignedStart = std::floor(start / step) * step;
    const double alignedEnd = std::ceil(end / step) * step;
    // The whole fleet one line an instance only once it is known to be small.
    const int instances = m_drillDown.empty() ? m_status.instances : static_cast<int>(m_drillDown.size());
    const bool summed = m_summed || instances > kMaxChartSeries || (m_drillDown.empty() && instances == 0);
    const double rateWindow = std::max(60.0, 4.0 * step);
    const QString expression = m_query.chartsExpression(m_drillDown, summed, rateWindow);
    m_client.queryRange(
        expression, alignedStart, std::min(alignedEnd, now), step,
        [this, alignedStart, end, step, rateWindow, summed,
         instances](const PromResult<std::vector<PromSeries>> &result) {
            m_chartsInFlight = false;
            answered(kCharts, result.error, result.unreachable, result.elapsedMs);
            if (result.ok())
                Q_EMIT chartsReady(FleetCharts{alignedStart, end, step, rateWindow, result.data, summed, instances});
            if (m_chartsStale)
                requestCharts(nowSeconds());
        });
}

void PrometheusSource::answered(const QString &request, const QString &error, bool unreachable, qint64 roundTripMs)
{
    if (unreachable) {
        // One failure per refresh, however many of its requests failed.
        if (m_failedRefresh != m_refreshes) {
            m_failedRefresh = m_refreshes;
            ++m_failures;
            restartTimer();
        }
        m_status.state = SourceStatus::State::Unreachable;
        m_status.message = error;
        m_status.retryInSeconds = m_timer.isActive() ? m_timer.interval() / 1000.0 : 0.0;
        Q_EMIT statusChanged(m_status);
        return;
    }
    if (m_failures > 0) {
        m_failures = 0;
        restartTimer();
    }
    m_status.lastAnswerSeconds = nowSeconds();
    m_status.roundTripMs = roundTripMs;
    m_status.retryInSeconds = 0.0;
    // A refused request stays said until that request is answered: another's good answer does not hide it.
    if (error.isEmpty())
        m_refusals.erase(request);
    else
        m_refusals[request] = error;
    if (m_refusals.empty()) {
        m_status.state = SourceStatus::State::Connected;
        m_status.message.clear();
    } else {
        m_status.state = SourceStatus::State::Refused;
        m_status.message = m_refusals.begin()->second;
    }
    Q_EMIT statusChanged(m_status);
}

} // namespace rl
