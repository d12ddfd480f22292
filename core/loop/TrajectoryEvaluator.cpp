#include "core/loop/TrajectoryEvaluator.h"

#include <algorithm>
#include <chrono>

#include "core/metrics/Metrics.h"
#include "core/routing/ModelRouter.h"

namespace rl {

namespace {

// The par assumed when a task's expected length is unknown: a short plan, a tool call or two, an answer.
constexpr int kDefaultParSteps = 5;

std::string plural(std::size_t n, std::string_view word)
{
    return std::to_string(n) + " " + std::string(word) + (n == 1 ? "" : "s");
}

} // namespace

TrajectoryEvaluator::TrajectoryEvaluator(Metrics &metrics, ModelRouter *router)
    : m_metrics(metrics)
    , m_router(router)
{
}

// With n steps, e of them failed and r of those recovered:
//   accuracy       = (success ? 0.7 : 0) + 0.3 * (1 - (e - r) / n)   the answer first, clean work second
//   efficiency     = min(1, par / n), par = expectedSteps or kDefaultParSteps when unknown
//   error handling = r / e, or 1 when nothing failed
//   overall        = trajectoryQuality(): 0.5 accuracy + 0.3 efficiency + 0.2 error handling
TrajectoryScores TrajectoryEvaluator::score(const Trajectory &trajectory) const
{
    TrajectoryScores scores;
    const std::size_t n = trajectory.steps.size();
    if (n == 0) {
        scores.reasoning = "no steps to score";
        return scores;
    }
    std::size_t errors = 0;
    std::size_t recovered = 0;
    std::size_t toolCalls = 0;
    for (const TrajectoryStep &step : trajectory.steps) {
        errors += step.error ? 1 : 0;
        recovered += (step.error && step.recovered) ? 1 : 0;
        toolCalls += step.kind == TrajectoryStep::Kind::ToolCall ? 1 : 0;
    }
    const double steps = static_cast<double>(n);
    const bool parKnown = trajectory.expectedSteps > 0;
    const int par = parKnown ? trajectory.expectedSteps : kDefaultParSteps;

    scores.accuracy = (trajectory.success ? 0.7 : 0.0) + 0.3 * (1.0 - static_cast<double>(errors - recovered) / steps);
    scores.efficiency = std::min(1.0, par / steps);
    scores.errorHandling = errors == 0 ? 1.0 : static_cast<double>(recovered) / static_cast<double>(errors);

    TrajectoryFeedback asFeedback;
    asFeedback.accuracyScore = scores.accuracy;
    asFeedback.efficiencyScore = scores.efficiency;
    asFeedback.errorHandlingScore = scores.errorHandling;
    scores.overall = trajectoryQuality(asFeedback);

    scores.reasoning = std::string(trajectory.success ? "succeeded in " : "failed after ") + plural(n, "step")
                       + " (par " + std::to_string(par) + (parKnown ? "" : ", assumed") + "), "
                       + plural(toolCalls, "tool call") + ", " + plural(errors, "error");
    if (errors > 0)
        scores.reasoning += ", " + std::to_string(recovered) + " recovered";
    return scores;
}

std::optional<TrajectoryEvaluator::Problem> TrajectoryEvaluator::findProblem(const Trajectory &trajectory) const
{
    if (trajectory.id.empty())
        return Problem{"empty_id", "trajectory id is empty"};
    const std::string which = "trajectory \"" + trajectory.id + "\"";
    if (trajectory.steps.empty())
        return Problem{"no_steps", which + " has no steps"};
    if (trajectory.expectedSteps < 0)
        return Problem{"invalid_expected_steps",
                       which + ": expected steps " + std::to_string(trajectory.expectedSteps) + " is negative"};
    if (m_router != nullptr && !m_router->catalogue().indexOf(trajectory.modelId))
        return Problem{"unknown_model",
                       which + ": model \"" + trajectory.modelId + "\" is not in the router's catalogue"};
    return std::nullopt;
}

std::optional<std::string> TrajectoryEvaluator::validate(const Trajectory &trajectory) const
{
    if (auto problem = findProblem(trajectory))
        return std::move(problem->message);
    return std::nullopt;
}

std::optional<TrajectoryFeedback> TrajectoryEvaluator::evaluate(const Trajectory &trajectory)
{
    if (!enabled() || m_router == nullptr)
        return std::nullopt;
    if (const auto problem = findProblem(trajectory)) {
        m_metrics.addRejected("evaluator", problem->reason);
        return std::nullopt;
    }

    TrajectoryScores scores = score(trajectory);
    TrajectoryFeedback feedback;
    feedback.trajectoryId = trajectory.id;
    feedback.modelId = trajectory.modelId;
    feedback.accuracyScore = scores.accuracy;
    feedback.efficiencyScore = scores.efficiency;
    feedback.errorHandlingScore = scores.errorHandling;
    feedback.overallScore = scores.overall;
    feedback.trajectoryLength = static_cast<int>(trajectory.steps.size());
    feedback.success = trajectory.success;
    feedback.reasoning = std::move(scores.reasoning);
    feedback.timestampMs =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
            .count();

    m_router->enqueueFeedback(feedback);
    m_metrics.addEmissions(1);
    return feedback;
}

} // namespace rl
