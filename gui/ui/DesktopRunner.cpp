#include "gui/ui/DesktopRunner.h"

#include <QApplication>
#include <QStatusBar>
#include <QTextStream>
#include <QTimer>

#include "gui/host/EngineHost.h"
#include "gui/host/LogRouter.h"
#include "gui/host/LoggingCategories.h"
#include "gui/host/RemoteSource.h"
#include "gui/host/StopSignals.h"
#include "gui/server/ApiService.h"
#include "gui/ui/ExperimentWindow.h"
#include "gui/ui/FleetWindow.h"
#include "gui/ui/MainWindow.h"

namespace rl {

namespace {

constexpr int kNoticeMs = 20000;

} // namespace

DesktopRunner::DesktopRunner(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    if (!m_options.screenshot.isEmpty() && m_options.exitAfterSeconds <= 0.0)
        m_options.exitAfterSeconds = kDefaultScreenshotDelaySeconds;
}

bool DesktopRunner::haveDisplay()
{
    return qEnvironmentVariableIsSet("QT_QPA_PLATFORM") || qEnvironmentVariableIsSet("DISPLAY")
           || qEnvironmentVariableIsSet("WAYLAND_DISPLAY");
}

void DesktopRunner::install(StopSignals &stopSignals, const QString &otherwise)
{
    if (!stopSignals.install())
        qCWarning(lcUi).noquote() << otherwise.arg(stopSignals.errorString());
}

int DesktopRunner::showUntilClosed(QMainWindow &window, StopSignals &stopSignals, QTextStream &err)
{
    if (m_options.size.isValid())
        window.resize(m_options.size);
    window.show();
    QObject::connect(&stopSignals, &StopSignals::received, &window, [&window](const QString &name) {
        qCInfo(lcUi).noquote() << tr("received %1, closing the window").arg(name);
        window.close();
        QCoreApplication::exit(0);
    });
    int code = 0;
    if (m_options.exitAfterSeconds > 0.0) {
        QTimer::singleShot(
            static_cast<int>(m_options.exitAfterSeconds * 1000.0), &window, [this, &window, &code, &err] {
                if (!m_options.screenshot.isEmpty()) {
                    if (window.grab().save(m_options.screenshot, "PNG")) {
                        qCInfo(lcUi).noquote() << tr("saved a screenshot to %1").arg(m_options.screenshot);
                    } else {
                        err << tr("rlstudio: cannot save the screenshot to %1").arg(m_options.screenshot) << Qt::endl;
                        code = 1;
                    }
                }
                window.close();
                QCoreApplication::exit(code);
            });
    }
    const int exitCode = QApplication::exec();
    return code != 0 ? code : exitCode;
}

int DesktopRunner::runFleet(QTextStream &err)
{
    LogRouter log;
    StopSignals stopSignals;
    install(stopSignals, tr("kill will end the window at once: %1"));
    FleetWindow window({m_options.prometheus, m_options.remoteToken, &log, m_options.fleetRangeSeconds});
    return showUntilClosed(window, stopSignals, err);
}

int DesktopRunner::runRemote(QTextStream &err)
{
    LogRouter log;
    StopSignals stopSignals;
    install(stopSignals, tr("kill will end the window at once: %1"));
    RemoteSource::Options remote = m_options.remote;
    remote.token = m_options.remoteToken;
    RemoteSource source(remote);
    // The window's layout is the user's; the tuning is the remote instance's own, and nothing of it is saved here.
    MainWindow window(source, {QString(), &log, m_options.screenshot.isEmpty(), {}});
    return showUntilClosed(window, stopSignals, err);
}

int DesktopRunner::runWorkbench(QTextStream &err)
{
    StopSignals stopSignals;
    install(stopSignals, tr("kill will end the window at once: %1"));
    ExperimentWindow window({m_options.screenshot.isEmpty(), QString()});
    return showUntilClosed(window, stopSignals, err);
}

int DesktopRunner::run(QTextStream &out, QTextStream &err)
{
    if (m_options.workbench)
        return runWorkbench(err);
    if (m_options.prometheus.url.isValid())
        return runFleet(err);
    if (m_options.remote.url.isValid())
        return runRemote(err);
    LogRouter log;
    // First: a `kill` during start-up or later closes the window as its close button would (settings saved,
    // journal closed), not by the default action.
    StopSignals stopSignals;
    install(stopSignals, tr("kill will end the window without saving its settings: %1"));
    // The saved tuning, except what the command line set; a documentation run (--screenshot) uses neither.
    const bool documentation = !m_options.screenshot.isEmpty();
    HeadlessRunner::Options server = m_options.server;
    QStringList notices;
    if (!documentation)
        notices = TuningSettings::apply(server.engine, server.alerts, m_options.tuningOverrides);
    for (const QString &notice : notices)
        qCInfo(lcUi).noquote() << notice;
    EngineHost host(server.engine, server.alerts);
    ApiService api(host, server.api); // after the host: its threads stop first
    QString url;
    if (api.listen()) {
        url = api.url();
        out << api.listeningLine() << Qt::endl; // the only place a port picked with :0 is said, the status bar aside
    } else
        qCWarning(lcUi).noquote() << tr("HTTP API off: %1").arg(api.errorString());

    MainWindow window(host, {url, &log, !documentation, m_options.tuningOverrides});
    if (!notices.isEmpty()) // the window says when the command line overrides what it saved
        window.statusBar()->showMessage(notices.join(QStringLiteral("; ")), kNoticeMs);
    return showUntilClosed(window, stopSignals, err);
}

} // namespace rl
