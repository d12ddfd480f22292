// The HTTP server against hostile and broken clients (the hardening issue's items, one test each), on the
// real rlstudio process. Raw sockets, so each test decides exactly what is sent and whether anything is read.

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <memory>
#include <optional>
#include <vector>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include "RlstudioProcess.h"

namespace {

constexpr int kWaitMs = 10000;

// One HTTP response as the server wrote it.
struct Response {
    int status = 0; // 0: none arrived
    QByteArray head;
    QByteArray body;

    QByteArray header(QByteArrayView name) const
    {
        for (const QByteArray &line : head.split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
                return line.mid(colon + 1).trimmed();
        }
        return {};
    }
    // The reason of a JSON error ({"error": {"reason": ...}}), empty for any other body.
    QString reason() const
    {
        return QJsonDocument::fromJson(body)
            .object()
            .value(QLatin1String("error"))
            .toObject()
            .value(QLatin1String("reason"))
            .toString();
    }
    QByteArray describe() const { return status == 0 ? "no response" : head + "\n\n" + body.left(500); }
};

// The first complete response in buffer, taken out of it; nullopt while it is incomplete. The server always
// sends Content-Length.
std::optional<Response> takeResponse(QByteArray &buffer)
{
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return std::nullopt;
    Response response;
    response.head = buffer.left(end);
    const QList<QByteArray> statusLine = response.head.left(response.head.indexOf("\r\n")).split(' ');
    response.status = statusLine.size() >= 2 && statusLine[0].startsWith("HTTP/") ? statusLine[1].toInt() : -1;
    const qsizetype length = response.header("Content-Length").toLongLong();
    if (buffer.size() < end + 4 + length)
        return std::nullopt;
    response.body = buffer.mid(end + 4, length);
    buffer.remove(0, end + 4 + length);
    return response;
}

// A TCP connection to the server driven by hand, non-blocking. Every wait runs the event loop, so the
// server's output pipes keep draining (a full stderr pipe would stall it).
class RawClient {
public:
    explicit RawClient(quint16 port, int receiveBuffer = 0)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (receiveBuffer > 0) // before connecting: the window is agreed then
            ::setsockopt(m_fd, SOL_SOCKET, SO_RCVBUF, &receiveBuffer, sizeof receiveBuffer);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(m_fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0)
            close();
        else
            ::fcntl(m_fd, F_SETFL, ::fcntl(m_fd, F_GETFL) | O_NONBLOCK);
    }
    ~RawClient() { close(); }
    RawClient(const RawClient &) = delete;
    RawClient &operator=(const RawClient &) = delete;

    void close()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
    }

    // Sends what the socket takes now: the bytes sent, or -1 once the connection failed.
    qint64 sendSome(QByteArrayView data)
    {
        if (m_fd < 0)
            return -1;
        const ssize_t sent = ::send(m_fd, data.data(), static_cast<size_t>(data.size()), MSG_NOSIGNAL);
        if (sent >= 0)
            return sent;
        return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ? 0 : -1;
    }

    bool sendAll(QByteArrayView data, int timeoutMs = kWaitMs)
    {
        qsizetype sent = 0;
        bool failed = false;
        const auto step = [&] {
            const qint64 n = sendSome(data.sliced(sent));
            failed = n < 0;
            sent += std::max<qint64>(n, 0);
            return failed || sent == data.size();
        };
        return (step() || QTest::qWaitFor(step, timeoutMs)) && !failed;
    }

    // Reads what has arrived; false once the peer has closed or reset the connection.
    bool receive()
    {
        char chunk[65536];
        while (m_fd >= 0 && !m_ended) {
            const ssize_t n = ::recv(m_fd, chunk, sizeof chunk, 0);
            if (n > 0)
                m_received.append(chunk, n);
            else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
                return true;
            else if (n == 0 || errno != EINTR)
                m_ended = true;
        }
        return false;
    }

    Response readResponse(int timeoutMs = kWaitMs)
    {
        std::optional<Response> response;
        const auto step = [&] {
            receive();
            response = takeResponse(m_received);
            return response || m_ended;
        };
        static_cast<void>(step() || QTest::qWaitFor(step, timeoutMs));
        return response.value_or(Response{});
    }

    // Sends data as the server takes it, reading meanwhile, and returns the first answer: for requests the
    // server must answer before it has read all of them. Sending stops when the server stops the connection.
    Response sendReading(QByteArrayView data, int timeoutMs = kWaitMs)
    {
        qsizetype sent = 0;
        std::optional<Response> response;
        const auto step = [&] {
            if (sent < data.size()) {
                const qint64 n = sendSome(data.sliced(sent));
                sent = n < 0 ? data.size() : sent + n;
            }
            receive();
            response = takeResponse(m_received);
            return response || m_ended;
        };
        static_cast<void>(step() || QTest::qWaitFor(step, timeoutMs));
        return response.value_or(Response{});
    }

    // Waits for the server to close the connection, keeping what it sends before.
    bool waitEnded(int timeoutMs = kWaitMs)
    {
        const auto step = [&] {
            receive();
            return m_ended;
        };
        return step() || QTest::qWaitFor(step, timeoutMs);
    }

    // Whether the server closed or reset the connection, reading nothing.
    bool peerGone() const
    {
        pollfd polled{m_fd, POLLRDHUP, 0};
        return m_fd >= 0 && ::poll(&polled, 1, 0) > 0 && (polled.revents & (POLLRDHUP | POLLHUP | POLLERR)) != 0;
    }

    QByteArray &received() { return m_received; }

private:
    int m_fd = -1;
    bool m_ended = false;
    QByteArray m_received;
};

QByteArray hostHeader(quint16 port)
{
    return "Host: 127.0.0.1:" + QByteArray::number(port) + "\r\n";
}

// METHOD PATH HTTP/1.1 with this server's Host, the given header fields and a body (with its length).
QByteArray request(quint16 port, QByteArrayView method, QByteArrayView path, QByteArrayView fields = {},
                   QByteArrayView body = {})
{
    QByteArray text =
        method.toByteArray() + ' ' + path.toByteArray() + " HTTP/1.1\r\n" + hostHeader(port) + fields.toByteArray();
    if (!body.isEmpty())
        text += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    return text + "\r\n" + body.toByteArray();
}

// One request on a connection of its own.
Response exchange(quint16 port, QByteArrayView text)
{
    RawClient client(port);
    if (!client.sendAll(text))
        return {};
    return client.readResponse();
}

// rl_input_rejected_total{source="api",reason=REASON} in GET /metrics.
double rejectedCount(quint16 port, QByteArrayView reason, QByteArrayView fields = {})
{
    const Response metrics = exchange(port, request(port, "GET", "/metrics", fields));
    const QByteArray label = "reason=\"" + reason.toByteArray() + "\"";
    double total = 0.0;
    for (const QByteArray &line : metrics.body.split('\n')) {
        if (line.startsWith("rl_input_rejected_total{") && line.contains("source=\"api\"") && line.contains(label))
            total += line.mid(line.lastIndexOf(' ') + 1).toDouble();
    }
    return total;
}

// `rlstudio --headless` (no simulator, no status lines, no journal: test servers share no folder) on a free
// loopback port unless the arguments name another --listen, with extra environment variables and, if given, a lower
// open-file limit. SIGTERM at the end.
class Server {
public:
    explicit Server(const QStringList &arguments, const QList<std::pair<QString, QString>> &environment = {},
                    rlim_t fileLimit = 0)
    {
        QProcessEnvironment variables = rltest::cleanEnvironment();
        variables.remove(QStringLiteral("RL_API_TOKEN_FILE"));
        for (const auto &[name, value] : environment)
            variables.insert(name, value);
        m_process.setProcessEnvironment(variables);
        if (fileLimit > 0) {
            // As `ulimit -n` would, in the child before exec.
            m_process.setChildProcessModifier([fileLimit] {
                rlimit limit{};
                ::getrlimit(RLIMIT_NOFILE, &limit);
                limit.rlim_cur = fileLimit;
                ::setrlimit(RLIMIT_NOFILE, &limit);
            });
        }
        QStringList all{QStringLiteral("--headless"), QStringLiteral("--status-every"), QStringLiteral("0"),
                        QStringLiteral("--no-simulator"), QStringLiteral("--ephemeral")};
        if (!arguments.contains(QStringLiteral("--listen")))
            all << QStringLiteral("--listen") << QStringLiteral("127.0.0.1:0");
        m_process.start(QStringLiteral(RLSTUDIO_BINARY), all + arguments);
        const QRegularExpression listening(QStringLiteral("listening on http://\\S+:(\\d+)"));
        static_cast<void>(QTest::qWaitFor(
            [&] {
                read();
                const QRegularExpressionMatch match = listening.match(QString::fromUtf8(m_out));
                if (match.hasMatch())
                    m_port = match.captured(1).toUShort();
                return m_port != 0 || m_process.state() == QProcess::NotRunning;
            },
            rltest::kProcessTimeoutMs));
    }
    ~Server() { stop(); }

    // SIGTERM; the exit code, -1 after a crash.
    int stop()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(rltest::kProcessTimeoutMs)) {
                m_process.kill();
                m_process.waitForFinished();
            }
        }
        read();
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }

    quint16 port() const { return m_port; }
    qint64 pid() const { return m_process.processId(); }
    QProcess &process() { return m_process; }
    QByteArray output()
    {
        read();
        return m_out + m_err;
    }
    bool waitForError(QByteArrayView text, int timeoutMs = kWaitMs)
    {
        return QTest::qWaitFor(
                   [&] {
                       read();
                       return m_err.contains(text) || m_process.state() == QProcess::NotRunning;
                   },
                   timeoutMs)
               && m_err.contains(text);
    }

    // Resident memory in KiB.
    qint64 rssKiB() const
    {
        QFile status(QStringLiteral("/proc/%1/status").arg(pid()));
        if (!status.open(QIODevice::ReadOnly))
            return -1;
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("VmRSS:"))
                return line.mid(6).trimmed().split(' ').constFirst().toLongLong();
        }
        return -1;
    }

    // User and system CPU time in seconds.
    double cpuSeconds() const
    {
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid()));
        if (!stat.open(QIODevice::ReadOnly))
            return -1.0;
        const QByteArray text = stat.readAll();
        // After "PID (COMMAND) ": the state is field 3, utime and stime are fields 14 and 15.
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        return (fields.value(11).toDouble() + fields.value(12).toDouble())
               / static_cast<double>(::sysconf(_SC_CLK_TCK));
    }

private:
    void read()
    {
        m_out += m_process.readAllStandardOutput();
        m_err += m_process.readAllStandardError();
    }

    QProcess m_process;
    QByteArray m_out;
    QByteArray m_err;
    quint16 m_port = 0;
};

QString writeFile(const QTemporaryDir &directory, const QString &name, const QByteArray &content)
{
    const QString path = directory.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        qWarning("cannot write %s", qPrintable(path));
    return path;
}

// A child started by hand (its stdout a pipe this test closes), killed and reaped if a test leaves it.
struct Child {
    pid_t pid = -1;
    int status = 0;

    ~Child()
    {
        if (pid > 0 && !reaped()) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, &status, 0);
        }
    }
    bool reaped()
    {
        if (pid > 0 && ::waitpid(pid, &status, WNOHANG) == pid)
            pid = -1;
        return pid <= 0;
    }
};

const QByteArray kToken = "hostile-test-token-0123456789-XYZ";

} // namespace

class TestHostileHttp : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_server =
            std::make_unique<Server>(QStringList{QStringLiteral("--body-limit"), QStringLiteral("1024"),
                                                 QStringLiteral("--allowed-host"), QStringLiteral("rl.example")});
        QVERIFY2(m_server->port() != 0, m_server->output().constData());
        m_port = m_server->port();
    }

    void cleanupTestCase()
    {
        if (m_server) {
            QCOMPARE(m_server->stop(), 0);
            m_server.reset();
        }
    }

    // 1. 10 MB of pipelined GET /metrics whose answers are never read: the server reads the next request only
    // once an answer is written, so its memory stays bounded; the connection is closed when a write times
    // out; other clients are answered meanwhile.
    void pipelinedUnreadAnswersStayBounded()
    {
        Server server({}, {{QStringLiteral("RL_HTTP_WRITE_TIMEOUT_MS"), QStringLiteral("1500")}});
        QVERIFY2(server.port() != 0, server.output().constData());
        const quint16 port = server.port();
        const qint64 before = server.rssKiB();
        QVERIFY(before > 0);
        const QByteArray one = request(port, "GET", "/metrics");
        const QByteArray flood = one.repeated(10 * 1024 * 1024 / one.size());

        RawClient client(port, 4096); // a small window: the server's writes block sooner
        qsizetype sent = 0;
        qint64 peak = before;
        QElapsedTimer sinceProgress;
        sinceProgress.start();
        const auto push = [&] {
            const qint64 n = client.sendSome(QByteArrayView(flood).sliced(sent));
            if (n > 0) {
                sent += n;
                sinceProgress.restart();
            }
            peak = std::max(peak, server.rssKiB());
            // Done when all is sent, the connection failed, or the server has stopped taking requests.
            return n < 0 || sent == flood.size() || sinceProgress.elapsed() > 200;
        };
        QVERIFY(QTest::qWaitFor(push, 30000));
        QVERIFY2(!client.peerGone(), "closed before its write timed out");
        QCOMPARE(exchange(port, request(port, "GET", "/health")).status, 200);

        const auto closed = [&] {
            peak = std::max(peak, server.rssKiB());
            return client.peerGone();
        };
        QVERIFY2(QTest::qWaitFor(closed, kWaitMs), "the connection that reads nothing was not closed");
        const qint64 growthKiB = peak - before;
        qInfo("took %lld bytes of requests; RSS grew by %lld KiB at most", qint64(sent), growthKiB);
        QVERIFY2(growthKiB < 100 * 1024,
                 qPrintable(QStringLiteral("RSS grew by %1 KiB having taken %2 bytes").arg(growthKiB).arg(sent)));
        QCOMPARE(exchange(port, request(port, "GET", "/health")).status, 200);
    }

    // 2a. A connection idle before or between requests, one stopping in its header and one stopping in its
    // body are closed after their timeouts; the unfinished requests are counted as timeouts.
    void idleAndUnfinishedConnectionsAreClosed()
    {
        Server server({}, {{QStringLiteral("RL_HTTP_IDLE_TIMEOUT_MS"), QStringLiteral("300")},
                           {QStringLiteral("RL_HTTP_HEADER_TIMEOUT_MS"), QStringLiteral("300")},
                           {QStringLiteral("RL_HTTP_BODY_TIMEOUT_MS"), QStringLiteral("300")}});
        QVERIFY2(server.port() != 0, server.output().constData());
        const quint16 port = server.port();
        const double timeoutsBefore = rejectedCount(port, "timeout");

        RawClient idle(port);
        RawClient betweenRequests(port);
        QVERIFY(betweenRequests.sendAll(request(port, "GET", "/health")));
        QCOMPARE(betweenRequests.readResponse().status, 200);
        RawClient halfHeader(port);
        QVERIFY(halfHeader.sendAll("GET /health HTTP/1.1\r\n" + hostHeader(port)));
        RawClient halfBody(port);
        QVERIFY(halfBody.sendAll(
            request(port, "POST", "/v1/route", "Content-Type: application/json\r\nContent-Length: 100\r\n")
            + "{\"complexity\": "));

        QVERIFY2(idle.waitEnded(5000), "an idle connection stayed open");
        QVERIFY2(betweenRequests.waitEnded(5000), "a connection idle after its answer stayed open");
        QVERIFY2(halfHeader.waitEnded(5000), "a connection with half a header stayed open");
        QVERIFY2(halfBody.waitEnded(5000), "a connection with half a body stayed open");
        QVERIFY2(idle.received().isEmpty(), idle.received().constData());
        // Nothing is answered to an unfinished request but, at most, the 408 docs/api.md names.
        for (RawClient *client : {&halfHeader, &halfBody}) {
            if (!client->received().isEmpty()) {
                const std::optional<Response> answer = takeResponse(client->received());
                QVERIFY2(answer && answer->status == 408 && answer->reason() == u"timeout",
                         client->received().constData());
            }
        }
        QTRY_VERIFY_WITH_TIMEOUT(rejectedCount(port, "timeout") >= timeoutsBefore + 2, kWaitMs);
    }

    // 2b. `Connection: close` and HTTP/1.0 get their answer, then the server closes (the idle timeout is 60 s).
    void connectionCloseAndHttp10AreClosedAfterTheAnswer()
    {
        RawClient close(m_port);
        QVERIFY(close.sendAll(request(m_port, "GET", "/health", "Connection: close\r\n")));
        const Response closeAnswer = close.readResponse();
        QCOMPARE(closeAnswer.status, 200);
        QCOMPARE(closeAnswer.header("Connection").toLower(), QByteArray("close"));
        QVERIFY2(close.waitEnded(3000), "the server kept a `Connection: close` connection open");

        RawClient old(m_port);
        QVERIFY(old.sendAll("GET /health HTTP/1.0\r\n" + hostHeader(m_port) + "\r\n"));
        QCOMPARE(old.readResponse().status, 200);
        QVERIFY2(old.waitEnded(3000), "the server kept an HTTP/1.0 connection open");
        QVERIFY2(old.received().isEmpty(), old.received().constData());
    }

    // 3a. Beyond --max-connections a connection gets 503 too_many_connections with Retry-After; once the
    // others close, /health is answered again.
    void connectionCapAnswers503()
    {
        Server server({QStringLiteral("--max-connections"), QStringLiteral("4")});
        QVERIFY2(server.port() != 0, server.output().constData());
        const quint16 port = server.port();
        std::vector<std::unique_ptr<RawClient>> held;
        for (int i = 0; i < 4; ++i) {
            held.push_back(std::make_unique<RawClient>(port));
            QVERIFY(held.back()->sendAll(request(port, "GET", "/health")));
            QCOMPARE(held.back()->readResponse().status, 200); // accepted and kept alive
        }
        RawClient extra(port);
        QVERIFY(extra.sendAll(request(port, "GET", "/health")));
        const Response refused = extra.readResponse();
        QCOMPARE(refused.status, 503);
        QCOMPARE(refused.reason(), QStringLiteral("too_many_connections"));
        QVERIFY2(!refused.header("Retry-After").isEmpty(), refused.head.constData());

        held.clear();
        extra.close();
        QTRY_COMPARE_WITH_TIMEOUT(exchange(port, request(port, "GET", "/health")).status, 200, kWaitMs);
        QVERIFY(rejectedCount(port, "too_many_connections") >= 1);
    }

    // 3b. Under `ulimit -n 64`, with more connections held than descriptors: accepting fails (EMFILE), the
    // server waits instead of spinning a core, and answers /health once the connections close.
    void nearTheFileLimitNoSpinAndRecovers()
    {
        Server server({}, {}, 64);
        QVERIFY2(server.port() != 0, server.output().constData());
        const quint16 port = server.port();
        std::vector<std::unique_ptr<RawClient>> held;
        for (int i = 0; i < 100; ++i)
            held.push_back(std::make_unique<RawClient>(port)); // the kernel completes them; the server accepts
        QVERIFY2(server.waitForError("cannot accept a connection"), server.output().constData());

        const double before = server.cpuSeconds();
        QTest::qWait(1500); // the window the CPU time is measured over: a spinning accept loop would fill it
        const double used = server.cpuSeconds() - before;
        qInfo("%.2f s of CPU in 1.5 s with 100 connections held", used);
        QVERIFY2(used < 0.5, qPrintable(QStringLiteral("%1 s of CPU in 1.5 s").arg(used)));

        held.clear();
        QTRY_VERIFY2_WITH_TIMEOUT(exchange(port, request(port, "GET", "/health")).status == 200,
                                  server.output().right(2000).constData(), kWaitMs);
    }

    // 4a. A 16 MB header gets 431 header_too_large once 16 KiB are read, and the connection is closed.
    void hugeHeaderGets431()
    {
        const double before = rejectedCount(m_port, "header_too_large");
        RawClient client(m_port);
        const QByteArray text =
            "GET /health HTTP/1.1\r\n" + hostHeader(m_port) + "X-Filler: " + QByteArray(16 * 1024 * 1024, 'a');
        const Response response = client.sendReading(text);
        QCOMPARE(response.status, 431);
        QCOMPARE(response.reason(), QStringLiteral("header_too_large"));
        QVERIFY(client.waitEnded());
        QCOMPARE(rejectedCount(m_port, "header_too_large"), before + 1);
    }

    // 4b. Many connections each holding an unfinished 15 KiB header hold at most their own small buffers.
    void unfinishedLargeHeadersHoldNoMemory()
    {
        const qint64 before = m_server->rssKiB();
        QByteArray partial = "GET /health HTTP/1.1\r\n" + hostHeader(m_port);
        while (partial.size() < 15 * 1024)
            partial += "X-Filler-" + QByteArray::number(partial.size()) + ": " + QByteArray(100, 'a') + "\r\n";
        std::vector<std::unique_ptr<RawClient>> clients;
        for (int i = 0; i < 300; ++i) {
            clients.push_back(std::make_unique<RawClient>(m_port));
            QVERIFY(clients.back()->sendAll(partial));
        }
        // Accepted after them all: by its answer the others have been read.
        QCOMPARE(exchange(m_port, request(m_port, "GET", "/health")).status, 200);
        const qint64 growthKiB = m_server->rssKiB() - before;
        qInfo("RSS grew by %lld KiB with 300 unfinished headers", growthKiB);
        QVERIFY2(growthKiB < 50 * 1024, qPrintable(QStringLiteral("RSS grew by %1 KiB").arg(growthKiB)));
        for (const auto &client : clients)
            QVERIFY2(!client->peerGone(), "an unfinished header was closed before its timeout");
    }

    // 4c. Content-Length 1 GB to a path that does not take it is answered right after the header (the body
    // timeout is 60 s: nothing of the body is sent) with its 404, 405 or 413 (any refusal will do: the length
    // alone is over the limit), as is a body over --body-limit (1024 here); a chunked body over it gets 413.
    void oversizedBodiesAreAnsweredBeforeTheyAreRead()
    {
        const double before = rejectedCount(m_port, "payload_too_large");
        const QMap<int, QString> reasons{{404, QStringLiteral("not_found")},
                                         {405, QStringLiteral("method_not_allowed")},
                                         {413, QStringLiteral("payload_too_large")}};
        struct Case {
            QByteArray method;
            QByteArray path;
            QByteArray length;
            QList<int> statuses;
        };
        const QByteArray json = "Content-Type: application/json\r\n";
        const QList<Case> cases{
            {"POST", "/health", "1073741824", {405, 413}},
            {"POST", "/no-such-path", "1073741824", {404, 413}},
            {"PUT", "/v1/route", "1073741824", {405, 413}},
            {"POST", "/v1/route", "1073741824", {413}},
            {"POST", "/v1/route", "2048", {413}},
            {"POST", "/v1/route", "2048\r\nExpect: 100-continue", {413}}, // refused instead of "100 Continue"
        };
        int tooLarge = 0;
        for (const Case &c : cases) {
            RawClient client(m_port);
            QVERIFY(client.sendAll(request(m_port, c.method, c.path, json + "Content-Length: " + c.length + "\r\n")));
            const Response response = client.readResponse(3000);
            QVERIFY2(c.statuses.contains(response.status), c.method + ' ' + c.path + ": " + response.describe());
            QCOMPARE(response.reason(), reasons.value(response.status));
            QVERIFY2(client.waitEnded(3000), c.method + ' ' + c.path + ": the connection stayed open for the body");
            tooLarge += response.status == 413 ? 1 : 0;
        }

        RawClient chunked(m_port);
        const QByteArray chunk = "400\r\n" + QByteArray(1024, '1') + "\r\n";
        const Response response = chunked.sendReading(
            request(m_port, "POST", "/v1/route", json + "Transfer-Encoding: chunked\r\n") + chunk + chunk + chunk);
        QCOMPARE(response.status, 413);
        QCOMPARE(response.reason(), QStringLiteral("payload_too_large"));
        QCOMPARE(rejectedCount(m_port, "payload_too_large"), before + tooLarge + 1);
    }

    // 5a. Malformed requests get 400 bad_request as JSON.
    void malformedRequestsGet400Json()
    {
        const double before = rejectedCount(m_port, "bad_request");
        const QByteArray host = hostHeader(m_port);
        const QList<QByteArray> requests{
            "GARBAGE\r\n\r\n",
            "GET /health HTTP/9.9\r\n" + host + "\r\n",
            QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n", 15), // a TLS ClientHello's start
            "GET /health HTTP/1.1\r\n" + host + "No colon here\r\n\r\n",
            "GET /health HTTP/1.1\r\n" + host + "Content-Length: abc\r\n\r\n",
            "GET /health HTTP/1.1\r\n" + host + "Content-Length: 1\r\nContent-Length: 2\r\n\r\nab",
            "POST /v1/route HTTP/1.1\r\n" + host
                + "Content-Type: application/json\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
            "POST /v1/route HTTP/1.1\r\n" + host
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n",
        };
        for (const QByteArray &text : requests) {
            const Response response = exchange(m_port, text);
            QVERIFY2(response.status == 400, text.left(80) + " -> " + response.describe());
            QCOMPARE(response.header("Content-Type"), QByteArray("application/json"));
            QVERIFY2(response.reason() == u"bad_request", text.left(80) + " -> " + response.describe());
        }
        QCOMPARE(rejectedCount(m_port, "bad_request"), before + requests.size());
    }

    // 5b. A WebSocket upgrade request on /health gets exactly one answer (not a switch of protocols); the
    // request after it on the connection gets its own.
    void websocketUpgradeGetsOneAnswer()
    {
        RawClient client(m_port);
        QVERIFY(client.sendAll(request(m_port, "GET", "/health",
                                       "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                                       "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n")
                               + request(m_port, "GET", "/metrics", "Connection: close\r\n")));
        QVERIFY(client.waitEnded());
        QList<Response> responses;
        while (const std::optional<Response> response = takeResponse(client.received()))
            responses << *response;
        QVERIFY2(client.received().isEmpty(), client.received().left(500).constData());
        QVERIFY(!responses.isEmpty());
        QVERIFY2(responses[0].status != 101, responses[0].describe().constData());
        // One answer to the upgrade, then /metrics's (or none if the server closed after the first).
        const bool closedAfterIt = responses.size() == 1 && responses[0].header("Connection").toLower() == "close";
        QVERIFY2(closedAfterIt
                     || (responses.size() == 2 && responses[1].header("Content-Type").startsWith("text/plain")),
                 qPrintable(QStringLiteral("%1 responses").arg(responses.size())));
    }

    // 5c. A 404's body does not reflect the request's path.
    void notFoundDoesNotEchoThePath()
    {
        const double before = rejectedCount(m_port, "not_found");
        for (const QByteArray &path :
             {QByteArray("/secret-xyzzy"), QByteArray("/%3Cscript%3Ealert(1)%3C/script%3E-xyzzy?q=plugh")}) {
            const Response response = exchange(m_port, request(m_port, "GET", path));
            QCOMPARE(response.status, 404);
            QCOMPARE(response.reason(), QStringLiteral("not_found"));
            for (const char *echo : {"xyzzy", "plugh", "script", "%3C"})
                QVERIFY2(!response.body.contains(echo), response.body.constData());
        }
        QCOMPARE(rejectedCount(m_port, "not_found"), before + 2);
    }

    // 5d. DNS rebinding: on loopback a Host that is not this server gets 400 bad_host; localhost,
    // 127.0.0.1 and [::1] (with or without the port) pass, and --allowed-host adds a name (rl.example here).
    // A body without a length (neither Content-Length nor chunked) is refused: 411, counted.
    void aBodyWithoutLengthGets411()
    {
        const double before = rejectedCount(m_port, "length_required");
        const Response response = exchange(m_port, "POST /v1/route HTTP/1.1\r\nHost: localhost\r\n"
                                                   "Content-Type: application/json\r\n\r\n");
        QVERIFY2(response.status == 411, response.describe().constData());
        QCOMPARE(response.reason(), QStringLiteral("length_required"));
        QCOMPARE(rejectedCount(m_port, "length_required"), before + 1);
    }

    void foreignHostIsRefusedOnLoopback()
    {
        const double before = rejectedCount(m_port, "bad_host");
        const QByteArray port = QByteArray::number(m_port);
        // The last is not UTF-8: it comes back in the message, as U+FFFD, and never breaks the answer.
        const QList<QByteArray> foreign{"evil.example",
                                        "evil.example:" + port,
                                        "localhost.evil.example:" + port,
                                        "127.0.0.1.nip.io:" + port,
                                        "rl.example.evil.example",
                                        QByteArray("\xff\xfe.example")};
        for (const QByteArray &host : foreign) {
            const Response response = exchange(m_port, "GET /health HTTP/1.1\r\nHost: " + host + "\r\n\r\n");
            QVERIFY2(response.status == 400, host + " -> " + response.describe());
            QCOMPARE(response.reason(), QStringLiteral("bad_host"));
        }
        const Response missing = exchange(m_port, "GET /health HTTP/1.1\r\n\r\n");
        QCOMPARE(missing.status, 400);
        QCOMPARE(missing.reason(), QStringLiteral("bad_host"));

        for (const QByteArray &host : {"localhost:" + port, "127.0.0.1:" + port, "LOCALHOST:" + port, "[::1]:" + port,
                                       QByteArray("localhost"), "rl.example:" + port, QByteArray("rl.example")}) {
            const Response response = exchange(m_port, "GET /health HTTP/1.1\r\nHost: " + host + "\r\n\r\n");
            QVERIFY2(response.status == 200, host + " -> " + response.describe());
        }
        QCOMPARE(rejectedCount(m_port, "bad_host"), before + foreign.size() + 1);
    }

    // 6a. SIGPIPE: headless mode survives its stdout reader going away (`rlstudio --headless | head -1`),
    // keeps answering, and still ends with 0 on SIGTERM.
    void closedStdoutDoesNotKillHeadless()
    {
        QTemporaryDir directory;
        QVERIFY(directory.isValid());
        const QByteArray errors = directory.filePath(QStringLiteral("stderr.txt")).toLocal8Bit();
        int out[2];
        QVERIFY(::pipe2(out, O_CLOEXEC) == 0);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, errors.constData(), O_WRONLY | O_CREAT | O_TRUNC,
                                         0600);
        QList<QByteArray> arguments{RLSTUDIO_BINARY,  "--headless",  "--listen",       "127.0.0.1:0",
                                    "--no-simulator", "--ephemeral", "--status-every", "0.1"}; // a line every 0.1 s
        QList<QByteArray> environment;
        for (const QString &variable : rltest::cleanEnvironment().toStringList())
            environment << variable.toLocal8Bit();
        std::vector<char *> argv, envp;
        for (QByteArray &argument : arguments)
            argv.push_back(argument.data());
        argv.push_back(nullptr);
        for (QByteArray &variable : environment)
            envp.push_back(variable.data());
        envp.push_back(nullptr);
        Child child;
        const int spawned = ::posix_spawn(&child.pid, RLSTUDIO_BINARY, &actions, nullptr, argv.data(), envp.data());
        posix_spawn_file_actions_destroy(&actions);
        ::close(out[1]);
        QCOMPARE(spawned, 0);

        // The first line, as `head -1` reads it; then the reader is gone.
        ::fcntl(out[0], F_SETFL, ::fcntl(out[0], F_GETFL) | O_NONBLOCK);
        QByteArray firstLine;
        QVERIFY(QTest::qWaitFor(
            [&] {
                char c = 0;
                while (!firstLine.endsWith('\n') && ::read(out[0], &c, 1) == 1)
                    firstLine += c;
                return firstLine.endsWith('\n') || child.reaped();
            },
            rltest::kProcessTimeoutMs));
        ::close(out[0]);
        const QRegularExpressionMatch match = QRegularExpression(QStringLiteral("listening on http://127.0.0.1:(\\d+)"))
                                                  .match(QString::fromUtf8(firstLine));
        QVERIFY2(match.hasMatch(), firstLine.constData());
        const auto port = match.captured(1).toUShort();

        // Five status lines are due in this time, each written to a pipe without a reader: it must not die.
        QVERIFY2(
            !QTest::qWaitFor([&] { return child.reaped(); }, 600),
            qPrintable(QStringLiteral("rlstudio died: %1")
                           .arg(WIFSIGNALED(child.status) ? QStringLiteral("signal %1").arg(WTERMSIG(child.status))
                                                          : QStringLiteral("exit %1").arg(WEXITSTATUS(child.status)))));
        QCOMPARE(exchange(port, request(port, "GET", "/health")).status, 200);
        ::kill(child.pid, SIGTERM);
        QVERIFY(QTest::qWaitFor([&] { return child.reaped(); }, rltest::kProcessTimeoutMs));
        QVERIFY2(WIFEXITED(child.status), qPrintable(QStringLiteral("signal %1").arg(WTERMSIG(child.status))));
        QCOMPARE(WEXITSTATUS(child.status), 0);
    }

    // 6b. SIGHUP ends headless mode cleanly, exit code 0, as SIGTERM does.
    void sighupEndsCleanly()
    {
        Server server(QStringList{});
        QVERIFY2(server.port() != 0, server.output().constData());
        QCOMPARE(::kill(static_cast<pid_t>(server.pid()), SIGHUP), 0);
        QVERIFY(server.process().waitForFinished(rltest::kProcessTimeoutMs));
        QVERIFY2(server.process().exitStatus() == QProcess::NormalExit, "killed by SIGHUP");
        QCOMPARE(server.process().exitCode(), 0);
        QVERIFY2(server.output().contains("received SIGHUP, shutting down"), server.output().constData());
    }

    // 7. A status period below 0.1 s is refused at start-up, naming the flag and the accepted range.
    void tinyStatusPeriodIsRefused()
    {
        const rltest::Finished finished = rltest::runRlstudio(
            {QStringLiteral("--headless"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
             QStringLiteral("--status-every"), QStringLiteral("0.0001")});
        QCOMPARE(finished.exitCode, 2);
        QVERIFY2(finished.standardError.contains("--status-every=\"0.0001\""), finished.standardError.constData());
        QVERIFY2(finished.standardError.contains("0.1..86400"), finished.standardError.constData());
    }

    // The timeouts the tests shorten (RL_HTTP_*_TIMEOUT_MS) are validated like any setting.
    void httpTimeoutVariablesAreValidated()
    {
        for (const char *value : {"abc", "5", "-1", "86400001"}) {
            QProcessEnvironment environment = rltest::cleanEnvironment();
            environment.insert(QStringLiteral("RL_HTTP_HEADER_TIMEOUT_MS"), QString::fromLatin1(value));
            const rltest::Finished finished = rltest::runRlstudio(
                {QStringLiteral("--headless"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")}, environment);
            QCOMPARE(finished.exitCode, 2);
            QVERIFY2(finished.standardError.contains("RL_HTTP_HEADER_TIMEOUT_MS=\"" + QByteArray(value)
                                                     + "\" is not an integer in 10..86400000"),
                     finished.standardError.constData());
        }
    }

    // 8a. A model id holding a control character is refused at start-up, naming the field.
    void controlCharacterInModelIdIsRefused()
    {
        QTemporaryDir directory;
        QVERIFY(directory.isValid());
        const QString path = writeFile(directory, QStringLiteral("catalogue.json"),
                                       R"({"models": [{"id": "gpt\u0000x", "provider": "openai", "max_tokens": 8192,
                                           "cost_per_1k_tokens": 0.03, "average_latency_ms": 2000,
                                           "accuracy_score": 0.95, "reliability_score": 0.98}]})");
        const rltest::Finished finished =
            rltest::runRlstudio({QStringLiteral("--headless"), QStringLiteral("--catalogue"), path});
        QCOMPARE(finished.exitCode, 2);
        QVERIFY2(finished.standardError.contains("models[0].id: holds the control character 0"),
                 finished.standardError.constData());
    }

    // 8b. A catalogue of 100,000 models is refused quickly, saying why.
    void hugeCatalogueIsRefusedQuickly()
    {
        QTemporaryDir directory;
        QVERIFY(directory.isValid());
        QByteArray models = "{}";
        models += QByteArray(",{}").repeated(99999);
        const QString path = writeFile(directory, QStringLiteral("catalogue.json"), "{\"models\": [" + models + "]}");
        QElapsedTimer clock;
        clock.start();
        const rltest::Finished finished =
            rltest::runRlstudio({QStringLiteral("--headless"), QStringLiteral("--catalogue"), path});
        const qint64 elapsed = clock.elapsed();
        QCOMPARE(finished.exitCode, 2);
        QVERIFY2(finished.standardError.contains("models: 100000 models, more than the 64"),
                 finished.standardError.constData());
        QVERIFY2(elapsed < 1000, qPrintable(QStringLiteral("%1 ms").arg(elapsed))); // the whole process
    }

    // 9a. Listening beyond loopback without a token refuses to start.
    void nonLoopbackWithoutTokenIsRefused()
    {
        QProcessEnvironment environment = rltest::cleanEnvironment();
        environment.remove(QStringLiteral("RL_API_TOKEN_FILE"));
        const rltest::Finished finished = rltest::runRlstudio(
            {QStringLiteral("--headless"), QStringLiteral("--listen"), QStringLiteral("0.0.0.0:0")}, environment);
        QCOMPARE(finished.exitCode, 2);
        QVERIFY2(finished.standardError.contains("--listen 0.0.0.0 is reachable from other machines: give "
                                                 "--token-file FILE"),
                 finished.standardError.constData());
    }

    // 9b. Beyond loopback with a token, every request needs `Authorization: Bearer <token>`: without it, with
    // a wrong token of the same length, a prefix of it or another scheme it gets 401; with it 200. The token
    // is never printed.
    void everyRequestNeedsTheTokenOffLoopback()
    {
        QTemporaryDir directory;
        QVERIFY(directory.isValid());
        const QString tokenFile = writeFile(directory, QStringLiteral("token"), kToken + "\n");
        Server server(
            {QStringLiteral("--listen"), QStringLiteral("0.0.0.0:0"), QStringLiteral("--token-file"), tokenFile});
        QVERIFY2(server.port() != 0, server.output().constData());
        const quint16 port = server.port();
        const QByteArray right = "Authorization: Bearer " + kToken + "\r\n";
        QByteArray wrong = kToken;
        wrong.back() = wrong.back() == 'Z' ? 'Y' : 'Z';
        const QList<QByteArray> refusedCredentials{
            {},
            "Authorization: Bearer " + wrong + "\r\n",
            "Authorization: Bearer " + kToken.chopped(1) + "\r\n",
            "Authorization: Bearer " + kToken + "x\r\n",
            "Authorization: Basic " + kToken + "\r\n",
            "Authorization: " + kToken + "\r\n",
        };
        const QList<QByteArray> requests{request(port, "GET", "/health"), request(port, "GET", "/metrics"),
                                         request(port, "GET", "/v1/state")};
        int refused = 0;
        for (const QByteArray &credentials : refusedCredentials) {
            for (const QByteArray &text : requests) {
                const QByteArray withCredentials = text.left(text.size() - 2) + credentials + "\r\n";
                const Response response = exchange(port, withCredentials);
                QVERIFY2(response.status == 401, withCredentials + " -> " + response.describe());
                QCOMPARE(response.reason(), QStringLiteral("unauthorized"));
                QCOMPARE(response.header("WWW-Authenticate"), QByteArray("Bearer"));
                ++refused;
            }
        }
        QCOMPARE(exchange(port, request(port, "GET", "/health", right)).status, 200);
        // The engine may still be starting (503 restoring) just after the listening line.
        QTRY_COMPARE_WITH_TIMEOUT(exchange(port, request(port, "GET", "/v1/state", right)).status, 200, kWaitMs);
        QCOMPARE(rejectedCount(port, "unauthorized", right), double(refused));
        QCOMPARE(server.stop(), 0);
        QVERIFY2(!server.output().contains(kToken), "the token was printed");
    }

    // 9c. On loopback with a token, reads need none, control requests (PUT /v1/config, POST /v1/loop/*,
    // /v1/policy/*) need it. The token is never printed.
    void loopbackTokenGuardsControlRequests()
    {
        QTemporaryDir directory;
        QVERIFY(directory.isValid());
        const QString tokenFile = writeFile(directory, QStringLiteral("token"), kToken + "\n");
        Server server({QStringLiteral("--token-file"), tokenFile});
        QVERIFY2(server.port() != 0, server.output().constData());
        const quint16 port = server.port();
        QVERIFY2(server.output().contains("(control requests need the token)"), server.output().constData());
        const QByteArray right = "Authorization: Bearer " + kToken + "\r\n";
        QCOMPARE(exchange(port, request(port, "GET", "/health")).status, 200);
        QCOMPARE(exchange(port, request(port, "GET", "/metrics")).status, 200);

        const QByteArray json = "Content-Type: application/json\r\n";
        const QByteArray empty = "Content-Length: 0\r\n";
        struct Control {
            QByteArray method;
            QByteArray path;
            QByteArray fields;
            QByteArray body;
        };
        const QList<Control> controls{
            {"PUT", "/v1/config", json, R"({"batch_size": 25})"},
            {"POST", "/v1/loop/process-once", empty, {}},
            {"POST", "/v1/loop/purge", json, R"({"count": 0})"},
            {"POST", "/v1/policy/reset", empty, {}},
        };
        for (const Control &c : controls) {
            const Response refused = exchange(port, request(port, c.method, c.path, c.fields, c.body));
            QVERIFY2(refused.status == 401, c.method + ' ' + c.path + " -> " + refused.describe());
            QCOMPARE(refused.reason(), QStringLiteral("unauthorized"));
            // The engine may still be starting (503 restoring) just after the listening line.
            Response allowed;
            QTRY_VERIFY_WITH_TIMEOUT(
                (allowed = exchange(port, request(port, c.method, c.path, c.fields + right, c.body))).status != 503,
                kWaitMs);
            QVERIFY2(allowed.status == 200, c.method + ' ' + c.path + " -> " + allowed.describe());
        }
        QCOMPARE(rejectedCount(port, "unauthorized"), double(controls.size()));
        QCOMPARE(server.stop(), 0);
        QVERIFY2(!server.output().contains(kToken), "the token was printed");
    }

private:
    std::unique_ptr<Server> m_server; // --body-limit 1024 --allowed-host rl.example, the default timeouts
    quint16 m_port = 0;
};

QTEST_GUILESS_MAIN(TestHostileHttp)
#include "tst_hostilehttp.moc"
