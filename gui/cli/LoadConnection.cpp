#include "gui/cli/LoadConnection.h"

#include <algorithm>
#include <charconv>
#include <utility>

#include <boost/asio/connect.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

#include <nlohmann/json.hpp>

#include "core/sim/LearningStream.h"

namespace rl {

namespace {

namespace http = boost::beast::http;
using boost::asio::ip::tcp;
using boost::system::error_code;

constexpr auto kFirstBackoff = std::chrono::milliseconds(50);
constexpr auto kMaxBackoff = std::chrono::seconds(1);

// std::to_chars: the shortest text that reads back exactly, whatever the locale.
template<class Number>
void append(std::string &out, Number value)
{
    char digits[32];
    const std::to_chars_result end = std::to_chars(digits, digits + sizeof digits, value);
    out.append(digits, end.ptr);
}

void prepare(http::request<http::string_body> &request, const LoadConnection::Shared &shared, const std::string &target,
             const char *contentType)
{
    request.method(http::verb::post);
    request.target(target);
    request.version(11);
    request.set(http::field::host, shared.host);
    request.set(http::field::content_type, contentType);
    if (!shared.authorization.empty())
        request.set(http::field::authorization, shared.authorization);
}

} // namespace

LoadConnection::LoadConnection(Shared &shared, std::function<void()> finished)
    : m_shared(shared)
    , m_finished(std::move(finished))
    , m_socket(shared.io)
    , m_retry(shared.io)
{
    prepare(m_route, shared, shared.routeTarget, "application/json");
    // One item is a JSON object, as a client of the original would post it; more are NDJSON.
    prepare(m_feedback, shared, shared.feedbackTarget,
            shared.feedbackBatch > 1 ? "application/x-ndjson" : "application/json");
}

void LoadConnection::start()
{
    connect();
}

void LoadConnection::wake()
{
    m_retry.cancel();
}

void LoadConnection::expire(Clock::time_point now)
{
    if (m_pending && now - m_pendingSince > m_shared.timeout) {
        m_expired = true;
        error_code ignored;
        m_socket.close(ignored); // the pending handler sees operation_aborted and counts a timeout
    }
}

void LoadConnection::connect()
{
    m_pending = true;
    m_pendingSince = Clock::now();
    m_expired = false;
    boost::asio::async_connect(m_socket, m_shared.endpoints, [this](const error_code &error, const tcp::endpoint &) {
        m_pending = false;
        if (error) {
            m_shared.result.connects.add(m_expired ? "no connection within the timeout" : error.message());
            if (m_shared.stopping)
                return finish();
            m_backoff = m_backoff == Clock::duration{} ? Clock::duration(kFirstBackoff)
                                                       : std::min<Clock::duration>(2 * m_backoff, kMaxBackoff);
            reconnectAfter(m_backoff);
            return;
        }
        m_backoff = {};
        error_code ignored;
        m_socket.set_option(tcp::no_delay(true), ignored); // a request is one write: send it at once
        next();
    });
}

void LoadConnection::reconnectAfter(Clock::duration delay)
{
    m_retry.expires_after(delay);
    m_retry.async_wait([this](const error_code &) {
        if (m_shared.stopping)
            return finish();
        connect();
    });
}

void LoadConnection::next()
{
    const bool roundsLeft = !m_shared.stopping && m_shared.nextRound < m_shared.rounds;
    if (m_batchItems > 0 && (m_batchItems >= m_shared.feedbackBatch || !roundsLeft))
        return sendFeedback();
    if (!roundsLeft)
        return finish();
    const std::uint64_t round = m_shared.nextRound++;
    if (m_shared.rate > 0.0) { // an open loop: each round at its time, however fast the answers come
        const auto due = m_shared.startedAt
                         + std::chrono::duration_cast<Clock::duration>(
                             std::chrono::duration<double>(static_cast<double>(round) / m_shared.rate));
        if (due > Clock::now()) {
            m_retry.expires_at(due);
            m_retry.async_wait([this, round](const error_code &) {
                if (m_shared.stopping)
                    return next();
                sendRoute(round);
            });
            return;
        }
    }
    sendRoute(round);
}

template<class Handler>
void LoadConnection::exchange(http::request<http::string_body> &request, Handler onAnswer)
{
    request.content_length(request.body().size());
    m_pending = true;
    m_pendingSince = Clock::now();
    m_expired = false;
    http::async_write(m_socket, request, [this, onAnswer](const error_code &error, std::size_t) {
        if (error)
            return onAnswer(error);
        m_answer = http::response<http::string_body>();
        http::async_read(m_socket, m_buffer, m_answer,
                         [onAnswer](const error_code &readError, std::size_t) { onAnswer(readError); });
    });
}

void LoadConnection::sendRoute(std::uint64_t round)
{
    const LearningStream &stream = m_shared.stream;
    const double *x = stream.contexts.data() + (round % stream.rounds()) * stream.dimension;
    std::string &body = m_route.body();
    body.assign("{\"features\":[");
    for (std::size_t i = 0; i < stream.dimension; ++i) {
        if (i > 0)
            body += ',';
        append(body, x[i]);
    }
    body += "],\"trajectory_id\":\"";
    body += m_shared.trajectoryPrefix;
    append(body, round);
    body += "\"}";

    ++m_shared.result.route.sent;
    exchange(m_route, [this, round](const error_code &error) {
        LoadResult::Endpoint &route = m_shared.result.route;
        if (error)
            return failed(route, error);
        m_pending = false;
        route.latency.record(Clock::now() - m_pendingSince);
        if (m_answer.result_int() / 100 == 2)
            routed(round);
        else
            route.fail(std::to_string(m_answer.result_int()), m_answer.body());
        if (!m_answer.keep_alive())
            return restart();
        next();
    });
}

// Queues the feedback of the arm the router chose in this round, with that arm's reward as every score, so
// the router learns exactly that reward.
void LoadConnection::routed(std::uint64_t round)
{
    LoadResult::Endpoint &route = m_shared.result.route;
    const LearningStream &stream = m_shared.stream;
    const nlohmann::json answer = nlohmann::json::parse(m_answer.body(), nullptr, false);
    const auto arm = answer.is_object() ? answer.find("arm") : answer.end();
    const auto model = answer.is_object() ? answer.find("model_id") : answer.end();
    if (arm == answer.end() || !arm->is_number_unsigned() || arm->get<std::uint64_t>() >= stream.arms
        || model == answer.end() || !model->is_string()) {
        route.fail("invalid_answer", "no \"model_id\" and \"arm\" within the stream's " + std::to_string(stream.arms)
                                         + " arms in " + m_answer.body());
        return;
    }
    const std::size_t chosen = arm->get<std::size_t>();
    ++route.ok;
    ++route.items;
    m_shared.result.choices[round] = static_cast<std::uint8_t>(chosen + 1);

    const double reward = stream.rewards[(round % stream.rounds()) * stream.arms + chosen];
    if (m_batchItems > 0)
        m_batch += '\n';
    m_batch += "{\"trajectory_id\":\"";
    m_batch += m_shared.trajectoryPrefix;
    append(m_batch, round);
    m_batch += "\",\"model_id\":";
    m_batch += model->dump();
    for (const char *score : {"accuracy_score", "efficiency_score", "error_handling_score", "overall_score"}) {
        m_batch += ",\"";
        m_batch += score;
        m_batch += "\":";
        append(m_batch, reward);
    }
    m_batch += ",\"trajectory_length\":1,\"success\":";
    m_batch += reward >= 0.5 ? "true" : "false";
    m_batch += ",\"reasoning\":\"rlstudio load\",\"timestamp_ms\":";
    append(m_batch,
           std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
               .count());
    m_batch += '}';
    ++m_batchItems;
}

void LoadConnection::sendFeedback()
{
    m_feedback.body().swap(m_batch);
    m_batch.clear();
    const std::size_t items = m_batchItems;
    m_batchItems = 0;

    ++m_shared.result.feedback.sent;
    m_shared.result.feedbackItemsSent += items;
    exchange(m_feedback, [this, items](const error_code &error) {
        LoadResult::Endpoint &feedback = m_shared.result.feedback;
        if (error)
            return failed(feedback, error);
        m_pending = false;
        feedback.latency.record(Clock::now() - m_pendingSince);
        fedBack(items);
        if (!m_answer.keep_alive())
            return restart();
        next();
    });
}

// 202 {"accepted": N, "rejected": [{"line": L, "reason": R}, ...]}; a 400 of the same shape rejected all.
void LoadConnection::fedBack(std::size_t items)
{
    LoadResult &result = m_shared.result;
    const unsigned status = m_answer.result_int();
    const nlohmann::json answer = nlohmann::json::parse(m_answer.body(), nullptr, false);
    const auto rejected = answer.is_object() ? answer.find("rejected") : answer.end();
    if (rejected != answer.end() && rejected->is_array()) {
        result.feedbackItemsRejected += rejected->size();
        if (result.firstRejection.empty() && !rejected->empty()) {
            const nlohmann::json &first = rejected->front();
            const auto reason = first.is_object() ? first.find("reason") : first.end();
            result.firstRejection =
                reason != first.end() && reason->is_string() ? reason->get<std::string>() : first.dump();
        }
    }
    if (status / 100 != 2)
        return result.feedback.fail(std::to_string(status), m_answer.body());
    const auto accepted = answer.is_object() ? answer.find("accepted") : answer.end();
    if (accepted == answer.end() || !accepted->is_number_unsigned() || accepted->get<std::uint64_t>() > items)
        return result.feedback.fail("invalid_answer", "no \"accepted\" within the " + std::to_string(items)
                                                          + " items posted in " + m_answer.body());
    ++result.feedback.ok;
    result.feedback.items += accepted->get<std::uint64_t>();
}

void LoadConnection::failed(LoadResult::Endpoint &endpoint, const error_code &error)
{
    m_pending = false;
    if (m_expired)
        endpoint.fail("timeout", "no answer within the timeout");
    else
        endpoint.fail("connection", error.message());
    restart();
}

void LoadConnection::restart()
{
    error_code ignored;
    m_socket.close(ignored);
    m_buffer.clear();
    // Once the run stops, only to post what is queued.
    if (m_shared.stopping && m_batchItems == 0)
        return finish();
    connect();
}

void LoadConnection::finish()
{
    error_code ignored;
    m_socket.shutdown(tcp::socket::shutdown_both, ignored);
    m_socket.close(ignored);
    if (m_finished)
        std::exchange(m_finished, nullptr)();
}

} // namespace rl
