#pragma once

#include <QObject>

class QAction;

namespace rl {

// A row of the runbook's Recommendations table, with a simulator rate typical of that volume.
struct VolumePreset {
    int batchSize;
    double intervalSeconds;
    double itemsPerMinute;
};
inline constexpr VolumePreset kLowVolume{10, 30.0, 5.0};
inline constexpr VolumePreset kMediumVolume{25, 15.0, 30.0};
inline constexpr VolumePreset kHighVolume{50, 10.0, 120.0};

// Every operator action of the window, each with its shortcut and accessible text, shared by the menus
// and the control panel's buttons so they cannot disagree.
class OperatorActions : public QObject {
    Q_OBJECT

public:
    explicit OperatorActions(QObject *parent = nullptr);

    QAction *processOnce;
    QAction *drain;
    QAction *purge;
    QAction *gradualRecovery;
    QAction *restartLoop;
    QAction *resetBandit;
    QAction *evaluationEnabled; // checkable: ENABLE_TRAJECTORY_EVALUATION
    QAction *loopEnabled;       // checkable: ENABLE_TRAJECTORY_FEEDBACK_LOOP
    QAction *simulatorEnabled;  // checkable
    QAction *driftNow;          // the simulated models' rewards change
    QAction *presetLow;
    QAction *presetMedium;
    QAction *presetHigh;
    QAction *restoreDefaults; // the tuning back to the defaults, the saved tuning forgotten
    QAction *resetLayout;     // the window's size, panes, tab and chart window back to the defaults
    QAction *quit;

private:
    QAction *make(const QString &text, const QString &toolTip, const QKeySequence &shortcut, bool checkable = false);
};

} // namespace rl
