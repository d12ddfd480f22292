#include "gui/server/HttpSession.h"

#include <algorithm>
#include <cctype>
#include <limits>

#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <nlohmann/json.hpp>

#include "core/api/ApiError.h"
#include "gui/server/HttpServerState.h"

namespace rl {

namespace beast = boost::beast;
namespace http = boost::beast::http;
namespace net = boost::asio;

namespace {

constexpr std::size_t kBufferBytes = 64 * 1024; // read-ahead: bounds what a pipelining client parks here
constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
constexpr std::chrono::seconds kLinger{2};
constexpr std::size_t kMaxDiscardBytes = 1024 * 1024;

// Beast 1.74's string_view is Boost's.
std::string_view view(beast::string_view text)
{
    return {text.data(), text.size()};
}

std::string lower(std::string_view text)
{
    std::string result(text);
    std::transform(result.begin(), result.end(), result.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return result;
}

std::string_view trimmed(std::string_view text)
{
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// "application/json; charset=utf-8" as "application/json".
std::string mediaType(beast::string_view header)
{
    const std::string_view text = view(header);
    return lower(trimmed(text.substr(0, text.find(';'))));
}

// "example.com:8000" and "[::1]:8000" without the port; "[::1]" keeps its brackets off too.
std::string hostName(std::string_view host)
{
    host = trimmed(host);
    if (host.starts_with('[')) {
        const auto close = host.find(']');
        return lower(host.substr(1, close == std::string_view::npos ? std::string_view::npos : close - 1));
    }
    return lower(host.substr(0, host.find(':')));
}

// Takes time that depends on the expected token's length only, never on where a guess goes wrong.
bool sameToken(std::string_view expected, std::string_view given)
{
    unsigned char difference = expected.size() == given.size() ? 0 : 1;
    for (std::size_t i = 0; i < expected.size(); ++i)
        difference |= static_cast<unsigned char>(expected[i] ^ (i < given.size() ? given[i] : 0));
    return difference == 0;
}

ApiResponse errorResponse(int status, const std::string &reason, const std::string &message)
{
    ApiResponse response;
    response.status = status;
    response.body = answerText(ApiError(status, reason, {}, message).toJson());
    return response;
}

std::string joined(const std::vector<std::string> &items, const char *separator)
{
    std::string result;
    for (const std::string &item : items)
        result.append(result.empty() ? "" : separator).append(item);
    return result;
}

} // namespace

HttpSession::HttpSession(net::ip::tcp::socket socket, HttpServerState &state)
    : m_state(state)
    , m_stream(std::move(socket))
    , m_idle(m_stream.get_executor())
    , m_buffer(kBufferBytes)
{
    m_state.connections.fetch_add(1, std::memory_order_relaxed);
}

HttpSession::~HttpSession()
{
    m_state.connections.fetch_sub(1, std::memory_order_relaxed);
}

void HttpSession::start()
{
    awaitRequest();
}

void HttpSession::refuse()
{
    m_state.handler.rejected("too_many_connections");
    ApiResponse response = errorResponse(503, "too_many_connections",
                                         "the server holds its maximum of " + std::to_string(m_state.maxConnections)
                                             + " connections; retry later");
    response.headers.emplace_back("Retry-After", "1");
    send(std::move(response), false);
}

void HttpSession::awaitRequest()
{
    if (m_buffer.size() > 0) // the next request is already here (pipelined)
        return readHeader();
    // Idle: no timer on the stream until the first byte, so the header's own timeout starts with it.
    m_idle.expires_after(m_state.options.idleTimeout);
    m_idle.async_wait([self = shared_from_this()](beast::error_code error) {
        if (!error)
            self->close();
    });
    m_stream.socket().async_wait(net::ip::tcp::socket::wait_read, [self = shared_from_this()](beast::error_code error) {
        self->m_idle.cancel();
        if (error || self->m_closed)
            return self->close();
        self->readHeader();
    });
}

void HttpSession::readHeader()
{
    m_parser.emplace();
    m_parser->header_limit(static_cast<std::uint32_t>(m_state.options.maxHeaderBytes));
    // No limit while the header is read, so the parser does not refuse a large Content-Length before the
    // Host and token are checked: screen() does, then sets the limit for the body. (Not boost::none: Beast
    // 1.74 compares a length with it as "greater than nothing" and refuses every body.)
    m_parser->body_limit(std::numeric_limits<std::uint64_t>::max());
    m_stream.expires_after(m_state.options.headerTimeout);
    http::async_read_header(
        m_stream, m_buffer, *m_parser,
        [self = shared_from_this()](beast::error_code error, std::size_t) { self->onHeader(error); });
}

void HttpSession::onHeader(beast::error_code error)
{
    if (error == http::error::header_limit || error == http::error::buffer_overflow)
        return fail(431, "header_too_large",
                    "the request's header is larger than " + std::to_string(m_state.options.maxHeaderBytes) + " bytes");
    if (error == http::error::end_of_stream || error == net::error::eof || error == beast::error::timeout
        || error == net::error::operation_aborted || error == net::error::connection_reset) {
        if (error == beast::error::timeout)
            m_state.handler.rejected("timeout");
        return close();
    }
    if (error)
        return fail(400, "bad_request", "malformed request: " + error.message());

    if (std::optional<ApiResponse> refusal = screen())
        return send(std::move(*refusal), m_parser->is_done() && m_parser->get().keep_alive());
    m_parser->body_limit(m_state.options.maxBodyBytes);
    if (m_parser->is_done())
        return dispatch();

    const auto readBody = [self = shared_from_this()] {
        self->m_stream.expires_after(self->m_state.options.bodyTimeout);
        http::async_read(self->m_stream, self->m_buffer, *self->m_parser,
                         [self](beast::error_code error, std::size_t) { self->onBody(error); });
    };
    if (lower(view(m_parser->get()[http::field::expect])) == "100-continue") {
        m_stream.expires_after(m_state.options.writeTimeout);
        net::async_write(m_stream, net::buffer(kContinue.data(), kContinue.size()),
                         [self = shared_from_this(), readBody](beast::error_code error, std::size_t) {
                             if (error)
                                 return self->close();
                             readBody();
                         });
        return;
    }
    readBody();
}

void HttpSession::onBody(beast::error_code error)
{
    if (error == http::error::body_limit) // a chunked body grew past it
        return fail(413, "payload_too_large", tooLargeMessage());
    if (error == beast::error::timeout) {
        m_state.handler.rejected("timeout");
        return close();
    }
    if (error == http::error::end_of_stream || error == net::error::eof || error == net::error::operation_aborted
        || error == net::error::connection_reset || error == http::error::partial_message)
        return close();
    if (error)
        return fail(400, "bad_request", "malformed request body: " + error.message());
    dispatch();
}

std::optional<ApiResponse> HttpSession::screen()
{
    const auto &request = m_parser->get();
    const HttpServerOptions &options = m_state.options;
    const auto refuse = [this](int status, const std::string &reason, const std::string &message) {
        m_state.handler.rejected(reason);
        return errorResponse(status, reason, message);
    };

    if (!options.allowedHosts.empty()) {
        const auto host = request.find(http::field::host);
        if (host == request.end())
            return refuse(400, "bad_host", "the request has no Host header");
        const std::string name = hostName(view(host->value()));
        if (std::find(options.allowedHosts.begin(), options.allowedHosts.end(), name) == options.allowedHosts.end())
            return refuse(400, "bad_host",
                          "Host '" + name.substr(0, 64)
                              + "' is not this server (accepted: " + joined(options.allowedHosts, ", ") + ")");
    }

    const auto authorized = [&] {
        const std::string_view header = view(request[http::field::authorization]);
        constexpr std::string_view kBearer = "Bearer ";
        return header.size() > kBearer.size() && lower(header.substr(0, kBearer.size())) == "bearer "
               && sameToken(*options.token, trimmed(header.substr(kBearer.size())));
    };
    const auto unauthorized = [&] {
        ApiResponse response = refuse(401, "unauthorized",
                                      "this request needs 'Authorization: Bearer <token>' "
                                      "with the server's token");
        response.headers.emplace_back("WWW-Authenticate", "Bearer");
        return response;
    };
    if (options.token && options.tokenForAll && !authorized())
        return unauthorized();

    const std::string_view target = view(request.target());
    const std::string_view path = target.substr(0, target.find('?'));
    const auto &endpoints = m_state.handler.endpoints();
    const auto found =
        std::find_if(endpoints.begin(), endpoints.end(), [&](const ApiEndpoint &e) { return e.path == path; });
    if (found == endpoints.end()) {
        std::vector<std::string> paths;
        for (const ApiEndpoint &e : endpoints)
            paths.push_back(e.path);
        return refuse(404, "not_found", "no such path; this server serves " + joined(paths, ", "));
    }

    const std::string method(request.method_string());
    if (std::find(found->methods.begin(), found->methods.end(), method) == found->methods.end()) {
        ApiResponse response =
            refuse(405, "method_not_allowed", found->path + " accepts " + joined(found->methods, ", ") + " only");
        response.headers.emplace_back("Allow", joined(found->methods, ", "));
        return response;
    }
    if (found->control && options.token && !authorized())
        return unauthorized();

    if (!found->contentTypes.empty() && method != "GET") {
        const std::string type = mediaType(request[http::field::content_type]);
        if (std::find(found->contentTypes.begin(), found->contentTypes.end(), type) == found->contentTypes.end())
            return refuse(415, "unsupported_media_type",
                          (type.empty() ? std::string("the request has no Content-Type")
                                        : "Content-Type '" + type.substr(0, 64) + "' is not accepted")
                              + "; " + found->path + " takes " + joined(found->contentTypes, " or "));
        if (!m_parser->content_length() && !m_parser->chunked())
            return refuse(411, "length_required", found->path + " needs a Content-Length or a chunked body");
    }
    if (const auto length = m_parser->content_length(); length && *length > options.maxBodyBytes)
        return refuse(413, "payload_too_large", tooLargeMessage()); // before any of it is read
    return std::nullopt;
}

void HttpSession::dispatch()
{
    auto message = m_parser->release();
    const bool keepAlive = message.keep_alive();
    ApiRequest request;
    request.method = std::string(message.method_string());
    const std::string_view target = view(message.target());
    const auto question = target.find('?');
    request.path = std::string(target.substr(0, question));
    if (question != std::string_view::npos)
        request.query = std::string(target.substr(question + 1));
    request.contentType = mediaType(message[http::field::content_type]);
    request.body = std::move(message.body());

    HttpServerState &state = m_state;
    std::uint64_t id = 0;
    {
        std::lock_guard lock(state.waitingMutex);
        if (!state.open)
            return close();
        id = state.nextWaiting++;
        state.waiting.emplace(id, shared_from_this());
    }
    // Holds no session: the waiting list does, until the answer comes or the server stops.
    ApiResponder respond = [weakState = state.self, id, keepAlive](ApiResponse response) mutable {
        const std::shared_ptr<HttpServerState> state = weakState.lock();
        if (!state)
            return;
        std::lock_guard lock(state->waitingMutex);
        const auto it = state->waiting.find(id);
        if (!state->open || it == state->waiting.end())
            return;
        std::shared_ptr<HttpSession> session = std::move(it->second);
        state->waiting.erase(it);
        net::post(session->m_stream.get_executor(), [session, response = std::move(response), keepAlive]() mutable {
            session->send(std::move(response), keepAlive);
        });
    };
    try {
        m_state.handler.handle(std::move(request), std::move(respond));
    } catch (const std::exception &error) {
        // The handler failed before answering: answer for it (its responder may also run; only one wins).
        std::lock_guard lock(state.waitingMutex);
        if (const auto it = state.waiting.find(id); it != state.waiting.end()) {
            state.waiting.erase(it);
            net::post(m_stream.get_executor(), [self = shared_from_this(), message = std::string(error.what())] {
                self->send(errorResponse(500, "internal", "the server could not answer: " + message), false);
            });
        }
    }
}

void HttpSession::fail(int status, const std::string &reason, const std::string &message)
{
    m_state.handler.rejected(reason);
    send(errorResponse(status, reason, message), false);
}

std::string HttpSession::tooLargeMessage() const
{
    return "the body is larger than the limit of " + std::to_string(m_state.options.maxBodyBytes) + " bytes";
}

void HttpSession::send(ApiResponse response, bool keepAlive)
{
    m_response = std::make_unique<Response>(static_cast<http::status>(response.status), 11);
    m_response->set(http::field::server, "rlstudio");
    m_response->set(http::field::content_type, response.contentType);
    m_response->set(http::field::cache_control, "no-store");
    for (const auto &[name, value] : response.headers)
        m_response->set(name, value);
    m_response->body() = std::move(response.body);
    m_response->keep_alive(keepAlive);
    m_response->prepare_payload();
    m_stream.expires_after(m_state.options.writeTimeout);
    http::async_write(m_stream, *m_response,
                      [self = shared_from_this(), keepAlive](beast::error_code error, std::size_t) {
                          self->onWritten(error, keepAlive);
                      });
}

void HttpSession::onWritten(beast::error_code error, bool keepAlive)
{
    m_response.reset();
    if (error)
        return close();
    if (!keepAlive)
        return linger();
    m_stream.expires_never();
    awaitRequest();
}

// Closing with unread input would reset the connection, and the client could lose the answer just sent
// (a 413 before the body). So: no more output, then discard what still arrives, briefly, then close.
void HttpSession::linger()
{
    beast::error_code ignored;
    m_stream.socket().shutdown(net::ip::tcp::socket::shutdown_send, ignored);
    m_stream.expires_after(kLinger);
    m_discard.resize(kBufferBytes);
    discard(0);
}

void HttpSession::discard(std::size_t total)
{
    if (total > kMaxDiscardBytes)
        return close();
    m_stream.async_read_some(net::buffer(m_discard),
                             [self = shared_from_this(), total](beast::error_code error, std::size_t n) {
                                 if (error)
                                     return self->close();
                                 self->discard(total + n);
                             });
}

void HttpSession::close()
{
    if (m_closed)
        return;
    m_closed = true;
    m_idle.cancel();
    beast::error_code ignored;
    m_stream.socket().shutdown(net::ip::tcp::socket::shutdown_both, ignored);
    m_stream.close();
}

} // namespace rl
