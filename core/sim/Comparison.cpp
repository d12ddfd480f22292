#include "core/sim/Comparison.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <exception>
#include <limits>
#include <map>
#include <mutex>
#include <numeric>
#include <set>
#include <stdexcept>
#include <thread>

#include <nlohmann/json.hpp>

#include "core/bandit/Policy.h"
#include "core/sim/LearningStream.h"
#include "core/sim/Replay.h"
#include "core/sim/TrueWeights.h"
#include "core/support/JsonReader.h"
#include "core/support/Rng.h"

namespace rl {

namespace {

constexpr std::size_t kCheckEvery = 1024; // rounds between looks at the cancel flag and the progress count
constexpr double kUnbounded = std::numeric_limits<double>::infinity();
constexpr std::uint64_t kShuffleSalt = 0x9e3779b97f4a7c15ULL; // the shuffle's draws apart from the policy's

// FNV-1a, 64 bits: enough to tell one comparison's saved runs from another's, not a defence.
class Fnv {
public:
    void add(const void *data, std::size_t size)
    {
        const auto *bytes = static_cast<const unsigned char *>(data);
        for (std::size_t i = 0; i < size; ++i)
            m_hash = (m_hash ^ bytes[i]) * 0x100000001b3ULL;
    }
    std::string hex() const
    {
        static constexpr char kDigits[] = "0123456789abcdef";
        std::string out(16, '0');
        for (int i = 0; i < 16; ++i)
            out[15 - i] = kDigits[(m_hash >> (4 * i)) & 0xf];
        return out;
    }

private:
    std::uint64_t m_hash = 0xcbf29ce484222325ULL;
};

} // namespace

nlohmann::json ComparisonRun::toJson() const
{
    return {{"spec", spec},
            {"seed", seed},
            {"regret", regret},
            {"optimal_picks_last", optimalPicksLast},
            {"seconds", seconds}};
}

ComparisonRun ComparisonRun::fromJson(const nlohmann::json &json, std::size_t checkpoints)
{
    const JsonReader reader(json, "run");
    const auto count = [&reader](const char *key) {
        const std::int64_t value = reader.integer(key);
        if (value < 0)
            reader.fail(key, "must not be negative");
        return static_cast<std::uint64_t>(value);
    };
    ComparisonRun run;
    run.spec = reader.string("spec");
    run.seed = count("seed");
    const nlohmann::json *regret = json.contains("regret") ? &json.at("regret") : nullptr;
    if (!regret || !regret->is_array() || regret->size() != checkpoints
        || !std::all_of(regret->begin(), regret->end(), [](const nlohmann::json &v) { return v.is_number(); }))
        reader.fail("regret", "expected an array of " + std::to_string(checkpoints) + " numbers");
    for (const nlohmann::json &value : *regret)
        run.regret.push_back(value.get<double>());
    run.optimalPicksLast = count("optimal_picks_last");
    run.seconds = reader.number("seconds");
    return run;
}

Comparison::Comparison(const LearningStream &stream, const TrueWeights &trueWeights, ComparisonOptions options)
    : m_stream(stream)
    , m_trueWeights(trueWeights)
    , m_options(std::move(options))
{
    if (m_options.specs.empty())
        throw std::invalid_argument("no policy spec to compare");
    std::set<std::string> texts;
    for (const PolicySpec &spec : m_options.specs)
        if (!texts.insert(spec.text()).second)
            throw std::invalid_argument("the policy spec " + spec.text() + " is given twice");
    if (m_options.seeds < 1 || m_options.seeds > ComparisonOptions::kMaxSeeds)
        throw std::invalid_argument("seeds must be in 1.." + std::to_string(ComparisonOptions::kMaxSeeds));
    if (m_options.specs.size() * m_options.seeds > ComparisonOptions::kMaxRuns)
        throw std::invalid_argument(std::to_string(m_options.specs.size()) + " specs x "
                                    + std::to_string(m_options.seeds) + " seeds are more than "
                                    + std::to_string(ComparisonOptions::kMaxRuns) + " runs");
    if (stream.arms != trueWeights.arms() || stream.dimension != trueWeights.dimension())
        throw std::invalid_argument("the true weights are " + std::to_string(trueWeights.arms()) + " arms x "
                                    + std::to_string(trueWeights.dimension()) + " features, the stream "
                                    + std::to_string(stream.arms) + " x " + std::to_string(stream.dimension));
    m_rounds = m_options.rounds == 0 ? stream.rounds() : m_options.rounds;
    if (m_rounds < 1 || m_rounds > stream.rounds())
        throw std::invalid_argument("rounds must be in 1.." + std::to_string(stream.rounds())
                                    + ", the stream's length");

    for (std::size_t i = 1; i <= 100; ++i)
        m_checkpoints.push_back(std::max<std::size_t>(1, m_rounds * i / 100));
    for (const std::size_t extra : {std::size_t(1000), std::size_t(5000)})
        if (extra < m_rounds)
            m_checkpoints.push_back(extra);
    std::sort(m_checkpoints.begin(), m_checkpoints.end());
    m_checkpoints.erase(std::unique(m_checkpoints.begin(), m_checkpoints.end()), m_checkpoints.end());

    Fnv hash;
    hash.add(stream.contexts.data(), m_rounds * stream.dimension * sizeof(double));
    hash.add(stream.rewards.data(), m_rounds * stream.arms * sizeof(double));
    const std::string weights = trueWeights.toJson().dump();
    hash.add(weights.data(), weights.size());
    hash.add(m_checkpoints.data(), m_checkpoints.size() * sizeof(std::size_t));
    m_fingerprint = hash.hex();
}

ComparisonRun Comparison::runOne(const PolicySpec &spec, std::uint64_t seed,
                                 const std::function<bool()> &keepGoing) const
{
    const auto started = std::chrono::steady_clock::now();
    // The rounds shuffled within each stretch of constant weights.
    std::vector<std::size_t> order(m_rounds);
    std::iota(order.begin(), order.end(), std::size_t(0));
    Rng shuffle(seed ^ kShuffleSalt);
    std::size_t begin = 0;
    const auto shuffleUpTo = [&](std::size_t end) {
        for (std::size_t i = end; i > begin + 1; --i)
            std::swap(order[i - 1], order[begin + shuffle.below(i - begin)]);
        begin = end;
    };
    for (const TrueWeights::Change &change : m_trueWeights.drift())
        if (change.round < m_rounds)
            shuffleUpTo(change.round);
    shuffleUpTo(m_rounds);

    PolicyConfig config;
    config.arms = m_stream.arms;
    config.dimension = m_stream.dimension;
    config.seed = seed;
    const std::unique_ptr<Policy> policy = makePolicy(spec.name, spec.apply(config));

    ComparisonRun run;
    run.spec = spec.text();
    run.seed = seed;
    run.regret.reserve(m_checkpoints.size());
    const std::size_t lastFrom = m_rounds - std::min(kLastRounds, m_rounds);
    double regret = 0.0;
    auto checkpoint = m_checkpoints.begin();
    bool stopped = false;
    replayRounds(*policy, m_stream, m_trueWeights, order, [&](std::size_t t, const RoundOutcome &round) {
        regret += round.regret;
        if (t >= lastFrom)
            run.optimalPicksLast += round.optimal;
        if (checkpoint != m_checkpoints.end() && t + 1 == *checkpoint) {
            run.regret.push_back(regret);
            ++checkpoint;
        }
        if ((t + 1) % kCheckEvery == 0 && !keepGoing()) {
            stopped = t + 1 < m_rounds;
            return false;
        }
        return true;
    });
    if (stopped)
        run.regret.clear(); // incomplete: not a result
    run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return run;
}

std::vector<ComparisonRun> Comparison::run(std::vector<ComparisonRun> done,
                                           const std::function<void(const ComparisonRun &)> &onRun,
                                           const std::function<bool(double)> &progress, bool *cancelled) const
{
    std::map<std::pair<std::string, std::uint64_t>, ComparisonRun> runs;
    for (ComparisonRun &run : matching(std::move(done)))
        runs.emplace(std::make_pair(run.spec, run.seed), std::move(run));
    struct Job {
        const PolicySpec *spec;
        std::uint64_t seed;
    };
    std::vector<Job> jobs;
    for (const PolicySpec &spec : m_options.specs)
        for (std::uint64_t seed = 1; seed <= m_options.seeds; ++seed)
            if (!runs.contains({spec.text(), seed}))
                jobs.push_back({&spec, seed});

    const std::size_t totalRounds = m_options.specs.size() * m_options.seeds * m_rounds;
    std::atomic<std::size_t> roundsDone = (m_options.specs.size() * m_options.seeds - jobs.size()) * m_rounds;
    std::atomic<std::size_t> nextJob = 0;
    std::atomic<bool> stop = false;
    std::mutex mutex;
    std::condition_variable finishedOne;
    std::deque<ComparisonRun> finished;
    std::exception_ptr failure;

    const auto work = [&] {
        for (std::size_t j = nextJob++; j < jobs.size() && !stop; j = nextJob++) {
            try {
                ComparisonRun run = runOne(*jobs[j].spec, jobs[j].seed, [&] {
                    roundsDone += kCheckEvery;
                    return !stop.load();
                });
                roundsDone += m_rounds % kCheckEvery;
                if (run.regret.empty())
                    return;
                const std::lock_guard lock(mutex);
                finished.push_back(std::move(run));
            } catch (...) {
                const std::lock_guard lock(mutex);
                if (!failure)
                    failure = std::current_exception();
                stop = true;
            }
            finishedOne.notify_one();
        }
    };
    const std::size_t threads =
        std::min(jobs.size(),
                 m_options.threads ? m_options.threads : std::max<std::size_t>(1, std::thread::hardware_concurrency()));
    std::vector<std::jthread> workers;
    // However this function leaves (a cancel, a worker's failure, onRun or progress throwing), the workers
    // stop at their next check and are joined before anything they use goes away.
    struct StopAndJoin {
        std::atomic<bool> &stop;
        std::vector<std::jthread> &workers;
        ~StopAndJoin()
        {
            stop = true;
            workers.clear();
        }
    };
    const StopAndJoin joiner{stop, workers};
    for (std::size_t i = 0; i < threads; ++i)
        workers.emplace_back(work);

    bool wasCancelled = false;
    std::size_t collected = 0;
    const auto keep = [&](std::deque<ComparisonRun> &ready) {
        for (ComparisonRun &run : ready) {
            ++collected;
            if (onRun)
                onRun(run);
            runs.emplace(std::make_pair(run.spec, run.seed), std::move(run));
        }
        ready.clear();
    };
    while (collected < jobs.size()) {
        std::deque<ComparisonRun> ready;
        {
            std::unique_lock lock(mutex);
            finishedOne.wait_for(lock, std::chrono::milliseconds(100),
                                 [&] { return !finished.empty() || failure != nullptr; });
            ready.swap(finished);
            if (failure)
                break;
        }
        keep(ready);
        if (collected < jobs.size() && progress
            && !progress(static_cast<double>(std::min(roundsDone.load(), totalRounds)) / totalRounds)) {
            wasCancelled = true;
            break;
        }
    }
    stop = true;
    workers.clear(); // joins; the guard's second time does nothing
    if (failure)
        std::rethrow_exception(failure);
    keep(finished); // the runs that finished while the others were stopping: kept too
    if (cancelled)
        *cancelled = wasCancelled;

    std::vector<ComparisonRun> all;
    for (auto &[key, run] : runs)
        all.push_back(std::move(run));
    return matching(std::move(all));
}

std::vector<ComparisonRun> Comparison::matching(std::vector<ComparisonRun> runs) const
{
    std::map<std::pair<std::string, std::uint64_t>, ComparisonRun *> byKey;
    for (ComparisonRun &run : runs)
        if (run.regret.size() == m_checkpoints.size())
            byKey.emplace(std::make_pair(run.spec, run.seed), &run);
    std::vector<ComparisonRun> ordered;
    for (const PolicySpec &spec : m_options.specs)
        for (std::uint64_t seed = 1; seed <= m_options.seeds; ++seed)
            if (const auto found = byKey.find({spec.text(), seed}); found != byKey.end())
                ordered.push_back(std::move(*found->second));
    return ordered;
}

std::vector<SpecSummary> Comparison::summarise(const std::vector<ComparisonRun> &runs) const
{
    std::vector<SpecSummary> summaries;
    for (const PolicySpec &spec : m_options.specs) {
        const std::string text = spec.text();
        std::vector<const ComparisonRun *> mine;
        for (const ComparisonRun &run : runs)
            if (run.spec == text && run.regret.size() == m_checkpoints.size())
                mine.push_back(&run);
        if (mine.empty())
            continue;
        SpecSummary summary;
        summary.spec = text;
        summary.runs = mine.size();
        std::vector<double> values(mine.size());
        for (std::size_t c = 0; c < m_checkpoints.size(); ++c) {
            for (std::size_t i = 0; i < mine.size(); ++i)
                values[i] = mine[i]->regret[c];
            summary.regret.push_back(MeanInterval::of(values).clampedTo(0.0, kUnbounded));
        }
        const double lastRounds = static_cast<double>(std::min(kLastRounds, m_rounds));
        double seconds = 0.0;
        for (std::size_t i = 0; i < mine.size(); ++i) {
            values[i] = static_cast<double>(mine[i]->optimalPicksLast) / lastRounds;
            seconds += mine[i]->seconds;
        }
        summary.optimalShareLast = MeanInterval::of(values).clampedTo(0.0, 1.0);
        summary.microsecondsPerRound = 1e6 * seconds / static_cast<double>(mine.size() * m_rounds);
        summaries.push_back(std::move(summary));
    }
    std::vector<SpecSummary *> byRegret;
    for (SpecSummary &summary : summaries)
        byRegret.push_back(&summary);
    std::stable_sort(byRegret.begin(), byRegret.end(), [](const SpecSummary *a, const SpecSummary *b) {
        return a->regret.back().mean < b->regret.back().mean;
    });
    for (std::size_t i = 0; i < byRegret.size(); ++i)
        byRegret[i]->rank = i + 1;
    return summaries;
}

} // namespace rl
