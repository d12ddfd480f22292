#include "core/bandit/AdaptivePolicy.h"

#include <cmath>
#include <cstdint>
#include <string>

#include "core/bandit/PolicySupport.h"

namespace rl {

namespace {

constexpr double kPriorWidthSd = 0.3; // the noise sd assumed until kWidthWarmUp residuals
constexpr std::uint64_t kWidthWarmUp = 20;
constexpr double kPriorTestSd = 0.2; // the detector's until kTestWarmUp tested residuals
constexpr std::uint64_t kTestWarmUp = 50;
constexpr std::uint64_t kTestedAfter = 100; // observations since its reset before an arm is tested
constexpr double kAllowance = 0.5;          // the CUSUM's slack, in residual sds

} // namespace

AdaptivePolicy::AdaptivePolicy(PolicyConfig config)
    : RidgePolicy(std::move(config), false)
    , m_detectors(m_config.arms)
{
    m_recent.rounds.resize(kReplayBuffer);
    m_recent.arms.resize(kReplayBuffer);
    m_recent.contexts.resize(kReplayBuffer * m_config.dimension);
    m_recent.rewards.resize(kReplayBuffer);
}

double AdaptivePolicy::width() const
{
    const double sd =
        m_widthCount < kWidthWarmUp ? kPriorWidthSd : std::sqrt(m_widthSquares / static_cast<double>(m_widthCount));
    return m_config.widthScale * sd;
}

Selection AdaptivePolicy::select(std::span<const double> x)
{
    Selection s;
    s.scores = estimates(x);
    const double w = width();
    std::vector<double> upper(m_arms.size());
    for (std::size_t k = 0; k < m_arms.size(); ++k)
        upper[k] = s.scores[k] + w * std::sqrt(m_arms[k].variance(x));
    s.arm = policy::argmax(upper);
    s.probabilities.assign(m_arms.size(), 0.0);
    s.probabilities[s.arm] = 1.0;
    return s;
}

void AdaptivePolicy::update(std::size_t arm, std::span<const double> x, double reward)
{
    policy::checkUpdate(m_config, arm, x, reward);
    RidgeArm &model = m_arms[arm];
    const double v = model.variance(x);
    const double error = reward - model.estimate(x);
    const double square = error * error / (1.0 + v); // the residual's variance is sd² (1 + v)
    m_widthSquares += square;
    ++m_widthCount;

    bool changed = false;
    Detector &detector = m_detectors[arm];
    if (model.count() >= kTestedAfter) {
        const double sd =
            m_testCount < kTestWarmUp ? kPriorTestSd : std::sqrt(m_testSquares / static_cast<double>(m_testCount));
        const double z = error / (sd * std::sqrt(1.0 + v));
        m_testSquares += square;
        ++m_testCount;
        detector.cusum = std::max(0.0, detector.cusum - z - kAllowance); // grows while it pays less than predicted
        if (detector.cusum == 0.0)
            detector.changeFrom = static_cast<std::int64_t>(m_round);
        changed = detector.cusum > m_config.changeThreshold;
    }
    model.update(x, reward);
    remember(arm, x, reward);
    if (changed)
        startAfresh(detector.changeFrom);
    ++m_round;
    ++m_updates;
}

void AdaptivePolicy::remember(std::size_t arm, std::span<const double> x, double reward)
{
    std::size_t at = m_recent.start; // full: the oldest gives way
    if (m_recent.size < kReplayBuffer)
        at = slot(m_recent.size++);
    else
        m_recent.start = (m_recent.start + 1) % kReplayBuffer;
    m_recent.rounds[at] = m_round;
    m_recent.arms[at] = arm;
    std::copy(x.begin(), x.end(), m_recent.contexts.begin() + static_cast<std::ptrdiff_t>(at * m_config.dimension));
    m_recent.rewards[at] = reward;
}

void AdaptivePolicy::startAfresh(std::int64_t changeFrom)
{
    m_arms.assign(m_config.arms, RidgeArm(m_config.dimension, m_config.ridge));
    m_detectors.assign(m_config.arms, Detector{});
    const std::size_t d = m_config.dimension;
    for (std::size_t i = 0; i < m_recent.size; ++i) {
        const std::size_t at = slot(i);
        if (static_cast<std::int64_t>(m_recent.rounds[at]) > changeFrom)
            m_arms[m_recent.arms[at]].update(std::span<const double>(m_recent.contexts.data() + at * d, d),
                                             m_recent.rewards[at]);
    }
    m_recent.start = m_recent.size = 0;
    ++m_changes;
}

nlohmann::json AdaptivePolicy::state() const
{
    nlohmann::json s = RidgePolicy::state();
    nlohmann::json detectors = nlohmann::json::array();
    for (const Detector &detector : m_detectors)
        detectors.push_back({{"cusum", detector.cusum}, {"change_from", detector.changeFrom}});
    nlohmann::json recent = nlohmann::json::array();
    const std::size_t d = m_config.dimension;
    for (std::size_t i = 0; i < m_recent.size; ++i) {
        const std::size_t at = slot(i);
        const auto x = m_recent.contexts.begin() + static_cast<std::ptrdiff_t>(at * d);
        recent.push_back({{"round", m_recent.rounds[at]},
                          {"arm", m_recent.arms[at]},
                          {"x", std::vector<double>(x, x + static_cast<std::ptrdiff_t>(d))},
                          {"reward", m_recent.rewards[at]}});
    }
    s["detectors"] = std::move(detectors);
    s["recent"] = std::move(recent);
    s["round"] = m_round;
    s["changes"] = m_changes;
    s["noise"] = {{"width_squares", m_widthSquares},
                  {"width_count", m_widthCount},
                  {"test_squares", m_testSquares},
                  {"test_count", m_testCount}};
    return s;
}

void AdaptivePolicy::restore(const nlohmann::json &state)
{
    // Everything read into locals first: a rejected state leaves the policy untouched.
    const std::string where = "policy state";
    const auto &detectorsJson = policy::member(state, "detectors", where);
    if (!detectorsJson.is_array() || detectorsJson.size() != m_config.arms)
        throw std::invalid_argument(where + ".detectors: expected an array of " + std::to_string(m_config.arms));
    std::vector<Detector> detectors;
    for (std::size_t k = 0; k < m_config.arms; ++k) {
        const std::string at = where + ".detectors[" + std::to_string(k) + "]";
        const double cusum = policy::readNumber(policy::member(detectorsJson[k], "cusum", at), at + ".cusum");
        const auto &from = policy::member(detectorsJson[k], "change_from", at);
        if (!from.is_number_integer() || (from.is_number_unsigned() && from.get<std::uint64_t>() > INT64_MAX)
            || from.get<std::int64_t>() < -1)
            throw std::invalid_argument(at + ".change_from: expected a round or -1");
        if (cusum < 0.0)
            throw std::invalid_argument(at + ".cusum: must not be negative");
        detectors.push_back({cusum, from.get<std::int64_t>()});
    }
    const std::uint64_t round = policy::readCount(policy::member(state, "round", where), where + ".round");
    const auto &recentJson = policy::member(state, "recent", where);
    if (!recentJson.is_array() || recentJson.size() > kReplayBuffer)
        throw std::invalid_argument(where + ".recent: expected an array of at most " + std::to_string(kReplayBuffer));
    Recent recent = m_recent;
    recent.start = 0;
    recent.size = recentJson.size();
    for (std::size_t i = 0; i < recentJson.size(); ++i) {
        const std::string at = where + ".recent[" + std::to_string(i) + "]";
        const auto &item = recentJson[i];
        const std::uint64_t arm = policy::readCount(policy::member(item, "arm", at), at + ".arm");
        if (arm >= m_config.arms)
            throw std::invalid_argument(at + ".arm: " + std::to_string(arm) + " is not one of the "
                                        + std::to_string(m_config.arms) + " arms");
        const std::vector<double> x = policy::readNumbers(policy::member(item, "x", at), m_config.dimension, at + ".x");
        for (std::size_t j = 0; j < x.size(); ++j)
            if (!policy::withinMagnitude(x[j]))
                policy::rejectMagnitude(at + ".x[" + std::to_string(j) + "]", x[j]);
        recent.rounds[i] = policy::readCount(policy::member(item, "round", at), at + ".round");
        recent.arms[i] = static_cast<std::size_t>(arm);
        std::copy(x.begin(), x.end(), recent.contexts.begin() + static_cast<std::ptrdiff_t>(i * m_config.dimension));
        recent.rewards[i] = policy::readNumber(policy::member(item, "reward", at), at + ".reward");
        if (!policy::withinMagnitude(recent.rewards[i]))
            policy::rejectMagnitude(at + ".reward", recent.rewards[i]);
    }
    const auto &noise = policy::member(state, "noise", where);
    const auto number = [&noise, &where](const char *key) {
        const double value = policy::readNumber(policy::member(noise, key, where + ".noise"), where + ".noise." + key);
        if (value < 0.0)
            throw std::invalid_argument(where + ".noise." + key + ": must not be negative");
        return value;
    };
    const double widthSquares = number("width_squares");
    const double testSquares = number("test_squares");
    const std::uint64_t widthCount =
        policy::readCount(policy::member(noise, "width_count", where + ".noise"), where + ".noise.width_count");
    const std::uint64_t testCount =
        policy::readCount(policy::member(noise, "test_count", where + ".noise"), where + ".noise.test_count");
    const std::uint64_t changes = policy::readCount(policy::member(state, "changes", where), where + ".changes");

    RidgePolicy::restore(state);
    m_detectors = std::move(detectors);
    m_recent = std::move(recent);
    m_round = round;
    m_changes = changes;
    m_widthSquares = widthSquares;
    m_widthCount = widthCount;
    m_testSquares = testSquares;
    m_testCount = testCount;
}

} // namespace rl
