#include <QtTest>

#include <map>
#include <random>
#include <string>
#include <unordered_map>

#include "core/routing/RoutingHistory.h"

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

namespace {

// The history's behaviour spelled out with standard containers, to check the hash table against.
struct Reference {
    explicit Reference(std::size_t bound)
        : capacity(bound)
    {
    }

    std::size_t capacity;
    std::unordered_map<std::string, std::uint64_t> sequenceOf;
    std::map<std::uint64_t, std::pair<std::string, Clock::time_point>> bySequence; // oldest first
    std::uint64_t next = 0;

    void remove(std::string id) // a copy: the caller's may live in the entry being removed
    {
        bySequence.erase(sequenceOf.at(id));
        sequenceOf.erase(id);
    }
    std::size_t insert(const std::string &id, Clock::time_point at)
    {
        std::size_t evicted = 0;
        if (sequenceOf.count(id)) {
            remove(id);
            ++evicted;
        }
        if (sequenceOf.size() == capacity) {
            remove(bySequence.begin()->second.first);
            ++evicted;
        }
        sequenceOf[id] = next;
        bySequence[next++] = {id, at};
        return evicted;
    }
    std::size_t evictBefore(Clock::time_point cutoff)
    {
        std::size_t evicted = 0;
        while (!bySequence.empty() && bySequence.begin()->second.second < cutoff) {
            remove(bySequence.begin()->second.first);
            ++evicted;
        }
        return evicted;
    }
};

} // namespace

class TestRoutingHistory : public QObject {
    Q_OBJECT

private slots:
    void matchesTheReference_data()
    {
        QTest::addColumn<int>("capacity");
        QTest::addColumn<int>("ids");
        QTest::addColumn<int>("steps");
        QTest::newRow("tiny, every path") << 1 << 4 << 2000;
        QTest::newRow("small, crowded") << 50 << 200 << 40000;
        QTest::newRow("large, grows and empties") << 20000 << 60000 << 200000;
    }

    void matchesTheReference()
    {
        QFETCH(int, capacity);
        QFETCH(int, ids);
        QFETCH(int, steps);
        std::mt19937_64 random(42);
        std::vector<std::string> pool;
        for (int i = 0; i < ids; ++i) // short ids fit std::string's inline buffer; long ones do not
            pool.push_back(i % 3 ? "traj-" + std::to_string(i) : "a-much-longer-trajectory-id-" + std::to_string(i));

        rl::RoutingHistory history(std::size_t(capacity), 100s);
        Reference reference(static_cast<std::size_t>(capacity));
        Clock::time_point now{};
        for (int step = 0; step < steps; ++step) {
            const std::string &id = pool[random() % pool.size()];
            const auto op = random() % 100;
            // Phases: mostly inserting, then mostly consuming, so the history fills up and empties again.
            const bool filling = (step / (steps / 8)) % 2 == 0;
            if (op < (filling ? 60u : 20u)) {
                now += std::chrono::milliseconds(random() % 50);
                rl::RoutingDecision decision;
                decision.trajectoryId = id;
                decision.arm = reference.next; // lets a find check it got this very decision
                decision.decidedAt = now;
                QCOMPARE(history.insert(decision), reference.insert(id, now));
            } else if (op < 97) {
                const auto found = history.find(id);
                QCOMPARE(bool(found), reference.sequenceOf.count(id) == 1);
                if (found) {
                    QCOMPARE(history.decision(found).trajectoryId, id);
                    QCOMPARE(std::uint64_t(history.decision(found).arm), reference.sequenceOf.at(id));
                    history.erase(found);
                    reference.remove(id);
                }
            } else {
                QCOMPARE(history.evictExpired(now), reference.evictBefore(now - 100s));
            }
            QCOMPARE(history.size(), reference.sequenceOf.size());
        }
        // Everything still remembered is findable, under the right decision; consuming it all empties it.
        for (const auto &[sequence, entry] : std::map(reference.bySequence)) {
            const auto found = history.find(entry.first, rl::RoutingHistory::hashOf(entry.first));
            QVERIFY(found);
            QCOMPARE(std::uint64_t(history.decision(found).arm), sequence);
            history.erase(found);
        }
        QCOMPARE(history.size(), std::size_t(0));
        QVERIFY(!history.find(pool.front()));
        // And it is usable again after giving its memory back.
        rl::RoutingDecision again;
        again.trajectoryId = "again";
        QCOMPARE(history.insert(again), std::size_t(0));
        QVERIFY(history.find("again"));
    }

    void ageEvictionIsOldestFirst()
    {
        rl::RoutingHistory history(10, 60s);
        const Clock::time_point start{};
        for (int i = 0; i < 5; ++i) {
            rl::RoutingDecision decision;
            decision.trajectoryId =
                std::string("t").append(std::to_string(i)); // not "t" + ...: GCC 12's -Wrestrict false positive
            decision.decidedAt = start + std::chrono::seconds(10 * i);
            history.insert(decision);
        }
        QCOMPARE(history.evictExpired(start + 60s), std::size_t(0)); // t0 is exactly 60 s old: kept
        QCOMPARE(history.evictExpired(start + 85s), std::size_t(3)); // t0, t1, t2
        QVERIFY(!history.find("t2"));
        QVERIFY(history.find("t3"));
        QCOMPARE(history.size(), std::size_t(2));
    }

    void badBoundsAreRefused()
    {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, rl::RoutingHistory(0, 60s));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, rl::RoutingHistory(rl::RoutingHistory::kMaxCapacity + 1, 60s));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, rl::RoutingHistory(10, 0s));
    }
};

QTEST_GUILESS_MAIN(TestRoutingHistory)
#include "tst_routinghistory.moc"
