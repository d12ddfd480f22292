#pragma once

#include <atomic>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/feedback/TrajectoryFeedback.h"

namespace rl {

class Metrics;
class ModelRouter;

struct TrajectoryStep {
    enum class Kind { Reasoning, ToolCall, Response };
    Kind kind = Kind::Reasoning;
    bool error = false;     // the step failed
    bool recovered = false; // a later step handled that failure (retry, fallback)
};

// A finished agent run on one routed model.
struct Trajectory {
    std::string id; // the trajectory id the router handed out
    std::string modelId;
    std::vector<TrajectoryStep> steps;
    bool success = false;
    int expectedSteps = 0; // a par for the task; 0 = unknown, efficiency then judged on length alone
};

struct TrajectoryScores {
    double accuracy = 0.0;
    double efficiency = 0.0;
    double errorHandling = 0.0;
    double overall = 0.0;
    std::string reasoning;
};

// Scores finished trajectories and, when evaluation is enabled, emits their feedback into the router's
// queue (trajectory_feedback_emissions_total). Thread-safe.
class TrajectoryEvaluator {
public:
    TrajectoryEvaluator(Metrics &metrics, ModelRouter *router);

    void setEnabled(bool enabled) { m_enabled.store(enabled); }
    bool enabled() const { return m_enabled.load(); }

    TrajectoryScores score(const Trajectory &trajectory) const;
    // Why evaluate() would reject the trajectory (empty id, no steps, negative expectedSteps, a model not in
    // the router's catalogue), naming the field and value; nullopt when it is fine.
    std::optional<std::string> validate(const Trajectory &trajectory) const;
    // Scores and emits; nullopt (nothing emitted) when disabled, there is no router, or the trajectory is
    // malformed (counted in rl_input_rejected_total{source="evaluator"}).
    std::optional<TrajectoryFeedback> evaluate(const Trajectory &trajectory);

private:
    struct Problem {
        std::string_view reason; // the rl_input_rejected_total label
        std::string message;
    };
    std::optional<Problem> findProblem(const Trajectory &trajectory) const;

    Metrics &m_metrics;
    ModelRouter *m_router;
    std::atomic<bool> m_enabled{true};
};

} // namespace rl
