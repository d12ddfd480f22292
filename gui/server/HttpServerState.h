#pragma once

// Private to gui/server: what the server's acceptor and its sessions share.

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>

#include "gui/server/ApiExchange.h"
#include "gui/server/HttpServerOptions.h"

namespace rl {

class HttpSession;

struct HttpServerState {
    HttpServerState(HttpServerOptions serverOptions, ApiHandler &apiHandler)
        : options(std::move(serverOptions))
        , handler(apiHandler)
        , acceptor(context)
        , acceptRetry(context)
    {
    }

    // Before the context: sessions still queued in it at destruction count themselves out here.
    const HttpServerOptions options;
    std::weak_ptr<HttpServerState> self; // what a responder holds: it may outlive the server
    std::size_t maxConnections = 0;
    ApiHandler &handler;
    std::atomic<std::size_t> connections{0};

    boost::asio::io_context context;
    boost::asio::ip::tcp::acceptor acceptor;
    boost::asio::steady_timer acceptRetry; // out of file descriptors: wait, never spin

    // Sessions waiting for the handler's answer are kept alive here, not by the responder: a responder
    // may outlive the server (an engine command still queued at shutdown), and must then find nothing.
    // Declared after the context, so they are destroyed while it still exists.
    std::mutex waitingMutex;
    bool open = true;
    std::uint64_t nextWaiting = 0;
    std::unordered_map<std::uint64_t, std::shared_ptr<HttpSession>> waiting;
};

} // namespace rl
