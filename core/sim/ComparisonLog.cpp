#include "core/sim/ComparisonLog.h"

#include <cerrno>
#include <cstring>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "core/support/InputFile.h"
#include "core/support/JsonReader.h"

namespace rl {

namespace {

constexpr const char *kFormat = "rlstudio-compare";

} // namespace

ComparisonLog::ComparisonLog(const std::string &path, const Comparison &comparison)
    : m_path(path)
{
    const auto failSystem = [&path](const char *doing) {
        throw InputError(path + ": cannot " + doing + ": " + std::strerror(errno));
    };
    const nlohmann::json header{{"format", kFormat},
                                {"fingerprint", comparison.fingerprint()},
                                {"rounds", comparison.rounds()},
                                {"checkpoints", comparison.checkpoints().size()}};
    std::error_code error;
    const bool exists = std::filesystem::exists(path, error);
    std::string text = exists ? readInputFile(path, kMaxFileBytes, "a comparison's saved runs") : std::string();

    // A last line without its newline was being written when the process died.
    const std::size_t complete = text.rfind('\n') == std::string::npos ? 0 : text.rfind('\n') + 1;
    if (complete < text.size()) {
        std::filesystem::resize_file(path, complete, error);
        if (error)
            throw InputError(path + ": cannot drop its unfinished last line: " + error.message());
        text.resize(complete);
    }
    std::size_t lineNumber = 0;
    for (std::size_t start = 0; start < text.size();) {
        const std::size_t end = text.find('\n', start);
        const std::string where = path + ":" + std::to_string(++lineNumber);
        const nlohmann::json line = parseJson(std::string_view(text).substr(start, end - start), where);
        if (lineNumber == 1) {
            if (!line.is_object() || line.value("format", "") != kFormat)
                throw InputError(path + " is not a file of saved comparison runs: give another file");
            if (line != header)
                throw InputError(path
                                 + " holds the runs of another comparison (another stream, weights or "
                                   "rounds): give another file, or remove it to start afresh");
        } else {
            try {
                m_saved.push_back(ComparisonRun::fromJson(line, comparison.checkpoints().size()));
            } catch (const std::invalid_argument &problem) {
                throw std::invalid_argument(where + ": " + problem.what());
            }
        }
        start = end + 1;
    }

    m_file.reset(std::fopen(path.c_str(), "ab"));
    if (!m_file)
        failSystem("write it");
    if (text.empty()) {
        const std::string line = header.dump() + "\n";
        if (std::fwrite(line.data(), 1, line.size(), m_file.get()) != line.size() || std::fflush(m_file.get()) != 0)
            failSystem("write it");
    }
}

void ComparisonLog::append(const ComparisonRun &run)
{
    const std::string line = run.toJson().dump() + "\n";
    errno = 0;
    if (std::fwrite(line.data(), 1, line.size(), m_file.get()) != line.size() || std::fflush(m_file.get()) != 0)
        throw InputError(m_path + ": cannot write it: " + std::strerror(errno));
}

} // namespace rl
