#include "gui/server/ApiService.h"

#include <QCoreApplication>

namespace rl {

ApiService::ApiService(EngineHost &host, Options options)
    : m_options(std::move(options))
    , m_api(host, m_options.overflow)
    , m_server(m_options.http, m_api)
{
}

bool ApiService::listen()
{
    return m_server.listen();
}

QString ApiService::errorString() const
{
    return QString::fromStdString(m_server.errorString());
}

QString ApiService::url() const
{
    return QString::fromStdString(m_server.url());
}

QString ApiService::listeningLine() const
{
    const HttpServerOptions &http = m_options.http;
    const QString access = !http.token        ? tr("no token")
                           : http.tokenForAll ? tr("every request needs the token")
                                              : tr("control requests need the token");
    return tr("rlstudio: listening on %1 (%2)").arg(url(), access);
}

} // namespace rl
