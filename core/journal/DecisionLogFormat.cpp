#include "core/journal/DecisionLogFormat.h"

#include <stdexcept>

#include <nlohmann/json.hpp>

#include "core/support/IsoTime.h"
#include "core/support/NumberFormat.h"

namespace rl {

namespace {

std::string dsjson(const JournalExportRow &row)
{
    const JournalDecision &decision = row.decision;
    const std::size_t arms = decision.probabilities.size();
    // The chosen action first, then the others in order, as the learning loop logs a ranking.
    auto actions = nlohmann::json::array({decision.arm + 1});
    auto probabilities = nlohmann::json::array({decision.probabilities.at(decision.arm)});
    for (std::size_t arm = 0; arm < arms; ++arm) {
        if (arm != decision.arm) {
            actions.push_back(arm + 1);
            probabilities.push_back(decision.probabilities[arm]);
        }
    }
    nlohmann::json features = nlohmann::json::object();
    for (std::size_t i = 0; i < decision.features.size(); ++i)
        features["x" + std::to_string(i)] = decision.features[i];
    auto multi = nlohmann::json::array();
    for (std::size_t arm = 0; arm < arms; ++arm)
        multi.push_back({{"arm", {{"id" + std::to_string(arm), 1}}}});
    const nlohmann::json line{{"_label_cost", -row.learned->reward},
                              {"_label_probability", decision.propensity},
                              {"_label_Action", decision.arm + 1},
                              {"_labelIndex", decision.arm},
                              {"Timestamp", isoUtc(decision.timeMs)},
                              {"Version", decision.policyVersion},
                              {"EventId", std::to_string(decision.eventId)},
                              {"a", std::move(actions)},
                              {"c", {{"x", std::move(features)}, {"_multi", std::move(multi)}}},
                              {"p", std::move(probabilities)}};
    return line.dump() + "\n";
}

std::string csv(const JournalExportRow &row)
{
    const JournalDecision &decision = row.decision;
    std::string line = std::to_string(decision.eventId);
    line.append(",").append(std::to_string(decision.timeMs)).append(",").append(decision.policyVersion);
    for (double x : decision.features)
        line.append(",").append(formatNumber(x));
    line.append(",").append(std::to_string(decision.arm));
    line.append(",").append(formatNumber(decision.propensity));
    line.append(",").append(formatNumber(row.learned->reward));
    for (double p : decision.probabilities)
        line.append(",").append(formatNumber(p));
    return line.append("\n");
}

} // namespace

DecisionLogFormat::Kind DecisionLogFormat::parse(std::string_view name)
{
    if (name == "dsjson")
        return Kind::Dsjson;
    if (name == "csv")
        return Kind::Csv;
    throw std::invalid_argument(std::string("'").append(name.substr(0, 40)).append("' is not dsjson or csv"));
}

std::string DecisionLogFormat::header(Kind kind, std::size_t dimension, std::size_t arms)
{
    if (kind == Kind::Dsjson)
        return {};
    std::string header = "event_id,timestamp_ms,policy_version";
    for (std::size_t i = 0; i < dimension; ++i)
        header.append(",x").append(std::to_string(i));
    header.append(",action,propensity,reward");
    for (std::size_t k = 0; k < arms; ++k)
        header.append(",p").append(std::to_string(k));
    return header.append("\n");
}

std::string DecisionLogFormat::line(Kind kind, const JournalExportRow &row)
{
    if (!row.learned)
        throw std::invalid_argument("decision " + std::to_string(row.decision.eventId) + " has no reward");
    return kind == Kind::Dsjson ? dsjson(row) : csv(row);
}

} // namespace rl
