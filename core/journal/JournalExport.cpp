#include "core/journal/JournalExport.h"

#include <algorithm>

#include "core/journal/DecisionRow.h"
#include "core/journal/JournalCancelled.h"
#include "core/journal/LearnedWalk.h"
#include "core/journal/SqliteDatabase.h"
#include "core/journal/SqliteStatement.h"

namespace rl {

namespace {

constexpr std::uint64_t kProgressEvery = 4096;

} // namespace

std::uint64_t JournalExport::decisionLog(const std::string &directory, const Row &row, const Progress &progress,
                                         std::uint64_t fromEventId)
{
    SqliteDatabase db(directory + "/journal.db", SqliteDatabase::Mode::ReadOnly);
    db.exec("BEGIN"); // one snapshot for the count and the rows
    const auto total = static_cast<std::uint64_t>(db.queryInt("SELECT value FROM meta WHERE key = 'decision_rows'"));
    LearnedWalk learned(db, LearnedWalk::Direction::Up, fromEventId);
    SqliteStatement select(db, "SELECT " + std::string(kDecisionColumnsOfD)
                                   + " FROM decisions d WHERE d.event_id >= ?1 ORDER BY d.event_id");
    select.bind(1, fromEventId);
    std::uint64_t done = 0;
    JournalExportRow line;
    while (select.step()) {
        line.decision = readDecision(select, 0);
        line.learned = learned.find(line.decision.eventId);
        row(line);
        if (++done % kProgressEvery == 0 && progress && !progress(done, std::max(total, done))) {
            select.reset();
            throw JournalCancelled();
        }
    }
    if (progress && !progress(done, done))
        throw JournalCancelled();
    return done;
}

} // namespace rl
