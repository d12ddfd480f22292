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
    const std::string headerLine = header.dump() + "\n";
    std::error_code error;
    const bool exists = std::filesystem::exists(path, error);
    std::string text = exists ? readInputFile(path, kMaxFileBytes, "a comparison's saved runs") : std::string();

    // The header is judged before anything is changed: a file that is not ours is never touched.
    const std::size_t firstEnd = text.find('\n');
    if (firstEnd == std::string::npos) {
        // No whole line: empty, or a header cut short as it was written, is started afresh; anything else
        // is someone else's file.
        if (headerLine.compare(0, text.size(), text) != 0)
            throw InputError(path + " is not a file of saved comparison runs: give another file");
        text.clear();
    } else {
        nlohmann::json first;
        try {
            first = parseJson(std::string_view(text).substr(0, firstEnd), path + ":1");
        } catch (const std::invalid_argument &) {
            first = nullptr; // not JSON: not ours
        }
        if (!first.is_object() || !first.contains("format") || first.at("format") != kFormat)
            throw InputError(path + " is not a file of saved comparison runs: give another file");
        if (first != header)
            throw InputError(path
                             + " holds the runs of another comparison (another stream, weights or rounds): give "
                               "another file, or remove it to start afresh");
        // A last line without its newline was being written when the process died.
        text.resize(text.rfind('\n') + 1);
    }
    if (exists) {
        std::filesystem::resize_file(path, text.size(), error);
        if (error)
            throw InputError(path + ": cannot drop its unfinished last line: " + error.message());
    }
    std::size_t lineNumber = 1;
    for (std::size_t start = text.empty() ? 0 : firstEnd + 1; start < text.size();) {
        const std::size_t end = text.find('\n', start);
        const std::string where = path + ":" + std::to_string(++lineNumber);
        const nlohmann::json line = parseJson(std::string_view(text).substr(start, end - start), where);
        try {
            m_saved.push_back(ComparisonRun::fromJson(line, comparison.checkpoints().size()));
        } catch (const std::invalid_argument &problem) {
            throw std::invalid_argument(where + ": " + problem.what());
        }
        start = end + 1;
    }

    m_file.reset(std::fopen(path.c_str(), "ab"));
    if (!m_file)
        failSystem("write it");
    if (text.empty()
        && (std::fwrite(headerLine.data(), 1, headerLine.size(), m_file.get()) != headerLine.size()
            || std::fflush(m_file.get()) != 0))
        failSystem("write it");
}

void ComparisonLog::append(const ComparisonRun &run)
{
    const std::string line = run.toJson().dump() + "\n";
    errno = 0;
    if (std::fwrite(line.data(), 1, line.size(), m_file.get()) != line.size() || std::fflush(m_file.get()) != 0)
        throw InputError(m_path + ": cannot write it: " + std::strerror(errno));
}

} // namespace rl
