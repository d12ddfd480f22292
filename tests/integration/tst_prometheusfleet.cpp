// A real Prometheus scraping three headless rlstudio instances (tenants acme, globex, initech; globex with its
// loop disabled, so its queue only grows), with the queue-depth rule compressed to seconds. The fleet window
// (offscreen) shows the three instances, the stalled one with its queue growing and its alert firing as
// Prometheus reports it, and drills its charts down to a selected instance; `rlstudio fleet` reports every
// instance with the figures Prometheus gives for PromQL written here independently; a killed instance shows
// as down in both.
#include <cmath>
#include <memory>

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include "PrometheusProcess.h"
#include "RlstudioProcess.h"
#include "gui/host/LogRouter.h"
#include "gui/ui/AlertsPanel.h"
#include "gui/ui/FleetChartsPanel.h"
#include "gui/ui/FleetOperations.h"
#include "gui/ui/FleetPanel.h"
#include "gui/ui/FleetWindow.h"
#include "gui/ui/MainWindow.h"
#include "gui/ui/OperatorActions.h"
#include "gui/ui/models/FleetSortModel.h"
#include "gui/ui/models/FleetTableModel.h"
#include "widgets/AlertList.h"
#include "widgets/ChartTimeline.h"
#include "widgets/Checklist.h"
#include "widgets/LogView.h"
#include "widgets/StatusLine.h"
#include "widgets/TimeSeriesChart.h"

namespace {

constexpr int kWaitMs = 60000;

struct Instance {
    QString tenant;
    std::unique_ptr<rltest::RlstudioProcess> process;
    QString address; // HOST:PORT, Prometheus's `instance` label
};

double valueOf(const QJsonValue &value)
{
    return value.isNull() ? std::nan("") : value.toDouble();
}

} // namespace

class TstPrometheusFleet : public QObject {
    Q_OBJECT

private:
    QJsonObject fleet(const QStringList &extra = {})
    {
        const rltest::Finished run =
            rltest::runRlstudio(QStringList{QStringLiteral("fleet"), QStringLiteral("--prometheus"),
                                            m_prometheus->url().toString(), QStringLiteral("--json")}
                                + extra);
        if (run.exitCode != 0)
            qWarning("rlstudio fleet: %s", run.standardError.constData());
        return QJsonDocument::fromJson(run.standardOutput).object();
    }

    // The tenant of the first row: the worst instance.
    static QString worstTenant(const QJsonObject &fleet)
    {
        return fleet.value(QStringLiteral("instances"))
            .toArray()
            .first()
            .toObject()
            .value(QStringLiteral("tenant"))
            .toString();
    }

    // The Operate menu's action whose text starts so.
    QAction *operation(const QString &textStart) const
    {
        for (QAction *action : m_window->operations()->actions())
            if (action->text().startsWith(textStart))
                return action;
        return nullptr;
    }

    // Answers the operation's confirmation as soon as it opens with the button of role, keeping what it asked.
    static void confirmOperation(QMessageBox::ButtonRole role, QString *question)
    {
        QTimer::singleShot(0, [role, question] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            QCOMPARE(box->objectName(), QStringLiteral("FleetOperationConfirmation"));
            *question = box->text() + QLatin1Char('\n') + box->informativeText();
            for (QAbstractButton *button : box->buttons())
                if (box->buttonRole(button) == role)
                    button->click();
        });
    }

    static QJsonObject instanceIn(const QJsonObject &fleet, const QString &tenant)
    {
        for (const QJsonValue &entry : fleet.value(QStringLiteral("instances")).toArray())
            if (entry.toObject().value(QStringLiteral("tenant")).toString() == tenant)
                return entry.toObject();
        return {};
    }

    // The one value of an instant query, NaN for an empty result.
    double scalar(const QString &expression, double atSeconds)
    {
        const QJsonArray result = m_prometheus->query(expression, atSeconds);
        if (result.isEmpty())
            return std::nan("");
        const QString text = result.first().toObject().value(QStringLiteral("value")).toArray().at(1).toString();
        return text == QStringLiteral("NaN") ? std::nan("") : text.toDouble();
    }

    // The window's row of a tenant, as the model has it; empty when it has none.
    const rl::FleetInstance *windowRow(const QString &tenant) const
    {
        for (const rl::FleetInstance &instance : m_window->fleetPanel()->model()->instances())
            if (instance.tenant == tenant)
                return &instance;
        return nullptr;
    }

    std::vector<Instance> m_instances;
    std::unique_ptr<rltest::PrometheusProcess> m_prometheus;
    std::unique_ptr<rl::LogRouter> m_log; // before the window, which it feeds
    std::unique_ptr<rl::FleetWindow> m_window;

private Q_SLOTS:
    void initTestCase()
    {
        if (rltest::PrometheusProcess::executable().isEmpty())
            QSKIP("prometheus is not installed (Debian package prometheus; scripts/test.sh installs it)");
        QStringList targets;
        for (const QString &tenant : {QStringLiteral("acme"), QStringLiteral("globex"), QStringLiteral("initech")}) {
            QStringList arguments{QStringLiteral("--headless"),     QStringLiteral("--ephemeral"),
                                  QStringLiteral("--listen"),       QStringLiteral("127.0.0.1:0"),
                                  QStringLiteral("--status-every"), QStringLiteral("0"),
                                  QStringLiteral("--tenant"),       tenant,
                                  QStringLiteral("--rate"),         QStringLiteral("600"),
                                  QStringLiteral("--interval"),     QStringLiteral("1")};
            if (tenant == QStringLiteral("globex"))
                arguments << QStringLiteral("--disable-loop");
            Instance instance{tenant, std::make_unique<rltest::RlstudioProcess>(arguments), {}};
            const QUrl url = instance.process->waitForListening();
            QVERIFY2(url.isValid(), instance.process->standardError().constData());
            instance.address = QStringLiteral("%1:%2").arg(url.host()).arg(url.port());
            targets << instance.address;
            m_instances.push_back(std::move(instance));
        }
        m_prometheus = std::make_unique<rltest::PrometheusProcess>(
            targets, QStringList{QStringLiteral(RLSTUDIO_SOURCE_DIR "/tests/integration/fleet_rules.yml")});
        QVERIFY2(m_prometheus->url().isValid(), qPrintable(m_prometheus->error()));
        QVERIFY(m_prometheus->waitForTargetsUp(3, kWaitMs));
    }

    void windowShowsTheFleet()
    {
        rl::PrometheusSource::Options options;
        options.url = m_prometheus->url();
        options.refreshSeconds = 1.0;
        m_log = std::make_unique<rl::LogRouter>();
        m_window = std::make_unique<rl::FleetWindow>(rl::FleetWindow::Options{options, {}, m_log.get()});
        m_window->show();
        // Three instances; the stalled one firing, as Prometheus evaluates it, and sorted first.
        QTRY_VERIFY_WITH_TIMEOUT(m_window->fleetPanel()->model()->rowCount() == 3 && windowRow(QStringLiteral("globex"))
                                     && windowRow(QStringLiteral("globex"))
                                            ->firingAlerts.contains(QStringLiteral("RLFeedbackQueueDepthHigh")),
                                 kWaitMs);
        const QSortFilterProxyModel *sorted = m_window->fleetPanel()->sorted();
        QCOMPARE(sorted->index(0, rl::FleetTableModel::TenantColumn).data().toString(), QStringLiteral("globex"));
        QCOMPARE(sorted->index(0, rl::FleetTableModel::StatusColumn).data().toString(), QStringLiteral("firing"));
        QVERIFY(sorted->index(0, rl::FleetTableModel::AlertsColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("RLFeedbackQueueDepthHigh")));
        QVERIFY(windowRow(QStringLiteral("acme"))->firingAlerts.isEmpty());
        QCOMPARE(m_window->alertList()->stateOf(QStringLiteral("RLFeedbackQueueDepthHigh · ")
                                                + windowRow(QStringLiteral("globex"))->instance),
                 QStringLiteral("firing"));
        // Its queue grows from one refresh to the next; its trend has the points to show it.
        const double depth = windowRow(QStringLiteral("globex"))->queueDepth;
        QTRY_VERIFY_WITH_TIMEOUT(windowRow(QStringLiteral("globex"))->queueDepth > depth, kWaitMs);
        QVERIFY(windowRow(QStringLiteral("globex"))->depthTrend.size() >= 2);
        QVERIFY(m_window->sourceStatus()->text().contains(QStringLiteral(": 3 instance")));

        // The charts: the whole fleet, one series an instance; selecting a row drills them down to it.
        rl::TimeSeriesChart *depthChart = m_window->chartsPanel()->charts().front();
        QTRY_COMPARE_WITH_TIMEOUT(depthChart->seriesCount(), 3, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(depthChart->sampleCount(0) > 0, kWaitMs);
        m_window->fleetPanel()->view()->selectRow(0);
        QTRY_COMPARE_WITH_TIMEOUT(depthChart->seriesCount(), 1, kWaitMs);
        for (const rl::TimeSeriesChart *chart : m_window->chartsPanel()->charts())
            QTRY_COMPARE_WITH_TIMEOUT(chart->seriesCount(), 1, kWaitMs); // the charts take an answer in turn
        QTRY_VERIFY_WITH_TIMEOUT(
            depthChart->valueText(0, depthChart->timeline()->endMs()).startsWith(QStringLiteral("globex")), kWaitMs);
        m_window->fleetPanel()->view()->clearSelection();
        QTRY_COMPARE_WITH_TIMEOUT(depthChart->seriesCount(), 3, kWaitMs);

        // One request per panel per refresh: a refresh's requests never outnumber the refreshes.
        const std::map<QString, int> counts = m_window->requestCounts();
        QVERIFY(counts.at(QStringLiteral("fleet")) >= 2);
        QCOMPARE(counts.at(QStringLiteral("alerts")), counts.at(QStringLiteral("fleet")));
        QCOMPARE(counts.at(QStringLiteral("trend")), 1);
    }

    void stalledInstanceFiresItsAlert()
    {
        // globex processes nothing: its queue grows past the rule's threshold and Prometheus fires the alert.
        QJsonObject stalled;
        QVERIFY(QTest::qWaitFor(
            [&] {
                stalled = instanceIn(fleet(), QStringLiteral("globex"));
                return stalled.value(QStringLiteral("firing_alerts"))
                    .toArray()
                    .contains(QStringLiteral("RLFeedbackQueueDepthHigh"));
            },
            kWaitMs));
        QVERIFY(stalled.value(QStringLiteral("queue_depth")).toDouble() > 25.0);
        QCOMPARE(stalled.value(QStringLiteral("processed_per_second")).toDouble(), 0.0);
        // The alert is Prometheus's own, and it names only the stalled instance.
        const QJsonArray alerts =
            m_prometheus->get(QStringLiteral("/api/v1/alerts")).toObject().value(QStringLiteral("alerts")).toArray();
        QStringList firingTenants;
        for (const QJsonValue &alert : alerts) {
            if (alert.toObject().value(QStringLiteral("state")).toString() == QStringLiteral("firing"))
                firingTenants << alert.toObject()
                                     .value(QStringLiteral("labels"))
                                     .toObject()
                                     .value(QStringLiteral("tenant"))
                                     .toString();
        }
        QCOMPARE(firingTenants, QStringList{QStringLiteral("globex")});
        const QJsonObject healthy = instanceIn(fleet(), QStringLiteral("acme"));
        QVERIFY(healthy.value(QStringLiteral("firing_alerts")).toArray().isEmpty());
    }

    void openInMainWindow()
    {
        // The stalled instance in the main window's panels, read from Prometheus: its queue, its alert as
        // Prometheus evaluates it (the others' not), and no control on offer.
        QTableView *view = m_window->fleetPanel()->view();
        const auto selectTenant = [&](const QString &tenant) {
            const QSortFilterProxyModel *sorted = m_window->fleetPanel()->sorted();
            for (int row = 0; row < sorted->rowCount(); ++row) {
                if (sorted->index(row, rl::FleetTableModel::TenantColumn).data().toString() == tenant)
                    view->selectRow(row);
            }
        };
        view->clearSelection();
        selectTenant(QStringLiteral("globex"));
        rl::MainWindow *stalled = m_window->openInMainWindow();
        QVERIFY(stalled);
        QVERIFY(stalled->windowTitle().contains(QStringLiteral("via Prometheus")));
        QTRY_VERIFY_WITH_TIMEOUT(stalled->liveSample().queueDepth > 25.0, kWaitMs);
        QCOMPARE(stalled->liveSample().processedPerSecond, 0.0);
        rl::AlertList *alerts = stalled->alertsPanel()->list();
        QTRY_COMPARE_WITH_TIMEOUT(alerts->stateOf(QStringLiteral("RLFeedbackQueueDepthHigh")), QStringLiteral("firing"),
                                  kWaitMs);
        QVERIFY(!stalled->actions().purge->isEnabled());
        QVERIFY(!stalled->actions().drain->isEnabled());
        // What the metrics do not carry is unknown, not off.
        QCOMPARE(stalled->checklist()->stateOf(0), std::optional<bool>());

        view->clearSelection();
        selectTenant(QStringLiteral("acme"));
        rl::MainWindow *healthy = m_window->openInMainWindow();
        QVERIFY(healthy);
        QTRY_COMPARE_WITH_TIMEOUT(healthy->alertsPanel()->list()->stateOf(QStringLiteral("RLFeedbackQueueDepthHigh")),
                                  QStringLiteral("inactive"), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(healthy->liveSample().processedPerSecond > 0.0, kWaitMs);
        stalled->close();
        healthy->close();
        view->clearSelection();
    }

    void fleetMatchesDirectQueries()
    {
        // Wait for traffic through the healthy instances, so the rates and the latency have values to compare.
        QJsonObject document;
        QVERIFY(QTest::qWaitFor(
            [&] {
                document = fleet();
                return !instanceIn(document, QStringLiteral("acme")).value(QStringLiteral("p95_latency_ms")).isNull();
            },
            kWaitMs));
        const double at = document.value(QStringLiteral("time")).toDouble();
        QCOMPARE(document.value(QStringLiteral("instances")).toArray().size(), 3);
        // The stalled instance comes first: the worst first.
        QCOMPARE(worstTenant(document), QStringLiteral("globex"));
        for (const Instance &instance : m_instances) {
            const QJsonObject row = instanceIn(document, instance.tenant);
            QCOMPARE(row.value(QStringLiteral("instance")).toString(), instance.address);
            QCOMPARE(row.value(QStringLiteral("job")).toString(), QStringLiteral("rlstudio"));
            QCOMPARE(row.value(QStringLiteral("workspace")).toString(), QStringLiteral("default"));
            const QString x = QStringLiteral("{instance=\"%1\"}").arg(instance.address);
            const QString processed = QStringLiteral("sum(increase(rl_feedback_processed_total%1[1h]))").arg(x);
            const std::pair<const char *, QString> expected[] = {
                {"up", QStringLiteral("up%1").arg(x)},
                {"queue_depth", QStringLiteral("rl_feedback_queue_depth%1").arg(x)},
                {"processed_per_second", QStringLiteral("sum(rate(rl_feedback_processed_total%1[5m]))").arg(x)},
                {"failed_per_second", QStringLiteral("sum(rate(rl_feedback_failed_total%1[5m]))").arg(x)},
                {"success_ratio",
                 QStringLiteral("%1 / (%1 + sum(increase(rl_feedback_failed_total%2[1h])))").arg(processed, x)},
                {"p95_latency_ms",
                 QStringLiteral("histogram_quantile(0.95, sum by (le) (rate(rl_feedback_processing_latency_ms_bucket%1"
                                "[5m])))")
                     .arg(x)},
                {"dropped_per_second", QStringLiteral("sum(rate(rl_feedback_dropped_total%1[5m]))").arg(x)}};
            for (const auto &[field, expression] : expected) {
                const double shown = valueOf(row.value(QLatin1String(field)));
                const double direct = scalar(expression, at);
                const QByteArray what = instance.tenant.toUtf8() + ' ' + field + ": fleet " + QByteArray::number(shown)
                                        + ", PromQL " + QByteArray::number(direct);
                QVERIFY2(std::isnan(shown) == std::isnan(direct), what.constData());
                if (!std::isnan(direct))
                    QVERIFY2(std::abs(shown - direct) <= 1e-9 * std::max(1.0, std::abs(direct)), what.constData());
            }
        }
    }

    void selectorPicksInstances()
    {
        const QJsonObject document =
            fleet({QStringLiteral("--selector"), QStringLiteral("{tenant=~\"acme|initech\"}")});
        QCOMPARE(document.value(QStringLiteral("instances")).toArray().size(), 2);
        QVERIFY(instanceIn(document, QStringLiteral("globex")).isEmpty());
    }

    void operatingSelectedInstances()
    {
        // Select the stalled instance in the table, purge it from the Operate menu: the confirmation names
        // it, the instance counts the purge, and its answer is in the window's event log.
        const Instance &stalled = m_instances[1];
        QCOMPARE(stalled.tenant, QStringLiteral("globex"));
        QTableView *view = m_window->fleetPanel()->view();
        const QSortFilterProxyModel *sorted = m_window->fleetPanel()->sorted();
        view->clearSelection();
        for (int row = 0; row < sorted->rowCount(); ++row)
            if (sorted->index(row, rl::FleetTableModel::TenantColumn).data().toString() == stalled.tenant)
                view->selectRow(row);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->operations()->operable(), QStringList{stalled.address}, kWaitMs);
        QAction *purge = operation(QStringLiteral("P&urge"));
        QVERIFY(purge && purge->isEnabled());
        QString question;
        confirmOperation(QMessageBox::DestructiveRole, &question);
        purge->trigger();
        QVERIFY2(question.contains(stalled.address) && question.contains(QStringLiteral("1 instance")),
                 qPrintable(question));
        QNetworkAccessManager network;
        const QUrl health(QStringLiteral("http://%1/health").arg(stalled.address));
        QTRY_VERIFY_WITH_TIMEOUT(QJsonDocument::fromJson(rltest::request(network, health).body)
                                         .object()
                                         .value(QStringLiteral("totals"))
                                         .toObject()
                                         .value(QStringLiteral("purged"))
                                         .toInt()
                                     > 0,
                                 kWaitMs);
        m_window->eventLog()->setFilterText(QStringLiteral("purged"));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->eventLog()->visibleCount() >= 1, kWaitMs);

        // The runbook's gradual recovery, step by step on the instance, its end in the log.
        QAction *recovery = operation(QStringLiteral("&Gradual"));
        QVERIFY(recovery && recovery->isEnabled());
        confirmOperation(QMessageBox::AcceptRole, &question);
        recovery->trigger();
        m_window->eventLog()->setFilterText(QStringLiteral("gradual recovery done"));
        QTRY_COMPARE_WITH_TIMEOUT(m_window->eventLog()->visibleCount(), 1, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(QJsonDocument::fromJson(rltest::request(network, health).body)
                                     .object()
                                     .value(QStringLiteral("trajectory_evaluation_enabled"))
                                     .toBool(),
                                 kWaitMs);
        view->clearSelection();
    }

    void killedInstanceShowsDown()
    {
        Instance &victim = m_instances.back();
        victim.process->process().kill();
        QVERIFY(victim.process->process().waitForFinished(rltest::kProcessTimeoutMs));
        QJsonObject row;
        QVERIFY(QTest::qWaitFor(
            [&] {
                row = instanceIn(fleet(), victim.tenant);
                return row.value(QStringLiteral("up")).toDouble(-1) == 0.0;
            },
            kWaitMs));
        QCOMPARE(row.value(QStringLiteral("instance")).toString(), victim.address);
        // The window too: down, first, its last figures gone rather than shown as current.
        QTRY_VERIFY_WITH_TIMEOUT(windowRow(victim.tenant) && windowRow(victim.tenant)->isDown(), kWaitMs);
        const QModelIndex status = m_window->fleetPanel()->sorted()->index(0, rl::FleetTableModel::StatusColumn);
        QCOMPARE(status.data().toString(), QStringLiteral("down"));
        // Why, as Prometheus's targets say: the scrape's own error.
        QTRY_VERIFY_WITH_TIMEOUT(status.data(Qt::ToolTipRole).toString().contains(QStringLiteral("connection refused")),
                                 kWaitMs);
        // Summed with the others in the main window, the status says the sums leave it out.
        m_window->fleetPanel()->view()->clearSelection();
        rl::MainWindow *all = m_window->openInMainWindow();
        QVERIFY(all);
        const auto statusSays = [all](const QString &text) {
            const QList<QLabel *> labels = all->statusBar()->findChildren<QLabel *>();
            return std::any_of(labels.begin(), labels.end(),
                               [&](const QLabel *label) { return label->toolTip().contains(text); });
        };
        QTRY_VERIFY_WITH_TIMEOUT(statusSays(QStringLiteral("the sums leave it out")), kWaitMs);
        all->close();
        const QJsonObject document = fleet();
        // Down sorts first, before the stalled one.
        QCOMPARE(worstTenant(document), victim.tenant);
    }

    void prometheusGoneKeepsTheData()
    {
        // The window says so, keeps the table and the charts as they were, and marks when it went.
        const int samples = m_window->chartsPanel()->charts().front()->sampleCount(0);
        QVERIFY(samples > 0);
        m_prometheus->stop();
        QTRY_VERIFY_WITH_TIMEOUT(m_window->sourceStatus()->text().contains(QStringLiteral("unreachable")), kWaitMs);
        QVERIFY2(m_window->sourceStatus()->text().contains(QStringLiteral("retrying in")),
                 qPrintable(m_window->sourceStatus()->text()));
        QCOMPARE(m_window->fleetPanel()->model()->rowCount(), 3);
        QCOMPARE(m_window->chartsPanel()->charts().front()->sampleCount(0), samples);
        const auto &annotations = m_window->chartsPanel()->timeline()->annotations();
        QVERIFY(!annotations.empty());
        QVERIFY(annotations.back().text.startsWith(QStringLiteral("Prometheus unreachable")));
    }

    void unreachablePrometheusIsAnError()
    {
        const rltest::Finished run = rltest::runRlstudio(
            {QStringLiteral("fleet"), QStringLiteral("--prometheus"), QStringLiteral("http://127.0.0.1:1")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.standardError.contains("http://127.0.0.1:1"), run.standardError.constData());
    }
};

QTEST_MAIN(TstPrometheusFleet)
#include "tst_prometheusfleet.moc"
