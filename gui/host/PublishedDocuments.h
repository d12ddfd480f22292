#pragma once

#include <string>

namespace rl {

// The host's state as the HTTP server's threads read it: rendered on the UI thread after each snapshot
// and its alert evaluation, then handed over whole, so a reader never sees a half-updated state or waits
// on the UI thread.
struct PublishedDocuments {
    std::string health;      // GET /health
    std::string alerts;      // GET /api/v1/alerts
    std::string rules;       // GET /api/v1/rules (and ?type=alert: every rule is an alerting rule)
    std::string recordRules; // GET /api/v1/rules?type=record
};

} // namespace rl
