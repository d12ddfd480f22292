#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace rl {

// One request as the API handler sees it, after the server has checked the protocol, the size limits, the
// Host header, the token, the method and the content type: no HTTP library's types.
struct ApiRequest {
    std::string method; // "GET", "POST", "PUT"
    std::string path;   // without the query
    std::string query;  // after '?', undecoded
    std::string contentType;
    std::string body;
};

struct ApiResponse {
    int status = 200;
    std::string contentType = "application/json";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers; // Retry-After, Allow, ...
};

// Called once with the answer, from any thread.
using ApiResponder = std::function<void(ApiResponse)>;

// A path the API serves: which methods, whether it changes the engine (a configured token is then always
// required), and the content types its body may have (empty: it takes no body).
struct ApiEndpoint {
    std::string path;
    std::vector<std::string> methods;
    bool control = false;
    std::vector<std::string> contentTypes;
};

// What the HTTP server serves. The server calls it on its own threads; an implementation must not block
// for long (hand slow work to the engine and answer through the responder).
class ApiHandler {
public:
    virtual ~ApiHandler() = default;
    virtual const std::vector<ApiEndpoint> &endpoints() const = 0;
    virtual void handle(ApiRequest request, ApiResponder respond) = 0;
    // A request refused before it reached handle(), by the reason docs/api.md lists; for metrics.
    virtual void rejected(const std::string &reason) = 0;
};

} // namespace rl
