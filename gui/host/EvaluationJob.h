#pragma once

#include <vector>

#include <QList>
#include <QMetaType>
#include <QString>

#include "core/offpolicy/OffPolicyEvaluator.h"
#include "gui/host/BackgroundJob.h"

namespace rl {

// A target policy to evaluate: a weights file (meta.json's true_weights, a k×d matrix), greedy or ε-greedy.
struct EvaluationTarget {
    QString path;
    double epsilon = 0.0;

    // "linear-4x10/meta.json", "… ε = 0.1": its folder too, as such files are often all named meta.json.
    QString label() const;
};

struct TargetEvaluation {
    EvaluationTarget target;
    QString description; // TargetFile's: "weights, greedy", "linucb state after 20,000 updates"
    OffPolicyResult result;
};

struct EvaluationOutcome {
    QString log;
    std::size_t rows = 0;
    std::size_t dimension = 0;
    double loggedMeanReward = 0.0;   // what the logging policy earned: the figure a target must beat
    QList<TargetEvaluation> targets; // in the order asked
};

// `rlstudio evaluate` for the window: reads the log once and evaluates every target on it, off the UI thread.
class EvaluationJob : public BackgroundJob {
    Q_OBJECT

public:
    using BackgroundJob::BackgroundJob;

    // False while a run is under way. Ends with evaluated(), or failed() naming the file and problem.
    bool start(const QString &log, const QList<EvaluationTarget> &targets, const OffPolicyOptions &options);

Q_SIGNALS:
    void evaluated(const rl::EvaluationOutcome &outcome);
};

} // namespace rl

Q_DECLARE_METATYPE(rl::EvaluationOutcome)
