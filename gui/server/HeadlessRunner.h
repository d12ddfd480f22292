#pragma once

#include <QObject>

#include "gui/host/AlertMonitor.h"
#include "gui/host/EngineOptions.h"
#include "gui/server/ApiService.h"

class QTextStream;

namespace rl {

class EngineHost;

// `rlstudio --headless`: the engine and its HTTP API with no window. Prints where it listens and a
// status line every few seconds; SIGINT, SIGTERM or SIGHUP ends it cleanly with exit code 0.
class HeadlessRunner : public QObject {
    Q_OBJECT

public:
    struct Options {
        EngineOptions engine;
        AlertMonitor::Options alerts;
        ApiService::Options api;
        double statusEverySeconds = 5.0; // 0: no status lines
    };

    explicit HeadlessRunner(Options options, QObject *parent = nullptr);
    ~HeadlessRunner() override;

    // Runs the application's event loop until a signal arrives; returns the exit code (1 if it cannot listen).
    int run(QTextStream &out, QTextStream &err);

private:
    void onSignal(const QString &name);
    void printStatus(QTextStream &out, const EngineHost &host) const;

    Options m_options;
    const EngineHost *m_host = nullptr; // while run() runs
};

} // namespace rl
