#include "core/alerting/PromQlFunctions.h"

#include <algorithm>
#include <array>

namespace rl::promql {

namespace {

constexpr std::array kFunctions{
    Function{"abs", "v", 0},
    Function{"absent", "v", 0},
    Function{"absent_over_time", "m", 0},
    Function{"acos", "v", 0},
    Function{"acosh", "v", 0},
    Function{"asin", "v", 0},
    Function{"asinh", "v", 0},
    Function{"atan", "v", 0},
    Function{"atanh", "v", 0},
    Function{"avg_over_time", "m", 0},
    Function{"ceil", "v", 0},
    Function{"changes", "m", 0},
    Function{"clamp", "vss", 0},
    Function{"clamp_max", "vs", 0},
    Function{"clamp_min", "vs", 0},
    Function{"cos", "v", 0},
    Function{"cosh", "v", 0},
    Function{"count_over_time", "m", 0},
    Function{"days_in_month", "v", 1},
    Function{"day_of_month", "v", 1},
    Function{"day_of_week", "v", 1},
    Function{"day_of_year", "v", 1},
    Function{"deg", "v", 0},
    Function{"delta", "m", 0},
    Function{"deriv", "m", 0},
    Function{"exp", "v", 0},
    Function{"floor", "v", 0},
    Function{"histogram_count", "v", 0},
    Function{"histogram_fraction", "ssv", 0},
    Function{"histogram_quantile", "sv", 0},
    Function{"histogram_sum", "v", 0},
    Function{"holt_winters", "mss", 0},
    Function{"hour", "v", 1},
    Function{"idelta", "m", 0},
    Function{"increase", "m", 0},
    Function{"irate", "m", 0},
    Function{"label_join", "vttt", -1},
    Function{"label_replace", "vtttt", 0},
    Function{"last_over_time", "m", 0},
    Function{"ln", "v", 0},
    Function{"log10", "v", 0},
    Function{"log2", "v", 0},
    Function{"max_over_time", "m", 0},
    Function{"min_over_time", "m", 0},
    Function{"minute", "v", 1},
    Function{"month", "v", 1},
    Function{"pi", "", 0, Type::Scalar},
    Function{"predict_linear", "ms", 0},
    Function{"present_over_time", "m", 0},
    Function{"quantile_over_time", "sm", 0},
    Function{"rad", "v", 0},
    Function{"rate", "m", 0},
    Function{"resets", "m", 0},
    Function{"round", "vs", 1},
    Function{"scalar", "v", 0, Type::Scalar},
    Function{"sgn", "v", 0},
    Function{"sin", "v", 0},
    Function{"sinh", "v", 0},
    Function{"sort", "v", 0},
    Function{"sort_desc", "v", 0},
    Function{"sqrt", "v", 0},
    Function{"stddev_over_time", "m", 0},
    Function{"stdvar_over_time", "m", 0},
    Function{"sum_over_time", "m", 0},
    Function{"tan", "v", 0},
    Function{"tanh", "v", 0},
    Function{"time", "", 0, Type::Scalar},
    Function{"timestamp", "v", 0},
    Function{"vector", "s", 0},
    Function{"year", "v", 1},
};

} // namespace

const char *typeName(Type type)
{
    switch (type) {
    case Type::Scalar:
        return "scalar";
    case Type::Vector:
        return "instant vector";
    case Type::Range:
        return "range vector";
    case Type::String:
        return "string";
    }
    return "";
}

const char *valueTypeName(Type type)
{
    switch (type) {
    case Type::Vector:
        return "vector";
    case Type::Range:
        return "matrix";
    default:
        return typeName(type);
    }
}

const Function *findFunction(std::string_view name)
{
    const auto *found =
        std::find_if(kFunctions.begin(), kFunctions.end(), [name](const Function &f) { return f.name == name; });
    return found == kFunctions.end() ? nullptr : found;
}

Type argumentType(char letter)
{
    switch (letter) {
    case 'v':
        return Type::Vector;
    case 'm':
        return Type::Range;
    case 's':
        return Type::Scalar;
    default:
        return Type::String;
    }
}

} // namespace rl::promql
