// The Prometheus source's manners: a server that cannot be reached is retried with a doubling wait and the
// status says so; a server that does not answer gets no second request from a panel while its first is out;
// a refused request stays said however well the others answer.
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include "gui/host/PrometheusSource.h"

class TstPrometheusSource : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void unreachableBacksOff()
    {
        QTcpServer closed; // a port nobody listens on: bound, then closed
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const quint16 port = closed.serverPort();
        closed.close();
        rl::PrometheusSource::Options options;
        options.url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
        options.refreshSeconds = 1.0;
        rl::PrometheusSource source(options);
        QSignalSpy status(&source, &rl::PrometheusSource::statusChanged);
        QSignalSpy refreshes(&source, &rl::PrometheusSource::refreshStarted);
        source.start();
        QTRY_VERIFY(!status.isEmpty());
        auto last = [&] { return status.last().at(0).value<rl::SourceStatus>(); };
        QCOMPARE(last().state, rl::SourceStatus::State::Unreachable);
        QVERIFY2(!last().message.isEmpty(), "the status names the error");
        QCOMPARE(last().retryInSeconds, 2.0); // refresh 1 s, doubled
        QTRY_COMPARE_WITH_TIMEOUT(refreshes.size(), 2, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(last().retryInSeconds, 4.0, 5000);
    }

    void slowServerGetsNoStorm()
    {
        // Accepts and never answers.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        std::vector<QTcpSocket *> held;
        connect(&silent, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *socket = silent.nextPendingConnection())
                held.push_back(socket);
        });
        rl::PrometheusSource::Options options;
        options.url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort()));
        options.refreshSeconds = 1.0;
        options.timeoutMs = 60000;
        rl::PrometheusSource source(options);
        std::map<QString, int> sent;
        connect(&source, &rl::PrometheusSource::requestSent, this, [&](const QString &panel) { ++sent[panel]; });
        QSignalSpy refreshes(&source, &rl::PrometheusSource::refreshStarted);
        source.start();
        QTRY_VERIFY_WITH_TIMEOUT(refreshes.size() >= 3, 10000);
        QCOMPARE(sent[QStringLiteral("fleet")], 1);
        QCOMPARE(sent[QStringLiteral("alerts")], 1);
        QCOMPARE(sent[QStringLiteral("charts")], 1);
        QCOMPARE(sent[QStringLiteral("trend")], 1);
    }

    void refusalIsNotMaskedByGoodAnswers()
    {
        // Refuses every range query (the charts, the sparklines) and answers the rest well.
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        connect(&server, &QTcpServer::newConnection, this, [&server] {
            while (QTcpSocket *socket = server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                    const QByteArray request = socket->readAll();
                    const bool range = request.contains("/api/v1/query_range");
                    const QByteArray body =
                        range ? R"({"status":"error","errorType":"bad_data","error":"range refused here"})"
                        : request.contains("/api/v1/alerts")
                            ? R"({"status":"success","data":{"alerts":[]}})"
                            : R"({"status":"success","data":{"resultType":"vector","result":[]}})";
                    socket->write(
                        (range ? "HTTP/1.1 400 Bad Request\r\n" : "HTTP/1.1 200 OK\r\n")
                        + QByteArray("Content-Type: application/json\r\nConnection: close\r\nContent-Length: ")
                        + QByteArray::number(body.size()) + "\r\n\r\n" + body);
                    socket->disconnectFromHost();
                });
            }
        });
        rl::PrometheusSource::Options options;
        options.url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort()));
        options.refreshSeconds = 1.0;
        rl::PrometheusSource source(options);
        // The status as a table's answer is shown: by the second, the first refresh's refusal is in.
        rl::SourceStatus latest, atTable;
        int tables = 0;
        connect(&source, &rl::PrometheusSource::statusChanged, this,
                [&](const rl::SourceStatus &status) { latest = status; });
        connect(&source, &rl::PrometheusSource::fleetReady, this, [&] {
            if (++tables == 2)
                atTable = latest;
        });
        source.start();
        QTRY_VERIFY_WITH_TIMEOUT(tables >= 2, 10000);
        const rl::SourceStatus last = atTable;
        QCOMPARE(last.state, rl::SourceStatus::State::Refused);
        QCOMPARE(last.message, QStringLiteral("range refused here"));
    }
};

QTEST_GUILESS_MAIN(TstPrometheusSource)
#include "tst_prometheussource.moc"
