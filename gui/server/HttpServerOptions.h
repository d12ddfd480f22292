#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace rl {

// Where and how the HTTP server listens, and the bounds that keep a hostile or broken client from
// holding memory, file descriptors or threads (see docs/api.md).
struct HttpServerOptions {
    std::string address = "127.0.0.1";
    unsigned short port = 8000;
    int threads = 2;
    std::size_t maxHeaderBytes = 16 * 1024;
    std::size_t maxBodyBytes = 16 * 1024 * 1024;
    std::size_t maxConnections = 1024;                                 // lowered to fit the open-file limit
    std::chrono::milliseconds idleTimeout{std::chrono::seconds(60)};   // between requests on a connection
    std::chrono::milliseconds headerTimeout{std::chrono::seconds(10)}; // from a request's first byte
    std::chrono::milliseconds bodyTimeout{std::chrono::seconds(60)};
    std::chrono::milliseconds writeTimeout{std::chrono::seconds(30)}; // a client that does not read is closed
    // Set: every request needs `Authorization: Bearer <token>` when tokenForAll, control requests always.
    std::optional<std::string> token;
    bool tokenForAll = false;
    // Host header values accepted (lower case, without port); empty accepts any.
    std::vector<std::string> allowedHosts;
};

} // namespace rl
