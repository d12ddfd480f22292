#include "gui/cli/ExportCommand.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QTextStream>

#include "core/journal/DecisionLogFormat.h"
#include "core/journal/JournalCancelled.h"
#include "gui/cli/TerminalProgress.h"

namespace rl {

int ExportCommand::run(const Options &options, QTextStream &out, QTextStream &err)
{
    const auto fail = [&err](const QString &message) {
        err << tr("rlstudio export: %1").arg(message) << Qt::endl;
        return 1;
    };
    const DecisionLogFormat::Kind kind = DecisionLogFormat::parse(options.format.toStdString());
    if (!QFileInfo::exists(QDir(options.dataDir).filePath(QStringLiteral("journal.db"))))
        return fail(tr("no journal in %1 (journal.db is missing)").arg(options.dataDir));
    QSaveFile file(options.out);
    if (!file.open(QIODevice::WriteOnly))
        return fail(tr("cannot write %1: %2").arg(options.out, file.errorString()));

    std::uint64_t written = 0;
    std::uint64_t unrewarded = 0;
    bool headerWritten = false;
    bool writeFailed = false;
    std::string chunk;
    const auto flush = [&] {
        if (!chunk.empty()
            && file.write(chunk.data(), static_cast<qint64>(chunk.size())) != static_cast<qint64>(chunk.size()))
            writeFailed = true;
        chunk.clear();
    };
    std::uint64_t decisions = 0;
    try {
        TerminalProgress progress(err, tr("export"));
        decisions = JournalExport::decisionLog(
            options.dataDir.toStdString(),
            [&](const JournalExportRow &row) {
                if (!row.learned) {
                    ++unrewarded;
                    return;
                }
                if (!headerWritten) {
                    chunk += DecisionLogFormat::header(kind, row.decision.features.size(),
                                                       row.decision.probabilities.size());
                    headerWritten = true;
                }
                chunk += DecisionLogFormat::line(kind, row);
                ++written;
                if (chunk.size() > (1 << 20))
                    flush();
            },
            [&](std::uint64_t done, std::uint64_t total) { return !writeFailed && progress.update(done, total); });
    } catch (const JournalCancelled &) {
        return fail(writeFailed ? tr("cannot write %1: %2").arg(options.out, file.errorString())
                                : tr("cancelled: %1 was not written").arg(options.out));
    } catch (const std::exception &error) {
        return fail(tr("cannot read the journal in %1: %2").arg(options.dataDir, QString::fromUtf8(error.what())));
    }
    flush();
    if (writeFailed || !file.commit())
        return fail(tr("cannot write %1: %2").arg(options.out, file.errorString()));
    out << tr("export: %L1 decisions with a reward written to %2 as %3; %L4 of the %L5 in the log have no reward yet "
              "and were left out")
               .arg(written)
               .arg(options.out, options.format)
               .arg(unrewarded)
               .arg(decisions)
        << Qt::endl;
    return 0;
}

} // namespace rl
