#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include <QCoreApplication>
#include <QString>
#include <QUrl>

class QTextStream;

namespace rl {

// `rlstudio load`: drives a running rlstudio (or any server of docs/api.md) with a learning stream, routing
// each round and posting the chosen arm's reward as feedback over keep-alive connections, and reports the
// throughput, latencies and errors of both endpoints and, given the true weights, the regret of the choices.
class LoadCommand {
    Q_DECLARE_TR_FUNCTIONS(LoadCommand)

public:
    static constexpr std::size_t kMaxConcurrency = 1024;    // a file descriptor each, within the usual limit
    static constexpr std::uint64_t kMaxRounds = 100000000;  // a byte each, for the regret
    static constexpr std::size_t kMaxFeedbackBatch = 10000; // a few MB a request, below the body limit

    struct Options {
        QUrl url;          // http://HOST[:PORT][/PATH]
        std::string token; // the bearer token; empty for none
        QString stream;    // the linear-4x10 CSV format
        QString weights;   // meta.json holding the true weights; empty for no regret
        std::size_t concurrency = 1;
        double durationSeconds = 0.0;
        std::uint64_t rounds = 0; // 0: the stream's length
        std::size_t feedbackBatch = 1;
        double rate = 0.0; // routes per second; 0: as fast as the server answers
        bool json = false;
    };

    // Returns the exit code: 0; 1 when the target cannot be reached or the run was cancelled (the report
    // covers what was done); 2 when a file is missing or malformed.
    static int run(const Options &options, QTextStream &out, QTextStream &err);
};

} // namespace rl
