#include "gui/host/TargetFile.h"

#include <stdexcept>

#include <QLocale>

#include <nlohmann/json.hpp>

#include "core/bandit/Policy.h"
#include "core/offpolicy/FrozenPolicyTarget.h"
#include "core/offpolicy/LinearTarget.h"
#include "core/sim/TrueWeights.h"
#include "core/support/InputFile.h"
#include "core/support/JsonReader.h"

namespace rl {

TargetFile TargetFile::load(const QString &path, double epsilon)
{
    const std::string where = path.toStdString();
    const std::string text = readInputFile(where, kMaxFileBytes, "a target policy");
    const nlohmann::json document = parseJson(text, where);
    TargetFile target;
    if (document.is_object() && document.contains("true_weights")) {
        target.policy = std::make_unique<LinearTarget>(TrueWeights::parse(text, where).initial(), epsilon);
        target.description = epsilon > 0.0 ? tr("weights, ε-greedy with ε = %1").arg(QLocale().toString(epsilon))
                                           : tr("weights, greedy");
        return target;
    }
    // GET /v1/state answers {"policy", "policy_version", "state"}; a state alone starts with its policy's name.
    const nlohmann::json *state = document.is_object() && document.contains("state")    ? &document.at("state")
                                  : document.is_object() && document.contains("policy") ? &document
                                                                                        : nullptr;
    if (!state)
        throw std::invalid_argument(where
                                    + ": neither weights (true_weights) nor a saved policy state (GET "
                                      "/v1/state's answer, or its state)");
    if (epsilon > 0.0)
        throw std::invalid_argument(where + ": a saved policy explores as it was deployed: ε applies to weights only");
    std::unique_ptr<Policy> policy;
    try {
        policy = restorePolicy(*state);
    } catch (const std::invalid_argument &error) {
        throw std::invalid_argument(where + ": " + error.what());
    }
    target.description =
        tr("%1 state after %2 updates")
            .arg(QString::fromUtf8(policy->name().data(), static_cast<qsizetype>(policy->name().size())),
                 QLocale().toString(static_cast<qulonglong>(policy->updates())));
    target.policy = std::make_unique<FrozenPolicyTarget>(std::move(policy));
    return target;
}

} // namespace rl
