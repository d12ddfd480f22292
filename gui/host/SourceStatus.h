#pragma once

#include <QMetaType>
#include <QString>

namespace rl {

// How a remote source is doing, for the window's status line.
struct SourceStatus {
    enum class State {
        Connecting,  // nothing answered yet
        Connected,   // the last refresh answered
        Unreachable, // the last request failed on the network: retried with backoff, the data kept
        Refused,     // the server answered with an error (a bad query): shown, not retried faster
    };
    State state = State::Connecting;
    QString message;                // the error, when there is one
    double lastAnswerSeconds = 0.0; // unix time of the latest good answer; 0 for none
    qint64 roundTripMs = 0;         // of the latest answer
    double retryInSeconds = 0.0;    // when unreachable
    int instances = 0;              // in the latest fleet
};

} // namespace rl

Q_DECLARE_METATYPE(rl::SourceStatus)
