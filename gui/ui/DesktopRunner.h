#pragma once

#include <QObject>
#include <QSize>
#include <QString>

#include "gui/host/PrometheusSource.h"
#include "gui/host/RemoteSource.h"
#include "gui/server/HeadlessRunner.h"
#include "gui/ui/TuningSettings.h"

class QMainWindow;
class QTextStream;

namespace rl {

class StopSignals;

// `rlstudio` with a display: the main window on a running engine, with the API, /metrics and /health served as in
// headless mode; given --connect, the main window on another instance; given --prometheus, the fleet window
// on a Prometheus server; given --workbench, the experiments window alone. --screenshot and --exit-after make it
// run for a while, save the window and exit.
class DesktopRunner : public QObject {
    Q_OBJECT

public:
    struct Options {
        HeadlessRunner::Options server;            // the engine, its alert rules and where to listen
        QString screenshot;                        // a PNG to save before exiting
        double exitAfterSeconds = 0.0;             // 0: run until closed
        QSize size;                                // the window's size; invalid keeps the saved or default one
        TuningSettings::Overrides tuningOverrides; // what the command line or the environment set
        PrometheusSource::Options prometheus;      // a URL: the fleet window on that server, no engine here
        double fleetRangeSeconds = 3600.0;         // its charts' range at the start
        RemoteSource::Options remote;              // a URL: the main window on that instance, no engine here
        QByteArray remoteToken;                    // the API token of the instances --connect or --prometheus operates
        bool workbench = false;                    // the experiments window alone, no engine
    };
    static constexpr double kDefaultScreenshotDelaySeconds = 10.0;

    explicit DesktopRunner(Options options, QObject *parent = nullptr);

    // A platform named explicitly (offscreen, xcb, ...) or a display to connect to.
    static bool haveDisplay();

    int run(QTextStream &out, QTextStream &err);

private:
    // Installs the stop signals (a `kill` closes the window as its close button would), or logs otherwise
    // with the reason as its %1.
    static void install(StopSignals &stopSignals, const QString &otherwise);
    // Shows the window until it is closed or a stop signal comes; with --exit-after, saves the screenshot
    // if one was asked for and closes it then. Returns the exit code.
    int showUntilClosed(QMainWindow &window, StopSignals &stopSignals, QTextStream &err);
    int runFleet(QTextStream &err);
    int runRemote(QTextStream &err);
    int runWorkbench(QTextStream &err);

    Options m_options;
};

} // namespace rl
