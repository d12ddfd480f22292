#include "gui/server/EngineApi.h"

#include <chrono>

#include <nlohmann/json.hpp>

#include "core/alerting/GoFormat.h"
#include "core/api/ApiError.h"
#include "core/api/ConfigChange.h"
#include "core/api/FeedbackSubmission.h"
#include "core/api/OutcomeRequest.h"
#include "core/api/PurgeRequest.h"
#include "core/api/RouteRequest.h"
#include "core/metrics/Metrics.h"
#include "core/routing/ModelRouter.h"
#include "gui/host/EngineHost.h"
#include "gui/host/EngineWorker.h"

namespace rl {

namespace {

const std::string kJson = "application/json";
const std::string kNdjson = "application/x-ndjson";
const std::string kPrometheusText = "text/plain; version=0.0.4; charset=utf-8";

ApiResponse json(const nlohmann::json &body, int status = 200)
{
    ApiResponse response;
    response.status = status;
    response.body = answerText(body);
    return response;
}

ApiResponse text(std::string body, const std::string &type)
{
    ApiResponse response;
    response.contentType = type;
    response.body = std::move(body);
    return response;
}

std::int64_t nowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

// The value of `key` in a query string ("type=alert&x=1"), undecoded; empty when absent.
std::string queryValue(std::string_view query, std::string_view key)
{
    while (!query.empty()) {
        const std::string_view pair = query.substr(0, query.find('&'));
        query.remove_prefix(std::min(query.size(), pair.size() + 1));
        if (pair.substr(0, pair.find('=')) == key)
            return std::string(pair.find('=') == std::string_view::npos ? std::string_view()
                                                                        : pair.substr(pair.find('=') + 1));
    }
    return {};
}

nlohmann::json drainJson(const DrainProgress &drain)
{
    return {{"processed", drain.processed},
            {"failed", drain.failed},
            {"batches", drain.batches},
            {"remaining", drain.remaining},
            {"cancelled", drain.cancelled}};
}

} // namespace

EngineApi::EngineApi(EngineHost &host, Overflow overflow)
    : m_host(host)
    , m_overflow(overflow)
    , m_endpoints({
          {"/v1/route", {"POST"}, false, {kJson}},
          {"/v1/feedback", {"POST"}, false, {kJson, kNdjson}},
          {"/v1/outcome", {"POST"}, false, {kJson}},
          {"/v1/state", {"GET"}, false, {}},
          {"/v1/config", {"GET", "PUT"}, true, {kJson}},
          {"/v1/loop/process-once", {"POST"}, true, {}},
          {"/v1/loop/drain", {"POST"}, true, {}},
          {"/v1/loop/purge", {"POST"}, true, {kJson}},
          {"/v1/policy/reset", {"POST"}, true, {}},
          {"/health", {"GET"}, false, {}},
          {"/metrics", {"GET"}, false, {}},
          {"/api/v1/alerts", {"GET"}, false, {}},
          {"/api/v1/rules", {"GET"}, false, {}},
      })
{
}

void EngineApi::rejected(const std::string &reason)
{
    m_host.metrics().addRejected("api", reason);
}

void EngineApi::handle(ApiRequest request, ApiResponder respond)
{
    try {
        const std::string &path = request.path;
        if (path == "/health")
            return respond(text(m_host.documents()->health, kJson));
        if (path == "/metrics")
            return respond(text(m_host.metrics().serialize(), kPrometheusText));
        if (path == "/api/v1/alerts")
            return respond(text(m_host.documents()->alerts, kJson));
        if (path == "/api/v1/rules")
            return respond(rules(request));
        if (!m_host.router())
            throw ApiError(503, "restoring", {}, "the engine is starting; retry shortly");
        if (path == "/v1/route")
            return respond(route(request));
        if (path == "/v1/feedback")
            return feedback(request, respond);
        if (path == "/v1/outcome")
            return respond(outcome(request));
        if (path == "/v1/state")
            return respond(state());
        control(request, respond);
    } catch (const ApiError &error) {
        rejected(error.reason());
        ApiResponse response = json(error.toJson(), error.status());
        if (error.status() == 503)
            response.headers.emplace_back("Retry-After", "1");
        respond(std::move(response));
    }
}

ApiResponse EngineApi::route(const ApiRequest &request)
{
    ModelRouter &router = *m_host.router();
    RouteRequest parsed = RouteRequest::parse(request.body, router.catalogue());
    try {
        const RouteResult result =
            parsed.context ? router.route(*parsed.context, std::move(parsed.trajectoryId))
                           : router.routeFeatures(std::move(parsed.features), std::move(parsed.trajectoryId));
        return json(routeResponse(result));
    } catch (const std::invalid_argument &error) { // the policy refused the context
        throw ApiError::invalid({}, error.what());
    }
}

void EngineApi::feedback(const ApiRequest &request, const ApiResponder &respond)
{
    ModelRouter &router = *m_host.router();
    FeedbackSubmission submission =
        FeedbackSubmission::parse(request.body, request.contentType == kNdjson, router.catalogue(), nowMs());
    for (std::size_t i = 0; i < submission.rejected.size(); ++i)
        rejected("invalid_feedback");
    if (submission.accepted.empty()) {
        if (submission.rejected.empty())
            throw ApiError::invalid({}, "the body holds no feedback item");
        return respond(json(submission.toJson(), 400));
    }
    FeedbackQueue &queue = router.queue();
    if (m_overflow == Overflow::Reject && queue.size() + submission.accepted.size() > queue.capacity())
        throw ApiError(503, "queue_full", {},
                       "the feedback queue holds " + std::to_string(queue.size()) + " of "
                           + std::to_string(queue.capacity()) + " items; " + std::to_string(submission.accepted.size())
                           + " more do not fit (--overflow reject)");
    // Acknowledged only once queued, which with a journal is once the commit holding them is done.
    ApiResponse accepted = json(submission.toJson(), 202);
    router.enqueueFeedback(std::move(submission.accepted),
                           [respond, accepted = std::move(accepted)]() mutable { respond(std::move(accepted)); });
}

ApiResponse EngineApi::outcome(const ApiRequest &request)
{
    const OutcomeRequest parsed = OutcomeRequest::parse(request.body);
    if (!m_host.router()->recordOutcome(parsed.trajectoryId, parsed.immediateReward))
        throw ApiError(404, "not_found", "trajectory_id",
                       "no routing decision awaits trajectory '" + parsed.trajectoryId + "'");
    return json({{"recorded", true}});
}

ApiResponse EngineApi::state()
{
    const ModelRouter &router = *m_host.router();
    return json({{"policy", router.policyName()},
                 {"policy_version", router.policyVersion().toString()},
                 {"state", router.policyState()}});
}

ApiResponse EngineApi::rules(const ApiRequest &request)
{
    std::string type = queryValue(request.query, "type");
    std::transform(type.begin(), type.end(), type.begin(), [](unsigned char c) { return std::tolower(c); });
    if (!type.empty() && type != "alert" && type != "record") {
        rejected("bad_query");
        // As Prometheus answers it.
        return json({{"status", "error"},
                     {"errorType", "bad_data"},
                     {"error", "invalid parameter \"type\": not supported value " + goQuote(type.substr(0, 64))}},
                    400);
    }
    const auto documents = m_host.documents();
    return text(type == "record" ? documents->recordRules : documents->rules, kJson);
}

void EngineApi::control(const ApiRequest &request, const ApiResponder &respond)
{
    const std::string &path = request.path;
    // Answered from the engine's thread, once the command has run there.
    if (path == "/v1/config" && request.method == "GET")
        return m_host.submit([respond](EngineWorker &worker) { respond(json(worker.configJson())); });
    if (path == "/v1/config") {
        const ConfigChange change = ConfigChange::parse(request.body);
        return m_host.submit([respond, change](EngineWorker &worker) {
            if (change.policy)
                worker.setPolicy(QString::fromStdString(*change.policy));
            if (change.batchSize)
                worker.setBatchSize(static_cast<int>(*change.batchSize));
            if (change.intervalSeconds)
                worker.setIntervalSeconds(*change.intervalSeconds);
            if (change.queueCapacity)
                worker.setQueueCapacity(*change.queueCapacity);
            if (change.processWhenFull)
                worker.setProcessWhenFull(*change.processWhenFull);
            if (change.evaluationEnabled)
                worker.setEvaluationEnabled(*change.evaluationEnabled);
            if (change.loopEnabled)
                worker.setLoopEnabled(*change.loopEnabled);
            respond(json(worker.configJson()));
        });
    }
    if (path == "/v1/loop/process-once")
        return m_host.submit([respond](EngineWorker &worker) { respond(json(worker.processOnce().toJson())); });
    if (path == "/v1/loop/drain") {
        return m_host.submit([respond](EngineWorker &worker) {
            worker.drain(worker.nextDrainRequest(),
                         [respond](const DrainProgress &drain) { respond(json(drainJson(drain))); });
        });
    }
    if (path == "/v1/loop/purge") {
        const PurgeRequest parsed = PurgeRequest::parse(request.body);
        return m_host.submit([respond, parsed](EngineWorker &worker) {
            const std::size_t purged = worker.purge({.max = parsed.count});
            respond(json({{"purged", purged}, {"requested", parsed.count}}));
        });
    }
    if (path == "/v1/policy/reset") {
        return m_host.submit([respond, &host = m_host](EngineWorker &worker) {
            worker.resetPolicy();
            const ModelRouter *router = host.router();
            respond(json({{"policy", router->policyName()}, {"policy_version", router->policyVersion().toString()}}));
        });
    }
    throw ApiError(404, "not_found", {}, "no such path");
}

} // namespace rl
