#pragma once

#include <QObject>
#include <QSize>
#include <QString>

#include "gui/server/HeadlessRunner.h"
#include "gui/ui/TuningSettings.h"

class QTextStream;

namespace rl {

// `rlstudio` with a display: the main window on a running engine, with the API, /metrics and /health served as in
// headless mode. --screenshot and --exit-after make it run for a while, save the window and exit.
class DesktopRunner : public QObject {
    Q_OBJECT

public:
    struct Options {
        HeadlessRunner::Options server;            // the engine, its alert rules and where to listen
        QString screenshot;                        // a PNG to save before exiting
        double exitAfterSeconds = 0.0;             // 0: run until closed
        QSize size;                                // the window's size; invalid keeps the saved or default one
        TuningSettings::Overrides tuningOverrides; // what the command line or the environment set
    };
    static constexpr double kDefaultScreenshotDelaySeconds = 10.0;

    explicit DesktopRunner(Options options, QObject *parent = nullptr);

    // A platform named explicitly (offscreen, xcb, ...) or a display to connect to.
    static bool haveDisplay();

    int run(QTextStream &out, QTextStream &err);

private:
    Options m_options;
};

} // namespace rl
