// libFuzzer target: what names or restores a policy from outside — a policy spec (compare --policy, evaluate
// --target, the Compare panel) and a saved policy state (evaluate --target FILE, GET /v1/state's answer).
#include <cstddef>
#include <cstdint>
#include <exception>
#include <string_view>
#include <vector>

#include "core/bandit/Policy.h"
#include "core/bandit/PolicySpec.h"
#include "core/support/JsonReader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    try {
        for (const rl::PolicySpec &spec : rl::PolicySpec::parse(text))
            rl::makePolicy(spec.name, spec.apply(rl::PolicyConfig{}));
    } catch (const std::exception &) {
        // Refused with a message: what bad input should get. A crash, hang or leak is the finding.
    }
    try {
        const auto policy = rl::restorePolicy(rl::parseJson(text, "fuzz.json"));
        // A restored policy must work: select and learn on a context of its shape.
        const std::vector<double> x(policy->config().dimension, 0.5);
        const rl::Selection selection = policy->select(x);
        policy->update(selection.arm, x, 1.0);
    } catch (const std::exception &) {
    }
    return 0;
}
