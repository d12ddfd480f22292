#include <QNetworkAccessManager>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>

#include "RlstudioProcess.h"

namespace {

const QString kExample = QStringLiteral(RLSTUDIO_SOURCE_DIR "/examples/route_and_feedback.py");

} // namespace

// examples/route_and_feedback.py, the original service's calls over HTTP, against a real headless rlstudio.
class TestRouteExample : public QObject {
    Q_OBJECT

    QString m_python;

private Q_SLOTS:
    void initTestCase()
    {
        m_python = QStandardPaths::findExecutable(QStringLiteral("python3"));
        QVERIFY2(!m_python.isEmpty(), "python3 is needed to run the example; scripts/test.sh installs it");
    }

    void routesReportsOutcomesAndSendsFeedback()
    {
        rltest::RlstudioProcess server({QStringLiteral("--headless"), QStringLiteral("--ephemeral"),
                                        QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                        QStringLiteral("--no-simulator"), QStringLiteral("--status-every"),
                                        QStringLiteral("0"), QStringLiteral("--interval"), QStringLiteral("0.05")});
        const QUrl base = server.waitForListening();
        QVERIFY2(base.isValid(), server.standardError().constData());

        const QString url = base.toString(QUrl::StripTrailingSlash);
        const rltest::Finished run =
            rltest::runRlstudio({kExample, QStringLiteral("--url"), url, QStringLiteral("--requests"),
                                 QStringLiteral("20"), QStringLiteral("--seed"), QStringLiteral("7")},
                                rltest::cleanEnvironment(), m_python);
        QVERIFY2(run.exitCode == 0, run.standardError.constData());
        const QList<QByteArray> lines = run.standardOutput.trimmed().split('\n');
        QCOMPARE(lines.size(), 21);
        for (qsizetype i = 0; i < 20; ++i)
            QVERIFY2(lines.at(i).contains("feedback accepted 1"), lines.at(i).constData());
        QVERIFY(lines.last().contains("routed 20 requests and sent their outcomes and feedback to " + url.toUtf8()));

        // The server learned from all of it: 20 decisions, 20 items with the immediate rewards.
        QNetworkAccessManager network;
        QByteArray metrics;
        QVERIFY(QTest::qWaitFor([&] {
            metrics = rltest::request(network, base.resolved(QUrl(QStringLiteral("/metrics")))).body;
            return metrics.contains(
                R"(rl_feedback_processed_total{result="success",tenant="default",workspace="default"} 20)");
        }));
    }

    // Any HTTP error stops it with 1 and the server's answer; so does a server that is not there.
    void failsClearly()
    {
        rltest::RlstudioProcess server({QStringLiteral("--headless"), QStringLiteral("--ephemeral"),
                                        QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                        QStringLiteral("--no-simulator"), QStringLiteral("--status-every"),
                                        QStringLiteral("0")});
        const QUrl base = server.waitForListening();
        QVERIFY2(base.isValid(), server.standardError().constData());
        const rltest::Finished notFound = rltest::runRlstudio(
            {kExample, QStringLiteral("--url"), base.toString(QUrl::StripTrailingSlash) + QStringLiteral("/nowhere")},
            rltest::cleanEnvironment(), m_python);
        QCOMPARE(notFound.exitCode, 1);
        QVERIFY2(notFound.standardError.contains("POST /nowhere/v1/route answered 404"),
                 notFound.standardError.constData());

        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const QString url = QStringLiteral("http://127.0.0.1:%1").arg(closed.serverPort());
        closed.close();
        const rltest::Finished unreachable =
            rltest::runRlstudio({kExample, QStringLiteral("--url"), url}, rltest::cleanEnvironment(), m_python);
        QCOMPARE(unreachable.exitCode, 1);
        QVERIFY2(unreachable.standardError.contains("cannot reach " + url.toUtf8()),
                 unreachable.standardError.constData());
    }
};

QTEST_GUILESS_MAIN(TestRouteExample)
#include "tst_routeexample.moc"
