#include "core/journal/JournalCounters.h"

#include <string_view>
#include <utility>

#include "core/journal/SqliteDatabase.h"
#include "core/journal/SqliteStatement.h"

namespace rl {

namespace {

// The persistent counters by meta key, in one place for reading and writing.
template<typename Counters>
auto persistentFields(Counters &c)
{
    using Value = std::conditional_t<std::is_const_v<Counters>, const std::uint64_t, std::uint64_t>;
    return std::array<std::pair<std::string_view, Value *>, 11>{{{"next_seq", &c.nextSeq},
                                                                 {"next_event_id", &c.nextEventId},
                                                                 {"processed", &c.processed},
                                                                 {"failed_missing_history", &c.failed[0]},
                                                                 {"failed_invalid", &c.failed[1]},
                                                                 {"failed_exception", &c.failed[2]},
                                                                 {"dropped", &c.dropped},
                                                                 {"purged", &c.purged},
                                                                 {"queued", &c.queued},
                                                                 {"decision_rows", &c.decisionRows},
                                                                 {"consumption_mismatches", &c.consumptionMismatches}}};
}

static_assert(kFailureReasons == 3, "a meta key per failure reason");

} // namespace

JournalTotals JournalCounters::totals() const
{
    JournalTotals totals;
    totals.accepted = nextSeq - 1;
    totals.processed = processed;
    totals.failedByReason = failed;
    for (std::uint64_t n : failed)
        totals.failed += n;
    totals.dropped = dropped;
    totals.purged = purged;
    totals.queued = queued;
    return totals;
}

JournalCounters loadJournalCounters(SqliteDatabase &db)
{
    JournalCounters counters;
    auto fields = persistentFields(counters);
    SqliteStatement select(db, "SELECT key, value FROM meta");
    while (select.step()) {
        for (auto &[key, value] : fields) {
            if (key == select.columnText(0))
                *value = static_cast<std::uint64_t>(select.columnInt(1));
        }
    }
    return counters;
}

void saveJournalCounters(SqliteStatement &upsert, const JournalCounters &counters, const JournalCounters &before)
{
    const auto now = persistentFields(counters);
    const auto then = persistentFields(before);
    for (std::size_t i = 0; i < now.size(); ++i) {
        if (*now[i].second != *then[i].second)
            upsert.bindText(1, now[i].first).bind(2, *now[i].second).run();
    }
}

} // namespace rl
