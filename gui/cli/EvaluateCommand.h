#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include "core/bandit/PolicySpec.h"
#include "core/offpolicy/OffPolicyEvaluator.h"

class QTextStream;

namespace rl {

// `rlstudio evaluate`: a target policy's value on a logged bandit's decisions (a log `rlstudio export`
// wrote, or a CSV of x0.., action, propensity, reward) by the off-policy estimators, each with its 95 %
// bootstrap interval, and the diagnostics that say when not to trust them. A progress line shows on a
// terminal and Ctrl+C cancels.
class EvaluateCommand {
    Q_DECLARE_TR_FUNCTIONS(EvaluateCommand)

public:
    struct Options {
        QString log;
        QString target; // weights (meta.json's true_weights), a saved policy state, or a learning policy spec
        double targetEpsilon = 0.0; // ε-greedy on them
        OffPolicyOptions estimation;
        bool estimatorOptionsGiven = false; // --estimators, --bootstrap or --switch-tau: not for a policy spec
        bool json = false;
    };

    // Returns the exit code: 0, 1 when a file cannot be read or does not fit, or the run was cancelled.
    static int run(const Options &options, QTextStream &out, QTextStream &err);

private:
    // A learning policy spec as the target: the replay method on a uniformly random log.
    static int runReplayMethod(const Options &options, const PolicySpec &spec, QTextStream &out, QTextStream &err);
};

} // namespace rl
