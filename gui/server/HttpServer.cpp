#include "gui/server/HttpServer.h"

#include <algorithm>

#include <sys/resource.h>

#include <boost/asio/ip/address.hpp>
#include <boost/asio/strand.hpp>
#include <boost/system/error_code.hpp>

#include <QLoggingCategory>

#include "gui/server/HttpServerState.h"
#include "gui/server/HttpSession.h"

namespace rl {

Q_LOGGING_CATEGORY(lcHttp, "rlstudio.http", QtInfoMsg)

namespace net = boost::asio;
using net::ip::tcp;

namespace {

// File descriptors kept for everything but connections: the journal, logs, the engine's files.
constexpr std::size_t kReservedDescriptors = 64;
constexpr std::chrono::milliseconds kAcceptRetry{100};

std::size_t connectionCap(std::size_t wanted)
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY)
        return wanted;
    const auto available = static_cast<std::size_t>(limit.rlim_cur);
    return std::max<std::size_t>(
        1, std::min(wanted, available > 2 * kReservedDescriptors ? available - kReservedDescriptors : available / 2));
}

void accept(HttpServerState &state)
{
    state.acceptor.async_accept(
        net::make_strand(state.context), [&state](boost::system::error_code error, tcp::socket socket) {
            if (error == net::error::operation_aborted || !state.acceptor.is_open())
                return;
            if (error) {
                // EMFILE and its kin leave the connection in the backlog: accepting again at once would spin.
                qCWarning(lcHttp).noquote() << "cannot accept a connection:" << QString::fromStdString(error.message());
                state.acceptRetry.expires_after(kAcceptRetry);
                state.acceptRetry.async_wait([&state](boost::system::error_code waitError) {
                    if (!waitError)
                        accept(state);
                });
                return;
            }
            auto session = std::make_shared<HttpSession>(std::move(socket), state);
            if (state.connections.load(std::memory_order_relaxed) > state.maxConnections)
                session->refuse();
            else
                session->start();
            accept(state);
        });
}

} // namespace

HttpServer::HttpServer(HttpServerOptions options, ApiHandler &handler)
    : m_options(std::move(options))
    , m_handler(handler)
{
}

HttpServer::~HttpServer()
{
    stop();
}

bool HttpServer::listen()
{
    m_state = std::make_shared<HttpServerState>(m_options, m_handler);
    m_state->self = m_state;
    m_state->maxConnections = connectionCap(m_options.maxConnections);
    const std::string where = "cannot listen on " + m_options.address + ":" + std::to_string(m_options.port) + ": ";
    boost::system::error_code error;
    const net::ip::address address = net::ip::make_address(m_options.address, error);
    if (error) {
        m_error = where + "not an IP address";
        return false;
    }
    const tcp::endpoint endpoint(address, m_options.port);
    tcp::acceptor &acceptor = m_state->acceptor;
    if (!acceptor.open(endpoint.protocol(), error))
        acceptor.set_option(net::socket_base::reuse_address(true), error);
    if (!error)
        acceptor.bind(endpoint, error);
    if (!error)
        acceptor.listen(net::socket_base::max_listen_connections, error);
    if (error) {
        m_error = where + (error == net::error::address_in_use ? std::string("address in use") : error.message());
        m_state.reset();
        return false;
    }
    m_port = acceptor.local_endpoint().port();
    accept(*m_state);
    for (int i = 0; i < std::max(1, m_options.threads); ++i)
        m_threads.emplace_back([state = m_state] { state->context.run(); });
    return true;
}

void HttpServer::stop()
{
    if (!m_state)
        return;
    {
        std::lock_guard lock(m_state->waitingMutex);
        m_state->open = false;
    }
    m_state->context.stop();
    for (std::thread &thread : m_threads)
        thread.join();
    m_threads.clear();
    boost::system::error_code ignored;
    m_state->acceptor.close(ignored);
    {
        std::lock_guard lock(m_state->waitingMutex);
        m_state->waiting.clear();
    }
    m_state.reset(); // a responder still held elsewhere may keep it a little longer, closed
}

std::string HttpServer::url() const
{
    const bool v6 = m_options.address.find(':') != std::string::npos;
    return "http://" + (v6 ? "[" + m_options.address + "]" : m_options.address) + ":" + std::to_string(m_port);
}

std::size_t HttpServer::maxConnections() const
{
    return m_state ? m_state->maxConnections : 0;
}

std::size_t HttpServer::connections() const
{
    return m_state ? m_state->connections.load(std::memory_order_relaxed) : 0;
}

} // namespace rl
