#include "gui/host/StreamWeights.h"

#include <QDir>
#include <QFileInfo>

#include "core/support/InputFile.h"

namespace rl {

QString StreamWeights::path(const QString &stream, const QString &weights)
{
    return weights.isEmpty() ? QFileInfo(stream).dir().filePath(QStringLiteral("meta.json")) : weights;
}

TrueWeights StreamWeights::load(const QString &stream, const QString &weights)
{
    try {
        return TrueWeights::load(path(stream, weights).toStdString());
    } catch (const InputError &error) {
        if (!weights.isEmpty())
            throw;
        throw InputError(std::string(error.what())
                         + tr(" (the true weights are read from meta.json beside the stream unless --weights names "
                              "them)")
                               .toStdString());
    }
}

} // namespace rl
