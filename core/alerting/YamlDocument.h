#pragma once

#include <cstddef>
#include <deque>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace rl {

// A node of a YAML document, with what Go's yaml.v3 shows Prometheus's rulefmt and yaml-cpp's node API hides:
// aliases (rulefmt reads `record`, `alert` and `expr` as raw nodes, and an alias's value there is the anchor's
// name), nulls as written (`expr: ~` is the expression "~" there), how a scalar is written.
struct YamlNode {
    enum class Kind { Null, Scalar, Sequence, Mapping, Alias };
    // Only untagged plain scalars resolve to other types than strings (`5`, the merge key `<<`).
    enum class Style { Plain, Quoted, Literal, Folded };

    Kind kind = Kind::Null;
    Style style = Style::Plain;
    std::size_t line = 1; // where it is written (an alias: where the alias is)
    std::string text;     // a scalar's value; a null as written ("" for nothing); an alias's anchor name
    std::vector<const YamlNode *> children; // a sequence's items; a mapping's keys and values, alternately
    const YamlNode *anchored = nullptr;     // what an alias stands for

    const YamlNode &resolved() const { return kind == Kind::Alias ? *anchored : *this; }
    // The file line of the value's line lineInValue (1-based): exact in a `|` block, whose lines are the
    // file's; otherwise where the value starts.
    std::size_t fileLine(std::size_t lineInValue) const;
};

// Text that is not YAML as Go's yaml.v3 reads it; line() is 1-based.
class YamlError : public std::runtime_error {
public:
    YamlError(std::size_t line, const std::string &problem)
        : std::runtime_error(problem)
        , m_line(line)
    {
    }

    std::size_t line() const { return m_line; }

private:
    std::size_t m_line;
};

// The first document of a YAML text, read with yaml-cpp and checked as Go's yaml.v3 (and so promtool) checks
// it: UTF-8, or UTF-16 with a byte order mark; printable characters; YAML 1.1. Throws YamlError. Text that
// could make yaml-cpp recurse or buffer too much (deep nesting, large nested flow collections, more than
// 16 MiB) is rejected before yaml-cpp sees it.
class YamlDocument {
public:
    explicit YamlDocument(std::string_view text);
    // Nodes point to each other.
    YamlDocument(const YamlDocument &) = delete;
    YamlDocument &operator=(const YamlDocument &) = delete;

    // A null node for an empty document.
    const YamlNode &root() const { return *m_root; }

private:
    std::deque<YamlNode> m_nodes;
    const YamlNode *m_root = nullptr;
};

} // namespace rl
