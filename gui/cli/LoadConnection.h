#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include "gui/cli/LoadResult.h"

namespace rl {

struct LearningStream;

// One keep-alive connection of `rlstudio load`: takes the next round, routes it, queues the chosen arm's
// feedback and posts the queue when it holds a batch, until no round is left or the run stops; then posts
// what is queued and closes. After a failure it reconnects and goes on with the next round. All
// connections of a run share one thread, so nothing here is locked.
class LoadConnection {
public:
    using Clock = std::chrono::steady_clock;

    // What the connections of a run share: the plan, the next round to hand out, and the tallies.
    struct Shared {
        boost::asio::io_context &io;
        std::vector<boost::asio::ip::tcp::endpoint> endpoints;
        std::string host;        // the Host header: HOST:PORT as the URL names it
        std::string routeTarget; // the URL's path + /v1/route
        std::string feedbackTarget;
        std::string authorization; // "Bearer TOKEN", or empty
        const LearningStream &stream;
        std::uint64_t rounds = 0;
        std::size_t feedbackBatch = 1;
        double rate = 0.0;            // routes per second; round r is due at startedAt + r / rate
        std::string trajectoryPrefix; // "load-RUN-"; the round follows
        Clock::duration timeout;
        Clock::time_point startedAt;

        std::uint64_t nextRound = 0;
        bool stopping = false;
        LoadResult result{};
    };

    LoadConnection(Shared &shared, std::function<void()> finished);
    LoadConnection(const LoadConnection &) = delete;
    LoadConnection &operator=(const LoadConnection &) = delete;

    void start();
    // Called once the run stops: ends a wait to reconnect, so the connection finishes now.
    void wake();
    // Closes the socket of a connect or request that has waited longer than the shared timeout; its handler
    // counts the timeout and reconnects.
    void expire(Clock::time_point now);

private:
    void connect();
    void next();
    void sendRoute(std::uint64_t round);
    void sendFeedback();
    template<class Handler>
    void exchange(boost::beast::http::request<boost::beast::http::string_body> &request, Handler onAnswer);
    void routed(std::uint64_t round);
    void fedBack(std::size_t items);
    // A request's write or read failed: counted under endpoint, and the connection starts afresh.
    void failed(LoadResult::Endpoint &endpoint, const boost::system::error_code &error);
    // Closes the socket and connects afresh.
    void restart();
    void reconnectAfter(Clock::duration delay);
    void finish();

    Shared &m_shared;
    std::function<void()> m_finished;
    boost::asio::ip::tcp::socket m_socket;
    boost::asio::steady_timer m_retry;
    boost::beast::flat_buffer m_buffer;
    boost::beast::http::request<boost::beast::http::string_body> m_route;
    boost::beast::http::request<boost::beast::http::string_body> m_feedback;
    boost::beast::http::response<boost::beast::http::string_body> m_answer;
    std::string m_batch; // queued feedback items, one JSON object a line
    std::size_t m_batchItems = 0;
    bool m_pending = false; // a connect or a request awaits its answer, since m_pendingSince
    Clock::time_point m_pendingSince;
    bool m_expired = false;      // expire() closed the socket: the failure is a timeout
    Clock::duration m_backoff{}; // before the next connect after a failed one; doubles up to a second
};

} // namespace rl
