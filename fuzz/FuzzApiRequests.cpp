// libFuzzer target: the API's request bodies. The first byte picks the parser, the rest is the body, so one
// corpus covers all of them and inputs that find a path into one parser mutate into the others.
#include <cstddef>
#include <cstdint>
#include <exception>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/api/ApiError.h"
#include "core/api/ConfigChange.h"
#include "core/api/FeedbackSubmission.h"
#include "core/api/OutcomeRequest.h"
#include "core/api/PurgeRequest.h"
#include "core/api/RouteRequest.h"
#include "core/feedback/ModelCatalogue.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    static const rl::ModelCatalogue contexts = rl::ModelCatalogue::defaults();
    static const rl::ModelCatalogue features(rl::ModelCatalogue::defaults().models(), 10);
    const std::string_view body(reinterpret_cast<const char *>(data) + 1, size - 1);
    try {
        switch (data[0] % 6) {
        case 0:
            rl::RouteRequest::parse(body, contexts);
            break;
        case 1:
            rl::RouteRequest::parse(body, features);
            break;
        case 2:
            rl::answerText(rl::FeedbackSubmission::parse(body, data[0] & 0x80, contexts, 0).toJson());
            break;
        case 3:
            rl::OutcomeRequest::parse(body);
            break;
        case 4:
            rl::ConfigChange::parse(body);
            break;
        default:
            rl::PurgeRequest::parse(body);
            break;
        }
    } catch (const rl::ApiError &error) {
        rl::answerText(error.toJson()); // what the client would get back must always serialize
    } catch (const std::exception &) {
        // Refused with a message: what bad input should get. A crash, hang or leak is the finding.
    }
    return 0;
}
