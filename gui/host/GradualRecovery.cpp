#include "gui/host/GradualRecovery.h"

#include <utility>

#include "gui/host/LoggingCategories.h"
#include "gui/host/SnapshotSource.h"

namespace rl {

GradualRecovery::GradualRecovery(SnapshotSource &host, QObject *parent)
    : QObject(parent)
    , m_source(host)
{
    connect(&m_source, &SnapshotSource::snapshotReady, this, &GradualRecovery::onSnapshot);
    connect(&m_source, &SnapshotSource::drainFinished, this, &GradualRecovery::onDrainFinished);
}

bool GradualRecovery::running() const
{
    return m_step == Step::DisablingEvaluation || m_step == Step::Draining || m_step == Step::ReEnablingEvaluation;
}

void GradualRecovery::start()
{
    if (running())
        return;
    m_cancelAsked = false;
    enter(Step::DisablingEvaluation, tr("Gradual recovery 1/3: disabling trajectory evaluation to stop queue growth"));
    m_source.setEvaluationEnabled(false);
}

void GradualRecovery::cancel()
{
    if (m_step == Step::Draining) {
        if (!m_source.capabilities().cancelDrain) {
            // A remote drain runs to its end: the procedure goes on, and says so rather than pretend.
            qCInfo(lcOperator).noquote()
                << tr("Gradual recovery: %1 cannot stop a drain; it runs until the queue is empty")
                       .arg(m_source.remoteUrl());
            return;
        }
        m_cancelAsked = true;
        m_source.cancelDrain(); // onDrainFinished reports the stop with what was left
        return;
    }
    if (!running())
        return;
    enter(Step::Stopped, tr("Gradual recovery stopped by the operator; trajectory evaluation is %1")
                             .arg(m_step == Step::DisablingEvaluation ? tr("being disabled") : tr("being re-enabled")));
}

void GradualRecovery::onSnapshot(const EngineSnapshot &snapshot)
{
    if (m_step == Step::DisablingEvaluation && !snapshot.health.trajectoryEvaluationEnabled) {
        enter(Step::Draining, tr("Gradual recovery 2/3: draining %L1 queued items").arg(snapshot.health.queueDepth));
        m_source.drain();
    } else if (m_step == Step::ReEnablingEvaluation && snapshot.health.trajectoryEvaluationEnabled) {
        // Done is only done if feedback is processed from now on: with the loop flag off it queues up again.
        enter(Step::Done, snapshot.health.rlFeedbackEnabled
                              ? tr("Gradual recovery done: queue drained, evaluation re-enabled")
                              : tr("Gradual recovery done: queue drained, evaluation re-enabled; but the feedback "
                                   "loop flag is off, so the queue will grow again until it is turned on"));
    }
}

void GradualRecovery::onDrainFinished(const DrainProgress &progress)
{
    if (m_step != Step::Draining)
        return;
    if (progress.cancelled || std::exchange(m_cancelAsked, false)) {
        enter(Step::Stopped, tr("Gradual recovery stopped: the drain was cancelled with %L1 items left; "
                                "trajectory evaluation stays disabled")
                                 .arg(progress.remaining));
        return;
    }
    enter(Step::ReEnablingEvaluation,
          tr("Gradual recovery 3/3: %L1 items processed, re-enabling trajectory evaluation").arg(progress.processed));
    m_source.setEvaluationEnabled(true);
}

void GradualRecovery::enter(Step step, const QString &description)
{
    m_step = step;
    qCInfo(lcOperator).noquote() << description;
    Q_EMIT stepChanged(step, description);
}

} // namespace rl
