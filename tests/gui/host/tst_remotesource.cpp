// Reading a remote instance's /metrics: every series of a metric summed, the failures by reason, comments,
// timestamps and malformed lines skipped. A server whose answers have the wrong shape is said to be wrong,
// and crashes nothing.
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include "gui/host/RemoteSource.h"

class TstRemoteSource : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void readsPrometheusText()
    {
        const QByteArray exposition = R"(# HELP rl_feedback_failed_total Failed items
# TYPE rl_feedback_failed_total counter
rl_feedback_failed_total{reason="invalid",tenant="a",workspace="w"} 3
rl_feedback_failed_total{reason="missing_history",tenant="a",workspace="w"} 2 1700000000000
rl_feedback_failed_total{reason="invalid",tenant="b",workspace="w"} 4
rl_feedback_processing_latency_ms_sum{tenant="a",workspace="w"} 1.5
rl_feedback_processing_latency_ms_count 6
not a sample
rl_feedback_queue_depth{tenant="a"} NaN_garbage
)";
        const rl::RemoteSource::MetricSums sums = rl::RemoteSource::sumMetrics(exposition);
        QCOMPARE(sums.byName.at("rl_feedback_failed_total"), 9.0);
        QCOMPARE(sums.byName.at("rl_feedback_processing_latency_ms_sum"), 1.5);
        QCOMPARE(sums.byName.at("rl_feedback_processing_latency_ms_count"), 6.0);
        QVERIFY(sums.byName.count("rl_feedback_queue_depth") == 0);
        QCOMPARE(sums("rl_feedback_queue_depth"), 0.0);
        const auto &reasons = sums.failuresByReason;
        QCOMPARE(reasons.at("invalid"), 7.0);
        QCOMPARE(reasons.at("missing_history"), 2.0);
    }

    void wrongShapesAreSaidNotCrashedOn()
    {
        // Answers every request with the same JSON object, of the wrong types for /health and the API.
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        connect(&server, &QTcpServer::newConnection, this, [&server] {
            while (QTcpSocket *socket = server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                    socket->readAll();
                    const QByteArray body = R"({"queue_depth":"lots","purged":"many","totals":[]})";
                    socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
                                  "Content-Length: "
                                  + QByteArray::number(body.size()) + "\r\n\r\n" + body);
                    socket->disconnectFromHost();
                });
            }
        });
        rl::RemoteSource source({QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort())), {}, 0.2});
        QSignalSpy connection(&source, &rl::RemoteSource::connectionChanged);
        QVERIFY(connection.wait(10000));
        QCOMPARE(connection.first().at(0).toBool(), false);
        QVERIFY2(connection.first().at(1).toString().contains(QStringLiteral("not the health document")),
                 qPrintable(connection.first().at(1).toString()));
        QSignalSpy done(&source, &rl::RemoteSource::commandDone);
        source.purgeSeen(source.latestSnapshot());
        QVERIFY(done.wait(10000)); // it answered 200: done, whatever its figures
    }
};

QTEST_GUILESS_MAIN(TstRemoteSource)
#include "tst_remotesource.moc"
