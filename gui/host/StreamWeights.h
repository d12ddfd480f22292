#pragma once

#include <QCoreApplication>
#include <QString>

#include "core/sim/TrueWeights.h"

namespace rl {

// The true weights a learning stream's regret is measured against: the file named, or else meta.json beside
// the stream (simulate-stream writes them there), as replay, compare and the Compare panel take them.
class StreamWeights {
    Q_DECLARE_TR_FUNCTIONS(StreamWeights)

public:
    // weights when named, else meta.json beside stream.
    static QString path(const QString &stream, const QString &weights);
    // TrueWeights::load of path(); when weights were not named, a failure also says where they were looked for.
    static TrueWeights load(const QString &stream, const QString &weights);
};

} // namespace rl
