#include "core/offpolicy/BanditLog.h"

#include <algorithm>
#include <cmath>
#include <new>
#include <optional>
#include <stdexcept>

#include "core/support/CsvCursor.h"
#include "core/support/InputFile.h"
#include "core/support/JsonReader.h"
#include "core/support/Limits.h"
#include "core/support/NumberFormat.h"

namespace rl {

namespace {

constexpr double kSumTolerance = 1e-6; // a distribution written with 15 significant digits sums to 1 within this

// A propensity below this makes importance weights beyond any log's evidence (and 1/p overflow near the
// smallest doubles): a logger's exploration is never this thin.
constexpr double kMinPropensity = 1e-12;

bool validPropensity(double propensity)
{
    return propensity >= kMinPropensity && propensity <= 1.0;
}

std::string propensityProblem(double propensity)
{
    return "propensity " + formatNumber(propensity) + " is not in [" + formatNumber(kMinPropensity) + ", 1]";
}

// The logged probability of the action agrees with the propensity to 1e-6 relative: both are written
// from the same double.
bool sameProbability(double logged, double propensity)
{
    return logged > 0.0 && std::abs(logged - propensity) <= 1e-6 * propensity;
}

double finite(const JsonReader &reader, const char *key)
{
    const double value = reader.number(key);
    if (!std::isfinite(value) || std::abs(value) > kMaxInputMagnitude)
        reader.fail(key, formatNumber(value) + " is beyond ±" + formatNumber(kMaxInputMagnitude));
    return value;
}

std::string actionProblem(std::size_t action, std::size_t arms, const std::string &whose)
{
    return "action " + std::to_string(action) + " is not one of " + whose + " " + std::to_string(arms) + " arms";
}

BanditLog parseCsv(std::string_view text, const std::string &where, std::size_t targetArms)
{
    CsvCursor csv(where, text, BanditLog::kMaxLineBytes, "a decision log");
    if (!csv.nextLine())
        throw std::runtime_error(where + ":1:1: empty file, expected a header with x0.., action, propensity, reward");
    enum class Role { Ignored, Feature, Action, Propensity, Reward, Probability };
    std::vector<Role> roles;
    std::vector<std::string> names;
    BanditLog log;
    std::size_t logged = 0;
    while (!csv.atEndOfLine()) {
        const std::string name(csv.field());
        Role role = Role::Ignored;
        const auto once = [&](Role wanted) {
            for (const Role seen : roles)
                if (seen == wanted)
                    csv.fail("header column '" + name + "' is given twice");
            return wanted;
        };
        if (name == "event_id" || name == "timestamp_ms" || name == "policy_version")
            role = Role::Ignored;
        else if (name == "action")
            role = once(Role::Action);
        else if (name == "propensity")
            role = once(Role::Propensity);
        else if (name == "reward")
            role = once(Role::Reward);
        else if (CsvCursor::indexedName(name, 'x') == log.dimension)
            role = Role::Feature, ++log.dimension;
        else if (CsvCursor::indexedName(name, 'p') == logged)
            role = Role::Probability, ++logged;
        else
            csv.fail("unexpected header column '" + CsvCursor::shown(name) + "', expected "
                     + CsvCursor::columnName('x', log.dimension) + ", action, propensity, reward or "
                     + CsvCursor::columnName('p', logged));
        if (log.dimension > kMaxDimension || logged > kMaxArms)
            csv.fail("more than " + std::to_string(kMaxDimension) + " features or " + std::to_string(kMaxArms)
                     + " arms are not supported");
        roles.push_back(role);
        names.push_back(name);
    }
    for (const auto &[role, name] : {std::pair{Role::Action, "action"}, std::pair{Role::Propensity, "propensity"},
                                     std::pair{Role::Reward, "reward"}})
        if (std::find(roles.begin(), roles.end(), role) == roles.end())
            csv.failAtEnd(std::string("the header has no '") + name + "' column");
    if (log.dimension == 0)
        csv.failAtEnd("the header has no feature columns x0..");
    if (logged > 0 && targetArms > 0 && logged != targetArms)
        csv.failAtEnd("the log's distributions have " + std::to_string(logged) + " arms (p0.."
                      + CsvCursor::columnName('p', logged - 1) + "), the target " + std::to_string(targetArms));
    log.arms = logged;

    while (csv.nextLine()) {
        LoggedRound round;
        round.features.reserve(log.dimension);
        round.logging.reserve(logged);
        double sum = 0.0;
        for (std::size_t c = 0; c < roles.size(); ++c) {
            if (csv.atEndOfLine())
                csv.failAtEnd("row has " + std::to_string(csv.fieldsRead()) + " columns, expected "
                              + std::to_string(roles.size()));
            if (roles[c] == Role::Ignored) {
                csv.field();
                continue;
            }
            const double value = csv.number(names[c]);
            switch (roles[c]) {
            case Role::Feature:
                round.features.push_back(value);
                break;
            case Role::Action:
                if (value < 0.0 || value != std::floor(value) || value >= static_cast<double>(kMaxArms))
                    csv.fail("column 'action': expected an arm from 0, got " + formatNumber(value));
                round.action = static_cast<std::size_t>(value);
                if (targetArms > 0 && round.action >= targetArms)
                    csv.fail(actionProblem(round.action, targetArms, "the target's"));
                if (logged > 0 && round.action >= logged)
                    csv.fail(actionProblem(round.action, logged, "the logged distribution's"));
                break;
            case Role::Propensity:
                if (!validPropensity(value))
                    csv.fail(propensityProblem(value));
                round.propensity = value;
                break;
            case Role::Reward:
                round.reward = value;
                break;
            case Role::Probability:
                if (value < 0.0 || value > 1.0)
                    csv.fail("column '" + names[c] + "': probability " + formatNumber(value) + " is not in [0, 1]");
                round.logging.push_back(value);
                sum += value;
                break;
            case Role::Ignored:
                break;
            }
        }
        if (!csv.atEndOfLine()) {
            csv.field();
            csv.fail("row has more than the header's " + std::to_string(roles.size()) + " columns");
        }
        if (logged > 0) {
            if (std::abs(sum - 1.0) > kSumTolerance)
                csv.failAtEnd("p0.." + CsvCursor::columnName('p', logged - 1) + " sum to " + formatNumber(sum)
                              + ", not 1");
            if (!sameProbability(round.logging[round.action], round.propensity))
                csv.failAtEnd("propensity " + formatNumber(round.propensity) + " differs from "
                              + CsvCursor::columnName('p', round.action) + " = "
                              + formatNumber(round.logging[round.action]));
        }
        log.rounds.push_back(std::move(round));
    }
    if (log.rounds.empty())
        throw std::runtime_error(where + ": no data rows after the header");
    return log;
}

BanditLog parseDsjson(std::string_view text, const std::string &where, std::size_t targetArms)
{
    BanditLog log;
    std::size_t line = 0, next = 0;
    while (next < text.size()) {
        const std::size_t start = next;
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        next = end + 1;
        ++line;
        std::string_view row = text.substr(start, end - start);
        if (!row.empty() && row.back() == '\r')
            row.remove_suffix(1);
        if (row.find_first_not_of(" \t") == std::string_view::npos)
            continue;
        const std::string at = where + ":" + std::to_string(line);
        if (row.size() > BanditLog::kMaxLineBytes)
            throw std::runtime_error(at + ": the line is longer than " + describeBytes(BanditLog::kMaxLineBytes)
                                     + ": not a decision log");
        nlohmann::json event;
        try {
            event = parseJson(row, at); // its message names the line
        } catch (const std::invalid_argument &error) {
            throw std::runtime_error(error.what());
        }
        try {
            const JsonReader reader(event, {});
            LoggedRound round;
            const std::int64_t action = reader.integer("_label_Action");
            round.propensity = reader.number("_label_probability");
            round.reward = -finite(reader, "_label_cost");
            if (!validPropensity(round.propensity))
                reader.fail("_label_probability", propensityProblem(round.propensity));
            const auto context = event.find("c");
            const nlohmann::json *features = nullptr;
            if (context != event.end() && context->is_object()) {
                if (const auto found = context->find("x"); found != context->end() && found->is_object())
                    features = &*found;
            }
            if (!features)
                reader.fail("c", "expected the features as an object under c.x");
            const JsonReader x(*features, "c.x");
            const std::size_t dimension = log.dimension > 0 ? log.dimension : features->size();
            if (dimension == 0 || dimension > kMaxDimension || features->size() != dimension)
                reader.fail("c", "c.x has " + std::to_string(features->size()) + " features, expected "
                                     + (log.dimension > 0 ? std::to_string(log.dimension)
                                                          : "1.." + std::to_string(kMaxDimension)));
            for (std::size_t i = 0; i < dimension; ++i)
                round.features.push_back(finite(x, CsvCursor::columnName('x', i).c_str()));
            const auto actions = event.find("a");
            const auto probabilities = event.find("p");
            if (actions == event.end() || probabilities == event.end() || !actions->is_array()
                || !probabilities->is_array() || actions->size() != probabilities->size() || actions->empty()
                || actions->size() > kMaxArms)
                reader.fail("a", "expected the actions `a` and their probabilities `p`, arrays of the same length");
            const std::size_t arms = actions->size();
            if (log.arms > 0 && arms != log.arms)
                reader.fail("a", std::to_string(arms) + " actions, the lines before have " + std::to_string(log.arms));
            if (targetArms > 0 && arms != targetArms)
                reader.fail("a", std::to_string(arms) + " actions, the target has " + std::to_string(targetArms));
            round.logging.assign(arms, 0.0);
            std::vector<bool> listed(arms, false);
            double sum = 0.0;
            for (std::size_t j = 0; j < arms; ++j) {
                const auto &id = (*actions)[j];
                const auto &p = (*probabilities)[j];
                if (!id.is_number_integer() || id.get<std::int64_t>() < 1
                    || id.get<std::int64_t>() > static_cast<std::int64_t>(arms) || !p.is_number()
                    || p.get<double>() < 0.0 || p.get<double>() > 1.0)
                    reader.fail("a", "entry " + std::to_string(j + 1) + ": expected an action 1.."
                                         + std::to_string(arms) + " with a probability in [0, 1]");
                const auto arm = static_cast<std::size_t>(id.get<std::int64_t>() - 1);
                if (listed[arm])
                    reader.fail("a", "action " + std::to_string(arm + 1) + " is listed twice");
                listed[arm] = true;
                round.logging[arm] = p.get<double>();
                sum += p.get<double>();
            }
            if (std::abs(sum - 1.0) > kSumTolerance)
                reader.fail("p", "the probabilities sum to " + formatNumber(sum) + ", not 1");
            if (action < 1 || action > static_cast<std::int64_t>(arms))
                reader.fail("_label_Action",
                            std::to_string(action) + " is not one of the line's actions 1.." + std::to_string(arms));
            round.action = static_cast<std::size_t>(action - 1);
            if (!sameProbability(round.logging[round.action], round.propensity))
                reader.fail("_label_probability", "differs from the action's probability in p");
            log.dimension = dimension;
            log.arms = arms;
            log.rounds.push_back(std::move(round));
        } catch (const std::invalid_argument &error) {
            throw std::runtime_error(at + ": " + error.what());
        }
    }
    if (log.rounds.empty())
        throw std::runtime_error(where + ": no decisions in the file");
    return log;
}

} // namespace

BanditLog BanditLog::parse(std::string_view text, const std::string &where, std::size_t arms)
{
    if (text.substr(0, 3) == "\xEF\xBB\xBF") // a UTF-8 byte order mark, as some spreadsheets write
        text.remove_prefix(3);
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos && text[first] == '{')
        return parseDsjson(text, where, arms);
    return parseCsv(text, where, arms);
}

BanditLog BanditLog::load(const std::string &path, std::size_t arms)
{
    const std::string text = readInputFile(path, kMaxFileBytes, "a decision log");
    try {
        return parse(text, path, arms);
    } catch (const std::bad_alloc &) {
        throw std::runtime_error(path + ": not enough memory to hold the log (" + describeBytes(text.size())
                                 + " of text)");
    }
}

} // namespace rl
