#pragma once

#include <mutex>

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

namespace rl {

// Routes every Qt log message (QLoggingCategory, any thread) to the window's event log as a queued
// signal, and on to the handler that was installed before, so stderr keeps its output. One per process.
// Until the window takes them, messages are kept instead (start-up's, e.g. why the API is off), the
// newest kEarlyMessages of them.
class LogRouter : public QObject {
    Q_OBJECT

public:
    static constexpr qsizetype kEarlyMessages = 1000;

    struct Entry {
        QDateTime time;
        int type = 0;
        QString category;
        QString message;
    };

    explicit LogRouter(QObject *parent = nullptr);
    ~LogRouter() override;

    // The messages kept so far, oldest first; every later one is emitted as logged(). Connect first: then
    // none is lost or seen twice.
    QList<Entry> takeEarlyMessages();

Q_SIGNALS:
    // Emitted from the logging thread; receivers on the UI thread get it queued.
    void logged(const QDateTime &time, int type, const QString &category, const QString &message);

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &message);

    std::mutex m_mutex; // guards the two below; held for an append or an emit (a queued post) only
    bool m_keeping = true;
    QList<Entry> m_early;
};

} // namespace rl
