#pragma once

#include <cstdint>
#include <string>

namespace rl {

// Which state of the policy made a decision: the generation counts switches and resets (each starts
// learning afresh), the updates the items learned within the generation. "GENERATION.UPDATES".
struct PolicyVersion {
    std::uint64_t generation = 1;
    std::uint64_t updates = 0;

    std::string toString() const { return std::to_string(generation) + "." + std::to_string(updates); }
};

} // namespace rl
