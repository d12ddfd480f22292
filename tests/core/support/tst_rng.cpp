#include <QtTest>

#include <cmath>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "core/support/Rng.h"

using rl::Rng;

class TstRng : public QObject {
    Q_OBJECT

private slots:
    void matchesReferenceXoshiro();
    void sameSeedSameSequence();
    void uniformInUnitInterval();
    void belowIsInRangeAndUnbiased();
    void belowZeroRejected();
    void normalHasRequestedMoments();
    void stateRoundTripResumesExactly();
    void badStateRejected_data();
    void badStateRejected();
};

void TstRng::matchesReferenceXoshiro()
{
    // xoshiro256** seeded by splitmix64(1), from an independent Python transcription of the reference C.
    Rng rng(1);
    QCOMPARE(rng.next(), 0xb3f2af6d0fc710c5ULL);
    QCOMPARE(rng.next(), 0x853b559647364ceaULL);
    QCOMPARE(rng.next(), 0x92f89756082a4514ULL);
}

void TstRng::sameSeedSameSequence()
{
    Rng a(42);
    Rng b(42);
    Rng c(43);
    bool differs = false;
    for (int i = 0; i < 1000; ++i) {
        const auto va = a.next();
        QCOMPARE(b.next(), va);
        differs = differs || c.next() != va;
    }
    QVERIFY(differs);
    for (int i = 0; i < 1000; ++i)
        QCOMPARE(a.normal(), b.normal());
}

void TstRng::uniformInUnitInterval()
{
    Rng rng(7);
    constexpr int n = 200000;
    double sum = 0.0;
    for (int i = 0; i < n; ++i) {
        const double u = rng.uniform();
        QVERIFY(u >= 0.0 && u < 1.0);
        sum += u;
    }
    // sd of the mean is sqrt(1/12/n) ~ 0.00065
    QVERIFY(std::abs(sum / n - 0.5) < 0.004);
}

void TstRng::belowIsInRangeAndUnbiased()
{
    Rng rng(9);
    QCOMPARE(rng.below(1), std::size_t{0});
    constexpr int n = 120000;
    int counts[6] = {};
    for (int i = 0; i < n; ++i) {
        const auto v = rng.below(6);
        QVERIFY(v < 6);
        ++counts[v];
    }
    // Each bucket expects 20000 with sd ~ 129.
    for (const int c : counts)
        QVERIFY2(std::abs(c - n / 6) < 800, qPrintable(QString::number(c)));
}

void TstRng::belowZeroRejected()
{
    Rng rng(1);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, rng.below(0));
}

void TstRng::normalHasRequestedMoments()
{
    Rng rng(11);
    constexpr int n = 200000;
    double sum = 0.0;
    double sumSq = 0.0;
    for (int i = 0; i < n; ++i) {
        const double z = rng.normal(2.0, 3.0);
        QVERIFY(std::isfinite(z));
        sum += z;
        sumSq += z * z;
    }
    const double mean = sum / n;
    const double sd = std::sqrt(sumSq / n - mean * mean);
    QVERIFY2(std::abs(mean - 2.0) < 0.03, qPrintable(QString::number(mean)));
    QVERIFY2(std::abs(sd - 3.0) < 0.03, qPrintable(QString::number(sd)));
}

void TstRng::stateRoundTripResumesExactly()
{
    Rng rng(5);
    for (int i = 0; i < 17; ++i)
        rng.next();
    rng.normal(); // leaves the polar method's spare cached: the state must carry it
    const std::string saved = rng.state().dump();

    Rng restored(999);
    restored.restore(nlohmann::json::parse(saved));
    QCOMPARE(restored.state().dump(), saved);
    for (int i = 0; i < 100; ++i) {
        QCOMPARE(restored.normal(), rng.normal());
        QCOMPARE(restored.uniform(), rng.uniform());
        QCOMPARE(restored.below(10), rng.below(10));
    }
}

void TstRng::badStateRejected_data()
{
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("message");
    const auto good = Rng(3).state();
    const auto with = [&](const char *key, const nlohmann::json &value) {
        auto s = good;
        s[key] = value;
        return QString::fromStdString(s.dump());
    };
    auto missing = good;
    missing.erase("has_spare");
    QTest::newRow("not an object") << "[1,2]"
                                   << "rng state: expected a JSON object, got array";
    QTest::newRow("s too short") << with("s", {"1", "2"}) << "rng state.s: expected an array of 4 hex strings";
    QTest::newRow("s not hex") << with("s", {"1", "2", "zz", "4"}) << "rng state.s[2]: not a 64-bit hex number: 'zz'";
    QTest::newRow("s number") << with("s", {1, "2", "3", "4"}) << "rng state.s[0]: expected a hex string, got 1";
    QTest::newRow("s all zero") << with("s", {"0", "0", "0", "0"})
                                << "rng state.s: all zero, a state xoshiro256** never reaches";
    QTest::newRow("no has_spare") << QString::fromStdString(missing.dump()) << "rng state.has_spare: missing";
    QTest::newRow("spare text") << with("spare", "x") << "rng state.spare: expected a number, got string";
}

void TstRng::badStateRejected()
{
    QFETCH(QString, state);
    QFETCH(QString, message);
    Rng rng(3);
    const auto before = rng.state();
    try {
        rng.restore(nlohmann::json::parse(state.toStdString()));
        QFAIL("restore accepted a bad state");
    } catch (const std::invalid_argument &e) {
        QCOMPARE(QString::fromUtf8(e.what()), message);
    }
    QCOMPARE(rng.state(), before); // a rejected state changes nothing
}

QTEST_GUILESS_MAIN(TstRng)
#include "tst_rng.moc"
