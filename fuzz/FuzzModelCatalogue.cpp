// libFuzzer target: the model catalogue (--catalogue).
#include <cstddef>
#include <cstdint>
#include <exception>
#include <string_view>

#include "core/feedback/ModelCatalogue.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    try {
        rl::ModelCatalogue::parse(std::string_view(reinterpret_cast<const char *>(data), size), "fuzz.json");
    } catch (const std::exception &) {
        // Refused with a message: what bad input should get. A crash, hang or leak is the finding.
    }
    return 0;
}
