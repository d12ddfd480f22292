#pragma once

// Private to core/alerting: PromQL's types and its function table (promql/parser/functions.go of Prometheus
// 2.42), which the parser checks every call against: the function's name, its arguments' types and count.

#include <string_view>

namespace rl::promql {

enum class Type { Scalar, Vector, Range, String };

// As Prometheus's messages name types.
const char *typeName(Type type);
// As Prometheus's ValueType prints itself, which the subquery message uses.
const char *valueTypeName(Type type);

struct Function {
    std::string_view name;
    std::string_view args; // a letter per argument: v instant vector, m range vector, s scalar, t string
    int variadic;          // as Prometheus counts: 0 none, n up to n of the last argument left out, -1 any number more
    Type returns = Type::Vector;
};

// nullptr for a name that is no function.
const Function *findFunction(std::string_view name);
// The type a letter of Function::args stands for.
Type argumentType(char letter);

} // namespace rl::promql
