#include "core/alerting/Runbook.h"

#include <algorithm>
#include <array>
#include <utility>

namespace rl {

namespace {

std::string_view trimmed(std::string_view text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

// Alerts of the rule file that have no section of their own in the runbook, and the section that covers
// them: the success rate falls when items fail (the rule shares the failures runbook_url), and a drop in
// the processing rate is a performance question (its runbook_url is rl-feedback-performance).
constexpr std::array<std::pair<std::string_view, std::string_view>, 2> kCoveredBy{{
    {"RLFeedbackSuccessRateLow", "RLFeedbackProcessingFailures"},
    {"RLFeedbackProcessingRateDropped", "Performance Tuning"},
}};

} // namespace

Runbook::Runbook(std::string_view markdown)
{
    struct Heading {
        int level;
        std::string title;
        std::size_t bodyStart; // offset of the line after the heading
        std::size_t lineStart; // offset of the heading line
    };
    std::vector<Heading> headings;
    bool inFence = false;
    for (std::size_t pos = 0; pos < markdown.size();) {
        const auto end = std::min(markdown.find('\n', pos), markdown.size());
        const std::string_view line = markdown.substr(pos, end - pos);
        const std::string_view text = trimmed(line);
        if (text.starts_with("```") || text.starts_with("~~~")) {
            inFence = !inFence;
        } else if (!inFence && line.starts_with('#')) {
            const auto level = line.find_first_not_of('#');
            if (level != std::string_view::npos && level <= 6 && (line[level] == ' ' || line[level] == '\t')) {
                // A closing run of '#' is not part of the title.
                std::string_view title = trimmed(line.substr(level));
                title = trimmed(title.substr(0, title.find_last_not_of('#') + 1));
                headings.push_back(
                    {static_cast<int>(level), std::string(title), std::min(end + 1, markdown.size()), pos});
            }
        }
        pos = end + 1;
    }

    for (std::size_t i = 0; i < headings.size(); ++i) {
        std::size_t bodyEnd = markdown.size();
        for (std::size_t j = i + 1; j < headings.size(); ++j) {
            if (headings[j].level <= headings[i].level) {
                bodyEnd = headings[j].lineStart;
                break;
            }
        }
        const std::size_t start = headings[i].bodyStart;
        std::string_view body = markdown.substr(start, std::max(bodyEnd, start) - start);
        // Drop surrounding blank lines but keep the first line's indentation.
        for (auto newline = body.find('\n');
             newline != std::string_view::npos && trimmed(body.substr(0, newline)).empty(); newline = body.find('\n'))
            body.remove_prefix(newline + 1);
        body = body.substr(0, body.find_last_not_of(" \t\r\n") + 1);
        m_sections.push_back({headings[i].level, std::move(headings[i].title), std::string(body)});
    }
}

std::optional<std::string> Runbook::section(std::string_view title) const
{
    const std::string_view wanted = trimmed(title);
    for (const Section &section : m_sections) {
        if (section.title == wanted)
            return section.body;
    }
    return std::nullopt;
}

std::optional<std::string> Runbook::sectionFor(std::string_view alertName) const
{
    const std::string_view name = trimmed(alertName);
    if (name.empty())
        return std::nullopt;
    for (const Section &section : m_sections) {
        // The title may list several alerts separated by '/'.
        std::string_view rest = section.title;
        while (!rest.empty()) {
            const auto slash = std::min(rest.find('/'), rest.size());
            if (trimmed(rest.substr(0, slash)) == name)
                return section.body;
            rest.remove_prefix(std::min(slash + 1, rest.size()));
        }
    }
    for (const auto &[alert, coveredBy] : kCoveredBy) {
        if (alert == name)
            return sectionFor(coveredBy); // a title, or another alert's section
    }
    return std::nullopt;
}

std::vector<std::string> Runbook::checklistItems() const
{
    std::vector<std::string> items;
    const auto checklist = section("Troubleshooting Checklist");
    if (!checklist)
        return items;
    std::string_view rest = *checklist;
    while (!rest.empty()) {
        const auto end = std::min(rest.find('\n'), rest.size());
        std::string_view item = trimmed(rest.substr(0, end));
        rest.remove_prefix(std::min(end + 1, rest.size()));
        if (!(item.starts_with("- ") || item.starts_with("* ") || item.starts_with("+ ")))
            continue;
        item = trimmed(item.substr(2));
        for (const std::string_view box : {"[ ]", "[x]", "[X]"}) {
            if (item.starts_with(box))
                item = trimmed(item.substr(box.size()));
        }
        items.emplace_back(item);
    }
    return items;
}

} // namespace rl
