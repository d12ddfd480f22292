#pragma once

#include <QDateTime>
#include <QObject>
#include <QString>

namespace rl {

// Routes every Qt log message (QLoggingCategory, any thread) to the window's event log as a queued
// signal, and on to the handler that was installed before, so stderr keeps its output. One per process.
class LogRouter : public QObject {
    Q_OBJECT

public:
    explicit LogRouter(QObject *parent = nullptr);
    ~LogRouter() override;

Q_SIGNALS:
    // Emitted from the logging thread; receivers on the UI thread get it queued.
    void logged(const QDateTime &time, int type, const QString &category, const QString &message);

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &message);
};

} // namespace rl
