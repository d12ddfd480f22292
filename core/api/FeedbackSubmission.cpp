#include "core/api/FeedbackSubmission.h"

#include <nlohmann/json.hpp>

#include "core/api/ApiError.h"
#include "core/api/ApiJson.h"
#include "core/feedback/ModelCatalogue.h"
#include "core/support/JsonReader.h"

namespace rl {

namespace {

constexpr std::size_t kMaxReasoningBytes = 64 * 1024; // a journal row stays small

// The item on one line, or the reason it is refused.
TrajectoryFeedback readItem(std::string_view text, const ModelCatalogue &catalogue, std::int64_t nowMs)
{
    const nlohmann::json object = api::parseObject(text, "item");
    TrajectoryFeedback item;
    try {
        item = TrajectoryFeedback::fromJson(object);
    } catch (const std::invalid_argument &error) {
        api::rethrowInvalid(error);
    }
    api::checkId(item.trajectoryId, "trajectory_id");
    if (const auto problem = item.validate())
        throw ApiError::invalid({}, *problem);
    if (!catalogue.indexOf(item.modelId))
        throw ApiError::invalid("model_id", "model_id '" + item.modelId.substr(0, ModelCatalogue::kMaxIdLength)
                                                + "' is not in the catalogue");
    if (item.reasoning.size() > kMaxReasoningBytes)
        throw ApiError::invalid("reasoning", "reasoning: " + std::to_string(item.reasoning.size())
                                                 + " bytes long, more than " + std::to_string(kMaxReasoningBytes));
    if (!object.contains("timestamp_ms"))
        item.timestampMs = nowMs;
    return item;
}

} // namespace

FeedbackSubmission FeedbackSubmission::parse(std::string_view body, bool ndjson, const ModelCatalogue &catalogue,
                                             std::int64_t nowMs)
{
    FeedbackSubmission submission;
    const auto take = [&](std::string_view text, std::size_t line) {
        try {
            submission.accepted.push_back(readItem(text, catalogue, nowMs));
        } catch (const ApiError &error) {
            submission.rejected.push_back({line, error.what()});
        }
    };
    if (!ndjson) {
        take(body, 1);
        return submission;
    }
    std::size_t line = 0;
    while (!body.empty()) {
        ++line;
        const std::size_t end = body.find('\n');
        std::string_view text = body.substr(0, end);
        body.remove_prefix(end == std::string_view::npos ? body.size() : end + 1);
        if (!text.empty() && text.back() == '\r')
            text.remove_suffix(1);
        if (text.find_first_not_of(" \t") != std::string_view::npos)
            take(text, line);
    }
    return submission;
}

nlohmann::json FeedbackSubmission::toJson() const
{
    auto rejectedJson = nlohmann::json::array();
    for (const Rejected &r : rejected)
        rejectedJson.push_back({{"line", r.line}, {"reason", r.reason}});
    return {{"accepted", accepted.size()}, {"rejected", std::move(rejectedJson)}};
}

} // namespace rl
