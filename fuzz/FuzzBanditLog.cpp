// libFuzzer target: the decision-log reader (evaluate --log), CSV and DSJSON.
#include <cstddef>
#include <cstdint>
#include <exception>
#include <string_view>

#include "core/offpolicy/BanditLog.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    try {
        // Unchecked arms, then a target's three: both paths of the action check.
        const std::string_view text(reinterpret_cast<const char *>(data), size);
        rl::BanditLog::parse(text, "fuzz.log", 0);
        rl::BanditLog::parse(text, "fuzz.log", 3);
    } catch (const std::exception &) {
        // Refused with a message: what bad input should get. A crash, hang or leak is the finding.
    }
    return 0;
}
