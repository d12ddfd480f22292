#include "core/bandit/PolicySpec.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <stdexcept>

#include "core/bandit/PolicySupport.h"
#include "core/support/NumberFormat.h"

namespace rl {

namespace {

struct Parameter {
    std::string_view key;
    double PolicyConfig::*field;
    std::array<std::string_view, 4> policies; // the policies that read it; empty slots unused
};

constexpr std::array<Parameter, 6> kParameters{{
    {"alpha", &PolicyConfig::alpha, {"linucb"}},
    {"v", &PolicyConfig::thompsonScale, {"thompson"}},
    {"epsilon", &PolicyConfig::epsilon, {"egreedy", "seed"}},
    {"width", &PolicyConfig::widthScale, {"adaptive"}},
    {"threshold", &PolicyConfig::changeThreshold, {"adaptive"}},
    {"ridge", &PolicyConfig::ridge, {"egreedy", "linucb", "thompson", "adaptive"}},
}};

const Parameter *findParameter(std::string_view policy, std::string_view key)
{
    for (const Parameter &parameter : kParameters)
        if (parameter.key == key
            && std::find(parameter.policies.begin(), parameter.policies.end(), policy) != parameter.policies.end())
            return &parameter;
    return nullptr;
}

std::string keysOf(std::string_view policy)
{
    std::string keys;
    for (const Parameter &parameter : kParameters)
        if (std::find(parameter.policies.begin(), parameter.policies.end(), policy) != parameter.policies.end())
            keys += (keys.empty() ? "" : ", ") + std::string(parameter.key);
    return keys.empty() ? "none" : keys;
}

std::string_view trimmed(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

bool readNumber(std::string_view text, double &value)
{
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && end == text.data() + text.size() && std::isfinite(value);
}

// N evenly spaced values, rounded to 12 significant digits so 0.1..1.0/10 reads 0.1, 0.2, ... and not
// 0.30000000000000004.
std::vector<double> sweep(double from, double to, std::size_t count)
{
    std::vector<double> values(count);
    for (std::size_t i = 0; i < count; ++i) {
        const double exact = std::lerp(from, to, static_cast<double>(i) / static_cast<double>(count - 1));
        const std::string rounded = formatNumber(exact, std::chars_format::general, 12);
        std::from_chars(rounded.data(), rounded.data() + rounded.size(), values[i]);
    }
    return values;
}

} // namespace

std::string PolicySpec::text() const
{
    std::string out = name;
    for (std::size_t i = 0; i < parameters.size(); ++i)
        out += (i == 0 ? ":" : ",") + parameters[i].first + "=" + formatNumber(parameters[i].second);
    return out;
}

PolicyConfig PolicySpec::apply(PolicyConfig base) const
{
    for (const auto &[key, value] : parameters)
        if (const Parameter *parameter = findParameter(name, key))
            base.*(parameter->field) = value;
    return base;
}

nlohmann::json PolicySpec::parametersJson() const
{
    nlohmann::json out = nlohmann::json::object();
    for (const auto &[key, value] : parameters)
        out[key] = value;
    return out;
}

PolicySpec PolicySpec::of(std::string_view name, const PolicyConfig &config)
{
    PolicySpec spec{std::string(name), {}};
    for (const Parameter &parameter : kParameters)
        if (findParameter(name, parameter.key))
            spec.parameters.emplace_back(parameter.key, config.*(parameter.field));
    return spec;
}

PolicySpec PolicySpec::fromJson(std::string_view name, const nlohmann::json &parameters)
{
    const auto fail = [](const std::string &problem) { throw std::invalid_argument("parameters: " + problem); };
    if (!parameters.is_object())
        fail("expected an object of numbers");
    PolicySpec spec{std::string(name), {}};
    for (const auto &[key, value] : parameters.items()) {
        if (!findParameter(name, key))
            fail("'" + key + "' is not a parameter of " + std::string(name) + " (its parameters: " + keysOf(name)
                 + ")");
        if (!value.is_number())
            fail(key + ": expected a number");
        spec.parameters.emplace_back(key, value.get<double>());
    }
    try {
        policy::validateConfig(spec.apply(PolicyConfig{}));
    } catch (const std::invalid_argument &error) {
        fail(std::string("out of range (") + error.what() + ")");
    }
    return spec;
}

std::vector<PolicySpec> PolicySpec::parse(std::string_view text)
{
    const std::string whole(text);
    const auto fail = [&whole](const std::string &problem) {
        throw std::invalid_argument("policy spec '" + whole + "': " + problem);
    };
    const std::size_t colon = text.find(':');
    const std::string_view name = trimmed(text.substr(0, colon));
    const auto known = policyNames();
    if (std::find(known.begin(), known.end(), name) == known.end()) {
        std::string list;
        for (const auto n : known)
            list += (list.empty() ? "" : ", ") + std::string(n);
        fail("unknown policy '" + std::string(name) + "' (known: " + list + ")");
    }

    std::vector<PolicySpec> specs{PolicySpec{std::string(name), {}}};
    std::string_view rest = colon == std::string_view::npos ? std::string_view() : text.substr(colon + 1);
    if (colon != std::string_view::npos && trimmed(rest).empty())
        fail("no parameters after ':'");
    while (!rest.empty()) {
        const std::size_t comma = rest.find(',');
        const std::string_view item = trimmed(rest.substr(0, comma));
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
        if (comma != std::string_view::npos && trimmed(rest).empty())
            fail("nothing after the last ','");
        const std::size_t equals = item.find('=');
        if (equals == std::string_view::npos)
            fail("'" + std::string(item) + "' is not key=value");
        const std::string key(trimmed(item.substr(0, equals)));
        const std::string_view value = trimmed(item.substr(equals + 1));
        if (!findParameter(name, key))
            fail("'" + key + "' is not a parameter of " + std::string(name) + " (its parameters: " + keysOf(name)
                 + ")");
        if (std::any_of(specs.front().parameters.begin(), specs.front().parameters.end(),
                        [&key](const auto &parameter) { return parameter.first == key; }))
            fail(key + " is given twice");

        std::vector<double> values(1);
        if (const std::size_t dots = value.find(".."); dots != std::string_view::npos) {
            const std::size_t slash = value.find('/', dots);
            double from = 0.0;
            double to = 0.0;
            double count = 0.0;
            if (slash == std::string_view::npos || !readNumber(value.substr(0, dots), from)
                || !readNumber(value.substr(dots + 2, slash - dots - 2), to)
                || !readNumber(value.substr(slash + 1), count))
                fail(key + "=" + std::string(value) + " is not a sweep FROM..TO/N, e.g. 0.1..1.0/10");
            if (count != std::floor(count) || count < 2 || count > static_cast<double>(kMaxExpanded))
                fail(key + "=" + std::string(value) + ": N must be a whole number in 2.."
                     + std::to_string(kMaxExpanded));
            values = sweep(from, to, static_cast<std::size_t>(count));
            if (std::adjacent_find(values.begin(), values.end()) != values.end())
                fail(key + "=" + std::string(value) + ": the values are not all different (to 12 digits)");
        } else if (!readNumber(value, values.front())) {
            fail(key + "=" + std::string(value) + " is not a number");
        }
        if (specs.size() * values.size() > kMaxExpanded)
            fail("the sweeps make more than " + std::to_string(kMaxExpanded) + " specs");

        std::vector<PolicySpec> expanded;
        expanded.reserve(specs.size() * values.size());
        for (const PolicySpec &spec : specs)
            for (const double v : values) {
                PolicySpec next = spec;
                next.parameters.emplace_back(key, v);
                try {
                    policy::validateConfig(next.apply(PolicyConfig{}));
                } catch (const std::invalid_argument &error) {
                    fail(key + "=" + formatNumber(v) + " is out of range (" + error.what() + ")");
                }
                expanded.push_back(std::move(next));
            }
        specs = std::move(expanded);
    }
    return specs;
}

} // namespace rl
