#include "core/api/ConfigChange.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/api/ApiError.h"
#include "core/api/ApiJson.h"
#include "core/bandit/Policy.h"
#include "core/feedback/FeedbackQueue.h"
#include "core/loop/LoopConfig.h"
#include "core/support/JsonReader.h"
#include "core/support/NumberFormat.h"

namespace rl {

namespace {

// The command line's parsers judge the values, so both accept exactly the same ranges.
template<typename Parse>
auto judged(const char *field, Parse parse)
{
    try {
        return parse();
    } catch (const ConfigError &error) {
        throw ApiError::invalid(field, error.what());
    }
}

} // namespace

ConfigChange ConfigChange::parse(std::string_view body)
{
    const nlohmann::json object = api::parseObject(body);
    api::rejectUnknownKeys(object, {"loop_enabled", "evaluation_enabled", "batch_size", "interval_seconds",
                                    "process_when_full", "policy", "queue_capacity"});
    ConfigChange change;
    try {
        const JsonReader reader(object, {});
        if (reader.has("loop_enabled"))
            change.loopEnabled = reader.boolean("loop_enabled");
        if (reader.has("process_when_full"))
            change.processWhenFull = reader.boolean("process_when_full");
        if (reader.has("evaluation_enabled"))
            change.evaluationEnabled = reader.boolean("evaluation_enabled");
        if (reader.has("batch_size")) {
            const std::string value = std::to_string(reader.integer("batch_size"));
            change.batchSize = judged("batch_size", [&] { return parseBatchSize("batch_size", value); });
        }
        if (reader.has("interval_seconds")) {
            const std::string value = formatNumber(reader.number("interval_seconds"));
            change.intervalSeconds =
                judged("interval_seconds", [&] { return parseIntervalSeconds("interval_seconds", value); });
        }
        if (reader.has("queue_capacity")) {
            const std::int64_t capacity = reader.integer("queue_capacity");
            if (capacity < 1 || static_cast<std::uint64_t>(capacity) > FeedbackQueue::kMaxCapacity)
                reader.fail("queue_capacity", "must be in 1.." + std::to_string(FeedbackQueue::kMaxCapacity) + ", not "
                                                  + std::to_string(capacity));
            change.queueCapacity = static_cast<std::size_t>(capacity);
        }
        if (reader.has("policy")) {
            const std::string name = reader.string("policy");
            const auto names = policyNames();
            if (std::find(names.begin(), names.end(), name) == names.end()) {
                std::string known;
                for (std::string_view n : names)
                    known.append(known.empty() ? "" : ", ").append(n);
                // Appended, not "'" + ...: GCC 12 warns falsely (-Wrestrict) about operator+ on a literal.
                reader.fail("policy", std::string("'")
                                          .append(name.substr(0, 40))
                                          .append("' is not a policy (known: ")
                                          .append(known)
                                          .append(")"));
            }
            change.policy = name;
        }
    } catch (const ApiError &) {
        throw;
    } catch (const std::invalid_argument &error) {
        api::rethrowInvalid(error);
    }
    return change;
}

} // namespace rl
