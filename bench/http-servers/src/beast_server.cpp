// Boost.Beast 1.74 async HTTP/1.1 server: one io_context, N threads,
// per-connection read -> handle -> write loop with keep-alive.
// Hardening: header limit (431), body limit before body read (413),
// per-operation timeouts, connection cap (503 + close), HTTP/1.0 + Connection: close.
// usage: beast_server PORT THREADS [MAX_CONNS]
#include "common.hpp"
#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cstdio>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

static constexpr std::uint32_t kHeaderLimit = 8 * 1024;
static constexpr std::uint64_t kBodyLimit = 64 * 1024;
static constexpr auto kReadTimeout = std::chrono::seconds(10);  // idle keep-alive + header + body
static constexpr auto kWriteTimeout = std::chrono::seconds(10); // client not reading
static std::atomic<int> g_conns{0};
static int g_max_conns = 1024;

class Session : public std::enable_shared_from_this<Session> {
public:
    explicit Session(tcp::socket &&s)
        : stream_(std::move(s))
    {
        ++g_conns;
    }
    ~Session() { --g_conns; }
    void run()
    {
        net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->read(); });
    }
    void reject_busy()
    {
        res_ = {};
        res_.result(http::status::service_unavailable);
        res_.version(11);
        res_.set(http::field::content_type, "application/json");
        res_.body() = R"({"error":"too_many_connections"})";
        res_.keep_alive(false);
        res_.prepare_payload();
        stream_.expires_after(std::chrono::seconds(2));
        http::async_write(stream_, res_,
                          [self = shared_from_this()](beast::error_code, std::size_t) { self->close(); });
    }

private:
    beast::tcp_stream stream_;
    beast::flat_buffer buf_{16 * 1024};
    std::optional<http::request_parser<http::string_body>> parser_;
    http::response<http::string_body> res_;

    void read()
    {
        parser_.emplace();
        parser_->header_limit(kHeaderLimit);
        parser_->body_limit(kBodyLimit);
        stream_.expires_after(kReadTimeout);
        http::async_read(stream_, buf_, *parser_,
                         [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_read(ec); });
    }

    void on_read(beast::error_code ec)
    {
        if (ec == http::error::end_of_stream || ec == beast::error::timeout || ec == net::error::connection_reset)
            return close();
        if (ec == http::error::header_limit)
            return error_reply(http::status::request_header_fields_too_large, "header_too_large");
        if (ec == http::error::body_limit)
            return error_reply(http::status::payload_too_large, "body_too_large");
        if (ec)
            return error_reply(http::status::bad_request, "bad_request");
        handle(parser_->get());
        write();
    }

    void handle(const http::request<http::string_body> &req)
    {
        res_ = {};
        res_.version(req.version());
        res_.keep_alive(req.keep_alive()); // honours HTTP/1.0 and Connection: close
        res_.set(http::field::content_type, "application/json");
        const auto target = req.target();
        if (target == "/health") {
            if (req.method() != http::verb::get)
                return simple(http::status::method_not_allowed, "method_not_allowed");
            res_.result(http::status::ok);
            res_.body() = rlfs::health_body();
        } else if (target == "/v1/route") {
            if (req.method() != http::verb::post)
                return simple(http::status::method_not_allowed, "method_not_allowed");
            res_.result(rlfs::route(req.body(), res_.body()));
        } else {
            return simple(http::status::not_found, "not_found");
        }
        res_.prepare_payload();
    }

    void simple(http::status st, const char *err)
    {
        res_.result(st);
        res_.body() = std::string(R"({"error":")") + err + "\"}";
        res_.prepare_payload();
    }

    void error_reply(http::status st, const char *err)
    {
        res_ = {};
        res_.version(11);
        res_.set(http::field::content_type, "application/json");
        res_.keep_alive(false);
        simple(st, err);
        write();
    }

    void write()
    {
        stream_.expires_after(kWriteTimeout);
        http::async_write(stream_, res_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
            if (ec)
                return self->close();
            if (!self->res_.keep_alive())
                return self->close();
            self->read();
        });
    }

    void close()
    {
        beast::error_code ec;
        stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
        stream_.socket().close(ec);
    }
};

class Listener : public std::enable_shared_from_this<Listener> {
public:
    Listener(net::io_context &ioc, tcp::endpoint ep)
        : ioc_(ioc)
        , acc_(net::make_strand(ioc))
    {
        acc_.open(ep.protocol());
        acc_.set_option(net::socket_base::reuse_address(true));
        acc_.bind(ep);
        acc_.listen(net::socket_base::max_listen_connections);
    }
    void accept()
    {
        acc_.async_accept(net::make_strand(ioc_), [self = shared_from_this()](beast::error_code ec, tcp::socket s) {
            if (!ec) {
                s.set_option(tcp::no_delay(true), ec);
                auto sess = std::make_shared<Session>(std::move(s));
                if (g_conns.load() > g_max_conns)
                    sess->reject_busy();
                else
                    sess->run();
            }
            self->accept();
        });
    }

private:
    net::io_context &ioc_;
    tcp::acceptor acc_;
};

int main(int argc, char **argv)
{
    unsigned short port = argc > 1 ? (unsigned short)std::atoi(argv[1]) : 18080;
    int threads = argc > 2 ? std::max(1, std::atoi(argv[2])) : 1;
    if (argc > 3)
        g_max_conns = std::atoi(argv[3]);
    net::io_context ioc{threads};
    std::make_shared<Listener>(ioc, tcp::endpoint{net::ip::make_address("127.0.0.1"), port})->accept();
    std::fprintf(stderr, "beast listening on %u with %d thread(s), max_conns=%d\n", port, threads, g_max_conns);
    std::vector<std::thread> v;
    for (int i = 1; i < threads; ++i)
        v.emplace_back([&] { ioc.run(); });
    ioc.run();
    for (auto &t : v)
        t.join();
}
