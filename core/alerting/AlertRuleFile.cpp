#include "core/alerting/AlertRuleFile.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <initializer_list>
#include <map>
#include <regex>
#include <set>
#include <unordered_set>

#include "core/alerting/GoTemplate.h"
#include "core/alerting/YamlDocument.h"

namespace rl {

namespace {

using Kind = YamlNode::Kind;

// Aliases can make a small file decode to a huge one. Go's yaml bounds the share of aliased nodes; this bounds
// the text decoded, at four times the largest file.
constexpr std::size_t kMaxDecodedBytes = 64 * 1024 * 1024;
// Merged mappings may merge others in turn (and themselves: an anchor's mapping may merge its own alias).
constexpr std::size_t kMaxMergeDepth = 64;

[[noreturn]] void failAt(std::string_view source, std::size_t line, const std::string &problem)
{
    throw AlertRuleError(std::string(source) + ":" + std::to_string(line) + ": " + problem);
}

const char *kindName(Kind kind)
{
    switch (kind) {
    case Kind::Null:
        return "nothing";
    case Kind::Scalar:
        return "a string";
    case Kind::Sequence:
        return "a list";
    case Kind::Mapping:
        return "a mapping";
    case Kind::Alias:
        break;
    }
    return "an alias";
}

bool isLabelName(std::string_view name)
{
    static const std::regex kLabelName("[a-zA-Z_][a-zA-Z0-9_]*");
    return std::regex_match(name.begin(), name.end(), kLabelName);
}

bool isMetricName(std::string_view name)
{
    static const std::regex kMetricName("[a-zA-Z_:][a-zA-Z0-9_:]*");
    return std::regex_match(name.begin(), name.end(), kMetricName);
}

// A plain scalar decoded into an int as Go's yaml does: an integer in any base Go knows, underscores
// ignored, or a float within int64's range, truncated.
std::optional<long long> yamlInteger(std::string_view text)
{
    std::string plain;
    std::copy_if(text.begin(), text.end(), std::back_inserter(plain), [](char c) { return c != '_'; });
    std::string_view digits = plain;
    const bool negative = digits.starts_with('-');
    if (negative || digits.starts_with('+'))
        digits.remove_prefix(1);
    int base = 10;
    if (digits.size() > 1 && digits[0] == '0') {
        const char prefix = static_cast<char>(digits[1] | 0x20);
        base = prefix == 'x' ? 16 : prefix == 'b' ? 2 : 8;
        digits.remove_prefix(prefix == 'x' || prefix == 'b' || prefix == 'o' ? 2 : 1);
    }
    unsigned long long magnitude = 0;
    const char *end = digits.data() + digits.size();
    if (const auto result = std::from_chars(digits.data(), end, magnitude, base);
        !digits.empty() && result.ec == std::errc() && result.ptr == end) {
        constexpr unsigned long long kMax = 9223372036854775807ULL;
        if (magnitude > kMax + (negative ? 1 : 0))
            return std::nullopt;
        return negative ? static_cast<long long>(0 - magnitude) : static_cast<long long>(magnitude);
    }
    static const std::regex kFloat(R"([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?)");
    if (!std::regex_match(plain, kFloat))
        return std::nullopt;
    double value = 0.0;
    const std::string_view number = std::string_view(plain).substr(plain.starts_with('+') ? 1 : 0);
    std::from_chars(number.data(), number.data() + number.size(), value);
    if (!(std::abs(value) < 9.2233720368547758e18))
        return std::nullopt;
    return static_cast<long long>(value);
}

// The first {{ ... }} of a text that has one.
std::string firstAction(std::string_view text)
{
    const std::size_t open = text.find("{{");
    const std::size_t close = text.find("}}", open);
    return std::string(text.substr(open, close == std::string_view::npos ? close : close + 2 - open));
}

// Decodes the YAML tree as Prometheus 2.42's rulefmt does with Go's yaml.v3 (strictly: unknown fields are
// errors) and checks the rules as rulefmt then does. Messages start with the file and line, then the group or
// rule they are about.
class RuleReader {
public:
    RuleReader(std::string_view source, std::vector<std::string> &warnings)
        : m_source(source)
        , m_warnings(warnings)
    {
    }

    std::vector<AlertRuleFile::Group> groups(const YamlNode &root)
    {
        std::vector<AlertRuleFile::Group> groups;
        const Fields fields = mapping(root, root.line, "the file");
        checkFields(fields, {"groups"}, "at the top level (only \"groups\")");
        if (const Field *field = find(fields, "groups")) {
            const auto list = items(*field, "groups");
            for (std::size_t i = 0; i < list.size(); ++i)
                groups.push_back(group(*list[i], i + 1));
        }
        return groups;
    }

private:
    struct Field {
        std::string_view name;
        const YamlNode *key;
        const YamlNode *value;
    };

    struct Fields {
        std::vector<Field> list;
        std::unordered_set<std::string_view> names;
    };

    // A label or annotation.
    struct Entry {
        std::string value;
        Field field;
    };

    [[noreturn]] void fail(std::size_t line, const std::string &problem) const
    {
        failAt(m_source, line, m_context + problem);
    }

    void warn(std::size_t line, const std::string &problem)
    {
        m_warnings.push_back(std::string(m_source) + ":" + std::to_string(line) + ": " + m_context + problem);
    }

    void skip(std::size_t line, const std::string &what)
    {
        warn(line, what + " is not supported by the in-app evaluator; the rule is skipped");
    }

    static std::string prefix(const std::string &what) { return what.empty() ? what : what + ": "; }

    // Where a field's value is, or its key when the value is missing.
    static std::size_t lineOf(const Field &field)
    {
        const bool missing = field.value->kind == Kind::Null && field.value->text.empty();
        return missing ? field.key->line : field.value->line;
    }

    // Every node decoded counts, through aliases too.
    void count(const YamlNode &node)
    {
        m_decodedBytes += node.text.size() + 1;
        if (m_decodedBytes > kMaxDecodedBytes)
            fail(node.line, "the file's aliases expand it to more than 64 MiB of text");
    }

    // The node an alias stands for.
    const YamlNode &decode(const YamlNode &node)
    {
        count(node.resolved());
        return node.resolved();
    }

    static const Field *find(const Fields &fields, std::string_view name)
    {
        const auto it = std::find_if(fields.list.begin(), fields.list.end(),
                                     [name](const Field &field) { return field.name == name; });
        return it == fields.list.end() ? nullptr : &*it;
    }

    // Fields are decoded strictly, as rulefmt asks yaml.v3 to.
    void checkFields(const Fields &fields, std::initializer_list<std::string_view> known, const char *where) const
    {
        for (const Field &field : fields.list) {
            if (std::find(known.begin(), known.end(), field.name) == known.end())
                fail(field.key->line, "field \"" + std::string(field.name) + "\" is not allowed " + where);
        }
    }

    // A mapping's pairs as yaml.v3 decodes them into a struct or a map: a repeated key is an error, a null key
    // is dropped, and the pairs of `<<` merge keys fill in the keys not set otherwise.
    Fields mapping(const YamlNode &node, std::size_t line, const std::string &what)
    {
        Fields fields;
        const YamlNode &map = decode(node);
        if (map.kind != Kind::Null && map.kind != Kind::Mapping)
            fail(line, prefix(what) + "expected a mapping, got " + kindName(map.kind));
        if (map.kind == Kind::Mapping)
            collect(map, fields, what, 0);
        return fields;
    }

    void collect(const YamlNode &map, Fields &fields, const std::string &what, std::size_t depth)
    {
        std::map<std::pair<Kind, std::string_view>, std::size_t> seen; // each key, and its line
        const YamlNode *merge = nullptr;
        for (std::size_t i = 0; i + 1 < map.children.size(); i += 2) {
            const YamlNode &key = *map.children[i];
            if (const auto [first, added] =
                    seen.emplace(std::pair<Kind, std::string_view>(key.kind, key.text), key.line);
                !added)
                fail(key.line, prefix(what) + "key \"" + key.text + "\" is repeated (first at line "
                                   + std::to_string(first->second) + ")");
            if (key.kind == Kind::Scalar && key.style == YamlNode::Style::Plain && key.text == "<<") {
                merge = map.children[i + 1];
                continue;
            }
            const YamlNode &name = decode(key);
            if (name.kind == Kind::Null)
                continue;
            if (name.kind != Kind::Scalar)
                fail(key.line, prefix(what) + "a key must be a string, got " + kindName(name.kind));
            if (fields.names.insert(name.text).second)
                fields.list.push_back({name.text, &key, map.children[i + 1]});
        }
        if (merge != nullptr)
            mergeInto(*merge, fields, what, depth + 1);
    }

    // yaml.v3's merge: a mapping or a list of mappings, given or aliased, the earlier ones first.
    void mergeInto(const YamlNode &value, Fields &fields, const std::string &what, std::size_t depth)
    {
        if (depth > kMaxMergeDepth)
            fail(value.line,
                 prefix(what) + "merge keys (<<) nested more than " + std::to_string(kMaxMergeDepth) + " deep");
        const YamlNode &merged = decode(value);
        std::vector<const YamlNode *> sources{&value};
        if (merged.kind == Kind::Sequence && value.kind != Kind::Alias)
            sources = merged.children;
        for (const YamlNode *source : sources) {
            const YamlNode &map = decode(*source);
            if (map.kind != Kind::Mapping)
                fail(source->line, prefix(what) + "a merge key (<<) takes a mapping or a list of mappings");
            collect(map, fields, what, depth);
        }
    }

    // A list of structs as yaml.v3 decodes it: null items are dropped.
    std::vector<const YamlNode *> items(const Field &field, const std::string &what)
    {
        const YamlNode &list = decode(*field.value);
        if (list.kind != Kind::Null && list.kind != Kind::Sequence)
            fail(lineOf(field), what + ": expected a list, got " + kindName(list.kind));
        std::vector<const YamlNode *> items;
        for (const YamlNode *item : list.children) {
            if (decode(*item).kind != Kind::Null)
                items.push_back(item);
        }
        return items;
    }

    std::optional<std::string> scalar(const Field &field, const std::string &what)
    {
        const YamlNode &node = decode(*field.value);
        if (node.kind == Kind::Null)
            return std::nullopt;
        if (node.kind != Kind::Scalar)
            fail(lineOf(field), what + ": expected a string, got " + kindName(node.kind));
        return node.text;
    }

    std::string string(const Field *field, const std::string &what)
    {
        return field == nullptr ? std::string() : scalar(*field, what).value_or("");
    }

    // rulefmt 2.42 reads record, alert and expr as raw YAML nodes and takes their text: an alias's is the
    // anchor's name, a null's as written ("~"), a list's or mapping's nothing.
    std::string raw(const Field *field)
    {
        if (field == nullptr)
            return {};
        const YamlNode &node = *field->value;
        count(node);
        return node.kind == Kind::Sequence || node.kind == Kind::Mapping ? std::string() : node.text;
    }

    // Seconds; 0 when not set.
    double duration(const Field *field, const std::string &what)
    {
        const auto text = field == nullptr ? std::nullopt : scalar(*field, what);
        if (!text)
            return 0.0;
        if (text->empty())
            fail(lineOf(*field), what + ": empty duration string");
        const auto seconds = PromQlExpression::parseDuration(*text);
        if (!seconds)
            fail(lineOf(*field), what + ": not a valid duration string: \"" + *text + "\"");
        return *seconds;
    }

    long long integer(const Field *field, const std::string &what)
    {
        if (field == nullptr)
            return 0;
        const YamlNode &node = decode(*field->value);
        if (node.kind == Kind::Null)
            return 0;
        const auto value =
            node.kind == Kind::Scalar && node.style == YamlNode::Style::Plain ? yamlInteger(node.text) : std::nullopt;
        if (!value)
            fail(lineOf(*field), what + ": expected an integer, got "
                                     + (node.kind == Kind::Scalar ? "\"" + node.text + "\"" : kindName(node.kind)));
        return *value;
    }

    // labels or annotations.
    std::map<std::string, Entry> entries(const Field *field, const std::string &what)
    {
        std::map<std::string, Entry> entries;
        if (field == nullptr)
            return entries;
        for (const Field &entry : mapping(*field->value, lineOf(*field), what).list) {
            const std::string name(entry.name);
            entries[name] = {string(&entry, what + "." + name), entry};
        }
        return entries;
    }

    AlertRuleFile::Group group(const YamlNode &item, std::size_t number)
    {
        m_context = "group " + std::to_string(number) + ": ";
        const Fields fields = mapping(item, item.line, "");
        AlertRuleFile::Group group;
        group.name = string(find(fields, "name"), "name");
        if (!group.name.empty())
            m_context = "group \"" + group.name + "\": ";
        checkFields(fields, {"name", "interval", "limit", "rules"}, "in a group");
        if (group.name.empty())
            fail(item.line, "the group name must not be empty");
        if (!m_groupNames.insert(group.name).second)
            fail(item.line, "the group name \"" + group.name + "\" is repeated in the file");
        // Prometheus takes an interval of 0 as none.
        if (const double interval = duration(find(fields, "interval"), "interval"); interval > 0)
            group.intervalSeconds = interval;
        const Field *limit = find(fields, "limit");
        group.limit = integer(limit, "limit");
        if (group.limit != 0)
            warn(lineOf(*limit), "limit is not supported by the in-app evaluator; it is ignored");
        if (const Field *rules = find(fields, "rules")) {
            const auto list = items(*rules, "rules");
            for (std::size_t i = 0; i < list.size(); ++i)
                rule(*list[i], i + 1, group);
        }
        return group;
    }

    void rule(const YamlNode &item, std::size_t number, AlertRuleFile::Group &group)
    {
        const std::string groupContext = m_context;
        m_context += "rule " + std::to_string(number) + ": ";
        const Fields fields = mapping(item, item.line, "");
        ++group.ruleCount;
        const Field *recordField = find(fields, "record");
        const Field *exprField = find(fields, "expr");
        const std::string record = raw(recordField);
        const std::string alert = raw(find(fields, "alert"));
        if (!alert.empty() || !record.empty())
            m_context = "rule " + (alert.empty() ? record : alert) + ": ";
        checkFields(fields, {"record", "alert", "expr", "for", "keep_firing_for", "labels", "annotations"},
                    "in a rule");

        if (!record.empty() && !alert.empty())
            fail(lineOf(*recordField), "only one of 'record' and 'alert' must be set");
        if (record.empty() && alert.empty())
            fail(item.line, "one of 'record' or 'alert' must be set");
        const std::string exprText = raw(exprField);
        if (exprText.empty())
            fail(exprField == nullptr ? item.line : lineOf(*exprField), "field 'expr' must be set in rule");
        std::optional<PromQlExpression> expr;
        try {
            expr.emplace(exprText);
        } catch (const PromQlError &error) {
            // In a | block the expression's lines are the file's, so the error's line maps back exactly.
            fail(exprField->value->fileLine(error.line()), "expr: " + std::string(error.what()));
        }
        const double forSeconds = duration(find(fields, "for"), "for");
        const double keepFiringSeconds = duration(find(fields, "keep_firing_for"), "keep_firing_for");
        const auto labels = entries(find(fields, "labels"), "labels");
        const auto annotations = entries(find(fields, "annotations"), "annotations");

        if (!record.empty()) {
            const std::size_t line = lineOf(*recordField);
            if (!annotations.empty())
                fail(line, "invalid field 'annotations' in recording rule");
            if (forSeconds != 0)
                fail(line, "invalid field 'for' in recording rule");
            if (keepFiringSeconds != 0)
                fail(line, "invalid field 'keep_firing_for' in recording rule");
            if (!isMetricName(record))
                fail(line, "invalid recording rule name: " + record);
        }
        for (const auto &[name, label] : labels) {
            if (!isLabelName(name) || name == "__name__")
                fail(label.field.key->line, "invalid label name: " + name);
        }
        for (const auto &[name, annotation] : annotations) {
            if (!isLabelName(name))
                fail(annotation.field.key->line, "invalid annotation name: " + name);
        }
        if (!alert.empty()) {
            checkTemplates(labels, "labels", alert);
            checkTemplates(annotations, "annotations", alert);
        }

        if (evaluable(record.empty() ? nullptr : recordField, *exprField, *expr, labels, annotations)) {
            if (keepFiringSeconds != 0)
                warn(lineOf(*find(fields, "keep_firing_for")),
                     "keep_firing_for is not supported by the in-app evaluator; it is ignored");
            std::map<std::string, std::string> labelValues;
            std::map<std::string, std::string> annotationValues;
            for (const auto &[name, label] : labels)
                labelValues[name] = label.value;
            for (const auto &[name, annotation] : annotations)
                annotationValues[name] = annotation.value;
            group.rules.push_back(
                {alert, exprText, std::move(*expr), forSeconds, std::move(labelValues), std::move(annotationValues)});
        }
        m_context = groupContext;
    }

    // Prometheus parses an alerting rule's labels and annotations as Go templates.
    void checkTemplates(const std::map<std::string, Entry> &entries, const std::string &what, const std::string &alert)
    {
        for (const auto &[name, entry] : entries) {
            if (const auto error = checkGoTemplate(entry.value, "__alert_" + alert)) {
                const YamlNode &text = entry.field.value->resolved();
                fail(text.fileLine(error->line), what + "." + name + ": template: " + error->message);
            }
        }
    }

    // Whether the in-app evaluator can run a valid rule (record is null for an alerting rule); if not, a
    // warning says why.
    bool evaluable(const Field *record, const Field &exprField, const PromQlExpression &expr,
                   const std::map<std::string, Entry> &labels, const std::map<std::string, Entry> &annotations)
    {
        if (record != nullptr) {
            skip(lineOf(*record), "a recording rule");
            return false;
        }
        if (const auto what = expr.unsupported()) {
            skip(lineOf(exprField), "expr: " + *what);
            return false;
        }
        // Labels are not templates to AlertRule: any action in one is left out.
        for (const auto &[name, label] : labels) {
            if (label.value.find("{{") != std::string::npos) {
                skip(lineOf(label.field), "labels." + name + ": template action " + firstAction(label.value));
                return false;
            }
        }
        for (const auto &[name, annotation] : annotations) {
            if (const auto action = AlertRule::unsupportedAction(annotation.value)) {
                skip(lineOf(annotation.field), "annotations." + name + ": template action " + *action);
                return false;
            }
        }
        return true;
    }

    std::string_view m_source;
    std::vector<std::string> &m_warnings;
    std::string m_context; // the group or rule the messages are about
    std::set<std::string> m_groupNames;
    std::size_t m_decodedBytes = 0;
};

} // namespace

AlertRuleFile AlertRuleFile::parse(std::string_view text, std::string_view sourceName)
{
    AlertRuleFile file;
    try {
        const YamlDocument document(text);
        file.m_groups = RuleReader(sourceName, file.m_warnings).groups(document.root());
    } catch (const YamlError &error) {
        failAt(sourceName, error.line(), error.what());
    }
    return file;
}

std::size_t AlertRuleFile::ruleCount() const
{
    std::size_t count = 0;
    for (const Group &group : m_groups)
        count += group.ruleCount;
    return count;
}

std::vector<AlertRule> AlertRuleFile::rules() const
{
    std::vector<AlertRule> all;
    for (const Group &group : m_groups)
        all.insert(all.end(), group.rules.begin(), group.rules.end());
    return all;
}

} // namespace rl
