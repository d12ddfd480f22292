#pragma once

#include <QCoreApplication>
#include <QList>

#include "gui/host/EngineSnapshot.h"
#include "gui/host/LiveStats.h"
#include "widgets/Checklist.h"

namespace rl {

// The runbook's Troubleshooting Checklist, each item judged on the live engine.
class TroubleshootingChecklist {
    Q_DECLARE_TR_FUNCTIONS(TroubleshootingChecklist)

public:
    static constexpr double kSuccessRateFloor = 0.95;

    static QList<Checklist::Item> evaluate(const EngineSnapshot &snapshot, const LiveSample &sample);
};

} // namespace rl
