// The live figures from a snapshot stream: rates over the rate window, or over the last interval when the
// snapshots come further apart (a remote source's scrapes); totals that go back (a restart) or a new series
// epoch (an instance of a sum came or went) start the figures afresh instead of reading as traffic.
#include <QTest>

#include "gui/host/LiveStats.h"

using rl::EngineSnapshot;
using rl::LiveStats;

namespace {

EngineSnapshot at(double seconds, std::uint64_t processed, std::uint64_t dropped = 0, std::uint64_t epoch = 0)
{
    EngineSnapshot snapshot;
    snapshot.wallTimeMs = 1'800'000'000'000 + static_cast<std::int64_t>(seconds * 1000.0);
    snapshot.health.totals.processed = processed;
    snapshot.health.totals.dropped = dropped;
    snapshot.seriesEpoch = epoch;
    return snapshot;
}

} // namespace

class TstLiveStats : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sparseSnapshotsKeepTheirRate()
    {
        // Scrapes 15 s apart, wider than the 10 s rate window: 150 items each time is 10 a second, every time.
        LiveStats stats;
        for (int scrape = 0; scrape < 5; ++scrape) {
            stats.add(at(15.0 * scrape, 150u * static_cast<unsigned>(scrape)));
            if (scrape > 0)
                QCOMPARE(stats.current().processedPerSecond, 10.0);
        }
    }

    void totalsGoingBackStartAfresh()
    {
        LiveStats stats;
        stats.add(at(0, 1000, 40));
        stats.add(at(1, 1010, 40));
        stats.add(at(2, 5, 0)); // restarted: its counters from zero
        QCOMPARE(stats.current().processedPerSecond, 0.0);
        QCOMPARE(stats.current().recentDropped, std::uint64_t(0));
        stats.add(at(3, 15, 0));
        QCOMPARE(stats.current().processedPerSecond, 10.0);
    }

    void aNewEpochIsNotTraffic()
    {
        LiveStats stats;
        stats.add(at(0, 100));
        stats.add(at(1, 110));
        stats.add(at(2, 10'110, 0, 1)); // an instance of the sum came back with its 10,000
        QCOMPARE(stats.current().processedPerSecond, 0.0);
        stats.add(at(3, 10'130, 0, 1));
        QCOMPARE(stats.current().processedPerSecond, 20.0);
    }
};

QTEST_GUILESS_MAIN(TstLiveStats)
#include "tst_livestats.moc"
