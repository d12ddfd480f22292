// A server whose answers have the wrong shape for a remote instance is said to be wrong, and crashes nothing.
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include "gui/host/RemoteSource.h"

class TstRemoteSource : public QObject {
    Q_OBJECT

private Q_SLOTS:
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
