#include "gui/cli/SimulateStreamCommand.h"

#include <QDir>
#include <QSaveFile>
#include <QTextStream>

#include <nlohmann/json.hpp>

#include "gui/cli/TerminalProgress.h"

namespace rl {

namespace {

constexpr std::size_t kRoundsPerChunk = 4096;

} // namespace

int SimulateStreamCommand::run(const Options &options, QTextStream &out, QTextStream &err)
{
    const auto fail = [&err](const QString &message) {
        err << tr("rlstudio simulate-stream: %1").arg(message) << Qt::endl;
        return 1;
    };
    if (!QDir().mkpath(options.out))
        return fail(tr("cannot create the folder %1").arg(options.out));
    const QDir dir(options.out);
    StreamGenerator generator(options.spec);

    QSaveFile stream(dir.filePath(QStringLiteral("learning_stream.csv")));
    QSaveFile meta(dir.filePath(QStringLiteral("meta.json")));
    for (QSaveFile *file : {&stream, &meta}) {
        if (!file->open(QIODevice::WriteOnly))
            return fail(tr("cannot write %1: %2").arg(file->fileName(), file->errorString()));
    }
    meta.write(QByteArray::fromStdString(generator.meta().dump(1) + "\n"));
    std::string chunk = generator.header();
    {
        TerminalProgress progress(err, tr("simulate-stream"));
        while (generator.roundsDone() < options.spec.rounds) {
            generator.next(chunk, kRoundsPerChunk);
            if (stream.write(chunk.data(), static_cast<qint64>(chunk.size())) != static_cast<qint64>(chunk.size()))
                return fail(tr("cannot write %1: %2").arg(stream.fileName(), stream.errorString()));
            chunk.clear();
            if (!progress.update(generator.roundsDone(), options.spec.rounds))
                return fail(tr("cancelled: %1 was left as it was").arg(options.out));
        }
    }
    // The stream first: a meta.json is never beside a stream it does not describe.
    for (QSaveFile *file : {&stream, &meta}) {
        if (!file->commit())
            return fail(tr("cannot write %1: %2").arg(file->fileName(), file->errorString()));
    }
    out << tr("simulate-stream: rounds %L1, arms %2, features %3, noise %4, seed %5, drifts %6: wrote %7 and %8")
               .arg(options.spec.rounds)
               .arg(options.spec.arms)
               .arg(options.spec.dimension)
               .arg(options.spec.noiseSd)
               .arg(options.spec.seed)
               .arg(options.spec.drift.size())
               .arg(stream.fileName(), meta.fileName())
        << Qt::endl;
    return 0;
}

} // namespace rl
