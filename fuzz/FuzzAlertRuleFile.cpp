// libFuzzer target: Prometheus rule files (--rules, rules check).
#include <cstddef>
#include <cstdint>
#include <exception>
#include <string_view>

#include "core/alerting/AlertRuleFile.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    try {
        const auto file =
            rl::AlertRuleFile::parse(std::string_view(reinterpret_cast<const char *>(data), size), "fuzz.yml");
        for (const rl::AlertRule &rule : file.rules()) {
            rule.expr.toString();
            for (const auto &[key, text] : rule.annotations)
                rule.render(key, 1.5);
        }
    } catch (const std::exception &) {
        // Refused with a message: what bad input should get. A crash, hang or leak is the finding.
    }
    return 0;
}
