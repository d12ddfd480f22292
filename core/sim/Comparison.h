#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/bandit/PolicySpec.h"
#include "core/support/MeanInterval.h"

namespace rl {

struct LearningStream;
class TrueWeights;

struct ComparisonOptions {
    static constexpr std::size_t kMaxSeeds = 1000;
    static constexpr std::size_t kMaxRuns = 100000;

    std::vector<PolicySpec> specs;
    std::size_t seeds = 10;  // seeds 1..seeds for every spec
    std::size_t rounds = 0;  // the first this many rounds; 0: the whole stream
    std::size_t threads = 0; // 0: one per core
};

// One spec on one seed: its cumulative regret at the comparison's checkpoints and what it picked.
struct ComparisonRun {
    std::string spec; // PolicySpec::text()
    std::uint64_t seed = 0;
    std::vector<double> regret;       // cumulative expected regret at each checkpoint
    std::size_t optimalPicksLast = 0; // best-arm picks over the last min(kLastRounds, rounds) rounds
    double seconds = 0.0;             // the run's own time, policy and regret bookkeeping

    nlohmann::json toJson() const;
    // Throws std::invalid_argument naming the field at fault.
    static ComparisonRun fromJson(const nlohmann::json &json, std::size_t checkpoints);
};

// Per spec, over its seeds.
struct SpecSummary {
    std::string spec;
    std::size_t runs = 0;
    std::vector<MeanInterval> regret; // at each checkpoint
    MeanInterval optimalShareLast;    // share of best-arm picks over the last min(kLastRounds, rounds) rounds
    double microsecondsPerRound = 0.0;
    std::size_t rank = 0; // 1 for the lowest mean regret at the end
};

// Several policy specs, each run on several seeds over one stream, in parallel: what `rlstudio compare` and
// the Compare panel show. Seed s seeds the policy and shuffles the stream's rounds, within each stretch of
// constant true weights so a drift stays where it is: the seeds then differ even for a deterministic policy,
// and the interval says how much the figure owes to the order the rounds came in.
class Comparison {
public:
    static constexpr std::size_t kLastRounds = 1000;

    // Throws std::invalid_argument when there is no spec, a spec appears twice, the seeds or runs are out of
    // range, the rounds exceed the stream, or the stream and the weights differ in shape.
    Comparison(const LearningStream &stream, const TrueWeights &trueWeights, ComparisonOptions options);

    const ComparisonOptions &options() const { return m_options; }
    std::size_t rounds() const { return m_rounds; }
    // The rounds at which the regret is taken: every hundredth of the run, and 1,000 and 5,000 when shorter.
    const std::vector<std::size_t> &checkpoints() const { return m_checkpoints; }
    // Identifies the stream, the weights, the rounds and the checkpoints: saved runs with another fingerprint
    // are another comparison's.
    std::string fingerprint() const { return m_fingerprint; }

    // Runs every spec x seed not already among `done` (matched by spec text and seed), up to the options'
    // threads at once. onRun gets each finished run and progress the fraction of all rounds done, both on the
    // calling thread; progress returning false cancels (the runs under way are dropped). Returns the runs
    // done, `done`'s among them, in spec then seed order; cancelled tells whether some are missing.
    std::vector<ComparisonRun> run(std::vector<ComparisonRun> done,
                                   const std::function<void(const ComparisonRun &)> &onRun,
                                   const std::function<bool(double)> &progress, bool *cancelled = nullptr) const;

    // The runs among `runs` that belong to this comparison (its specs and seeds, every checkpoint), in spec
    // then seed order: saved runs of other specs or seeds are left out.
    std::vector<ComparisonRun> matching(std::vector<ComparisonRun> runs) const;

    // Per spec, in the options' order, ranked by mean regret at the end; a spec without runs is left out.
    std::vector<SpecSummary> summarise(const std::vector<ComparisonRun> &runs) const;

private:
    ComparisonRun runOne(const PolicySpec &spec, std::uint64_t seed, const std::function<bool()> &keepGoing) const;

    const LearningStream &m_stream;
    const TrueWeights &m_trueWeights;
    ComparisonOptions m_options;
    std::size_t m_rounds = 0;
    std::vector<std::size_t> m_checkpoints;
    std::string m_fingerprint;
};

} // namespace rl
