#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "gui/server/ApiExchange.h"
#include "gui/server/HttpServerOptions.h"

namespace rl {

class HttpSession;
struct HttpServerState;

// The HTTP/1.1 server, on Boost.Beast: its own threads (an io_context with a strand per connection), so no
// request waits on the UI thread and the UI never waits on a client. It owns the protocol and its bounds
// (see HttpServerOptions); what a request means is the ApiHandler's. Each connection reads its next request
// only once the previous answer is written, so a client that pipelines without reading holds one answer's
// worth of memory, and is closed when a write times out. Chosen over QHttpServer 6.4 and cpp-httplib for
// these controls and its throughput (README, "HTTP server").
class HttpServer {
public:
    HttpServer(HttpServerOptions options, ApiHandler &handler);
    ~HttpServer(); // stop()s

    // Binds and starts the threads; false with errorString() ("cannot listen on 127.0.0.1:8000: address in
    // use") when it cannot. Port 0 picks a free port.
    bool listen();
    void stop(); // closes every connection; answers still to come are dropped

    std::string errorString() const { return m_error; }
    std::string url() const; // http://HOST:PORT, once listening
    unsigned short port() const { return m_port; }
    std::size_t maxConnections() const;
    std::size_t connections() const;

private:
    HttpServerOptions m_options;
    ApiHandler &m_handler;
    std::shared_ptr<HttpServerState> m_state;
    std::vector<std::thread> m_threads;
    std::string m_error;
    unsigned short m_port = 0;
};

} // namespace rl
