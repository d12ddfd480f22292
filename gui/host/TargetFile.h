#pragma once

#include <memory>
#include <string>

#include <QCoreApplication>
#include <QString>

namespace rl {

class TargetPolicy;

// A target policy for off-policy evaluation, from a file of either kind `rlstudio evaluate --target` and the
// Evaluate panel take: weights (meta.json's true_weights, a k×d matrix: greedy on W·x, or ε-greedy), or a
// learned policy's saved state (`GET /v1/state`'s answer, or its "state" alone), evaluated frozen as deployed.
class TargetFile {
    Q_DECLARE_TR_FUNCTIONS(TargetFile)

public:
    static constexpr std::size_t kMaxFileBytes = std::size_t(256) << 20;

    std::unique_ptr<TargetPolicy> policy;
    QString description; // "weights, greedy", "linucb state after 20,000 updates"

    // Throws InputError or std::invalid_argument naming the file and the problem; epsilon applies to weights
    // only (a saved policy explores as it was deployed), and is refused above 0 for a state.
    static TargetFile load(const QString &path, double epsilon);
};

} // namespace rl
