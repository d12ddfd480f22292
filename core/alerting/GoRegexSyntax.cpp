#include "core/alerting/GoRegexSyntax.h"

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

#include "core/alerting/PromQlLexer.h"
#include "core/support/Utf8.h"

namespace rl::promql {

namespace {

// One pass over the expression in the order Go's parser reads it, keeping of each open group only what the
// checks need.
class RegexCheck {
public:
    explicit RegexCheck(std::string_view re)
        : m_re(re)
        , m_lastPosixClose(re.rfind(":]"))
    {
    }

    std::optional<std::string> run(bool &matchesEmpty)
    {
        try {
            parse();
        } catch (const Error &error) {
            return "error parsing regexp: " + error.message;
        }
        matchesEmpty = m_frames.front().anyBranchEmpty;
        return std::nullopt;
    }

private:
    struct Operand {
        bool matchesEmpty;
        long need; // the least n for which Go's repeatIsValid(re, n) holds: nested {m} counts multiplied
    };

    // A group being parsed: its finished alternatives, and the concatenation of the current one.
    struct Frame {
        bool anyBranchEmpty = false;
        long branchesNeed = 0;
        bool concatEmpty = true;
        long concatNeed = 0;
        std::optional<Operand> last; // what a repetition operator applies to
    };

    struct Error {
        std::string message;
    };

    [[noreturn]] void fail(const char *code, std::string_view expr) const
    {
        throw Error{std::string(code) + ": `" + std::string(expr) + "`"};
    }

    // The operand a repetition could still apply to joins the concatenation.
    void flush()
    {
        Frame &frame = m_frames.back();
        if (frame.last) {
            frame.concatEmpty = frame.concatEmpty && frame.last->matchesEmpty;
            frame.concatNeed = std::max(frame.concatNeed, frame.last->need);
            frame.last.reset();
        }
    }

    void push(Operand operand)
    {
        flush();
        m_frames.back().last = operand;
    }

    void endBranch()
    {
        flush();
        Frame &frame = m_frames.back();
        frame.anyBranchEmpty = frame.anyBranchEmpty || frame.concatEmpty;
        frame.branchesNeed = std::max(frame.branchesNeed, frame.concatNeed);
        frame.concatEmpty = true;
        frame.concatNeed = 0;
    }

    Rune rune(std::size_t pos) const
    {
        const Rune r = decodeRune(m_re, pos);
        if (r.value == kRuneError && r.width == 1)
            fail("invalid UTF-8", m_re.substr(pos));
        return r;
    }

    bool at(std::size_t pos, char c) const { return pos < m_re.size() && m_re[pos] == c; }

    void parse()
    {
        std::size_t pos = 0;
        std::size_t lastRepeat = std::string_view::npos; // where the previous token started, if a repetition
        while (pos < m_re.size()) {
            std::size_t repeat = std::string_view::npos;
            const char c = m_re[pos];
            if (c == '(' && at(pos + 1, '?')) {
                pos = parsePerlFlags(pos);
            } else if (c == '(') {
                m_frames.emplace_back();
                ++pos;
            } else if (c == '|') {
                endBranch();
                ++pos;
            } else if (c == ')') {
                if (m_frames.size() == 1)
                    fail("unexpected )", m_re);
                endBranch();
                const Operand group{m_frames.back().anyBranchEmpty, m_frames.back().branchesNeed};
                m_frames.pop_back();
                push(group);
                ++pos;
            } else if (c == '^' || c == '$') {
                push({true, 0});
                ++pos;
            } else if (c == '.') {
                push({false, 0});
                ++pos;
            } else if (c == '[') {
                pos = parseClass(pos);
                push({false, 0});
            } else if (c == '*' || c == '+' || c == '?') {
                repeat = pos;
                pos = applyRepeat(pos, pos + 1, lastRepeat, c == '+' ? 1 : 0, c == '?' ? 1 : -1, false);
            } else if (c == '{' && parseRepeat(pos)) {
                repeat = pos;
                pos = applyRepeat(pos, m_repeatEnd, lastRepeat, m_min, m_max, true);
            } else if (c == '\\') {
                pos = parseBackslash(pos);
            } else {
                pos += rune(pos).width;
                push({false, 0});
            }
            lastRepeat = repeat;
        }
        endBranch();
        if (m_frames.size() != 1)
            fail("missing closing )", m_re);
    }

    // (?flags), (?flags:...) and (?P<name>...).
    std::size_t parsePerlFlags(std::size_t start)
    {
        const std::string_view rest = m_re.substr(start);
        if (rest.size() > 4 && rest[2] == 'P' && rest[3] == '<') {
            const std::size_t end = rest.find('>');
            if (end == std::string_view::npos) {
                checkUtf8(start);
                fail("invalid named capture", rest);
            }
            const std::string_view name = rest.substr(4, end - 4);
            if (name.empty() || !std::all_of(name.begin(), name.end(), [](char ch) { return isAlphaNumeric(ch); }))
                fail("invalid named capture", rest.substr(0, end + 1));
            m_frames.emplace_back();
            return start + end + 1;
        }
        std::size_t pos = start + 2;
        bool negated = false;
        bool sawFlag = false;
        while (pos < m_re.size()) {
            const Rune r = rune(pos);
            pos += r.width;
            if (r.value == 'i' || r.value == 'm' || r.value == 's' || r.value == 'U') {
                sawFlag = true;
            } else if (r.value == '-' && !negated) {
                negated = true;
                sawFlag = false;
            } else if ((r.value == ':' || r.value == ')') && (!negated || sawFlag)) {
                if (r.value == ':')
                    m_frames.emplace_back();
                return pos;
            } else {
                break;
            }
        }
        fail("invalid or unsupported Perl syntax", m_re.substr(start, pos - start));
    }

    void checkUtf8(std::size_t pos) const
    {
        while (pos < m_re.size())
            pos += rune(pos).width;
    }

    // {n}, {n,} or {n,m}, its numbers in m_min and m_max (-1: unbounded); false when it is a literal '{'.
    bool parseRepeat(std::size_t pos)
    {
        std::size_t i = pos + 1;
        if (!parseInt(i, m_min))
            return false;
        if (at(i, ',')) {
            ++i;
            if (at(i, '}')) {
                m_max = -1;
            } else if (!parseInt(i, m_max)) {
                return false;
            } else if (m_max < 0) {
                m_min = -1; // too big
            }
        } else {
            m_max = m_min;
        }
        if (!at(i, '}'))
            return false;
        m_repeatEnd = i + 1;
        return true;
    }

    // Decimal digits without a leading zero; -1 when too big.
    bool parseInt(std::size_t &pos, int &value) const
    {
        if (pos >= m_re.size() || !isDigit(static_cast<unsigned char>(m_re[pos])))
            return false;
        if (m_re[pos] == '0' && pos + 1 < m_re.size() && isDigit(static_cast<unsigned char>(m_re[pos + 1])))
            return false;
        value = 0;
        for (; pos < m_re.size() && isDigit(static_cast<unsigned char>(m_re[pos])); ++pos) {
            if (value >= 100000000)
                value = -1;
            else if (value >= 0)
                value = value * 10 + (m_re[pos] - '0');
        }
        return true;
    }

    // A repetition from start to after (a '?' after it makes it non-greedy), of min to max (-1: unbounded).
    std::size_t applyRepeat(std::size_t start, std::size_t after, std::size_t lastRepeat, int min, int max, bool braces)
    {
        if (braces && (min < 0 || min > 1000 || max > 1000 || (max >= 0 && min > max)))
            fail("invalid repeat count", m_re.substr(start, after - start));
        if (at(after, '?'))
            ++after;
        if (lastRepeat != std::string_view::npos)
            fail("invalid nested repetition operator", m_re.substr(lastRepeat, after - lastRepeat));
        std::optional<Operand> &operand = m_frames.back().last;
        if (!operand)
            fail("missing argument to repetition operator", m_re.substr(start, after - start));
        operand->matchesEmpty = operand->matchesEmpty || min == 0;
        if (braces) {
            const long count = max < 0 ? min : max;
            constexpr long kCap = 1000000;
            if (max == 0)
                operand->need = 0;
            else if (count > 0)
                operand->need = std::min(kCap, std::max(count, count * operand->need));
            if ((min >= 2 || max >= 2) && operand->need > 1000)
                fail("invalid repeat count", m_re.substr(start, after - start));
        }
        return after;
    }

    std::size_t parseBackslash(std::size_t pos)
    {
        if (pos + 1 < m_re.size()) {
            switch (m_re[pos + 1]) {
            case 'A':
            case 'B':
            case 'z':
                push({true, 0});
                return pos + 2;
            case 'b':
                push({false, 0});
                return pos + 2;
            case 'C':
                fail("invalid escape sequence", "\\C");
            case 'Q': {
                const std::size_t end = m_re.find("\\E", pos + 2);
                const std::size_t stop = end == std::string_view::npos ? m_re.size() : end;
                for (std::size_t i = pos + 2; i < stop; i += rune(i).width)
                    push({false, 0});
                return end == std::string_view::npos ? stop : end + 2;
            }
            default:
                break;
            }
        }
        if (const std::size_t after = parseClassEscape(pos)) {
            push({false, 0});
            return after;
        }
        pos = parseEscape(pos).second;
        push({false, 0});
        return pos;
    }

    // \pL, \p{Greek}, \PL, \d, \s, \w and their negations: the position after it, or 0 if it is none of them.
    std::size_t parseClassEscape(std::size_t pos) const
    {
        if (!at(pos, '\\') || pos + 1 >= m_re.size())
            return 0;
        const char kind = m_re[pos + 1];
        if (std::string_view("dDsSwW").find(kind) != std::string_view::npos)
            return pos + 2;
        if (kind != 'p' && kind != 'P')
            return 0;
        std::string_view name;
        std::size_t end = 0;
        if (at(pos + 2, '{')) {
            const std::size_t close = m_re.find('}', pos);
            if (close == std::string_view::npos) {
                checkUtf8(pos);
                fail("invalid character class range", m_re.substr(pos));
            }
            name = m_re.substr(pos + 3, close - pos - 3);
            end = close + 1;
        } else {
            end = pos + 2 + rune(pos + 2).width;
            name = m_re.substr(pos + 2, end - pos - 2);
        }
        if (name.starts_with('^'))
            name.remove_prefix(1);
        if (!isUnicodeClass(name))
            fail("invalid character class range", m_re.substr(pos, end - pos));
        return end;
    }

    // Go 1.19's unicode.Categories and unicode.Scripts (Unicode 13), and "Any".
    static bool isUnicodeClass(std::string_view name)
    {
        constexpr std::string_view kClasses =
            "Any C Cc Cf Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl "
            "Zp Zs Adlam Ahom Anatolian_Hieroglyphs Arabic Armenian Avestan Balinese Bamum Bassa_Vah Batak "
            "Bengali Bhaiksuki Bopomofo Brahmi Braille Buginese Buhid Canadian_Aboriginal Carian "
            "Caucasian_Albanian Chakma Cham Cherokee Chorasmian Common Coptic Cuneiform Cypriot Cyrillic Deseret "
            "Devanagari Dives_Akuru Dogra Duployan Egyptian_Hieroglyphs Elbasan Elymaic Ethiopic Georgian "
            "Glagolitic Gothic Grantha Greek Gujarati Gunjala_Gondi Gurmukhi Han Hangul Hanifi_Rohingya Hanunoo "
            "Hatran Hebrew Hiragana Imperial_Aramaic Inherited Inscriptional_Pahlavi Inscriptional_Parthian "
            "Javanese Kaithi Kannada Katakana Kayah_Li Kharoshthi Khitan_Small_Script Khmer Khojki Khudawadi Lao "
            "Latin Lepcha Limbu Linear_A Linear_B Lisu Lycian Lydian Mahajani Makasar Malayalam Mandaic "
            "Manichaean Marchen Masaram_Gondi Medefaidrin Meetei_Mayek Mende_Kikakui Meroitic_Cursive "
            "Meroitic_Hieroglyphs Miao Modi Mongolian Mro Multani Myanmar Nabataean Nandinagari New_Tai_Lue Newa "
            "Nko Nushu Nyiakeng_Puachue_Hmong Ogham Ol_Chiki Old_Hungarian Old_Italic Old_North_Arabian "
            "Old_Permic Old_Persian Old_Sogdian Old_South_Arabian Old_Turkic Oriya Osage Osmanya Pahawh_Hmong "
            "Palmyrene Pau_Cin_Hau Phags_Pa Phoenician Psalter_Pahlavi Rejang Runic Samaritan Saurashtra Sharada "
            "Shavian Siddham SignWriting Sinhala Sogdian Sora_Sompeng Soyombo Sundanese Syloti_Nagri Syriac "
            "Tagalog Tagbanwa Tai_Le Tai_Tham Tai_Viet Takri Tamil Tangut Telugu Thaana Thai Tibetan Tifinagh "
            "Tirhuta Ugaritic Vai Wancho Warang_Citi Yezidi Yi Zanabazar_Square";
        for (std::size_t pos = 0; pos < kClasses.size();) {
            const std::size_t end = std::min(kClasses.find(' ', pos), kClasses.size());
            if (kClasses.substr(pos, end - pos) == name)
                return true;
            pos = end + 1;
        }
        return false;
    }

    // A backslash escape standing for one character: the character and the position after it.
    std::pair<char32_t, std::size_t> parseEscape(std::size_t start) const
    {
        std::size_t pos = start + 1;
        if (pos >= m_re.size())
            fail("trailing backslash at end of expression", "");
        const Rune r = rune(pos);
        pos += r.width;
        const char32_t c = r.value;
        const auto octal = [&](std::size_t i) { return i < m_re.size() && m_re[i] >= '0' && m_re[i] <= '7'; };
        const auto unhex = [](char32_t ch) -> int {
            const auto lower = static_cast<char32_t>(ch | 0x20);
            return isDigit(ch) ? static_cast<int>(ch - '0')
                               : (lower >= 'a' && lower <= 'f' ? int(lower - 'a') + 10 : -1);
        };
        if (c == '0' || (c >= '1' && c <= '7' && octal(pos))) {
            char32_t value = c - '0';
            for (int i = 1; i < 3 && octal(pos); ++i)
                value = value * 8 + static_cast<char32_t>(m_re[pos++] - '0');
            return {value, pos};
        }
        if (c == 'x' && pos < m_re.size()) {
            const Rune first = rune(pos);
            pos += first.width;
            if (first.value == '{') {
                char32_t value = 0;
                int digits = 0;
                for (;;) {
                    if (pos >= m_re.size())
                        fail("invalid escape sequence", m_re.substr(start, pos - start));
                    const Rune d = rune(pos);
                    pos += d.width;
                    if (d.value == '}')
                        break;
                    if (unhex(d.value) < 0 || (value = value * 16 + static_cast<char32_t>(unhex(d.value))) > 0x10FFFF)
                        fail("invalid escape sequence", m_re.substr(start, pos - start));
                    ++digits;
                }
                if (digits == 0)
                    fail("invalid escape sequence", m_re.substr(start, pos - start));
                return {value, pos};
            }
            const Rune second = rune(pos);
            pos += second.width;
            if (unhex(first.value) < 0 || unhex(second.value) < 0)
                fail("invalid escape sequence", m_re.substr(start, pos - start));
            return {static_cast<char32_t>(unhex(first.value) * 16 + unhex(second.value)), pos};
        }
        constexpr std::string_view kControls = "afnrtv";
        if (c < 0x80 && kControls.find(static_cast<char>(c)) != std::string_view::npos)
            return {std::string_view("\a\f\n\r\t\v")[kControls.find(static_cast<char>(c))], pos};
        // Any other ASCII but a letter or digit stands for itself.
        if (c < 0x80 && (c == '_' || !isAlphaNumeric(c)))
            return {c, pos};
        fail("invalid escape sequence", m_re.substr(start, pos - start));
    }

    // [...]: the position after it.
    std::size_t parseClass(std::size_t start)
    {
        std::size_t pos = start + 1;
        if (at(pos, '^'))
            ++pos;
        for (bool first = true; pos >= m_re.size() || m_re[pos] != ']' || first; first = false) {
            if (m_re.size() - std::min(pos, m_re.size()) > 2 && m_re[pos] == '[' && m_re[pos + 1] == ':') {
                // Go takes the nearest ":]" anywhere after it; the last one says cheaply whether there is one.
                const bool closed = m_lastPosixClose != std::string_view::npos && m_lastPosixClose >= pos + 2;
                const std::size_t close = closed ? m_re.find(":]", pos + 2) : std::string_view::npos;
                if (close != std::string_view::npos) {
                    const std::string_view name = m_re.substr(pos, close + 2 - pos);
                    if (!isPosixClass(name))
                        fail("invalid character class range", name);
                    pos = close + 2;
                    continue;
                }
            }
            if (const std::size_t after = parseClassEscape(pos)) {
                pos = after;
                continue;
            }
            const std::size_t rangeStart = pos;
            const auto [low, afterLow] = parseClassChar(pos, start);
            pos = afterLow;
            if (pos + 1 < m_re.size() && m_re[pos] == '-' && m_re[pos + 1] != ']') {
                const auto [high, afterHigh] = parseClassChar(pos + 1, start);
                pos = afterHigh;
                if (high < low)
                    fail("invalid character class range", m_re.substr(rangeStart, pos - rangeStart));
            }
        }
        return pos + 1;
    }

    std::pair<char32_t, std::size_t> parseClassChar(std::size_t pos, std::size_t classStart) const
    {
        if (pos >= m_re.size())
            fail("missing closing ]", m_re.substr(classStart));
        if (m_re[pos] == '\\')
            return parseEscape(pos);
        const Rune r = rune(pos);
        return {r.value, pos + r.width};
    }

    static bool isPosixClass(std::string_view name)
    {
        constexpr std::array<std::string_view, 14> kNames{"alnum", "alpha", "ascii", "blank", "cntrl",
                                                          "digit", "graph", "lower", "print", "punct",
                                                          "space", "upper", "word",  "xdigit"};
        std::string_view inner = name.substr(2, name.size() - 4);
        if (inner.starts_with('^'))
            inner.remove_prefix(1);
        return std::find(kNames.begin(), kNames.end(), inner) != kNames.end();
    }

    std::string_view m_re;
    std::size_t m_lastPosixClose;
    std::vector<Frame> m_frames = std::vector<Frame>(1);
    int m_min = 0;
    int m_max = 0;
    std::size_t m_repeatEnd = 0;
};

} // namespace

std::optional<std::string> checkGoRegex(std::string_view re, bool &matchesEmpty)
{
    return RegexCheck(re).run(matchesEmpty);
}

} // namespace rl::promql
