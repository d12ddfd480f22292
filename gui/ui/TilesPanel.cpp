#include "gui/ui/TilesPanel.h"

#include <QHBoxLayout>
#include <QLocale>

#include "gui/host/TroubleshootingChecklist.h"
#include "widgets/GaugeTile.h"
#include "widgets/StatTile.h"

namespace rl {

namespace {

// Per-second rates with as many decimals as tell something: 0.25/s, 12.5/s, 10,000/s.
QString rateText(const QLocale &locale, double perSecond)
{
    const int decimals = perSecond < 10.0 ? 2 : perSecond < 100.0 ? 1 : 0;
    return TilesPanel::tr("%1/s").arg(locale.toString(perSecond, 'f', decimals));
}

} // namespace

TilesPanel::TilesPanel(QWidget *parent)
    : QWidget(parent)
    , m_processed(new StatTile(tr("Processed"), this))
    , m_failed(new StatTile(tr("Failed"), this))
    , m_dropped(new StatTile(tr("Dropped"), this))
    , m_queue(new GaugeTile(tr("Queue depth"), this))
    , m_success(new StatTile(tr("Success rate"), this))
    , m_latency(new StatTile(tr("Batch latency p95"), this))
    , m_learning(new StatTile(tr("Regret"), this))
{
    m_queue->setRange(0.0, 150.0);
    m_queue->setBands({{0.0, QColor(0x2e, 0x7d, 0x32), tr("within SLO")},
                       {10.0, QColor(0xf9, 0xa8, 0x25), tr("above SLO")},
                       {25.0, QColor(0xef, 0x6c, 0x00), tr("ticket")},
                       {100.0, QColor(0xc6, 0x28, 0x28), tr("page")}});

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    for (QWidget *tile : std::initializer_list<QWidget *>{m_processed, m_failed, m_dropped, m_queue, m_success,
                                                          m_latency, m_learning}) {
        // All as tall as the tallest (a caption may wrap), so the row reads as one.
        tile->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
        layout->addWidget(tile, 1);
    }
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
}

void TilesPanel::showStats(const EngineSnapshot &snapshot, const LiveSample &sample)
{
    const QLocale locale;
    const HealthState::Totals &totals = snapshot.health.totals;

    m_processed->setValue(rateText(locale, sample.processedPerSecond));
    m_processed->setCaption(tr("%L1 in total").arg(totals.processed));

    m_failed->setValue(rateText(locale, sample.failedPerSecond));
    m_failed->setCaption(tr("%L1 in total").arg(totals.failed));
    m_failed->setToolTip(tr("Failed in total: %L1 missing history, %L2 invalid, %L3 exceptions")
                             .arg(snapshot.failedMissingHistory)
                             .arg(snapshot.failedInvalid)
                             .arg(snapshot.failedException));
    m_failed->setLevel(sample.failedPerSecond > 0.0 ? StatTile::Level::Warning : StatTile::Level::Good);

    // Dropped items were accepted and are lost to learning: any in the last minute is critical.
    m_dropped->setValue(rateText(locale, sample.droppedPerSecond));
    m_dropped->setCaption(tr("%L1 in total").arg(totals.dropped));
    m_dropped->setToolTip(
        snapshot.settingsKnown
            ? tr("Feedback items the full queue dropped, oldest first: %L1 in the last minute, %L2 in total. The queue "
                 "holds %L3; raise --queue-capacity, process faster, or choose --overflow reject so that senders are "
                 "told to retry.")
                  .arg(sample.recentDropped)
                  .arg(totals.dropped)
                  .arg(snapshot.health.queueCapacity)
            : tr("Feedback items the full queue dropped, oldest first: %L1 in the last minute, %L2 in total.")
                  .arg(sample.recentDropped)
                  .arg(totals.dropped));
    m_dropped->setLevel(sample.recentDropped > 0 || sample.droppedPerSecond > 0.0 ? StatTile::Level::Critical
                                                                                  : StatTile::Level::Good);

    m_queue->setValue(static_cast<double>(snapshot.health.queueDepth));
    m_queue->setUnit(snapshot.settingsKnown
                         ? tr("/ %L1", "out of the queue's capacity").arg(snapshot.health.queueCapacity)
                         : QString());

    if (sample.successRate) {
        const double rate = *sample.successRate;
        m_success->setValue(tr("%1 %").arg(locale.toString(100.0 * rate, 'f', rate < 0.999 ? 2 : 1)));
        m_success->setLevel(rate >= kSuccessSlo                                   ? StatTile::Level::Good
                            : rate >= TroubleshootingChecklist::kSuccessRateFloor ? StatTile::Level::Warning
                                                                                  : StatTile::Level::Critical);
    } else {
        m_success->setValue(tr("–"));
        m_success->setLevel(StatTile::Level::Neutral);
    }
    m_success->setCaption(tr("last minute · SLO > 99 %"));

    if (sample.latencyP95Ms) {
        const double p95 = *sample.latencyP95Ms;
        m_latency->setValue(p95 < 1.0 ? tr("%1 µs").arg(locale.toString(p95 * 1000.0, 'f', 1))
                                      : tr("%1 ms").arg(locale.toString(p95, 'f', 1)));
        m_latency->setLevel(p95 < kLatencySloMs ? StatTile::Level::Good : StatTile::Level::Critical);
    } else {
        m_latency->setValue(tr("–"));
        m_latency->setLevel(StatTile::Level::Neutral);
    }
    m_latency->setCaption(tr("last minute · SLO < 5 s"));

    // The shadow original policy learns from each request's immediate outcome; the live one only from
    // processed batches. With the loop off the live one stands still, so the two are not compared then.
    if (!snapshot.settingsKnown) {
        m_learning->setValue(tr("–"));
        m_learning->setCaption(tr("the policy is not in the metrics"));
        m_learning->setToolTip(tr("Regret needs the simulated truth, which only an engine in this process has."));
        m_learning->setLevel(StatTile::Level::Neutral);
        return;
    }
    const bool learning = snapshot.health.rlFeedbackEnabled;
    m_learning->setValue(locale.toString(snapshot.liveRegret, 'f', 1));
    m_learning->setCaption(
        learning
            ? tr("%1 · original policy %2")
                  .arg(QString::fromStdString(snapshot.health.policy), locale.toString(snapshot.baselineRegret, 'f', 1))
            : tr("%1 is not learning: the loop is off").arg(QString::fromStdString(snapshot.health.policy)));
    m_learning->setToolTip(
        tr("Cumulative regret of %1 and of the original seed policy over the same %L2 simulated requests. The "
           "original policy learns from each request at once, %1 from the batches the loop processes.")
            .arg(QString::fromStdString(snapshot.health.policy))
            .arg(snapshot.comparisonRequests));
    m_learning->setLevel(snapshot.comparisonRequests == 0 || !learning    ? StatTile::Level::Neutral
                         : snapshot.liveRegret <= snapshot.baselineRegret ? StatTile::Level::Good
                                                                          : StatTile::Level::Warning);
}

} // namespace rl
