// Synthetic learning streams: deterministic for a seed, in the format replay reads, drifting when asked.
#include <QtTest>

#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "core/sim/LearningStream.h"
#include "core/sim/StreamGenerator.h"
#include "core/sim/TrueWeights.h"

namespace {

std::string wholeStream(rl::StreamGenerator &generator)
{
    std::string text = generator.header();
    while (generator.next(text, 1000) > 0) {
    }
    return text;
}

rl::StreamSpec smallSpec()
{
    rl::StreamSpec spec;
    spec.arms = 3;
    spec.dimension = 5;
    spec.rounds = 2500;
    spec.noiseSd = 0.05;
    spec.seed = 42;
    return spec;
}

QString specError(const rl::StreamSpec &spec)
{
    try {
        rl::StreamGenerator generator(spec);
    } catch (const std::invalid_argument &error) {
        return QString::fromUtf8(error.what());
    }
    return QStringLiteral("<accepted>");
}

} // namespace

class TstStreamGenerator : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sameSeedSameStream()
    {
        rl::StreamGenerator a(smallSpec());
        rl::StreamGenerator b(smallSpec());
        const std::string text = wholeStream(a);
        QCOMPARE(text, wholeStream(b));
        QCOMPARE(a.meta(), b.meta());
        rl::StreamSpec other = smallSpec();
        other.seed = 43;
        rl::StreamGenerator c(other);
        QVERIFY(wholeStream(c) != text);
    }

    // What it writes, LearningStream and TrueWeights read back: the shape, the weights, and rewards that are
    // the clipped weighted sum plus noise.
    void writesTheReplayFormat()
    {
        rl::StreamGenerator generator(smallSpec());
        const std::string text = wholeStream(generator);
        QVERIFY(text.starts_with("t,x0,x1,x2,x3,x4,r0,r1,r2\n0,"));
        const auto stream = rl::LearningStream::parse(text, "generated");
        QCOMPARE(stream.rounds(), std::size_t{2500});
        QCOMPARE(stream.dimension, std::size_t{5});
        QCOMPARE(stream.arms, std::size_t{3});
        const auto weights = rl::TrueWeights::parse(generator.meta().dump(), "meta.json");
        QCOMPARE(weights.toJson()["true_weights"], generator.meta()["true_weights"]);
        for (const auto &w : weights.initial()) {
            double sum = 0.0;
            for (const double v : w) {
                QVERIFY(v > 0.0);
                sum += v;
            }
            QVERIFY(std::abs(sum - 1.0) < 1e-12);
        }
        double squaredError = 0.0;
        for (std::size_t t = 0; t < stream.rounds(); ++t) {
            for (std::size_t k = 0; k < stream.arms; ++k) {
                const double r = stream.rewards[t * stream.arms + k];
                QVERIFY(r >= 0.0 && r <= 1.0);
                double expected = 0.0;
                for (std::size_t i = 0; i < stream.dimension; ++i)
                    expected += weights.initial()[k][i] * stream.contexts[t * stream.dimension + i];
                squaredError += (r - expected) * (r - expected);
            }
        }
        const double sd = std::sqrt(squaredError / double(stream.rounds() * stream.arms));
        QVERIFY2(sd > 0.04 && sd < 0.06, qPrintable(QString::number(sd))); // the noise asked for, 0.05
        QCOMPARE(generator.meta()["noise_sd"].get<double>(), 0.05);
        QCOMPARE(generator.meta()["arms"][2].get<std::string>(), std::string("arm-2"));
    }

    // From a drift's round on, the arms follow weights drawn from its seed; the contexts stay as they were.
    void driftDrawsNewWeightsFromItsRound()
    {
        rl::StreamSpec spec = smallSpec();
        rl::StreamGenerator stationary(spec);
        spec.drift = {{1000, 7}, {2000, 8}};
        rl::StreamGenerator drifting(spec);
        const auto before = rl::LearningStream::parse(wholeStream(stationary), "a");
        const auto after = rl::LearningStream::parse(wholeStream(drifting), "b");
        QCOMPARE(after.contexts, before.contexts);
        const auto meta = drifting.meta();
        QCOMPARE(meta["drift"].size(), std::size_t{2});
        QCOMPARE(meta["drift"][0]["round"].get<std::size_t>(), std::size_t{1000});
        QCOMPARE(meta["drift"][1]["seed"].get<std::uint64_t>(), std::uint64_t{8});
        const auto weights = rl::TrueWeights::parse(meta.dump(), "meta.json");
        QVERIFY(weights.at(999) == weights.initial());
        QVERIFY(weights.at(1000) != weights.initial());
        QVERIFY(weights.at(2000) != weights.at(1999));
    }

    void badSpecsNameTheField()
    {
        rl::StreamSpec spec = smallSpec();
        spec.arms = 65;
        QCOMPARE(specError(spec), QStringLiteral("arms: 65 is not in 1..64"));
        spec = smallSpec();
        spec.dimension = 0;
        QCOMPARE(specError(spec), QStringLiteral("dims: 0 is not in 1..256"));
        spec = smallSpec();
        spec.rounds = 1000001;
        QCOMPARE(specError(spec), QStringLiteral("rounds: 1000001 is not in 1..1000000"));
        spec = smallSpec();
        spec.noiseSd = -1;
        QCOMPARE(specError(spec), QStringLiteral("noise: -1 is not in 0..10"));
        spec = smallSpec();
        spec.drift = {{2500, 1}};
        QCOMPARE(specError(spec), QStringLiteral("drift: round 2500 is past the last round (2500 rounds, counting "
                                                 "from 0)"));
        spec.drift = {{1000, 1}, {1000, 2}};
        QCOMPARE(specError(spec), QStringLiteral("drift: round 1000 is given twice"));
        spec.drift = {{1500, 1}, {1000, 2}};
        QCOMPARE(specError(spec), QStringLiteral("drift: round 1000 comes after round 1500: drifts go in round order"));
        spec.drift = {{0, 1}};
        QCOMPARE(specError(spec), QStringLiteral("drift: round 0: the first weights hold from round 0, a drift starts "
                                                 "at round 1 or later"));
    }
};

QTEST_GUILESS_MAIN(TstStreamGenerator)
#include "tst_streamgenerator.moc"
