#include "core/alerting/AlertRuleFile.h"

#include <algorithm>
#include <cctype>
#include <initializer_list>

namespace rl {

namespace {

[[noreturn]] void failAt(std::string_view source, std::size_t line, const std::string &problem)
{
    throw AlertRuleError(std::string(source) + ":" + std::to_string(line) + ": " + problem);
}

struct YamlNode {
    enum class Kind { Null, Scalar, Map, Seq };

    Kind kind = Kind::Null;
    std::size_t line = 0;        // where the node starts
    std::size_t contentLine = 0; // scalar: the line its text starts on; for a | block, its first content line
    bool literal = false;        // a | block: its lines are the file's lines, so positions in it map back
    std::string scalar;
    std::vector<std::pair<std::string, YamlNode>> map;
    std::vector<YamlNode> seq;

    static YamlNode make(Kind kind, std::size_t line)
    {
        YamlNode node;
        node.kind = kind;
        node.line = line;
        node.contentLine = line;
        return node;
    }

    const YamlNode *find(std::string_view key) const
    {
        const auto it = std::find_if(map.begin(), map.end(), [key](const auto &entry) { return entry.first == key; });
        return it == map.end() ? nullptr : &it->second;
    }
};

bool isBlank(std::string_view text)
{
    return text.find_first_not_of(" \t") == std::string_view::npos;
}

std::string_view rtrimmed(std::string_view text)
{
    const auto last = text.find_last_not_of(" \t");
    return last == std::string_view::npos ? std::string_view() : text.substr(0, last + 1);
}

// A plain scalar's text up to its comment: '#' at the start or after a blank.
std::string_view withoutComment(std::string_view text)
{
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '#' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t'))
            return rtrimmed(text.substr(0, i));
    }
    return rtrimmed(text);
}

bool isSeqEntry(std::string_view content)
{
    return content.starts_with('-') && (content.size() == 1 || content[1] == ' ');
}

void appendUtf8(std::string &out, unsigned long codePoint)
{
    if (codePoint < 0x80) {
        out += static_cast<char>(codePoint);
    } else if (codePoint < 0x800) {
        out += static_cast<char>(0xC0 | (codePoint >> 6));
        out += static_cast<char>(0x80 | (codePoint & 0x3F));
    } else if (codePoint < 0x10000) {
        out += static_cast<char>(0xE0 | (codePoint >> 12));
        out += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (codePoint & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (codePoint >> 18));
        out += static_cast<char>(0x80 | ((codePoint >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (codePoint & 0x3F));
    }
}

// Reads the YAML subset a rule file needs into a tree of YamlNodes, line by line. A sequence entry's
// content ("- alert: X") is read as if the line started where the content does, by advancing that line's
// indent past the "- "; everything below then only deals with indentation.
class YamlReader {
public:
    YamlReader(std::string_view text, std::string_view source)
        : m_source(source)
    {
        if (text.starts_with("\xEF\xBB\xBF"))
            text.remove_prefix(3);
        for (std::size_t number = 1; !text.empty(); ++number) {
            const auto end = text.find('\n');
            std::string_view raw = text.substr(0, end);
            if (raw.ends_with('\r'))
                raw.remove_suffix(1);
            m_lines.push_back({number, raw, static_cast<int>(std::min(raw.find_first_not_of(' '), raw.size()))});
            text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
        }
    }

    YamlNode document()
    {
        skipBlank();
        if (m_next < m_lines.size() && rtrimmed(content()) == "---")
            ++m_next;
        YamlNode root = parseNode(0);
        skipBlank();
        if (m_next < m_lines.size() && atDocumentMarker() && rtrimmed(content()) == "---")
            fail("only one YAML document per file is supported");
        if (m_next < m_lines.size() && !atDocumentMarker())
            fail("unexpected \"" + std::string(rtrimmed(content())) + "\": check the indentation");
        return root;
    }

private:
    struct Line {
        std::size_t number;
        std::string_view raw;
        int indent; // where the content starts; past "- " for a sequence entry's content
    };

    [[noreturn]] void fail(const std::string &problem, std::size_t line = 0) const
    {
        if (line == 0)
            line = m_next < m_lines.size() ? m_lines[m_next].number : m_lines.size();
        failAt(m_source, line, problem);
    }

    std::string_view content() const
    {
        const Line &line = m_lines[m_next];
        return line.raw.substr(static_cast<std::size_t>(line.indent));
    }

    // "---" or "..." at the margin ends the document's content.
    bool atDocumentMarker() const
    {
        const std::string_view text = rtrimmed(content());
        return m_lines[m_next].indent == 0 && (text == "---" || text == "...");
    }

    // Moves to the next line with content, past blank and comment lines.
    void skipBlank()
    {
        for (; m_next < m_lines.size(); ++m_next) {
            const std::string_view text = content();
            if (isBlank(text) || text.starts_with('#'))
                continue;
            if (text.starts_with('\t'))
                fail("tabs are not allowed in indentation");
            return;
        }
    }

    // Where a "key:" ends (the colon), or npos if the content is not a mapping entry.
    std::size_t keyEnd(std::string_view text) const
    {
        std::size_t pos = 0;
        if (text.starts_with('"') || text.starts_with('\'')) {
            pos = quotedEnd(text);
            while (pos < text.size() && text[pos] == ' ')
                ++pos;
            return pos < text.size() && text[pos] == ':' && (pos + 1 == text.size() || text[pos + 1] == ' ')
                       ? pos
                       : std::string_view::npos;
        }
        if (text.starts_with('[') || text.starts_with('{'))
            return std::string_view::npos;
        for (; pos < text.size(); ++pos) {
            if (text[pos] == '#' && (pos == 0 || text[pos - 1] == ' '))
                break;
            if (text[pos] == ':' && (pos + 1 == text.size() || text[pos + 1] == ' ' || text[pos + 1] == '\t'))
                return pos;
        }
        return std::string_view::npos;
    }

    // Just past the closing quote of a quoted scalar starting text, on the same line (or text.size()).
    static std::size_t quotedEnd(std::string_view text)
    {
        const char quote = text[0];
        for (std::size_t pos = 1; pos < text.size(); ++pos) {
            if (quote == '"' && text[pos] == '\\')
                ++pos;
            else if (quote == '\'' && text[pos] == '\'' && pos + 1 < text.size() && text[pos + 1] == '\'')
                ++pos;
            else if (text[pos] == quote)
                return pos + 1;
        }
        return text.size();
    }

    YamlNode parseNode(int minIndent)
    {
        skipBlank();
        if (m_next >= m_lines.size() || m_lines[m_next].indent < minIndent)
            return {};
        const int indent = m_lines[m_next].indent;
        if (isSeqEntry(content()))
            return parseSeq(indent);
        if (keyEnd(content()) != std::string_view::npos)
            return parseMap(indent);
        return parseScalar(minIndent - 1);
    }

    YamlNode parseSeq(int indent)
    {
        YamlNode node = YamlNode::make(YamlNode::Kind::Seq, m_lines[m_next].number);
        while (skipBlank(), m_next < m_lines.size() && m_lines[m_next].indent == indent && isSeqEntry(content())) {
            Line &line = m_lines[m_next];
            const std::string_view text = content();
            const std::size_t after = std::min(text.find_first_not_of(' ', 1), text.size());
            if (after == text.size() || text[after] == '#') {
                ++m_next;
                node.seq.push_back(parseNode(indent + 1));
                if (node.seq.back().kind == YamlNode::Kind::Null)
                    node.seq.back().line = line.number;
            } else {
                line.indent += static_cast<int>(after);
                node.seq.push_back(parseNode(indent + 1));
            }
        }
        return node;
    }

    YamlNode parseMap(int indent)
    {
        YamlNode node = YamlNode::make(YamlNode::Kind::Map, m_lines[m_next].number);
        while (skipBlank(), m_next < m_lines.size() && m_lines[m_next].indent == indent && !isSeqEntry(content())
                                && !atDocumentMarker()) {
            Line &line = m_lines[m_next];
            const std::string_view text = content();
            const std::size_t colon = keyEnd(text);
            if (colon == std::string_view::npos)
                fail("expected \"key: value\", got \"" + std::string(rtrimmed(text)) + "\"");
            std::string key(rtrimmed(text.substr(0, colon)));
            if (key.starts_with('"') || key.starts_with('\'')) {
                std::size_t endLine = 0;
                key = parseQuoted(m_next, static_cast<std::size_t>(line.indent), endLine, true);
            }
            if (node.find(key) != nullptr)
                fail("duplicate key \"" + key + "\"");

            const std::size_t valueStart = text.find_first_not_of(" \t", colon + 1);
            YamlNode value;
            if (valueStart == std::string_view::npos || text[valueStart] == '#') {
                ++m_next;
                skipBlank();
                // A sequence may sit at its key's own indentation.
                if (m_next < m_lines.size() && m_lines[m_next].indent == indent && isSeqEntry(content()))
                    value = parseSeq(indent);
                else
                    value = parseNode(indent + 1);
                if (value.kind == YamlNode::Kind::Null)
                    value.line = line.number;
            } else {
                line.indent += static_cast<int>(valueStart);
                value = parseScalar(indent);
            }
            node.map.emplace_back(std::move(key), std::move(value));
        }
        return node;
    }

    // The scalar (or empty flow collection) starting the current line's content; its continuation lines
    // must be indented more than parentIndent.
    YamlNode parseScalar(int parentIndent)
    {
        const Line &line = m_lines[m_next];
        const std::string_view text = content();
        YamlNode node = YamlNode::make(YamlNode::Kind::Scalar, line.number);
        switch (text[0]) {
        case '|':
        case '>':
            return parseBlockScalar(parentIndent);
        case '"':
        case '\'': {
            std::size_t endLine = 0;
            node.scalar = parseQuoted(m_next, static_cast<std::size_t>(line.indent), endLine, false);
            m_next = endLine + 1;
            return node;
        }
        case '[':
        case '{':
            if (withoutComment(text) == "[]" || withoutComment(text) == "{}") {
                node.kind = text[0] == '[' ? YamlNode::Kind::Seq : YamlNode::Kind::Map;
                ++m_next;
                return node;
            }
            fail("flow collections ([...], {...}) are not supported: use block style");
        case '&':
        case '*':
        case '!':
            fail("YAML anchors, aliases and tags are not supported");
        default:
            break;
        }

        // A plain scalar: its lines are folded into one, an empty line becoming a line break.
        node.scalar = std::string(withoutComment(text));
        std::size_t empties = 0;
        for (std::size_t next = m_next + 1; next < m_lines.size(); ++next) {
            const std::string_view raw = m_lines[next].raw;
            if (isBlank(raw)) {
                ++empties;
                continue;
            }
            if (m_lines[next].indent <= parentIndent
                || raw.substr(static_cast<std::size_t>(m_lines[next].indent)).starts_with('#'))
                break;
            node.scalar += empties > 0 ? std::string(empties, '\n') : " ";
            node.scalar += withoutComment(raw.substr(static_cast<std::size_t>(m_lines[next].indent)));
            empties = 0;
            m_next = next;
        }
        ++m_next;
        if (node.scalar.find(": ") != std::string::npos || node.scalar.ends_with(':'))
            fail("a plain value may not contain \": \": quote it", line.number);
        return node;
    }

    // A quoted scalar starting at column `column` of line `index`, possibly over several lines (folded as
    // YAML folds them); endLine receives the line it closes on. Nothing but a comment may follow it, or the
    // colon of a quoted key.
    std::string parseQuoted(std::size_t index, std::size_t column, std::size_t &endLine, bool key) const
    {
        const std::size_t startLine = m_lines[index].number;
        const char quote = m_lines[index].raw[column];
        std::string value;
        std::size_t pos = column + 1;
        for (;;) {
            const std::string_view raw = m_lines[index].raw;
            bool escapedBreak = false;
            while (pos < raw.size()) {
                const char c = raw[pos];
                if (c == quote && quote == '\'' && pos + 1 < raw.size() && raw[pos + 1] == '\'') {
                    value += '\'';
                    pos += 2;
                } else if (c == quote) {
                    const std::string_view rest = raw.substr(pos + 1);
                    const auto after = rest.find_first_not_of(" \t");
                    if (after != std::string_view::npos && rest[after] != '#' && !(key && rest[after] == ':'))
                        fail("unexpected text after a quoted string: \"" + std::string(rtrimmed(rest.substr(after)))
                                 + "\"",
                             m_lines[index].number);
                    endLine = index;
                    return value;
                } else if (c == '\\' && quote == '"') {
                    if (pos + 1 == raw.size()) {
                        escapedBreak = true;
                        ++pos;
                    } else {
                        pos = unescape(raw, pos + 1, value, m_lines[index].number);
                    }
                } else {
                    value += c;
                    ++pos;
                }
            }
            // Folding: trailing blanks go, a line break becomes a space and each empty line a line break.
            if (!escapedBreak)
                value.erase(value.find_last_not_of(" \t") + 1);
            std::size_t empties = 0;
            while (++index < m_lines.size() && isBlank(m_lines[index].raw))
                ++empties;
            if (index >= m_lines.size())
                fail("unterminated quoted string", startLine);
            value += empties > 0 ? std::string(empties, '\n') : (escapedBreak ? "" : " ");
            pos = std::min(m_lines[index].raw.find_first_not_of(" \t"), m_lines[index].raw.size());
        }
    }

    // The escape after a backslash at raw[pos]; returns the position after it.
    std::size_t unescape(std::string_view raw, std::size_t pos, std::string &out, std::size_t line) const
    {
        static constexpr std::string_view kFrom = "0abtnvfre \"/\\";
        static constexpr std::string_view kTo{"\0\a\b\t\n\v\f\r\x1b \"/\\", 13};
        const char c = raw[pos];
        if (const auto simple = kFrom.find(c); simple != std::string_view::npos) {
            out += kTo[simple];
            return pos + 1;
        }
        const std::size_t digits = c == 'x' ? 2 : c == 'u' ? 4 : c == 'U' ? 8 : 0;
        const std::string_view hex = raw.substr(pos + 1, digits);
        unsigned long codePoint = 0;
        const bool valid = digits > 0 && hex.size() == digits && std::all_of(hex.begin(), hex.end(), [](char h) {
                               return std::isxdigit(static_cast<unsigned char>(h));
                           });
        if (valid)
            codePoint = std::stoul(std::string(hex), nullptr, 16);
        if (!valid || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
            fail("invalid escape \"\\" + std::string(raw.substr(pos, digits + 1)) + "\" in a double-quoted string",
                 line);
        appendUtf8(out, codePoint);
        return pos + 1 + digits;
    }

    // | (literal: lines kept) or > (folded: lines joined by spaces), with an optional chomping indicator
    // (- strips the final line break, + keeps trailing empty lines) and indentation indicator.
    YamlNode parseBlockScalar(int parentIndent)
    {
        const Line &header = m_lines[m_next];
        const std::string_view indicators = withoutComment(content());
        const bool literal = indicators[0] == '|';
        char chomping = ' ';
        int explicitIndent = 0;
        for (const char c : indicators.substr(1)) {
            if ((c == '-' || c == '+') && chomping == ' ')
                chomping = c;
            else if (c >= '1' && c <= '9' && explicitIndent == 0)
                explicitIndent = c - '0';
            else
                fail("invalid block scalar header \"" + std::string(indicators) + "\"");
        }
        ++m_next;

        int indent = explicitIndent > 0 ? std::max(parentIndent, 0) + explicitIndent : -1;
        std::vector<std::string_view> lines;
        for (; m_next < m_lines.size(); ++m_next) {
            const Line &line = m_lines[m_next];
            if (isBlank(line.raw)) {
                lines.emplace_back();
                continue;
            }
            if (indent < 0) {
                if (line.indent <= parentIndent)
                    break;
                indent = line.indent;
            }
            const auto leading = static_cast<int>(std::min(line.raw.find_first_not_of(' '), line.raw.size()));
            if (leading < indent)
                break;
            lines.push_back(line.raw.substr(static_cast<std::size_t>(indent)));
        }
        std::size_t trailing = 0;
        while (!lines.empty() && lines.back().empty()) {
            lines.pop_back();
            ++trailing;
        }

        std::string text;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const std::string_view line = lines[i];
            if (i > 0 && (literal || line.empty())) {
                text += '\n';
            } else if (i > 0) {
                // Folding: a break between two text lines at the block's indentation becomes a space, or
                // disappears after empty lines (each of which is a break); more-indented lines keep theirs.
                std::size_t before = i;
                while (before > 0 && lines[before - 1].empty())
                    --before;
                const bool folds = before > 0 && line[0] != ' ' && lines[before - 1][0] != ' ';
                if (before == i)
                    text += folds ? ' ' : '\n';
                else if (!folds)
                    text += '\n';
            }
            text += line;
        }
        if (!lines.empty() && chomping != '-')
            text += '\n';
        if (chomping == '+')
            text += std::string(trailing, '\n');

        // The content starts on the line after the header.
        YamlNode node = YamlNode::make(YamlNode::Kind::Scalar, header.number);
        node.contentLine = header.number + 1;
        node.literal = literal;
        node.scalar = std::move(text);
        return node;
    }

    std::string_view m_source;
    std::vector<Line> m_lines;
    std::size_t m_next = 0;
};

const char *kindName(YamlNode::Kind kind)
{
    switch (kind) {
    case YamlNode::Kind::Null:
        return "nothing";
    case YamlNode::Kind::Scalar:
        return "a string";
    case YamlNode::Kind::Map:
        return "a mapping";
    case YamlNode::Kind::Seq:
        return "a list";
    }
    return "";
}

bool isLabelName(std::string_view name)
{
    if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0])))
        return false;
    return std::all_of(name.begin(), name.end(),
                       [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

// Turns the YAML tree into groups of rules, checking what Prometheus's rulefmt checks.
class RuleReader {
public:
    explicit RuleReader(std::string_view source)
        : m_source(source)
    {
    }

    std::vector<AlertRuleFile::Group> groups(const YamlNode &root)
    {
        std::vector<AlertRuleFile::Group> groups;
        if (root.kind == YamlNode::Kind::Null)
            return groups; // an empty file has no groups, as in Prometheus
        expectKind(root, YamlNode::Kind::Map, "the file");
        checkFields(root, {"groups"}, "at the top level (only \"groups\")");
        const YamlNode *list = root.find("groups");
        if (list == nullptr || list->kind == YamlNode::Kind::Null)
            return groups;
        expectKind(*list, YamlNode::Kind::Seq, "groups");
        for (const YamlNode &node : list->seq)
            groups.push_back(group(node, groups));
        return groups;
    }

private:
    [[noreturn]] void fail(const YamlNode &node, const std::string &problem) const
    {
        failAt(m_source, node.line, m_context + problem);
    }

    void expectKind(const YamlNode &node, YamlNode::Kind kind, const std::string &what) const
    {
        if (node.kind != kind)
            fail(node, what + ": expected " + kindName(kind) + ", got " + kindName(node.kind));
    }

    void checkFields(const YamlNode &node, std::initializer_list<std::string_view> known, const char *where) const
    {
        for (const auto &[key, value] : node.map) {
            if (key == "record")
                fail(value, "recording rules (record:) are not supported");
            if (std::find(known.begin(), known.end(), key) == known.end())
                fail(value, "field \"" + key + "\" is not supported " + where);
        }
    }

    std::string scalar(const YamlNode &node, const std::string &what) const
    {
        if (node.kind == YamlNode::Kind::Null)
            return {};
        expectKind(node, YamlNode::Kind::Scalar, what);
        return node.scalar;
    }

    std::optional<double> duration(const YamlNode *node, const std::string &what) const
    {
        if (node == nullptr || node->kind == YamlNode::Kind::Null)
            return std::nullopt;
        const std::string text = scalar(*node, what);
        const auto seconds = PromQlExpression::parseDuration(text);
        if (!seconds)
            fail(*node, what + ": not a valid duration string: \"" + text + "\"");
        return seconds;
    }

    std::map<std::string, std::string> strings(const YamlNode *node, const std::string &what, bool templates) const
    {
        std::map<std::string, std::string> out;
        if (node == nullptr || node->kind == YamlNode::Kind::Null)
            return out;
        expectKind(*node, YamlNode::Kind::Map, what);
        for (const auto &[key, value] : node->map) {
            const std::string where = what + "." + key;
            if (!isLabelName(key))
                fail(value, what + ": invalid name \"" + key + "\"");
            out[key] = scalar(value, where);
            if (templates) {
                if (const auto action = AlertRule::unsupportedAction(out[key]))
                    fail(value, where + ": template action " + *action
                                    + " is not supported (only $value, plain or | humanize or | humanizePercentage)");
            }
        }
        return out;
    }

    AlertRuleFile::Group group(const YamlNode &node, const std::vector<AlertRuleFile::Group> &before)
    {
        m_context.clear();
        expectKind(node, YamlNode::Kind::Map, "group");
        AlertRuleFile::Group group;
        const YamlNode *name = node.find("name");
        group.name = name == nullptr ? "" : scalar(*name, "group name");
        if (group.name.empty())
            fail(node, "group name must not be empty");
        if (std::any_of(before.begin(), before.end(), [&](const auto &g) { return g.name == group.name; }))
            fail(*name, "groupname: \"" + group.name + "\" is repeated in the same file");
        m_context = "group \"" + group.name + "\": ";
        checkFields(node, {"name", "interval", "rules"}, "in a group");
        group.intervalSeconds = duration(node.find("interval"), "interval");

        const YamlNode *rules = node.find("rules");
        if (rules != nullptr && rules->kind != YamlNode::Kind::Null) {
            expectKind(*rules, YamlNode::Kind::Seq, "rules");
            for (std::size_t i = 0; i < rules->seq.size(); ++i)
                group.rules.push_back(rule(rules->seq[i], i + 1));
            group.ruleCount = group.rules.size();
        }
        return group;
    }

    AlertRule rule(const YamlNode &node, std::size_t number)
    {
        const std::string groupContext = m_context;
        m_context = groupContext + "rule " + std::to_string(number) + ": ";
        expectKind(node, YamlNode::Kind::Map, "rule");
        const YamlNode *alert = node.find("alert");
        const std::string name = alert == nullptr ? "" : scalar(*alert, "alert");
        if (!name.empty())
            m_context = "rule " + name + ": ";
        checkFields(node, {"alert", "expr", "for", "labels", "annotations"}, "in a rule");
        if (name.empty())
            fail(node, "field \"alert\" must be set");

        const YamlNode *exprNode = node.find("expr");
        const std::string exprText = exprNode == nullptr ? "" : scalar(*exprNode, "expr");
        if (exprText.find_first_not_of(" \t\n") == std::string::npos)
            fail(exprNode == nullptr ? node : *exprNode, "field 'expr' must be set in rule");
        try {
            PromQlExpression expr(exprText);
            AlertRule rule{name,
                           exprText,
                           std::move(expr),
                           duration(node.find("for"), "for").value_or(0.0),
                           strings(node.find("labels"), "labels", false),
                           strings(node.find("annotations"), "annotations", true)};
            m_context = groupContext;
            return rule;
        } catch (const PromQlError &error) {
            // In a | block the expression's lines are the file's, so the error's line maps back exactly.
            const std::size_t line =
                exprNode->literal ? exprNode->contentLine + error.line() - 1 : exprNode->contentLine;
            failAt(m_source, line, m_context + "expr: " + error.what());
        }
    }

    std::string_view m_source;
    std::string m_context; // "group \"g\": " or "rule NAME: ", before each message
};

} // namespace

AlertRuleFile AlertRuleFile::parse(std::string_view text, std::string_view sourceName)
{
    AlertRuleFile file;
    file.m_groups = RuleReader(sourceName).groups(YamlReader(text, sourceName).document());
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
