#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "core/bandit/Policy.h"
#include "core/feedback/ModelCatalogue.h"
#include "core/journal/JournalOptions.h"
#include "core/loop/LoopConfig.h"

namespace rl {

// Everything the engine needs to start, built from the environment and the command line.
struct EngineOptions {
    static constexpr double kMaxEmissionRate = 600000.0; // simulator items per minute (10,000 per second)

    LoopConfig loop;
    std::string policy{kDefaultPolicy};
    std::optional<std::uint64_t> seed; // seeds the policy and the simulator; unset keeps each one's default
    double emissionRate = 30.0;        // simulator items per minute
    bool simulatorEnabled = true;
    std::optional<ModelCatalogue> catalogue; // unset: ModelCatalogue::defaults()
    double snapshotsPerSecond = 25.0;        // the cap on snapshotReady
    // The router's bounds (unset: RouterConfig's); a deep drain needs room for every item and its decision.
    std::optional<std::size_t> queueCapacity;
    std::optional<std::size_t> historyCapacity;
    // Where the engine keeps its journal (decisions, feedback, checkpoints); unset: in memory only.
    std::optional<JournalOptions> journal;
};

} // namespace rl
