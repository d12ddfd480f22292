#pragma once

#include <string>
#include <vector>

#include "gui/server/ApiExchange.h"

namespace rl {

class EngineHost;

// What the API's paths mean (docs/api.md), on an EngineHost: routing, feedback and outcomes go straight
// to the router, which is thread-safe; operations are submitted to the engine's thread and answered from
// there; reads come from the host's published documents. Runs on the HTTP server's threads.
class EngineApi : public ApiHandler {
public:
    enum class Overflow { DropOldest, Reject };

    EngineApi(EngineHost &host, Overflow overflow);

    const std::vector<ApiEndpoint> &endpoints() const override { return m_endpoints; }
    void handle(ApiRequest request, ApiResponder respond) override;
    void rejected(const std::string &reason) override;

private:
    ApiResponse route(const ApiRequest &request);
    void feedback(const ApiRequest &request, const ApiResponder &respond); // answers once the items are durable
    ApiResponse outcome(const ApiRequest &request);
    ApiResponse state();
    ApiResponse rules(const ApiRequest &request);
    // Parses here (a bad request throws before anything is submitted), answers from the engine's thread.
    void control(const ApiRequest &request, const ApiResponder &respond);

    EngineHost &m_host;
    Overflow m_overflow;
    std::vector<ApiEndpoint> m_endpoints;
};

} // namespace rl
