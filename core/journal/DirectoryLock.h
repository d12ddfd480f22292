#pragma once

// Private to core/journal.

#include <string>

namespace rl {

// An exclusive lock on a journal directory (flock on DIR/journal.lock), held for the journal's life, so two
// engines never write one journal: SQLite would serialise their commits, but each would number feedback
// and count totals on its own and the accounting would stop adding up. The kernel drops the lock when the
// process dies, kill -9 included, so a crash never leaves the directory locked.
class DirectoryLock {
public:
    // Throws std::runtime_error when another process (or another Journal in this one) holds it.
    explicit DirectoryLock(const std::string &directory);
    ~DirectoryLock();
    DirectoryLock(const DirectoryLock &) = delete;
    DirectoryLock &operator=(const DirectoryLock &) = delete;

private:
    int m_fd = -1;
};

} // namespace rl
