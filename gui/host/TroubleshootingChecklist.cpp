#include "gui/host/TroubleshootingChecklist.h"

#include <algorithm>
#include <cmath>

#include <QDateTime>
#include <QLocale>

namespace rl {

namespace {

constexpr double kMinimumEvidenceSeconds = 10.0; // rates over less history than this are not judged
constexpr double kQueueSlo = 10.0;               // the runbook's queue-depth SLO

} // namespace

QList<TroubleshootingChecklist::Item> TroubleshootingChecklist::evaluate(const EngineSnapshot &snapshot,
                                                                         const LiveSample &sample)
{
    const HealthState &health = snapshot.health;
    const QLocale locale;
    const bool enoughHistory = sample.rollingWindowSeconds >= kMinimumEvidenceSeconds;
    QList<Item> items;

    if (snapshot.settingsKnown) {
        items.append({tr("Feedback loop flag is set"), health.rlFeedbackEnabled,
                      health.rlFeedbackEnabled ? tr("ENABLE_TRAJECTORY_FEEDBACK_LOOP is on")
                                               : tr("ENABLE_TRAJECTORY_FEEDBACK_LOOP is off")});
        items.append({tr("Router is registered"), health.routerRegistered,
                      health.routerRegistered ? tr("policy %1").arg(QString::fromStdString(health.policy))
                                              : tr("no router: nothing can be processed")});
        QString tickDetail = tr("no tick yet");
        if (health.lastTickMs) {
            tickDetail =
                tr("last tick %1")
                    .arg(QDateTime::fromMSecsSinceEpoch(*health.lastTickMs).toString(QStringLiteral("HH:mm:ss")));
        }
        items.append({tr("Background loop is running"), health.loopRunning, tickDetail});
    } else {
        // Unknown, not failed: the metrics do not carry the flags, the router or the ticks.
        const QString unknown = tr("not in the metrics");
        items.append({tr("Feedback loop flag is set"), std::nullopt, unknown});
        items.append({tr("Router is registered"), std::nullopt, unknown});
        items.append({tr("Background loop is running"), std::nullopt, unknown});
    }

    items.append({tr("No recent exceptions"), sample.recentExceptions == 0,
                  tr("%n exception(s) in the last minute", nullptr, static_cast<int>(sample.recentExceptions))});

    std::optional<bool> queueOk;
    QString queueDetail = tr("not enough history yet");
    if (sample.recentDropped > 0) {
        queueOk = false; // a full queue is not stable, whatever its trend
        queueDetail =
            snapshot.settingsKnown
                ? tr("full: %L1 of %L2").arg(static_cast<qulonglong>(sample.queueDepth)).arg(health.queueCapacity)
                : tr("full: it drops items");
    } else if (sample.queueFloorRise) {
        // Judged on the queue's floor, not its slope: a steady saw-tooth (fill, then a batch empties it)
        // has a slope that swings with the phase, and a floor that stays put.
        const double tolerance = std::max(1.0, 0.1 * static_cast<double>(health.batchSize));
        queueOk = sample.queueDepth <= kQueueSlo || *sample.queueFloorRise <= tolerance;
        const auto depth = static_cast<qulonglong>(sample.queueDepth);
        queueDetail = *sample.queueFloorRise > tolerance
                          ? tr("depth %L1; its lowest point rose by %L2 in the last minute")
                                .arg(depth)
                                .arg(static_cast<qulonglong>(std::lround(*sample.queueFloorRise)))
                          : tr("depth %L1; its lowest point holds").arg(depth);
    }
    items.append({tr("Queue depth stable or falling"), queueOk, queueDetail});

    QString droppedDetail;
    if (!snapshot.settingsKnown)
        droppedDetail = tr("%L1 dropped in the last minute").arg(sample.recentDropped);
    else if (sample.recentDropped == 0)
        droppedDetail = tr("none in the last minute; the queue holds %L1").arg(health.queueCapacity);
    else
        droppedDetail = tr("%L1 dropped in the last minute: the queue (%L2) is full")
                            .arg(sample.recentDropped)
                            .arg(health.queueCapacity);
    items.append({tr("No feedback dropped"), sample.recentDropped == 0, droppedDetail});

    std::optional<bool> rateOk;
    QString rateDetail = tr("not enough history yet");
    if (snapshot.settingsKnown && !health.rlFeedbackEnabled) {
        rateOk = false; // a drain may have lifted the average, but nothing is processed on the ticks
        rateDetail = tr("the feedback loop flag is off: ticks process nothing");
    } else if (snapshot.settingsKnown && !health.trajectoryEvaluationEnabled) {
        rateDetail = tr("trajectory evaluation is off: nothing is emitted to keep up with");
    } else if (sample.recentDropped > 0) {
        rateOk = false;
        rateDetail = tr("the queue is full and drops items");
    } else if (enoughHistory) {
        // Allow one batch of lag: the loop works in whole batches on its interval.
        const double slack = static_cast<double>(health.batchSize) / sample.rollingWindowSeconds;
        rateOk = sample.rollingAttemptedPerSecond + slack >= 0.9 * sample.rollingEmittedPerSecond;
        rateDetail = tr("processing %1/s, emission %2/s")
                         .arg(locale.toString(sample.rollingAttemptedPerSecond, 'f', 2),
                              locale.toString(sample.rollingEmittedPerSecond, 'f', 2));
    }
    items.append({tr("Processing keeps up with emission"), rateOk, rateDetail});

    std::optional<bool> successOk;
    QString successDetail = tr("nothing processed in the last minute");
    if (sample.successRate) {
        successOk = *sample.successRate > kSuccessRateFloor;
        successDetail = tr("%1 % in the last minute").arg(locale.toString(100.0 * *sample.successRate, 'f', 1));
    }
    items.append({tr("Success rate > 95%"), successOk, successDetail});
    return items;
}

} // namespace rl
