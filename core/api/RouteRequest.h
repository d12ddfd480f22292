#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "core/feedback/FeatureVector.h"
#include "core/feedback/RoutingContext.h"

namespace rl {

class ModelCatalogue;
struct RouteResult;

// The body of POST /v1/route: the original's routing context, or features of the catalogue's dimension,
// and an optional trajectory id.
struct RouteRequest {
    std::optional<RoutingContext> context; // set, or else features are
    FeatureVector features;
    std::string trajectoryId; // empty: the router generates one

    // Throws ApiError naming the field: malformed JSON, an unknown key, both or neither of context and
    // features where the catalogue allows only one, a feature that is not a finite number within
    // kMaxInputMagnitude, the wrong feature count, an unknown complexity, a negative budget.
    static RouteRequest parse(std::string_view body, const ModelCatalogue &catalogue);
};

// The answer to POST /v1/route (see docs/api.md).
nlohmann::json routeResponse(const RouteResult &result);

} // namespace rl
