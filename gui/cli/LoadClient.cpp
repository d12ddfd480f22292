#include "gui/cli/LoadClient.h"

#include <memory>
#include <vector>

#include <boost/asio/connect.hpp>

#include "core/sim/LearningStream.h"
#include "gui/cli/LoadConnection.h"

namespace rl {

namespace {

using boost::asio::ip::tcp;
using boost::system::error_code;
using Clock = LoadConnection::Clock;

constexpr auto kTickEvery = std::chrono::milliseconds(100);
constexpr auto kTimeout = std::chrono::seconds(10); // for a connect or a request

// Resolves the host and connects once, so a wrong URL is reported as such instead of as a run of errors.
std::vector<tcp::endpoint> reach(boost::asio::io_context &io, const LoadClient::Target &target)
{
    error_code error;
    tcp::resolver resolver(io);
    const tcp::resolver::results_type results = resolver.resolve(target.host, std::to_string(target.port), error);
    if (error)
        throw LoadClient::Unreachable("cannot reach " + target.url + ": " + target.host + ": " + error.message());
    std::vector<tcp::endpoint> endpoints;
    for (const auto &entry : results)
        endpoints.push_back(entry.endpoint());

    tcp::socket probe(io);
    bool done = false;
    boost::asio::async_connect(probe, endpoints, [&](const error_code &result, const tcp::endpoint &) {
        error = result;
        done = true;
    });
    io.run_for(kTimeout);
    if (!done) {
        error_code ignored;
        probe.close(ignored); // ends the attempt, whose handler runs below
        io.restart();
        io.run();
        error = boost::asio::error::timed_out;
    }
    io.restart();
    if (error)
        throw LoadClient::Unreachable("cannot reach " + target.url + ": " + error.message());
    return endpoints;
}

} // namespace

LoadResult LoadClient::run(const Target &target, const Plan &plan, const LearningStream &stream,
                           const std::function<bool(std::uint64_t)> &tick)
{
    boost::asio::io_context io(1); // one thread: no locks anywhere
    const std::string host = target.host.find(':') != std::string::npos ? "[" + target.host + "]" : target.host;
    LoadConnection::Shared shared{.io = io,
                                  .endpoints = reach(io, target),
                                  .host = host + ":" + std::to_string(target.port),
                                  .routeTarget = target.basePath + "/v1/route",
                                  .feedbackTarget = target.basePath + "/v1/feedback",
                                  .authorization = target.token.empty() ? std::string() : "Bearer " + target.token,
                                  .stream = stream,
                                  .rounds = plan.rounds,
                                  .feedbackBatch = plan.feedbackBatch,
                                  .rate = plan.rate,
                                  .trajectoryPrefix = "load-" + plan.runId + "-",
                                  .timeout = kTimeout,
                                  .startedAt = {}};
    shared.result.choices.assign(plan.rounds, 0);

    std::vector<std::unique_ptr<LoadConnection>> connections;
    boost::asio::steady_timer deadline(io);
    boost::asio::steady_timer ticker(io);
    std::size_t active = plan.concurrency;
    const auto stop = [&] {
        shared.stopping = true;
        for (const auto &connection : connections)
            connection->wake();
    };
    const auto finished = [&] {
        if (--active == 0) {
            deadline.cancel();
            ticker.cancel();
        }
    };
    for (std::size_t i = 0; i < plan.concurrency; ++i)
        connections.push_back(std::make_unique<LoadConnection>(shared, finished));

    const Clock::time_point start = Clock::now();
    shared.startedAt = start;
    deadline.expires_at(start + std::chrono::duration_cast<Clock::duration>(plan.duration));
    deadline.async_wait([&](const error_code &error) {
        if (!error)
            stop();
    });
    std::function<void()> onTick = [&] {
        ticker.expires_after(kTickEvery);
        ticker.async_wait([&](const error_code &error) {
            if (error || active == 0)
                return;
            const Clock::time_point now = Clock::now();
            for (const auto &connection : connections)
                connection->expire(now);
            if (!shared.stopping && !tick(shared.nextRound)) {
                shared.result.cancelled = true;
                stop();
            }
            onTick();
        });
    };
    onTick();
    for (const auto &connection : connections)
        connection->start();
    io.run();
    shared.result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return std::move(shared.result);
}

} // namespace rl
