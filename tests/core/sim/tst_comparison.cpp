#include <QtTest>

#include <QTemporaryDir>

#include <cstdio>
#include <fstream>
#include <optional>
#include <stdexcept>
#include <string>

#include "core/bandit/Policy.h"
#include "core/sim/Comparison.h"
#include "core/sim/ComparisonLog.h"
#include "core/sim/LearningStream.h"
#include "core/sim/Replay.h"
#include "core/sim/StreamGenerator.h"
#include "core/sim/TrueWeights.h"
#include "core/support/InputFile.h"

namespace {

const std::string kWorkload = RLSTUDIO_WORKLOAD_DIR;

std::vector<rl::PolicySpec> specs(std::initializer_list<const char *> texts)
{
    std::vector<rl::PolicySpec> out;
    for (const char *text : texts)
        for (rl::PolicySpec &spec : rl::PolicySpec::parse(text))
            out.push_back(std::move(spec));
    return out;
}

template<class E, class F>
QString errorMessage(F &&f)
{
    try {
        f();
    } catch (const E &e) {
        return QString::fromUtf8(e.what());
    }
    return QStringLiteral("<no exception thrown>");
}

} // namespace

class TstComparison : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void checkpointsCoverTheRun();
    void everySpecAndSeedRuns();
    void sameFiguresWhateverTheThreads();
    void seedsShuffleTheRounds();
    void shuffleKeepsDriftInPlace();
    void summaryRanksByRegret();
    void cancelKeepsFinishedRuns();
    void logResumesAComparison();
    void logRefusesAnotherComparison();
    void logDropsAnUnfinishedLastLine();
    void logNamesAMalformedLine();
    void badOptionsRefused();

private:
    rl::LearningStream m_stream;
    std::optional<rl::TrueWeights> m_weights;
    QTemporaryDir m_dir;
};

void TstComparison::initTestCase()
{
    m_stream = rl::LearningStream::load(kWorkload + "/learning_stream.csv");
    m_weights = rl::TrueWeights::load(kWorkload + "/meta.json");
    QVERIFY(m_dir.isValid());
}

void TstComparison::checkpointsCoverTheRun()
{
    const rl::Comparison whole(m_stream, *m_weights, {specs({"linucb"}), 1, 0, 1});
    QCOMPARE(whole.rounds(), std::size_t{20000});
    QCOMPARE(whole.checkpoints().size(), std::size_t{100}); // 1,000 and 5,000 are hundredths already
    QCOMPARE(whole.checkpoints().front(), std::size_t{200});
    QCOMPARE(whole.checkpoints().back(), std::size_t{20000});
    const rl::Comparison shorter(m_stream, *m_weights, {specs({"linucb"}), 1, 7000, 1});
    QCOMPARE(shorter.checkpoints().size(), std::size_t{102}); // and 1,000 and 5,000
    QVERIFY(std::binary_search(shorter.checkpoints().begin(), shorter.checkpoints().end(), std::size_t{1000}));
    QVERIFY(std::binary_search(shorter.checkpoints().begin(), shorter.checkpoints().end(), std::size_t{5000}));
    QVERIFY(whole.fingerprint() != shorter.fingerprint());
}

void TstComparison::everySpecAndSeedRuns()
{
    const rl::Comparison comparison(m_stream, *m_weights, {specs({"linucb", "egreedy:epsilon=0.05"}), 3, 2000, 2});
    std::vector<std::string> seen;
    const auto runs = comparison.run(
        {}, [&seen](const rl::ComparisonRun &run) { seen.push_back(run.spec + "/" + std::to_string(run.seed)); }, {});
    QCOMPARE(runs.size(), std::size_t{6});
    QCOMPARE(seen.size(), std::size_t{6});
    QCOMPARE(runs[0].spec, std::string("linucb"));
    QCOMPARE(runs[2].seed, std::uint64_t{3});
    QCOMPARE(runs[3].spec, std::string("egreedy:epsilon=0.05"));
    for (const rl::ComparisonRun &run : runs) {
        QCOMPARE(run.regret.size(), comparison.checkpoints().size());
        QVERIFY(std::is_sorted(run.regret.begin(), run.regret.end()));
        QVERIFY(run.optimalPicksLast <= 1000);
    }
}

void TstComparison::sameFiguresWhateverTheThreads()
{
    const auto figures = [this](std::size_t threads) {
        const rl::Comparison comparison(m_stream, *m_weights, {specs({"thompson", "linucb"}), 3, 3000, threads});
        std::vector<std::vector<double>> regrets;
        for (const rl::ComparisonRun &run : comparison.run({}, {}, {}))
            regrets.push_back(run.regret);
        return regrets;
    };
    QCOMPARE(figures(1), figures(3));
}

// Seed s shuffles the rounds, so even a deterministic policy's runs differ; its first seed is not the
// stream's order.
void TstComparison::seedsShuffleTheRounds()
{
    const rl::Comparison comparison(m_stream, *m_weights, {specs({"linucb"}), 2, 5000, 1});
    const auto runs = comparison.run({}, {}, {});
    QVERIFY(runs[0].regret.back() != runs[1].regret.back());

    rl::PolicyConfig config;
    config.arms = 4;
    config.dimension = 10;
    const auto policy = rl::makePolicy("linucb", config);
    double inOrder = 0.0;
    rl::replayRounds(*policy, m_stream, *m_weights, {}, [&](std::size_t t, const rl::RoundOutcome &round) {
        inOrder += round.regret;
        return t + 1 < 5000;
    });
    QVERIFY(runs[0].regret.back() != inOrder);
}

// Rounds are shuffled only within a stretch of constant weights: the regret up to the drift at round 300 sums
// only the rows before it, exactly as a run over the stream cut at 300 does with the same seed.
void TstComparison::shuffleKeepsDriftInPlace()
{
    rl::StreamSpec spec;
    spec.arms = 2;
    spec.dimension = 2;
    spec.rounds = 400;
    spec.seed = 3;
    spec.drift = {{300, 11}};
    rl::StreamGenerator generator(spec);
    std::string text = generator.header();
    generator.next(text, spec.rounds);
    const rl::LearningStream stream = rl::LearningStream::parse(text, "stream");
    rl::LearningStream before = stream;
    before.contexts.resize(300 * 2);
    before.rewards.resize(300 * 2);

    const rl::Comparison comparison(stream, generator.trueWeights(), {specs({"linucb"}), 4, 0, 1});
    const rl::Comparison cut(before, generator.trueWeights(), {specs({"linucb"}), 4, 0, 1});
    const auto at300 = std::find(comparison.checkpoints().begin(), comparison.checkpoints().end(), std::size_t{300});
    QVERIFY(at300 != comparison.checkpoints().end());
    const auto runs = comparison.run({}, {}, {});
    const auto cutRuns = cut.run({}, {}, {});
    for (std::size_t i = 0; i < runs.size(); ++i)
        QCOMPARE(runs[i].regret[at300 - comparison.checkpoints().begin()], cutRuns[i].regret.back());
}

void TstComparison::summaryRanksByRegret()
{
    const rl::Comparison comparison(m_stream, *m_weights,
                                    {specs({"linucb:alpha=0.1", "linucb:alpha=0.5", "seed"}), 4, 5000, 2});
    const auto summaries = comparison.summarise(comparison.run({}, {}, {}));
    QCOMPARE(summaries.size(), std::size_t{3});
    QCOMPARE(summaries[0].spec, std::string("linucb:alpha=0.1"));
    QCOMPARE(summaries[1].rank, std::size_t{1}); // alpha 0.5 learns; 0.1 locks onto one arm
    QCOMPARE(summaries[1].runs, std::size_t{4});
    QVERIFY(summaries[1].regret.back().mean < summaries[0].regret.back().mean);
    for (const rl::SpecSummary &summary : summaries) {
        QCOMPARE(summary.regret.size(), comparison.checkpoints().size());
        QVERIFY(summary.regret.back().low && *summary.regret.back().low <= summary.regret.back().mean);
        QVERIFY(*summary.optimalShareLast.high <= 1.0 && *summary.optimalShareLast.low >= 0.0);
        QVERIFY(summary.microsecondsPerRound > 0.0);
    }
}

void TstComparison::cancelKeepsFinishedRuns()
{
    // 200 runs of a few ms each: far more than finish before the second look at progress.
    const rl::Comparison comparison(m_stream, *m_weights, {specs({"linucb", "egreedy"}), 100, 0, 1});
    std::size_t finished = 0;
    bool cancelled = false;
    const auto runs = comparison.run(
        {}, [&finished](const rl::ComparisonRun &) { ++finished; }, [&finished](double) { return finished < 2; },
        &cancelled);
    QVERIFY(cancelled);
    QVERIFY(runs.size() >= 2 && runs.size() < 200);
    QCOMPARE(runs.size(), finished);
}

// Runs saved by a comparison cut short are read back and not run again; the figures are the uninterrupted
// comparison's. (The saved runs' fingerprint covers the stream, weights and rounds, not the specs or seeds, so
// a smaller comparison stands in for one cut short.)
void TstComparison::logResumesAComparison()
{
    const std::string path = m_dir.filePath("resume.jsonl").toStdString();
    const rl::Comparison cutShort(m_stream, *m_weights, {specs({"linucb"}), 2, 2000, 1});
    {
        rl::ComparisonLog log(path, cutShort);
        QVERIFY(log.saved().empty());
        cutShort.run({}, [&log](const rl::ComparisonRun &run) { log.append(run); }, {});
    }
    const rl::Comparison comparison(m_stream, *m_weights, {specs({"linucb", "egreedy"}), 3, 2000, 1});
    rl::ComparisonLog log(path, comparison);
    QCOMPARE(log.saved().size(), std::size_t{2});
    std::vector<std::string> ran;
    const auto all = comparison.run(
        log.saved(), [&ran](const rl::ComparisonRun &run) { ran.push_back(run.spec + "/" + std::to_string(run.seed)); },
        {});
    QCOMPARE(all.size(), std::size_t{6});
    std::sort(ran.begin(), ran.end());
    QCOMPARE(ran, (std::vector<std::string>{"egreedy/1", "egreedy/2", "egreedy/3", "linucb/3"}));
    const auto fresh = comparison.run({}, {}, {});
    for (std::size_t i = 0; i < all.size(); ++i)
        QCOMPARE(all[i].regret, fresh[i].regret);
}

void TstComparison::logRefusesAnotherComparison()
{
    const std::string path = m_dir.filePath("other.jsonl").toStdString();
    const rl::Comparison first(m_stream, *m_weights, {specs({"linucb"}), 1, 2000, 1});
    {
        rl::ComparisonLog log(path, first);
    }
    const rl::Comparison longer(m_stream, *m_weights, {specs({"linucb"}), 1, 3000, 1});
    QCOMPARE(errorMessage<rl::InputError>([&] { rl::ComparisonLog log(path, longer); }),
             QString::fromStdString(path
                                    + " holds the runs of another comparison (another stream, weights or rounds): "
                                      "give another file, or remove it to start afresh"));
    const std::string notOurs = m_dir.filePath("notours.txt").toStdString();
    std::ofstream(notOurs) << "{\"something\": 1}\n";
    QCOMPARE(errorMessage<rl::InputError>([&] { rl::ComparisonLog log(notOurs, first); }),
             QString::fromStdString(notOurs + " is not a file of saved comparison runs: give another file"));
    // Someone else's file is left exactly as it was, a last line without its newline included.
    for (const std::string text :
         {std::string("{\"precious\": [1, 2, 3]}"), std::string("a,b\n1,2"), std::string("{\"format\": 1}\n")}) {
        const std::string other = m_dir.filePath("other.txt").toStdString();
        std::ofstream(other, std::ios::trunc) << text;
        QCOMPARE(errorMessage<rl::InputError>([&] { rl::ComparisonLog log(other, first); }),
                 QString::fromStdString(other + " is not a file of saved comparison runs: give another file"));
        std::ifstream in(other);
        QCOMPARE(std::string(std::istreambuf_iterator<char>(in), {}), text);
    }
}

void TstComparison::logDropsAnUnfinishedLastLine()
{
    const std::string path = m_dir.filePath("cut.jsonl").toStdString();
    const rl::Comparison comparison(m_stream, *m_weights, {specs({"linucb"}), 2, 2000, 1});
    {
        rl::ComparisonLog log(path, comparison);
        for (const rl::ComparisonRun &run : comparison.run({}, {}, {}))
            log.append(run);
    }
    std::ofstream(path, std::ios::app) << "{\"spec\": \"linucb\", \"se"; // died while writing
    {
        rl::ComparisonLog log(path, comparison);
        QCOMPARE(log.saved().size(), std::size_t{2});
    }
    rl::ComparisonLog again(path, comparison); // the cut line is gone from the file too
    QCOMPARE(again.saved().size(), std::size_t{2});
}

void TstComparison::logNamesAMalformedLine()
{
    const std::string path = m_dir.filePath("bad.jsonl").toStdString();
    const rl::Comparison comparison(m_stream, *m_weights, {specs({"linucb"}), 1, 2000, 1});
    {
        rl::ComparisonLog log(path, comparison);
    }
    std::ofstream(path, std::ios::app) << "{\"spec\": \"linucb\", \"seed\": 1, \"regret\": [1, 2]}\n";
    QCOMPARE(errorMessage<std::invalid_argument>([&] { rl::ComparisonLog log(path, comparison); }),
             QString::fromStdString(path + ":2: run.regret: expected an array of 100 numbers"));
}

void TstComparison::badOptionsRefused()
{
    QCOMPARE(errorMessage<std::invalid_argument>([&] {
                 rl::Comparison(m_stream, *m_weights, {{}, 1, 0, 1});
             }),
             QStringLiteral("no policy spec to compare"));
    QCOMPARE(errorMessage<std::invalid_argument>([&] {
                 rl::Comparison(m_stream, *m_weights, {specs({"linucb", "linucb"}), 1, 0, 1});
             }),
             QStringLiteral("the policy spec linucb is given twice"));
    QCOMPARE(errorMessage<std::invalid_argument>([&] {
                 rl::Comparison(m_stream, *m_weights, {specs({"seed"}), 0, 0, 1});
             }),
             QStringLiteral("seeds must be in 1..1000"));
    QCOMPARE(errorMessage<std::invalid_argument>([&] {
                 rl::Comparison(m_stream, *m_weights, {specs({"seed"}), 1, 20001, 1});
             }),
             QStringLiteral("rounds must be in 1..20000, the stream's length"));
    auto rows = m_weights->initial();
    rows.pop_back();
    QCOMPARE(errorMessage<std::invalid_argument>([&] {
                 rl::Comparison(m_stream, rl::TrueWeights(rows), {specs({"seed"}), 1, 0, 1});
             }),
             QStringLiteral("the true weights are 3 arms x 10 features, the stream 4 x 10"));
}

QTEST_GUILESS_MAIN(TstComparison)
#include "tst_comparison.moc"
