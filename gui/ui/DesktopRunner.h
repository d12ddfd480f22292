#pragma once

#include <QObject>
#include <QSize>
#include <QString>

#include "gui/host/PrometheusSource.h"
#include "gui/server/HeadlessRunner.h"
#include "gui/ui/TuningSettings.h"

class QTextStream;

namespace rl {

// `rlstudio` with a display: the main window on a running engine, with the API, /metrics and /health served as in
// headless mode; or, given --prometheus, the fleet window on a Prometheus server. --screenshot and --exit-after make it
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
    };
    static constexpr double kDefaultScreenshotDelaySeconds = 10.0;

    explicit DesktopRunner(Options options, QObject *parent = nullptr);

    // A platform named explicitly (offscreen, xcb, ...) or a display to connect to.
    static bool haveDisplay();

    int run(QTextStream &out, QTextStream &err);

private:
    // Saves the screenshot if one was asked for and ends the event loop, after --exit-after.
    void exitLater(QWidget &window, int &code, QTextStream &err);
    int runFleet(QTextStream &err);

    Options m_options;
};

} // namespace rl
