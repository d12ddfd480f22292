#pragma once

#include <QCoreApplication>
#include <QString>
#include <QUrl>

class QTextStream;

namespace rl {

// `rlstudio fleet`: the fleet view's table from a Prometheus server, on the terminal or as JSON, for scripts
// and for checking the window's figures. One query and one alerts request, both at the same time.
class FleetCommand {
    Q_DECLARE_TR_FUNCTIONS(FleetCommand)

public:
    struct Options {
        QUrl prometheus;  // http(s)://HOST[:PORT][/PATH]
        QString selector; // label matchers in braces; empty for every instance
        bool json = false;
        int timeoutMs = 10000;
    };

    // Returns 0; 1 when Prometheus cannot be reached or refuses the query (the reason on err).
    static int run(const Options &options, QTextStream &out, QTextStream &err);
};

} // namespace rl
