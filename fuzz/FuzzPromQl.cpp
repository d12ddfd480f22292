// libFuzzer target: the PromQL parser, and printing and evaluating what it accepts.
#include <cstddef>
#include <cstdint>
#include <exception>
#include <string_view>

#include "core/alerting/PromQlExpression.h"
#include "core/alerting/SeriesStore.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    try {
        const rl::PromQlExpression expression(std::string_view(reinterpret_cast<const char *>(data), size));
        expression.toString();
        expression.metrics();
        expression.historySeconds();
        if (!expression.unsupported()) {
            rl::SeriesStore store(3600.0);
            for (const std::string &metric : expression.metrics()) {
                store.record(metric, 100.0, 1.0);
                store.record(metric, 160.0, 5.0);
            }
            expression.evaluate(store, 200.0);
            expression.evaluate(store, 200.0, 60.0);
        }
    } catch (const std::exception &) {
        // Refused with a message: what bad input should get. A crash, hang or leak is the finding.
    }
    return 0;
}
