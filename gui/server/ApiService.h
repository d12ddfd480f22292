#pragma once

#include <memory>

#include <QCoreApplication>
#include <QString>

#include "gui/server/EngineApi.h"
#include "gui/server/HttpServer.h"
#include "gui/server/HttpServerOptions.h"

namespace rl {

class EngineHost;

// The API on an engine, as both the window and headless mode serve it: the EngineApi behind the HTTP
// server. Destroy it before the host: its threads call the host's router.
class ApiService {
    Q_DECLARE_TR_FUNCTIONS(ApiService)

public:
    struct Options {
        HttpServerOptions http;
        EngineApi::Overflow overflow = EngineApi::Overflow::DropOldest;
    };

    ApiService(EngineHost &host, Options options);

    bool listen();
    QString errorString() const; // "cannot listen on 127.0.0.1:8000: address in use"
    // "rlstudio: listening on http://HOST:PORT", the line both modes print once listening, and what the
    // token protects.
    QString listeningLine() const;
    QString url() const;

private:
    Options m_options;
    EngineApi m_api;
    HttpServer m_server;
};

} // namespace rl
