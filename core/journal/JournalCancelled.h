#pragma once

#include <stdexcept>

namespace rl {

// Thrown when a progress callback of Journal::open() or an export returns false.
class JournalCancelled : public std::runtime_error {
public:
    JournalCancelled()
        : std::runtime_error("cancelled")
    {
    }
};

} // namespace rl
