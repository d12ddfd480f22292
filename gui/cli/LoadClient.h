#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>

#include "gui/cli/LoadResult.h"

namespace rl {

struct LearningStream;

// The HTTP side of `rlstudio load`: a number of keep-alive connections on one thread (Boost.Beast on one
// io_context), each running the route-and-feedback loop of LoadConnection over the stream's rounds in order.
class LoadClient {
public:
    struct Target {
        std::string url;  // as the user gave it, for messages
        std::string host; // a name or an IP address, without brackets
        std::uint16_t port = 80;
        std::string basePath; // the URL's path without a trailing slash; the endpoints' paths follow it
        std::string token;    // empty: no Authorization header
    };
    struct Plan {
        std::uint64_t rounds = 0; // beyond the stream's length, the stream starts over
        std::size_t concurrency = 1;
        std::chrono::duration<double> duration{0};
        std::size_t feedbackBatch = 1;
        double rate = 0.0; // routes per second, paced across the connections; 0: as fast as answered
        std::string runId; // trajectory ids are "load-RUN-ROUND"
    };
    // The host did not resolve, or the first connection failed; the message names the URL and why.
    class Unreachable : public std::runtime_error {
    public:
        using std::runtime_error::runtime_error;
    };

    // Checks the target with one connection (throws Unreachable), then runs until the rounds are used up,
    // the duration has passed, or tick, called every 100 ms with the rounds handed out, returns false.
    static LoadResult run(const Target &target, const Plan &plan, const LearningStream &stream,
                          const std::function<bool(std::uint64_t)> &tick);
};

} // namespace rl
