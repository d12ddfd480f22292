#pragma once

// Private to gui/server: one connection of the HTTP server.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include "gui/server/ApiExchange.h"

namespace rl {

struct HttpServerState;

// Reads a request, checks it (size, Host, token, method, content type) before reading its body, hands it
// to the ApiHandler, writes the answer, and only then reads the next: one request in flight per connection.
class HttpSession : public std::enable_shared_from_this<HttpSession> {
public:
    // The server's state outlives every session: sessions live in its context or its waiting list.
    HttpSession(boost::asio::ip::tcp::socket socket, HttpServerState &state);
    ~HttpSession();

    void start();
    // The connection cap is reached: answer 503 and close.
    void refuse();

private:
    using Request = boost::beast::http::request<boost::beast::http::string_body>;
    using Response = boost::beast::http::response<boost::beast::http::string_body>;

    void awaitRequest();
    void readHeader();
    void onHeader(boost::beast::error_code error);
    void onBody(boost::beast::error_code error);
    void dispatch();
    // Answers and, unless keepAlive, closes after the write.
    void send(ApiResponse response, bool keepAlive);
    void fail(int status, const std::string &reason, const std::string &message); // answers and closes
    std::string tooLargeMessage() const;
    void onWritten(boost::beast::error_code error, bool keepAlive);
    void close();
    void linger();
    void discard(std::size_t total);
    // The checks made on a request's header; an answer when it is refused.
    std::optional<ApiResponse> screen();

    HttpServerState &m_state;
    boost::beast::tcp_stream m_stream;
    boost::asio::steady_timer m_idle;
    boost::beast::flat_buffer m_buffer;
    std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> m_parser;
    std::unique_ptr<Response> m_response; // kept until written
    std::vector<char> m_discard;
    bool m_closed = false;
};

} // namespace rl
