#include "gui/ui/OperatorActions.h"

#include <QAction>
#include <QKeySequence>

namespace rl {

OperatorActions::OperatorActions(QObject *parent)
    : QObject(parent)
    , processOnce(make(tr("&Process once"),
                       tr("Process one batch now (runbook: Manual Operations → One-Shot Processing)"),
                       QKeySequence(Qt::CTRL | Qt::Key_P)))
    , drain(make(tr("&Drain"),
                 tr("Force drain: batches of 1,000 until the queue is empty, with progress and cancel (runbook: Manual "
                    "Operations → Force Drain Queue)"),
                 QKeySequence(Qt::CTRL | Qt::Key_D)))
    , purge(make(
          tr("P&urge…"),
          tr("Emergency purge: discard the queued items shown without processing them (runbook: Manual Operations → "
             "Purge Queue)"),
          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Delete)))
    , gradualRecovery(
          make(tr("&Gradual recovery"),
               tr("Disable evaluation, drain the queue, re-enable evaluation (runbook: Recovery Procedures → Gradual "
                  "Recovery)"),
               QKeySequence(Qt::CTRL | Qt::Key_G)))
    , restartLoop(make(tr("&Restart loop"),
                       tr("Stop and start the worker loop, keeping the router and what it learned (runbook: "
                          "RLFeedbackProcessingStalled → restart to reinitialize the loop)"),
                       QKeySequence(Qt::CTRL | Qt::Key_R)))
    , resetBandit(make(tr("Reset &bandit"), tr("Forget what the policy learned and restart the regret comparison"),
                       QKeySequence(Qt::CTRL | Qt::Key_B)))
    , evaluationEnabled(
          make(tr("Trajectory &evaluation"),
               tr("ENABLE_TRAJECTORY_EVALUATION: score finished trajectories and emit feedback (runbook: Activation; "
                  "off stops queue growth while fixing)"),
               QKeySequence(Qt::CTRL | Qt::Key_E), true))
    , loopEnabled(make(tr("Feedback &loop"),
                       tr("ENABLE_TRAJECTORY_FEEDBACK_LOOP: process the queue on every tick (runbook: Activation)"),
                       QKeySequence(Qt::CTRL | Qt::Key_L), true))
    , simulatorEnabled(make(tr("&Simulator"), tr("Simulate routing requests at the emission rate"),
                            QKeySequence(Qt::CTRL | Qt::Key_M), true))
    , driftNow(make(tr("&Drift now"),
                    tr("Change the simulated models' hidden rewards now, as a model update or an outage would: the "
                       "convergence charts show the policy notice and relearn"),
                    QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D)))
    , presetLow(make(tr("&Low"),
                     tr("Runbook (Performance Tuning → Recommendations) for < 10 items/min: batch 10, interval 30 s "
                        "(simulator at 5 items/min)"),
                     QKeySequence(Qt::CTRL | Qt::Key_1)))
    , presetMedium(make(tr("&Medium"),
                        tr("Runbook (Performance Tuning → Recommendations) for 10–50 items/min: batch 25, interval 15 "
                           "s (simulator at 30 items/min)"),
                        QKeySequence(Qt::CTRL | Qt::Key_2)))
    , presetHigh(make(tr("&High"),
                      tr("Runbook (Performance Tuning → Recommendations) for > 50 items/min: batch 50, interval 10 s "
                         "(simulator at 120 items/min)"),
                      QKeySequence(Qt::CTRL | Qt::Key_3)))
    , restoreDefaults(make(tr("Restore &default settings"),
                           tr("Batch size, interval, emission rate, the switches and the time scale back to their "
                              "defaults, for the next start too; the policy and what it learned are kept"),
                           QKeySequence()))
    , resetLayout(make(tr("Reset &layout"), tr("The window's size, panes, tab and chart window back to the defaults"),
                       QKeySequence()))
    , quit(make(tr("&Quit"), tr("Stop the engine and close RL Feedback Studio"), QKeySequence::Quit))
{
}

QAction *OperatorActions::make(const QString &text, const QString &toolTip, const QKeySequence &shortcut,
                               bool checkable)
{
    auto *action = new QAction(text, this);
    action->setToolTip(QStringLiteral("%1 (%2)").arg(toolTip, shortcut.toString(QKeySequence::NativeText)));
    action->setStatusTip(toolTip);
    action->setShortcut(shortcut);
    action->setCheckable(checkable);
    return action;
}

} // namespace rl
