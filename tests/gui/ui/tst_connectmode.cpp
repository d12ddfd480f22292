// The main window on a remote instance (`rlstudio --connect URL --token-file F`): it shows the remote's
// queue, a purge through the window empties it and is counted there, the answer lands in the event log; a
// wrong token is refused with the reason and changes nothing; an unreachable instance is said to be; the
// alerts panel shows the remote's own rules as the remote evaluates them.
#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include "RlstudioProcess.h"
#include "gui/host/LogRouter.h"
#include "gui/host/RemoteSource.h"
#include "gui/ui/AlertsPanel.h"
#include "gui/ui/MainWindow.h"
#include "gui/ui/OperatorActions.h"
#include "widgets/AlertList.h"
#include "widgets/LogView.h"

using rl::MainWindow;
using rl::RemoteSource;

namespace {

constexpr int kWaitMs = 20000;
const QByteArray kToken = "connect-mode-token-0123456789";

// Accepts the confirmation named objectName as soon as it opens.
void confirm(const QString &objectName)
{
    QTimer::singleShot(0, [objectName] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        QVERIFY(box);
        QCOMPARE(box->objectName(), objectName);
        for (QAbstractButton *button : box->buttons()) {
            if (box->buttonRole(button) == QMessageBox::DestructiveRole) {
                button->click();
                return;
            }
        }
        QFAIL("no destructive button");
    });
}

} // namespace

class TstConnectMode : public QObject {
    Q_OBJECT

private:
    QJsonObject health()
    {
        return QJsonDocument::fromJson(rltest::request(m_network, m_url.resolved(QUrl(QStringLiteral("/health")))).body)
            .object();
    }

    void fillQueue(int items)
    {
        QByteArray ndjson;
        for (int i = 0; i < items; ++i) {
            ndjson += QJsonDocument(QJsonObject{{QStringLiteral("trajectory_id"), QStringLiteral("t-%1").arg(i)},
                                                {QStringLiteral("model_id"), QStringLiteral("gpt-4")},
                                                {QStringLiteral("accuracy_score"), 0.9},
                                                {QStringLiteral("efficiency_score"), 0.5},
                                                {QStringLiteral("error_handling_score"), 1.0},
                                                {QStringLiteral("overall_score"), 0.7}})
                          .toJson(QJsonDocument::Compact)
                      + '\n';
        }
        const rltest::Reply reply = rltest::request(m_network, m_url.resolved(QUrl(QStringLiteral("/v1/feedback"))),
                                                    "POST", ndjson, "application/x-ndjson");
        QCOMPARE(reply.status, 202);
    }

    QTemporaryDir m_dir;
    std::unique_ptr<rltest::RlstudioProcess> m_remote;
    QNetworkAccessManager m_network;
    QUrl m_url;
    QString m_tokenFile;

private Q_SLOTS:
    void initTestCase()
    {
        m_tokenFile = m_dir.filePath(QStringLiteral("token"));
        QFile token(m_tokenFile);
        QVERIFY(token.open(QIODevice::WriteOnly));
        token.write(kToken);
        token.close();
        token.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        m_remote = std::make_unique<rltest::RlstudioProcess>(
            QStringList{QStringLiteral("--headless"), QStringLiteral("--ephemeral"), QStringLiteral("--listen"),
                        QStringLiteral("127.0.0.1:0"), QStringLiteral("--token-file"), m_tokenFile,
                        QStringLiteral("--no-simulator"), QStringLiteral("--disable-loop"),
                        QStringLiteral("--status-every"), QStringLiteral("0")});
        m_url = m_remote->waitForListening();
        QVERIFY2(m_url.isValid(), m_remote->standardError().constData());
    }

    void purgeThroughTheWindowEmptiesTheRemoteQueue()
    {
        fillQueue(30);
        rl::LogRouter log;
        RemoteSource source({m_url, kToken, 0.2});
        MainWindow::Options options;
        options.useSettings = false;
        options.log = &log;
        MainWindow window(source, options);
        window.show();
        QTRY_COMPARE_WITH_TIMEOUT(source.latestSnapshot().health.queueDepth, std::size_t(30), kWaitMs);
        QVERIFY(window.windowTitle().contains(source.remoteUrl()));
        // What the API cannot do is not offered.
        QVERIFY(!window.actions().simulatorEnabled->isEnabled());

        confirm(QStringLiteral("PurgeConfirmation"));
        window.actions().purge->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(health().value(QStringLiteral("queue_depth")).toInt(-1), 0, kWaitMs);
        QCOMPARE(health().value(QStringLiteral("totals")).toObject().value(QStringLiteral("purged")).toInt(), 30);
        QTRY_COMPARE_WITH_TIMEOUT(source.latestSnapshot().health.totals.purged, std::uint64_t(30), kWaitMs);
        window.eventLog()->setFilterText(QStringLiteral("purged 30 items"));
        QTRY_COMPARE_WITH_TIMEOUT(window.eventLog()->visibleCount(), 1, kWaitMs);
    }

    void wrongTokenIsRefusedAndChangesNothing()
    {
        fillQueue(5);
        RemoteSource source({m_url, "not-the-token-at-all", 0.2});
        QTRY_COMPARE_WITH_TIMEOUT(source.latestSnapshot().health.queueDepth, std::size_t(5), kWaitMs);
        QSignalSpy failed(&source, &RemoteSource::commandFailed);
        source.purgeSeen(source.latestSnapshot());
        QVERIFY(failed.wait(kWaitMs));
        QVERIFY2(failed.first().first().toString().contains(QStringLiteral("--token-file")),
                 qPrintable(failed.first().first().toString()));
        QCOMPARE(health().value(QStringLiteral("queue_depth")).toInt(), 5);
    }

    void errorAnswersAreSaid()
    {
        // A wrong path: rlstudio answers 404 with its error object, which the status names.
        RemoteSource source({m_url.resolved(QUrl(QStringLiteral("/wrong-prefix"))), kToken, 0.2});
        QSignalSpy connection(&source, &RemoteSource::connectionChanged);
        QVERIFY(connection.wait(kWaitMs));
        QCOMPARE(connection.first().at(0).toBool(), false);
        QVERIFY2(connection.first().at(1).toString().contains(QStringLiteral("HTTP 404")),
                 qPrintable(connection.first().at(1).toString()));
        // And a command refused by the instance (a batch size out of range) is said with its reason.
        RemoteSource good({m_url, kToken, 0.2});
        QSignalSpy failed(&good, &RemoteSource::commandFailed);
        good.setBatchSize(0);
        QVERIFY(failed.wait(kWaitMs));
        QVERIFY2(failed.first().first().toString().contains(QStringLiteral("HTTP 400")),
                 qPrintable(failed.first().first().toString()));
    }

    void journalIsTheRemotesOwn()
    {
        // A journaled instance is shown with its journal, not as ephemeral (this test's main one is).
        const QString dataDir = m_dir.filePath(QStringLiteral("journaled"));
        rltest::RlstudioProcess journaled({QStringLiteral("--headless"), QStringLiteral("--data-dir"), dataDir,
                                           QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                           QStringLiteral("--no-simulator"), QStringLiteral("--status-every"),
                                           QStringLiteral("0")});
        const QUrl url = journaled.waitForListening();
        QVERIFY2(url.isValid(), journaled.standardError().constData());
        RemoteSource source({url, {}, 0.2});
        QTRY_VERIFY_WITH_TIMEOUT(source.latestSnapshot().health.journal.has_value(), kWaitMs);
        QVERIFY(QString::fromStdString(source.latestSnapshot().health.journal->directory)
                    .contains(QStringLiteral("journaled")));
        RemoteSource ephemeral({m_url, kToken, 0.2});
        QTRY_VERIFY_WITH_TIMEOUT(ephemeral.latestSnapshot().health.routerRegistered, kWaitMs);
        QVERIFY(!ephemeral.latestSnapshot().health.journal);
    }

    void alertsAreTheRemotesOwn()
    {
        // A rule only the remote has, firing at once there: the window shows it, evaluating nothing itself.
        const QString rulesFile = m_dir.filePath(QStringLiteral("remote_rules.yml"));
        QFile rules(rulesFile);
        QVERIFY(rules.open(QIODevice::WriteOnly));
        rules.write("groups:\n- name: remote\n  interval: 1s\n  rules:\n  - alert: RemoteOnlyQueueWatch\n"
                    "    expr: sum(rl_feedback_queue_depth) >= 0\n    labels:\n      severity: ticket\n");
        rules.close();
        // Reachable from other machines, so every request needs the token: the rules' too.
        rltest::RlstudioProcess remote(
            {QStringLiteral("--headless"), QStringLiteral("--ephemeral"), QStringLiteral("--listen"),
             QStringLiteral("0.0.0.0:0"), QStringLiteral("--token-file"), m_tokenFile, QStringLiteral("--rules"),
             rulesFile, QStringLiteral("--no-simulator"), QStringLiteral("--status-every"), QStringLiteral("0")});
        QUrl url = remote.waitForListening();
        QVERIFY2(url.isValid(), remote.standardError().constData());
        url.setHost(QStringLiteral("127.0.0.1"));
        RemoteSource source({url, kToken, 0.2});
        MainWindow::Options options;
        options.useSettings = false;
        MainWindow window(source, options);
        window.show();
        rl::AlertList *list = window.alertsPanel()->list();
        QTRY_COMPARE_WITH_TIMEOUT(list->stateOf(QStringLiteral("RemoteOnlyQueueWatch")), QStringLiteral("firing"),
                                  kWaitMs);
        QVERIFY(list->stateOf(QStringLiteral("RLFeedbackQueueDepthHigh")).isEmpty()); // the shipped rules: not here
        auto *header = window.alertsPanel()->findChild<QLabel *>();
        QVERIFY(header && header->text().contains(url.toDisplayString()));
        QVERIFY(header->text().contains(QStringLiteral("remote_rules.yml")));
        // Their time scale is the remote's: nothing to compress here.
        QVERIFY(!window.alertsPanel()->findChild<QComboBox *>()->isVisibleTo(window.alertsPanel()));
    }

    void unreachableInstanceIsSaidToBe()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const QUrl url(QStringLiteral("http://127.0.0.1:%1").arg(closed.serverPort()));
        closed.close();
        RemoteSource source({url, {}, 0.2});
        QSignalSpy connection(&source, &RemoteSource::connectionChanged);
        QVERIFY(connection.wait(kWaitMs));
        QCOMPARE(connection.first().at(0).toBool(), false);
        QVERIFY(connection.first().at(1).toString().contains(url.toDisplayString()));
    }
};

QTEST_MAIN(TstConnectMode)
#include "tst_connectmode.moc"
