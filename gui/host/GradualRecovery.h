#pragma once

#include <QObject>
#include <QString>

#include "gui/host/EngineSnapshot.h"

namespace rl {

class SnapshotSource;

// The runbook's Gradual Recovery, step by step: disable evaluation to stop the queue growing, drain the
// queue, re-enable evaluation. Each step waits for the engine to confirm the previous one. A cancelled
// drain stops the procedure with evaluation still disabled, for the operator to decide.
class GradualRecovery : public QObject {
    Q_OBJECT

public:
    enum class Step { Idle, DisablingEvaluation, Draining, ReEnablingEvaluation, Done, Stopped };
    Q_ENUM(Step)

    explicit GradualRecovery(SnapshotSource &host, QObject *parent = nullptr);

    void start();
    // Stops at the current step: a running drain is cancelled; evaluation stays as it is, and the
    // description says so.
    void cancel();
    bool running() const;
    Step step() const { return m_step; }

Q_SIGNALS:
    void stepChanged(rl::GradualRecovery::Step step, const QString &description);

private:
    void onSnapshot(const EngineSnapshot &snapshot);
    void onDrainFinished(const DrainProgress &progress);
    void enter(Step step, const QString &description);

    SnapshotSource &m_source;
    Step m_step = Step::Idle;
    bool m_cancelAsked = false; // while draining: the drain may end before it sees the cancel
};

} // namespace rl
