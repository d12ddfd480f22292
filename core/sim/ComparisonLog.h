#pragma once

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "core/sim/Comparison.h"

namespace rl {

// A comparison's finished runs in a file, so one cut short (Ctrl+C, a crash, a closed window) resumes where it
// stopped: a header line naming the comparison's fingerprint, then a JSON line per run, each flushed as the
// run finishes. Not synced to disk: a run lost with the machine is only computed again.
class ComparisonLog {
public:
    static constexpr std::size_t kMaxFileBytes = std::size_t(256) << 20;

    // Opens path, creating it, and reads the runs it holds. A last line cut short (the process died while
    // writing it) is dropped. Throws InputError naming the file when it cannot be read or written or holds
    // another comparison's runs, and std::invalid_argument naming file and line for a malformed line.
    ComparisonLog(const std::string &path, const Comparison &comparison);

    const std::vector<ComparisonRun> &saved() const { return m_saved; }
    // Throws InputError when the file cannot be written.
    void append(const ComparisonRun &run);

private:
    struct Closer {
        void operator()(std::FILE *file) const { std::fclose(file); }
    };

    std::string m_path;
    std::vector<ComparisonRun> m_saved;
    std::unique_ptr<std::FILE, Closer> m_file;
};

} // namespace rl
