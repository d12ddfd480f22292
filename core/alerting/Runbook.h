#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rl {

// A Markdown runbook split at its ATX headings (# ... ######; lines inside ``` fences are not headings), to
// show the section that answers an alert.
class Runbook {
public:
    struct Section {
        int level;         // number of '#'
        std::string title; // heading text, trimmed
        std::string body;  // Markdown up to the next heading of the same or a higher level, trimmed of blank lines
    };

    explicit Runbook(std::string_view markdown);

    const std::vector<Section> &sections() const { return m_sections; }

    // The body of the first section with this title (exact, after trimming).
    std::optional<std::string> section(std::string_view title) const;

    // The body of the section whose title lists the alert ("### RLFeedbackQueueDepthHigh /
    // RLFeedbackQueueDepthCritical"), else of the section covering it by another name (see Runbook.cpp).
    std::optional<std::string> sectionFor(std::string_view alertName) const;

    // The bullet items of "## Troubleshooting Checklist", "[ ]" / "[x]" markers stripped.
    std::vector<std::string> checklistItems() const;

private:
    std::vector<Section> m_sections;
};

} // namespace rl
