#pragma once

#include <optional>

#include <QCoreApplication>
#include <QList>
#include <QString>

#include "gui/host/EngineSnapshot.h"
#include "gui/host/LiveStats.h"

namespace rl {

// The runbook's Troubleshooting Checklist, each item judged on the live engine.
class TroubleshootingChecklist {
    Q_DECLARE_TR_FUNCTIONS(TroubleshootingChecklist)

public:
    static constexpr double kSuccessRateFloor = 0.95;

    struct Item {
        QString text;
        std::optional<bool> ok; // nullopt: not known yet
        QString detail;
    };

    static QList<Item> evaluate(const EngineSnapshot &snapshot, const LiveSample &sample);
};

} // namespace rl
