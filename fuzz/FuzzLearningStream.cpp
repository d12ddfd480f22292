// libFuzzer target: the learning-stream CSV reader (replay --stream).
#include <cstddef>
#include <cstdint>
#include <exception>
#include <string_view>

#include "core/sim/LearningStream.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    try {
        rl::LearningStream::parse(std::string_view(reinterpret_cast<const char *>(data), size), "fuzz.csv");
    } catch (const std::exception &) {
        // Refused with a message: what bad input should get. A crash, hang or leak is the finding.
    }
    return 0;
}
