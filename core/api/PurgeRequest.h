#pragma once

#include <cstddef>
#include <string_view>

namespace rl {

// The body of POST /v1/loop/purge: {"count": N}, the queue depth the operator confirmed. The purge
// discards at most the N oldest items, never those that arrived after the operator looked.
struct PurgeRequest {
    std::size_t count = 0;

    static PurgeRequest parse(std::string_view body); // throws ApiError naming the field
};

} // namespace rl
