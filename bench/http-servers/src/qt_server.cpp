// QHttpServer (Qt 6.4.2, technology preview) server: one thread (the main event loop).
// usage: qt_server PORT
#include "common.hpp"
#include <QCoreApplication>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    quint16 port = argc > 1 ? (quint16)std::atoi(argv[1]) : 18082;
    QHttpServer server;
    static const QByteArray health = QByteArray::fromStdString(rlfs::health_body());
    server.route("/health", QHttpServerRequest::Method::Get,
                 [] { return QHttpServerResponse("application/json", health); });
    server.route("/v1/route", QHttpServerRequest::Method::Post, [](const QHttpServerRequest &req) {
        const QByteArray b = req.body();
        std::string out;
        int st = rlfs::route(std::string(b.constData(), (size_t)b.size()), out);
        return QHttpServerResponse("application/json", QByteArray::fromStdString(out),
                                   static_cast<QHttpServerResponder::StatusCode>(st));
    });
    if (server.listen(QHostAddress::LocalHost, port) != port) {
        std::fprintf(stderr, "listen failed\n");
        return 1;
    }
    std::fprintf(stderr, "QHttpServer listening on %u\n", port);
    return app.exec();
}
