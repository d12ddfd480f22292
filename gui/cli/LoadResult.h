#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "gui/cli/LatencyRecorder.h"

namespace rl {

// What a load run measured, filled in by its connections.
struct LoadResult {
    struct Errors {
        static constexpr std::size_t kMaxShown = 500; // bytes of a body kept: enough to say what went wrong

        std::uint64_t count = 0;
        std::string first; // the first answer's body, or the first failure's message

        void add(const std::string &what)
        {
            if (count++ == 0)
                first = what.substr(0, kMaxShown);
        }
    };
    struct Endpoint {
        std::uint64_t sent = 0;  // requests written
        std::uint64_t ok = 0;    // answered 2xx
        std::uint64_t items = 0; // items of the 2xx answers: rounds routed, feedback accepted
        LatencyRecorder latency; // of every answer, whatever its status
        // By HTTP status ("503"), or "connection", "timeout" or "invalid_answer" for a request that got no
        // usable answer.
        std::map<std::string, Errors> errors;

        void fail(const std::string &kind, const std::string &what) { errors[kind].add(what); }
        std::uint64_t failed() const
        {
            std::uint64_t total = 0;
            for (const auto &[kind, entry] : errors)
                total += entry.count;
            return total;
        }
    };

    Endpoint route;
    Endpoint feedback;
    Errors connects; // connections that could not be made (after the first: the target was reachable)
    std::uint64_t feedbackItemsSent = 0;
    std::uint64_t feedbackItemsRejected = 0; // listed in a 202's or 400's "rejected"
    std::string firstRejection;              // "reason" of the first of them
    // Per round, 1 + the arm the router chose, or 0 for a round without a usable answer.
    std::vector<std::uint8_t> choices;
    double seconds = 0.0; // from the first connection to the last answer
    bool cancelled = false;
};

} // namespace rl
