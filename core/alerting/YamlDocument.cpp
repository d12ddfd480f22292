#include "core/alerting/YamlDocument.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <optional>
#include <sstream>
#include <unordered_map>
#include <vector>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include "core/support/Utf8.h"

namespace rl {

namespace {

// Prometheus sets no limit; a rule file this large is a mistake or an attack.
constexpr std::size_t kMaxFileBytes = 16 * 1024 * 1024;
// A rule file nests 6 levels deep (groups, a group, rules, a rule, labels, a label).
constexpr std::size_t kMaxNesting = 64;
// yaml-cpp keeps every token of a flow collection nested in another until the outer one closes: about
// 100 bytes of memory per byte of text.
constexpr std::size_t kMaxNestedFlowBytes = 2 * 1024 * 1024;

[[noreturn]] void fail(std::size_t line, const std::string &problem)
{
    throw YamlError(line, problem);
}

std::string hex(unsigned value, int digits)
{
    std::array<char, 16> text{};
    std::snprintf(text.data(), text.size(), "%0*X", digits, value);
    return text.data();
}

// Go's yaml reads UTF-16 after its byte order mark; yaml-cpp would too, but positions here are in UTF-8.
std::string fromUtf16(std::string_view bytes, bool bigEndian)
{
    const auto unit = [&](std::size_t at) {
        const auto first = static_cast<unsigned char>(bytes[at]);
        const auto second = static_cast<unsigned char>(bytes[at + 1]);
        return static_cast<char32_t>(bigEndian ? first << 8 | second : second << 8 | first);
    };
    std::string out;
    std::size_t line = 1;
    for (std::size_t at = 0; at < bytes.size(); at += 2) {
        if (at + 1 == bytes.size())
            fail(line, "incomplete UTF-16 character");
        char32_t c = unit(at);
        if (c >= 0xDC00 && c <= 0xDFFF)
            fail(line, "invalid UTF-16: a low surrogate without a high one");
        if (c >= 0xD800 && c <= 0xDBFF) {
            const char32_t low = at + 3 < bytes.size() ? unit(at + 2) : 0;
            if (low < 0xDC00 || low > 0xDFFF)
                fail(line, "invalid UTF-16: a high surrogate without a low one");
            c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
            at += 2;
        }
        line += c == '\n' ? 1 : 0;
        appendUtf8(out, c);
    }
    return out;
}

// Go's yaml reads only UTF-8 of printable characters: no C0 or C1 controls but tab, line breaks and NEL.
void checkCharacters(std::string_view text)
{
    std::size_t line = 1;
    for (std::size_t at = 0; at < text.size();) {
        const auto [c, width] = decodeRune(text, at);
        if (c == kRuneError && width == 1)
            fail(line, "invalid UTF-8 (byte 0x" + hex(static_cast<unsigned char>(text[at]), 2) + ")");
        const bool printable = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0x7E) || c == 0x85
                               || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
        if (!printable)
            fail(line, "control character U+" + hex(c, 4) + " is not allowed");
        line += c == '\n' ? 1 : 0;
        at += width;
    }
}

// Calls f(line, number) for each line, without its line break.
template<typename F>
void forEachLine(std::string_view text, F f)
{
    for (std::size_t number = 1; !text.empty(); ++number) {
        const std::size_t end = std::min(text.find('\n'), text.size());
        if (!f(text.substr(0, end), number))
            return;
        text.remove_prefix(std::min(end + 1, text.size()));
    }
}

bool isBlank(std::string_view line)
{
    return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

// Go's yaml knows the directives %YAML (of version 1.1 only) and %TAG, which must come before a "---".
// yaml-cpp ignores what it does not know.
void checkDirectives(std::string_view text)
{
    bool directives = false; // waiting for "---"
    forEachLine(text, [&](std::string_view line, std::size_t number) {
        if (line.starts_with('%')) {
            const auto word = [&line] {
                line.remove_prefix(std::min(line.find_first_not_of(" \t"), line.size()));
                const std::string_view word = line.substr(0, line.find_first_of(" \t\r#"));
                line.remove_prefix(word.size());
                return word;
            };
            const std::string_view name = word().substr(1);
            if (name != "YAML" && name != "TAG")
                fail(number, "unknown directive %" + std::string(name));
            if (const std::string_view version = word(); name == "YAML" && version != "1.1")
                fail(number, "%YAML " + std::string(version) + ": Prometheus reads YAML 1.1 only");
            directives = true;
        } else if (directives && !isBlank(line) && !line.starts_with('#')) {
            if (!line.starts_with("---"))
                fail(number, "a document after directives must start with \"---\"");
            directives = false;
        }
        return true;
    });
}

// Bounds, before yaml-cpp recurses or buffers, how deep the text nests, from a cheap estimate line by line:
// the block levels (indentation and "- " entries) plus the open flow collections ([...], {...}), skipping
// comments, quoted text and block scalars.
void checkNesting(std::string_view text)
{
    std::vector<std::size_t> blocks; // the columns of the open block nodes
    std::size_t flows = 0;
    std::size_t nestedFlowBytes = 0;
    char quote = 0;                         // in a quoted scalar that goes on over lines
    std::optional<std::size_t> blockScalar; // in a block scalar: its lines are indented more than this
    forEachLine(text, [&](std::string_view line, std::size_t number) {
        const std::size_t indent = std::min(line.find_first_not_of(' '), line.size());
        if (blockScalar && (isBlank(line) || indent > *blockScalar))
            return true;
        blockScalar.reset();
        // Go's yaml rejects a tab before the first token of a line in block context, even a comment's.
        const std::string_view leading = line.substr(0, line.find_first_not_of(" \t"));
        if (quote == 0 && flows == 0 && leading.find('\t') != std::string_view::npos)
            fail(number, "tabs are not allowed in indentation");
        if (quote == 0 && (isBlank(line) || line[indent] == '#'))
            return true;
        const bool block = quote == 0 && flows == 0;
        if (block) {
            while (!blocks.empty() && blocks.back() > indent)
                blocks.pop_back();
            if (blocks.empty() || blocks.back() < indent)
                blocks.push_back(indent);
        }
        std::size_t maxFlows = flows;
        bool node = true;           // a node may start here
        std::size_t key = indent;   // where the current key (or scalar) starts
        std::size_t owner = indent; // the column of the node a block scalar here belongs to
        for (std::size_t i = block ? indent : 0; i < line.size(); ++i) {
            const char c = line[i];
            if (quote != 0) {
                if (c == '\\' && quote == '"')
                    ++i;
                else if (c == quote && quote == '\'' && i + 1 < line.size() && line[i + 1] == '\'')
                    ++i;
                else if (c == quote)
                    quote = 0;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r')
                continue;
            if (c == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t'))
                break;
            const bool separated =
                i + 1 == line.size() || line[i + 1] == ' ' || line[i + 1] == '\t' || line[i + 1] == '\r';
            if (node && (c == '"' || c == '\'')) {
                quote = c;
                key = i;
                node = false;
            } else if ((node || flows > 0) && (c == '[' || c == '{')) {
                maxFlows = std::max(maxFlows, ++flows);
                node = true;
            } else if (flows > 0 && (c == ']' || c == '}')) {
                --flows;
                node = false;
            } else if (flows > 0 && c == ',') {
                node = true;
            } else if (flows == 0 && node && separated && (c == '-' || c == '?')) {
                owner = i;
                // The entry's content is a level deeper, where it starts.
                const std::size_t content = line.find_first_not_of(" \t\r", i + 1);
                if (content != std::string_view::npos && line[content] != '#')
                    blocks.push_back(content);
            } else if (c == ':' && separated) {
                owner = key;
                node = true;
            } else if (flows == 0 && node && (c == '|' || c == '>')) {
                blockScalar = owner;
                break;
            } else if (node && (c == '&' || c == '!')) {
                // An anchor or a tag: the node follows.
                i = std::min(line.find_first_of(" \t\r", i), line.size());
            } else {
                key = node ? i : key;
                node = false;
            }
        }
        if (blocks.size() + maxFlows > kMaxNesting)
            fail(number, "nested more than " + std::to_string(kMaxNesting) + " levels deep");
        nestedFlowBytes += maxFlows >= 2 ? line.size() + 1 : 0;
        if (nestedFlowBytes > kMaxNestedFlowBytes)
            fail(number, "flow collections ([...], {...}) nested in one another hold more than 2 MiB here, "
                         "which the YAML reader would keep in memory at once: write the file in block style");
        return true;
    });
}

// Builds the tree from yaml-cpp's events, keeping what its node API would drop.
class Builder : public YAML::EventHandler {
public:
    Builder(std::deque<YamlNode> &nodes, std::string_view text)
        : m_nodes(nodes)
        , m_text(text)
    {
    }

    const YamlNode *root() const { return m_root; }

    void OnDocumentStart(const YAML::Mark &mark) override
    {
        m_explicitStart = m_text.substr(std::min(static_cast<std::size_t>(mark.pos), m_text.size())).starts_with("---");
    }

    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        std::string text = nullText(mark, !m_open.empty() && atKey());
        if (text.empty())
            checkEmpty(mark);
        add(YamlNode::Kind::Null, mark, anchor).text = std::move(text);
    }

    void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        const Anchor &target = m_anchors.at(anchor);
        YamlNode &node = add(YamlNode::Kind::Alias, mark, YAML::NullAnchor);
        node.text = target.name;
        node.anchored = target.node;
    }

    void OnScalar(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                  const std::string &value) override
    {
        YamlNode &node = add(YamlNode::Kind::Scalar, mark, anchor);
        node.text = value;
        const std::size_t start = contentStart(mark);
        const char first = start < m_text.size() ? m_text[start] : '\0';
        if (tag != "?")
            node.style = first == '|'   ? YamlNode::Style::Literal
                         : first == '>' ? YamlNode::Style::Folded
                                        : YamlNode::Style::Quoted;
        if (first == '"' || first == '\'')
            checkQuoted(start, node.line);
        if (node.style == YamlNode::Style::Literal || node.style == YamlNode::Style::Folded)
            checkBlockIndentation(start, node.line);
    }

    void OnSequenceStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value style) override
    {
        m_open.push_back({&add(YamlNode::Kind::Sequence, mark, anchor), style == YAML::EmitterStyle::Flow});
    }

    void OnSequenceEnd() override { m_open.pop_back(); }

    void OnMapStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value style) override
    {
        m_open.push_back({&add(YamlNode::Kind::Mapping, mark, anchor), style == YAML::EmitterStyle::Flow});
    }

    void OnMapEnd() override { m_open.pop_back(); }

    void OnAnchor(const YAML::Mark &, const std::string &name) override { m_anchorName = name; }

private:
    struct Anchor {
        const YamlNode *node;
        std::string name;
    };

    YamlNode &add(YamlNode::Kind kind, const YAML::Mark &mark, YAML::anchor_t anchor)
    {
        YamlNode &node = m_nodes.emplace_back();
        node.kind = kind;
        node.line = static_cast<std::size_t>(mark.line) + 1;
        if (m_open.empty()) {
            m_root = &node;
        } else {
            if (atKey())
                m_keyPos = mark.pos;
            m_open.back().node->children.push_back(&node);
        }
        if (anchor != YAML::NullAnchor)
            m_anchors[anchor] = {&node, m_anchorName};
        return node;
    }

    bool atKey() const
    {
        const YamlNode &parent = *m_open.back().node;
        return parent.kind == YamlNode::Kind::Mapping && parent.children.size() % 2 == 0;
    }

    // yaml-cpp takes for an empty node what Go's yaml rejects: a missing key, a missing item between commas, a
    // plain scalar ending a block mapping without a ":" (a key whose null value is where it is), any text
    // where a document should start.
    void checkEmpty(const YAML::Mark &mark) const
    {
        const std::size_t line = static_cast<std::size_t>(mark.line) + 1;
        if (m_open.empty()) {
            const std::string_view rest = m_text.substr(contentStart(mark));
            const bool ended = rest.starts_with("---") || rest.starts_with("...") || rest.starts_with('%');
            if (!rest.empty() && !(m_explicitStart && ended))
                fail(line, "did not find expected node content");
            return;
        }
        const auto [parent, flow] = m_open.back();
        if (atKey())
            fail(line, "did not find expected key");
        if (parent->kind == YamlNode::Kind::Sequence && flow)
            fail(line, "did not find expected node content");
        if (parent->kind == YamlNode::Kind::Mapping && mark.pos == m_keyPos)
            fail(line, "could not find expected ':'");
    }

    // Where a node is written: its mark is at its anchor or tag, if it has one.
    std::size_t contentStart(const YAML::Mark &mark) const
    {
        std::size_t pos = std::min(static_cast<std::size_t>(mark.pos), m_text.size());
        while (pos < m_text.size() && (m_text[pos] == '&' || m_text[pos] == '!')) {
            pos = std::min(m_text.find_first_of(" \t\r\n", pos), m_text.size());
            pos = std::min(m_text.find_first_not_of(" \t\r\n", pos), m_text.size());
        }
        return pos;
    }

    // "~", "null", "Null" or "NULL" as written, or "" for an empty value, whose mark is the next token's (a
    // key's, if the null is not one).
    std::string nullText(const YAML::Mark &mark, bool key) const
    {
        const std::string_view rest = m_text.substr(contentStart(mark));
        const std::size_t end = std::min(rest.find_first_of(" \t\r\n,:]}"), rest.size());
        const std::string_view word = rest.substr(0, end);
        const std::string_view after = rest.substr(std::min(rest.find_first_not_of(" \t", end), rest.size()));
        const bool null = word == "~" || word == "null" || word == "Null" || word == "NULL";
        return null && (key || !after.starts_with(':')) ? std::string(word) : std::string();
    }

    // yaml-cpp closes a quoted scalar left open at the end of the text, and knows JSON's escape "\/", which
    // yaml.v3 does not.
    void checkQuoted(std::size_t pos, std::size_t line) const
    {
        const char quote = m_text[pos];
        for (++pos; pos < m_text.size(); ++pos) {
            if (m_text[pos] == quote) {
                if (quote == '"' || pos + 1 == m_text.size() || m_text[pos + 1] != '\'')
                    return;
                ++pos; // '' stands for '
            } else if (quote == '"' && m_text[pos] == '\\' && pos + 1 < m_text.size() && m_text[++pos] == '/') {
                fail(line, "found unknown escape character \"\\/\"");
            }
            line += m_text[pos] == '\n' ? 1 : 0;
        }
        fail(line, "a quoted string is not closed at the end of the file");
    }

    // yaml.v3 rejects a tab where a block scalar's indentation is yet to be found; yaml-cpp takes it as text.
    void checkBlockIndentation(std::size_t pos, std::size_t line) const
    {
        const std::size_t headerEnd = std::min(m_text.find('\n', pos), m_text.size());
        const std::string_view header = m_text.substr(pos, headerEnd - pos);
        if (header.find_first_of("123456789") < header.find('#'))
            return; // the indentation is given
        for (pos = headerEnd; pos < m_text.size(); pos = std::min(m_text.find('\n', pos + 1), m_text.size())) {
            ++line;
            const std::size_t text = m_text.find_first_not_of(' ', pos + 1);
            if (text == std::string_view::npos)
                return;
            if (m_text[text] == '\t')
                fail(line, "found a tab character where an indentation space is expected");
            if (m_text[text] != '\n' && m_text[text] != '\r')
                return; // the first line with text sets the indentation
        }
    }

    std::deque<YamlNode> &m_nodes;
    std::string_view m_text;
    const YamlNode *m_root = nullptr;
    struct Open {
        YamlNode *node;
        bool flow; // [...] or {...}
    };

    std::vector<Open> m_open; // the collections being read
    std::unordered_map<YAML::anchor_t, Anchor> m_anchors;
    std::string m_anchorName;     // of the node whose event comes next
    int m_keyPos = -1;            // where the last key read is
    bool m_explicitStart = false; // the document starts with "---"
};

// Whether the line's indentation has a tab: yaml-cpp's messages for it are obscure.
bool indentedWithTab(std::string_view text, std::size_t wanted)
{
    bool tab = false;
    forEachLine(text, [&](std::string_view line, std::size_t number) {
        const std::string_view indentation = line.substr(0, line.find_first_not_of(" \t"));
        tab = number == wanted && indentation.find('\t') != std::string_view::npos;
        return number < wanted;
    });
    return tab;
}

} // namespace

std::size_t YamlNode::fileLine(std::size_t lineInValue) const
{
    switch (style) {
    case Style::Literal:
        return line + lineInValue;
    case Style::Folded:
        return line + 1;
    default:
        return line;
    }
}

YamlDocument::YamlDocument(std::string_view text)
{
    if (text.size() > kMaxFileBytes)
        fail(1, "the file has " + std::to_string(text.size()) + " bytes; a rule file may have at most 16 MiB");
    std::string utf8;
    if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF"))
        utf8 = fromUtf16(text.substr(2), text[0] == '\xFE');
    else
        utf8 = text.substr(text.starts_with("\xEF\xBB\xBF") ? 3 : 0);
    // A CR alone breaks a line in YAML, but not to yaml-cpp.
    for (std::size_t cr = utf8.find('\r'); cr != std::string::npos; cr = utf8.find('\r', cr + 1)) {
        if (cr + 1 == utf8.size() || utf8[cr + 1] != '\n')
            utf8[cr] = '\n';
    }
    checkCharacters(utf8);
    checkDirectives(utf8);
    checkNesting(utf8);

    std::istringstream stream(utf8);
    Builder builder(m_nodes, utf8);
    try {
        YAML::Parser parser(stream);
        parser.HandleNextDocument(builder); // Prometheus reads the first document only
    } catch (const YAML::DeepRecursion &error) {
        fail(static_cast<std::size_t>(error.mark.line) + 1, "nested too deeply");
    } catch (const YAML::Exception &error) {
        const std::size_t line = error.mark.is_null() ? 1 : static_cast<std::size_t>(error.mark.line) + 1;
        fail(line, indentedWithTab(utf8, line) ? "tabs are not allowed in indentation" : "invalid YAML: " + error.msg);
    }
    m_root = builder.root() != nullptr ? builder.root() : &m_nodes.emplace_back();
}

} // namespace rl
