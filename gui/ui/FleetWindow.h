#pragma once

#include <map>

#include <QMainWindow>
#include <QThread>

#include "gui/host/FleetCharts.h"
#include "gui/host/FleetSnapshot.h"
#include "gui/host/PrometheusSource.h"
#include "gui/host/SourceStatus.h"

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTabWidget;

namespace rl {

class AlertList;
class FleetOperations;
class LogRouter;
class LogView;
class StatusLine;
class FleetChartsPanel;
class FleetPanel;
class MainWindow;

// The console for a fleet through Prometheus (`rlstudio --prometheus URL`): the fleet table, the charts of
// the selected instances (or of the whole fleet) over a chosen range, and the alerts as Prometheus reports
// them. Prometheus gathers and computes; the source queries it on a thread of its own, so the window never
// waits on the network.
class FleetWindow : public QMainWindow {
    Q_OBJECT

public:
    struct Options {
        PrometheusSource::Options source;
        QByteArray token;             // the instances' control API token (--token-file)
        LogRouter *log = nullptr;     // the event log's source
        double rangeSeconds = 3600.0; // the charts' live range at the start
    };

    explicit FleetWindow(Options options, QWidget *parent = nullptr);
    ~FleetWindow() override; // stops the source's thread

    FleetPanel *fleetPanel() const { return m_fleet; }
    FleetChartsPanel *chartsPanel() const { return m_charts; }
    AlertList *alertList() const { return m_alerts; }
    StatusLine *sourceStatus() const { return m_status; }
    QComboBox *rangeBox() const { return m_range; }
    QComboBox *refreshBox() const { return m_refresh; }
    QLineEdit *selectorField() const { return m_selector; }
    QCheckBox *sumBox() const { return m_sum; }
    FleetOperations *operations() const { return m_operations; }
    LogView *eventLog() const { return m_log; }
    // The requests the source sent, per panel (PrometheusSource::requestSent).
    const std::map<QString, int> &requestCounts() const { return m_requestCounts; }
    int refreshCount() const { return m_refreshes; } // the source's refreshes so far

    // The selected instances (all the table shows when none is selected), summed, in the main window's panels,
    // read from Prometheus. The window deletes itself and its source when closed.
    MainWindow *openInMainWindow();

Q_SIGNALS:
    void fleetShown(); // a refresh reached the table
    void chartsShown();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildToolBar();
    void buildMenus();
    void showFleet(const FleetSnapshot &fleet);
    void showCharts(const FleetCharts &charts);
    void showStatus(const SourceStatus &status);
    void showRangeLabel();
    void pickRange(int index);
    void askCustomRange();
    void applySelector();
    void drillDown();
    template<typename Slot>
    void tellSource(Slot &&slot);

    QUrl m_prometheus;
    QString m_url;
    QString m_selectorApplied; // what the source queries, as the last applied selector has it
    LogRouter *m_logRouter;
    QAction *m_openInMain;
    QThread m_thread;
    PrometheusSource *m_source; // lives on m_thread; deleted there when it finishes
    FleetPanel *m_fleet;
    FleetChartsPanel *m_charts;
    AlertList *m_alerts;
    LogView *m_log;
    FleetOperations *m_operations;
    QTabWidget *m_tabs;
    StatusLine *m_status;
    QLabel *m_rangeLabel = nullptr;
    QComboBox *m_range = nullptr;
    QComboBox *m_refresh = nullptr;
    QLineEdit *m_selector = nullptr;
    QCheckBox *m_sum = nullptr;
    SourceStatus::State m_lastState = SourceStatus::State::Connecting;
    std::map<QString, int> m_requestCounts;
    int m_refreshes = 0;
};

} // namespace rl
