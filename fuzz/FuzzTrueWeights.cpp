// libFuzzer target: meta.json's true weights and drift (replay --weights).
#include <cstddef>
#include <cstdint>
#include <exception>
#include <string_view>

#include "core/sim/TrueWeights.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    try {
        const auto weights =
            rl::TrueWeights::parse(std::string_view(reinterpret_cast<const char *>(data), size), "fuzz.json");
        weights.at(weights.drift().empty() ? 0 : weights.drift().back().round);
    } catch (const std::exception &) {
        // Refused with a message: what bad input should get. A crash, hang or leak is the finding.
    }
    return 0;
}
