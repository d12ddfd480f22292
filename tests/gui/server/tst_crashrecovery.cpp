#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QtEndian>

#include "RlstudioProcess.h"

using rltest::Reply;

namespace {

const QByteArray kJson = "application/json";
const QByteArray kNdjson = "application/x-ndjson";
constexpr int kKillRounds = 20;
constexpr int kClients = 4;
constexpr int kDimension = 6; // the default catalogue routes on the context's 6 features
constexpr int kWaitMs = 20000;

QJsonObject object(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

QByteArray compact(const QJsonObject &value)
{
    return QJsonDocument(value).toJson(QJsonDocument::Compact);
}

// The journal's committed accounting, from /health.
struct Totals {
    quint64 accepted = 0;
    quint64 processed = 0;
    quint64 failed = 0;
    quint64 dropped = 0;
    quint64 purged = 0;
    quint64 queued = 0;

    static Totals of(const QJsonObject &journal)
    {
        const QJsonObject t = journal.value(QStringLiteral("totals")).toObject();
        const auto n = [&t](const char *key) {
            return static_cast<quint64>(t.value(QLatin1String(key)).toInteger(-1));
        };
        return {n("accepted"), n("processed"), n("failed"), n("dropped"), n("purged"), n("queued")};
    }
    quint64 consumed() const { return processed + failed + dropped + purged; }
    bool balanced() const { return accepted == consumed() + queued; }
    QString text() const
    {
        return QStringLiteral("accepted %1 = processed %2 + failed %3 + dropped %4 + purged %5 + queued %6")
            .arg(accepted)
            .arg(processed)
            .arg(failed)
            .arg(dropped)
            .arg(purged)
            .arg(queued);
    }
};

// One keep-alive HTTP/1.1 connection, one request at a time. Not QNetworkAccessManager: it may resend a
// POST whose connection closed, and the test must know exactly which answers arrived before the kill.
class Connection : public QObject {
public:
    // status 0: the connection failed or closed before the whole answer arrived.
    using Done = std::function<void(int status, const QByteArray &body)>;

    explicit Connection(const QUrl &base)
        : m_hostHeader(base.host().toLatin1() + ':' + QByteArray::number(base.port()))
    {
        m_socket.setProxy(QNetworkProxy::NoProxy);
        connect(&m_socket, &QTcpSocket::readyRead, this, &Connection::read);
        connect(&m_socket, &QTcpSocket::disconnected, this, &Connection::closed);
        connect(&m_socket, &QTcpSocket::errorOccurred, this, &Connection::closed);
        m_socket.connectToHost(base.host(), static_cast<quint16>(base.port())); // writes wait for the connection
    }

    void send(const QByteArray &path, const QByteArray &body, const QByteArray &type, Done done)
    {
        m_done = std::move(done);
        if (m_closed) { // answered later, as an answer would be: the caller is not re-entered
            QTimer::singleShot(0, this, [this] { finish(0, {}); });
            return;
        }
        m_socket.write("POST " + path + " HTTP/1.1\r\nHost: " + m_hostHeader + "\r\nContent-Type: " + type
                       + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    }

private:
    void read()
    {
        m_in += m_socket.readAll();
        const qsizetype end = m_in.indexOf("\r\n\r\n");
        if (end < 0 || !m_done)
            return;
        const int status = m_in.mid(9, 3).toInt();
        qsizetype length = 0;
        for (const QByteArray &line : m_in.left(end).split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (m_in.size() < end + 4 + length)
            return;
        const QByteArray body = m_in.mid(end + 4, length);
        m_in.remove(0, end + 4 + length);
        finish(status, body);
    }
    void closed()
    {
        if (m_closed)
            return;
        read(); // what arrived before the close is an answer all the same
        m_closed = true;
        finish(0, {});
    }
    void finish(int status, const QByteArray &body)
    {
        if (Done done = std::exchange(m_done, {}))
            done(status, body);
    }

    QTcpSocket m_socket;
    QByteArray m_hostHeader;
    QByteArray m_in;
    Done m_done;
    bool m_closed = false;
};

// What the load clients of one round saw.
struct Tally {
    quint64 acknowledged = 0; // feedback items answered 202 ("accepted")
    quint64 feedbackRequests = 0;
    quint64 routes = 0;
    quint64 outcomes = 0;
    quint64 unexpected = 0; // answers other than the expected status (not counting a closed connection)
    QString firstUnexpected;
    QString problem; // the server went away before the kill, or the clients never noticed it had
};

QByteArray feedbackItem(QRandomGenerator &random, const QString &trajectory, const QString &model)
{
    return compact({{QStringLiteral("trajectory_id"), trajectory},
                    {QStringLiteral("model_id"), model},
                    {QStringLiteral("accuracy_score"), random.bounded(101) / 100.0},
                    {QStringLiteral("efficiency_score"), random.bounded(101) / 100.0},
                    {QStringLiteral("error_handling_score"), random.bounded(101) / 100.0},
                    {QStringLiteral("overall_score"), random.bounded(101) / 100.0},
                    {QStringLiteral("trajectory_length"), random.bounded(1, 40)},
                    {QStringLiteral("success"), random.bounded(2) == 1}});
}

// A keep-alive client that routes requests and sends their feedback (one item, or NDJSON batches with now
// and then an item for an unknown trajectory), sometimes an outcome, until its connection closes.
class LoadClient {
public:
    // onStop: called once, when the connection has closed.
    LoadClient(const QUrl &base, QString prefix, quint32 seed, Tally &tally, std::function<void()> onStop)
        : m_connection(base)
        , m_random(seed)
        , m_prefix(std::move(prefix))
        , m_tally(tally)
        , m_onStop(std::move(onStop))
    {
    }

    void start() { step(); }
    bool stopped() const { return m_stopped; }

private:
    struct Awaiting {
        QString trajectory;
        QString model;
    };

    void step()
    {
        if (m_stopped)
            return;
        const int dice = m_random.bounded(100);
        if (m_awaiting.isEmpty() || (dice < 45 && m_awaiting.size() < 40))
            return route();
        if (dice < 55)
            return outcome();
        if (dice < 85)
            return feedback(1);
        return feedback(m_random.bounded(2, 21));
    }

    // True for the expected status; otherwise notes what came and carries on (or stops: the server is gone).
    bool answered(int status, int expected, const QByteArray &body)
    {
        if (status == expected)
            return true;
        if (status == 0) {
            m_stopped = true;
            m_onStop();
            return false;
        }
        if (m_tally.unexpected++ == 0)
            m_tally.firstUnexpected = QStringLiteral("%1 (wanted %2): %3").arg(status).arg(expected).arg(body);
        step();
        return false;
    }

    void route()
    {
        QJsonArray features;
        for (int i = 0; i < kDimension; ++i)
            features.append(m_random.bounded(1001) / 1000.0);
        const QString trajectory = m_prefix + QString::number(++m_next);
        const QByteArray body =
            compact({{QStringLiteral("features"), features}, {QStringLiteral("trajectory_id"), trajectory}});
        m_connection.send("/v1/route", body, kJson, [this, trajectory](int status, const QByteArray &answer) {
            if (!answered(status, 200, answer))
                return;
            ++m_tally.routes;
            m_awaiting.append({trajectory, object(answer).value(QStringLiteral("model_id")).toString()});
            step();
        });
    }

    void outcome()
    {
        const Awaiting &item = m_awaiting.at(m_random.bounded(m_awaiting.size()));
        const QByteArray body = compact({{QStringLiteral("trajectory_id"), item.trajectory},
                                         {QStringLiteral("immediate_reward"), m_random.bounded(101) / 100.0}});
        m_connection.send("/v1/outcome", body, kJson, [this](int status, const QByteArray &answer) {
            if (!answered(status, 200, answer))
                return;
            ++m_tally.outcomes;
            step();
        });
    }

    void feedback(int count)
    {
        const bool ndjson = count > 1;
        QByteArray body;
        for (int i = 0; i < count && !m_awaiting.isEmpty(); ++i) {
            const Awaiting item = m_awaiting.takeFirst();
            body += feedbackItem(m_random, item.trajectory, item.model) + (ndjson ? "\n" : "");
        }
        if (ndjson && m_random.bounded(4) == 0) // accepted, then fails as missing history: counted all the same
            body +=
                feedbackItem(m_random, m_prefix + QStringLiteral("unknown-%1").arg(++m_next), QStringLiteral("gpt-4"))
                + '\n';
        m_connection.send("/v1/feedback", body, ndjson ? kNdjson : kJson, [this](int status, const QByteArray &answer) {
            if (!answered(status, 202, answer))
                return;
            ++m_tally.feedbackRequests;
            m_tally.acknowledged += static_cast<quint64>(object(answer).value(QStringLiteral("accepted")).toInteger());
            step();
        });
    }

    Connection m_connection;
    QRandomGenerator m_random;
    const QString m_prefix;
    Tally &m_tally;
    const std::function<void()> m_onStop;
    QList<Awaiting> m_awaiting;
    int m_next = 0;
    bool m_stopped = false;
};

struct Instance {
    std::unique_ptr<rltest::RlstudioProcess> process;
    QUrl url;
};

// The comparison's input: item i's route, feedback and outcome, the same text in every run.
constexpr int kItems = 300;
constexpr int kHalf = 150;      // the stop comes after this many routes
constexpr int kLag = 10;        // feedback for item i is sent after route i + kLag: decisions await it across drains
constexpr int kDrainEvery = 50; // routes between drains

QString comparisonTrajectory(int i)
{
    return QStringLiteral("cmp-%1").arg(i);
}

QByteArray comparisonRoute(int i)
{
    QJsonArray features;
    for (int j = 0; j < kDimension; ++j)
        features.append(((i * 31 + j * 17) % 97) / 96.0);
    return compact(
        {{QStringLiteral("features"), features}, {QStringLiteral("trajectory_id"), comparisonTrajectory(i)}});
}

QByteArray comparisonFeedback(int i, const QString &model)
{
    return compact({{QStringLiteral("trajectory_id"), comparisonTrajectory(i)},
                    {QStringLiteral("model_id"), model},
                    {QStringLiteral("accuracy_score"), (i * 37 % 101) / 100.0},
                    {QStringLiteral("efficiency_score"), (i * 53 % 101) / 100.0},
                    {QStringLiteral("error_handling_score"), (i * 71 % 101) / 100.0},
                    {QStringLiteral("overall_score"), (i * 13 % 101) / 100.0},
                    {QStringLiteral("trajectory_length"), 1 + i % 17},
                    {QStringLiteral("success"), i % 3 != 0},
                    {QStringLiteral("timestamp_ms"), qint64(1764500000000) + i}});
}

// Where two JSON values first differ ("" if nowhere), and the largest difference between numbers at the
// same place.
QString difference(const QJsonValue &a, const QJsonValue &b, const QString &path, double &largest)
{
    if (a.isDouble() && b.isDouble()) {
        const double d = std::abs(a.toDouble() - b.toDouble());
        largest = std::max(largest, d);
        return d == 0.0
                   ? QString()
                   : QStringLiteral("%1: %2 vs %3")
                         .arg(path, QString::number(a.toDouble(), 'g', 17), QString::number(b.toDouble(), 'g', 17));
    }
    if (a.type() != b.type())
        return QStringLiteral("%1: different types").arg(path);
    QString first;
    const auto note = [&first](const QString &found) {
        if (first.isEmpty())
            first = found;
    };
    if (a.isArray()) {
        const QJsonArray x = a.toArray();
        const QJsonArray y = b.toArray();
        if (x.size() != y.size())
            return QStringLiteral("%1: %2 vs %3 elements").arg(path).arg(x.size()).arg(y.size());
        for (qsizetype i = 0; i < x.size(); ++i)
            note(difference(x.at(i), y.at(i), QStringLiteral("%1[%2]").arg(path).arg(i), largest));
        return first;
    }
    if (a.isObject()) {
        const QJsonObject x = a.toObject();
        const QJsonObject y = b.toObject();
        if (x.keys() != y.keys())
            return QStringLiteral("%1: keys %2 vs %3")
                .arg(path, x.keys().join(QLatin1Char(',')), y.keys().join(QLatin1Char(',')));
        for (auto it = x.begin(); it != x.end(); ++it)
            note(difference(it.value(), y.value(it.key()), path + QLatin1Char('.') + it.key(), largest));
        return first;
    }
    return a == b ? QString()
                  : QStringLiteral("%1: %2 vs %3").arg(path, a.toVariant().toString(), b.toVariant().toString());
}

// Where the frames of the WAL's current generation end (0: none). SQLite writes the file from the start again
// after a checkpoint, so its size is a high-water mark: frames past this point carry an older salt, stale.
qint64 walFramesEnd(const QString &path)
{
    QFile wal(path);
    if (!wal.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray header = wal.read(32);
    if (header.size() < 32)
        return 0;
    const qint64 frameBytes = 24 + qFromBigEndian<quint32>(header.constData() + 8); // frame header + page
    const QByteArray salts = header.mid(16, 8);
    qint64 end = 32;
    while (end + frameBytes <= wal.size() && wal.seek(end) && wal.read(24).mid(8, 8) == salts)
        end += frameBytes;
    return end > 32 ? end : 0;
}

// A run of the comparison: what was routed, and the policy's state at the end.
struct Run {
    QStringList models; // per item, the model chosen
    QJsonObject state;
    quint64 sent = 0;    // feedback items acknowledged
    quint64 learned = 0; // processed + failed, as the drains reported them
    quint64 failed = 0;
    int extraDrains = 0; // drains that found items still on their way to the queue
};

} // namespace

// The journal's crash-consistency promise (docs/api.md, core/journal/Journal.h), against the executable:
// kill -9 under load never loses an acknowledged feedback item and always leaves balanced accounts; a
// restart resumes exactly where an uninterrupted run would be; a torn write-ahead log never stops a start.
class TestCrashRecovery : public QObject {
    Q_OBJECT

    QNetworkAccessManager m_network;
    quint32 m_seed = 0;
    QRandomGenerator m_random;
    std::optional<Run> m_uninterrupted;
    // For the summary.
    int m_killRounds = 0;
    quint64 m_acknowledged = 0;
    int m_starts = 0;
    int m_restarts = 0; // starts on an existing journal
    QStringList m_timings;

    Reply call(const QUrl &base, const QString &path, const QByteArray &verb = "GET", const QByteArray &body = {},
               const QByteArray &type = kJson)
    {
        return rltest::request(m_network, base.resolved(QUrl(path)), verb, body, body.isNull() ? QByteArray() : type);
    }
    QJsonObject journal(const QUrl &base)
    {
        return object(call(base, QStringLiteral("/health")).body).value(QStringLiteral("journal")).toObject();
    }

    static QStringList arguments(const QString &dataDir, const QStringList &extra)
    {
        return QStringList{QStringLiteral("--headless"),
                           QStringLiteral("--listen"),
                           QStringLiteral("127.0.0.1:0"),
                           QStringLiteral("--status-every"),
                           QStringLiteral("0"),
                           QStringLiteral("--data-dir"),
                           dataDir,
                           QStringLiteral("--no-simulator")}
               + extra;
    }

    // Starts rlstudio and waits until it listens and has restored its journal: empty, or what went wrong.
    QString start(Instance &instance, const QStringList &arguments)
    {
        ++m_starts;
        const QString dataDir = arguments.at(arguments.indexOf(QStringLiteral("--data-dir")) + 1);
        if (QFile::exists(QDir(dataDir).filePath(QStringLiteral("journal.db"))))
            ++m_restarts;
        instance.process = std::make_unique<rltest::RlstudioProcess>(arguments);
        instance.url = instance.process->waitForListening();
        if (!instance.url.isValid())
            return QStringLiteral("no listening line; standard error: ")
                   + QString::fromUtf8(instance.process->standardError());
        QJsonObject state;
        const bool restored = QTest::qWaitFor(
            [&] {
                state = journal(instance.url);
                return !state.isEmpty() && !state.value(QStringLiteral("restoring")).toBool();
            },
            kWaitMs);
        if (!restored)
            return QStringLiteral("/health never showed the journal restored: %1; standard error: %2")
                .arg(QString::fromUtf8(compact(state)), QString::fromUtf8(instance.process->standardError()));
        return {};
    }

    static void kill(Instance &instance)
    {
        instance.process->process().kill(); // SIGKILL
        instance.process->process().waitForFinished(kWaitMs);
    }

    // Drives load from kClients clients and kills the instance killAfterMs into it; returns once every client
    // has seen its connection close, having read whatever answers arrived before.
    Tally loadAndKill(Instance &instance, const QString &label, int killAfterMs)
    {
        Tally tally;
        // An event loop rather than QTest::qWaitFor, whose 10 ms naps between polls would throttle the load.
        QEventLoop loop;
        int running = kClients;
        std::vector<std::unique_ptr<LoadClient>> clients;
        for (int c = 0; c < kClients; ++c)
            clients.push_back(std::make_unique<LoadClient>(instance.url, QStringLiteral("%1c%2-").arg(label).arg(c),
                                                           m_random.generate(), tally, [&] {
                                                               if (--running == 0)
                                                                   loop.quit();
                                                           }));
        bool killed = false;
        QTimer killer;
        killer.setSingleShot(true);
        connect(&killer, &QTimer::timeout, this, [&] {
            killed = instance.process->process().state() == QProcess::Running;
            instance.process->process().kill();
            if (!killed)
                loop.quit();
        });
        QTimer guard;
        guard.setSingleShot(true);
        connect(&guard, &QTimer::timeout, &loop, &QEventLoop::quit);
        for (auto &client : clients)
            client->start();
        killer.start(killAfterMs);
        guard.start(killAfterMs + kWaitMs);
        loop.exec();
        if (!killed)
            tally.problem = QStringLiteral("the server was gone before the kill; standard error: %1")
                                .arg(QString::fromUtf8(instance.process->standardError()));
        else if (running > 0)
            tally.problem = QStringLiteral("%1 clients did not see their connection close").arg(running);
        killer.stop();
        if (instance.process->process().state() != QProcess::NotRunning)
            kill(instance);
        return tally;
    }

    // Drains until the drains together have consumed `expected` items: an acknowledged item may still be on
    // its way from the journal to the queue when a drain finds the queue empty.
    QString drainUntil(const QUrl &base, Run &run, quint64 expected)
    {
        int drains = 0;
        QString problem;
        const bool done = QTest::qWaitFor(
            [&] {
                const Reply reply = call(base, QStringLiteral("/v1/loop/drain"), "POST");
                if (reply.status != 200) {
                    problem = QStringLiteral("drain answered %1: %2").arg(reply.status).arg(reply.body);
                    return true;
                }
                const QJsonObject drain = object(reply.body);
                const auto failed = static_cast<quint64>(drain.value(QStringLiteral("failed")).toInteger());
                run.learned += static_cast<quint64>(drain.value(QStringLiteral("processed")).toInteger()) + failed;
                run.failed += failed;
                if (++drains > 1)
                    ++run.extraDrains;
                return run.learned >= expected;
            },
            kWaitMs);
        if (!problem.isEmpty())
            return problem;
        if (!done || run.learned != expected)
            return QStringLiteral("drains consumed %1 items, expected %2").arg(run.learned).arg(expected);
        return {};
    }

    // Sends items [from, to) of the comparison's input: route i, an outcome for every fifth, the feedback of
    // item i - kLag, a drain after every kDrainEvery routes; after the last item, the remaining feedback.
    QString send(const QUrl &base, Run &run, int from, int to)
    {
        for (int i = from; i < to; ++i) {
            const Reply routed = call(base, QStringLiteral("/v1/route"), "POST", comparisonRoute(i));
            if (routed.status != 200)
                return QStringLiteral("route %1 answered %2: %3").arg(i).arg(routed.status).arg(routed.body);
            run.models[i] = object(routed.body).value(QStringLiteral("model_id")).toString();
            if (i % 5 == 0) {
                const QByteArray outcome = compact({{QStringLiteral("trajectory_id"), comparisonTrajectory(i)},
                                                    {QStringLiteral("immediate_reward"), (i % 11) / 10.0}});
                const Reply recorded = call(base, QStringLiteral("/v1/outcome"), "POST", outcome);
                if (recorded.status != 200)
                    return QStringLiteral("outcome %1 answered %2: %3").arg(i).arg(recorded.status).arg(recorded.body);
            }
            QList<int> due;
            if (i >= kLag)
                due.append(i - kLag);
            if (i == kItems - 1)
                for (int k = kItems - kLag; k < kItems; ++k)
                    due.append(k);
            for (int k : due) {
                const Reply fed =
                    call(base, QStringLiteral("/v1/feedback"), "POST", comparisonFeedback(k, run.models.at(k)));
                if (fed.status != 202 || object(fed.body).value(QStringLiteral("accepted")).toInteger() != 1)
                    return QStringLiteral("feedback %1 answered %2: %3").arg(k).arg(fed.status).arg(fed.body);
                ++run.sent;
            }
            if ((i + 1) % kDrainEvery == 0 || i == kItems - 1) {
                if (const QString problem = drainUntil(base, run, run.sent); !problem.isEmpty())
                    return QStringLiteral("after item %1: %2").arg(i).arg(problem);
            }
        }
        return {};
    }

    // The policy's state as the instance serves it now.
    QString fetchState(const QUrl &base, Run &run)
    {
        const Reply reply = call(base, QStringLiteral("/v1/state"));
        if (reply.status != 200)
            return QStringLiteral("/v1/state answered %1").arg(reply.status);
        const QJsonObject answer = object(reply.body);
        run.state = answer.value(QStringLiteral("state")).toObject();
        return {};
    }

    static QStringList comparisonArguments(const QString &dataDir)
    {
        // Only the drains learn, so both runs learn from the same items at the same points.
        return arguments(dataDir, {QStringLiteral("--disable-loop"), QStringLiteral("--policy"),
                                   QStringLiteral("linucb"), QStringLiteral("--seed"), QStringLiteral("7")});
    }

private Q_SLOTS:
    void initTestCase()
    {
        bool given = false;
        m_seed = qgetenv("RL_CRASH_SEED").toUInt(&given);
        if (!given)
            m_seed = QRandomGenerator::system()->generate();
        m_random.seed(m_seed);
        qInfo("seed %u (RL_CRASH_SEED=%u repeats the kill times and the load)", m_seed, m_seed);
    }

    // kill -9 at a random moment under load, kKillRounds times on one journal: every restart is clean, the
    // accounts balance, and no item answered 202 is missing from them.
    void sigkillUnderLoadLosesNoAcknowledgedItem()
    {
        QElapsedTimer clock;
        clock.start();
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QStringList startArguments =
            arguments(dir.path(), {QStringLiteral("--sync"), QStringLiteral("normal"), QStringLiteral("--batch-size"),
                                   QStringLiteral("50"), QStringLiteral("--interval"), QStringLiteral("0.01")});
        quint64 acknowledged = 0;                   // in all rounds so far
        quint64 acceptedAtLastStart = 0;            // the journal's accepted count before the previous round's load
        quint64 acknowledgedLastRound = 0;          // its items answered 202
        QString lastRound = QStringLiteral("none"); // for the messages
        for (int round = 0; round <= kKillRounds; ++round) {
            Instance instance;
            const QString problem = start(instance, startArguments);
            QVERIFY2(problem.isEmpty(),
                     qPrintable(QStringLiteral("restart %1 after %2: %3").arg(round).arg(lastRound, problem)));
            const QJsonObject state = journal(instance.url);
            const Totals totals = Totals::of(state);
            const QString where =
                QStringLiteral("start %1 (after %2): %3; restored: %4")
                    .arg(round)
                    .arg(lastRound, totals.text(), state.value(QStringLiteral("restored")).toString());
            QVERIFY2(totals.balanced(), qPrintable(where));
            // Every item acknowledged in the last round was accepted in it, on top of what was there before.
            QVERIFY2(totals.accepted >= acceptedAtLastStart + acknowledgedLastRound,
                     qPrintable(QStringLiteral("%1 items were answered 202 in the last round, on top of %2 "
                                               "accepted before it; %3")
                                    .arg(acknowledgedLastRound)
                                    .arg(acceptedAtLastStart)
                                    .arg(where)));
            QVERIFY2(totals.accepted >= acknowledged,
                     qPrintable(QStringLiteral("%1 items answered 202 in all; %2").arg(acknowledged).arg(where)));
            if (round == kKillRounds) {
                // The last start: everything drains, and every acknowledged item is accounted for as consumed.
                const Reply drained = call(instance.url, QStringLiteral("/v1/loop/drain"), "POST");
                QCOMPARE(drained.status, 200);
                QCOMPARE(object(drained.body).value(QStringLiteral("remaining")).toInteger(), 0);
                Totals after;
                // The totals are the journal's commits, which follow the drain's consumption records.
                QVERIFY2(
                    QTest::qWaitFor([&] { return (after = Totals::of(journal(instance.url))).queued == 0; }, kWaitMs),
                    qPrintable(after.text()));
                QVERIFY2(after.balanced(), qPrintable(after.text()));
                QCOMPARE(after.consumed(), after.accepted);
                QVERIFY2(after.accepted >= acknowledged,
                         qPrintable(QStringLiteral("%1 acknowledged; %2").arg(acknowledged).arg(after.text())));
                // And it still shuts down cleanly.
                instance.process->process().terminate();
                QVERIFY(instance.process->process().waitForFinished(kWaitMs));
                QCOMPARE(instance.process->process().exitStatus(), QProcess::NormalExit);
                QCOMPARE(instance.process->process().exitCode(), 0);
                break;
            }
            const int killAfterMs = static_cast<int>(m_random.bounded(50, 501));
            const Tally tally = loadAndKill(instance, QStringLiteral("r%1").arg(round), killAfterMs);
            QVERIFY2(tally.problem.isEmpty(), qPrintable(QStringLiteral("round %1: %2").arg(round).arg(tally.problem)));
            QVERIFY2(tally.unexpected == 0, qPrintable(QStringLiteral("round %1: %2 unexpected answers, the first %3")
                                                           .arg(round)
                                                           .arg(tally.unexpected)
                                                           .arg(tally.firstUnexpected)));
            acceptedAtLastStart = totals.accepted;
            acknowledgedLastRound = tally.acknowledged;
            acknowledged += tally.acknowledged;
            lastRound = QStringLiteral("round %1: killed %2 ms into the load, after %3 routes, %4 outcomes and %5 "
                                       "feedback requests acknowledging %6 items")
                            .arg(round)
                            .arg(killAfterMs)
                            .arg(tally.routes)
                            .arg(tally.outcomes)
                            .arg(tally.feedbackRequests)
                            .arg(tally.acknowledged);
            ++m_killRounds;
        }
        QVERIFY2(acknowledged > 0, "the load never got an item acknowledged");
        m_acknowledged += acknowledged;
        m_timings << QStringLiteral("kill rounds %1 s").arg(clock.elapsed() / 1000.0, 0, 'f', 1);
    }

    void restartEqualsAnUninterruptedRun_data()
    {
        QTest::addColumn<bool>("sigkill");
        QTest::newRow("sigterm") << false;
        QTest::newRow("sigkill after processing") << true;
    }

    // The same input to one uninterrupted instance, and to one stopped half-way and restarted: the same
    // choices, and the same learned state to the last bit.
    void restartEqualsAnUninterruptedRun()
    {
        QFETCH(bool, sigkill);
        QElapsedTimer clock;
        clock.start();
        if (!m_uninterrupted) {
            QTemporaryDir dir;
            QVERIFY(dir.isValid());
            Instance instance;
            const QString problem = start(instance, comparisonArguments(dir.path()));
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
            Run run;
            run.models.resize(kItems);
            const QString sent = send(instance.url, run, 0, kItems);
            QVERIFY2(sent.isEmpty(), qPrintable(sent));
            const QString fetched = fetchState(instance.url, run);
            QVERIFY2(fetched.isEmpty(), qPrintable(fetched));
            QCOMPARE(run.failed, quint64(0));
            m_uninterrupted = std::move(run);
        }

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Run run;
        run.models.resize(kItems);
        Run beforeStop;
        {
            Instance first;
            const QString problem = start(first, comparisonArguments(dir.path()));
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
            const QString sent = send(first.url, run, 0, kHalf);
            QVERIFY2(sent.isEmpty(), qPrintable(sent));
            const QString fetched = fetchState(first.url, beforeStop);
            QVERIFY2(fetched.isEmpty(), qPrintable(fetched));
            if (sigkill) {
                // Killed once the journal has committed every learning step: relearning must then restore the
                // state exactly. The decisions and outcomes were appended before those steps, so they are in.
                Totals totals;
                QJsonObject state;
                const bool committed = QTest::qWaitFor(
                    [&] {
                        state = journal(first.url);
                        totals = Totals::of(state);
                        return totals.consumed() == run.learned && totals.queued == 0
                               && state.value(QStringLiteral("decision_log_rows")).toInteger() >= kHalf;
                    },
                    kWaitMs);
                QVERIFY2(committed, qPrintable(QString::fromUtf8(compact(state))));
                kill(first);
            } else {
                first.process->process().terminate();
                QVERIFY(first.process->process().waitForFinished(kWaitMs));
                QCOMPARE(first.process->process().exitCode(), 0);
            }
        }
        Instance second;
        const QString problem = start(second, comparisonArguments(dir.path()));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const QJsonObject state = journal(second.url);
        const Totals totals = Totals::of(state);
        QVERIFY2(totals.balanced() && totals.consumed() == run.learned && totals.accepted == run.sent,
                 qPrintable(QStringLiteral("%1 sent, %2 learned; %3; %4")
                                .arg(run.sent)
                                .arg(run.learned)
                                .arg(totals.text(), state.value(QStringLiteral("restored")).toString())));
        Run restored;
        const QString fetched = fetchState(second.url, restored);
        QVERIFY2(fetched.isEmpty(), qPrintable(fetched));
        double largest = 0.0;
        const QString atRestart = difference(beforeStop.state, restored.state, QStringLiteral("state"), largest);
        QVERIFY2(atRestart.isEmpty(),
                 qPrintable(QStringLiteral("the restart changed the state (largest difference "
                                           "%1): %2; restored: %3")
                                .arg(largest)
                                .arg(atRestart, state.value(QStringLiteral("restored")).toString())));

        const QString sent = send(second.url, run, kHalf, kItems);
        QVERIFY2(sent.isEmpty(), qPrintable(sent));
        const QString final = fetchState(second.url, run);
        QVERIFY2(final.isEmpty(), qPrintable(final));
        QCOMPARE(run.failed, quint64(0));
        for (int i = 0; i < kItems; ++i)
            QVERIFY2(run.models.at(i) == m_uninterrupted->models.at(i),
                     qPrintable(QStringLiteral("item %1 was routed to %2, uninterrupted to %3")
                                    .arg(i)
                                    .arg(run.models.at(i), m_uninterrupted->models.at(i))));
        largest = 0.0;
        const QString atEnd = difference(m_uninterrupted->state, run.state, QStringLiteral("state"), largest);
        QVERIFY2(
            atEnd.isEmpty(),
            qPrintable(QStringLiteral("the final states differ (largest difference %1): %2").arg(largest).arg(atEnd)));
        if (run.extraDrains + m_uninterrupted->extraDrains > 0)
            qInfo("drains that had to be repeated (acknowledged items not yet queued): %d here, %d uninterrupted",
                  run.extraDrains, m_uninterrupted->extraDrains);
        m_timings << QStringLiteral("restart equality (%1) %2 s")
                         .arg(QLatin1String(QTest::currentDataTag()))
                         .arg(clock.elapsed() / 1000.0, 0, 'f', 1);
    }

    // kill -9, then the WAL's tail torn off and/or garbage after it, as a crashed disk write leaves it: the
    // start goes on, the accounts balance and the restored note says what was restored.
    void tornWalTailNeverStopsTheStart()
    {
        QElapsedTimer clock;
        clock.start();
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QStringList startArguments =
            arguments(dir.path(), {QStringLiteral("--batch-size"), QStringLiteral("50"), QStringLiteral("--interval"),
                                   QStringLiteral("0.01")});
        const QString walPath = dir.filePath(QStringLiteral("journal.db-wal"));
        struct Damage {
            const char *name;
            bool cut;     // the newest frame cut short: a torn last write
            bool garbage; // what a torn append leaves after the last whole frame, which SQLite must ignore
        };
        const Damage damages[] = {{"tail cut", true, false}, {"garbage appended", false, true}, {"both", true, true}};
        Instance instance;
        QString problem = start(instance, startArguments);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        for (const Damage &damage : damages) {
            const quint64 acceptedBefore = Totals::of(journal(instance.url)).accepted;
            const Tally tally = loadAndKill(instance, QStringLiteral("torn-%1-").arg(QLatin1String(damage.name)),
                                            static_cast<int>(m_random.bounded(150, 401)));
            QVERIFY2(tally.problem.isEmpty(), qPrintable(tally.problem));
            m_acknowledged += tally.acknowledged;
            ++m_killRounds;
            // The tail a crash tears is the end of the newest frames, not the end of the file.
            qint64 end = walFramesEnd(walPath);
            QFile wal(walPath);
            const qint64 size = wal.size();
            QStringList done{QStringLiteral("a %1-byte WAL whose frames end at %2").arg(size).arg(end)};
            if (damage.cut && end > 0) {
                const qint64 cut = m_random.bounded(100, 701);
                end -= cut;
                QVERIFY(wal.resize(end));
                done << QStringLiteral("its last frame cut %1 bytes short").arg(cut);
            }
            if (damage.garbage) {
                QVERIFY(wal.open(QIODevice::ReadWrite));
                QVERIFY(wal.seek(std::max<qint64>(end, wal.size() == 0 ? 0 : 32)));
                QByteArray garbage(static_cast<qsizetype>(m_random.bounded(200, 5000)), Qt::Uninitialized);
                for (char &c : garbage)
                    c = static_cast<char>(m_random.bounded(256));
                QCOMPARE(wal.write(garbage), garbage.size());
                wal.close();
                done << QStringLiteral("%1 bytes of garbage after the frames").arg(garbage.size());
            }
            const QString damaged = done.join(QStringLiteral(", "));

            problem = start(instance, startArguments);
            QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("after %1: %2").arg(damaged, problem)));
            const QJsonObject state = journal(instance.url);
            const Totals totals = Totals::of(state);
            const QString note = state.value(QStringLiteral("restored")).toString();
            QVERIFY2(totals.balanced(),
                     qPrintable(QStringLiteral("after %1: %2; %3").arg(damaged, totals.text(), note)));
            QVERIFY2(
                note.contains(QStringLiteral("accepted %1 = ").arg(totals.accepted))
                    && (note.contains(QStringLiteral("restored ")) || note.contains(QStringLiteral("moved it to"))),
                qPrintable(QStringLiteral("after %1: the note says %2").arg(damaged, note)));
            QVERIFY2(instance.process->waitForError(QStringLiteral("journal: accepted")),
                     instance.process->standardError().constData());
            // The frames the note says were skipped are counted where operators alert on bad input.
            const QRegularExpressionMatch skipped =
                QRegularExpression(QStringLiteral("torn write-ahead log tail: (\\d+) frames")).match(note);
            const QByteArray counted =
                skipped.hasMatch()
                    ? QByteArray("rl_input_rejected_total{reason=\"torn_wal_frame\",source=\"journal\"} ")
                          + skipped.captured(1).toLatin1() + '\n'
                    : QByteArray("reason=\"torn_wal_frame\"");
            const Reply metrics = call(instance.url, QStringLiteral("/metrics"));
            QVERIFY2(metrics.body.contains(counted) == skipped.hasMatch(),
                     qPrintable(QStringLiteral("after %1: the note says %2; /metrics has %3")
                                    .arg(damaged, note, QString::fromUtf8(metrics.body))));
            // A torn tail may take acknowledged items with it (the commits it held): reported, not asserted.
            qInfo("%s: %s, after %llu items were acknowledged on top of %llu; %s", damage.name, qPrintable(damaged),
                  static_cast<unsigned long long>(tally.acknowledged), static_cast<unsigned long long>(acceptedBefore),
                  qPrintable(note));
        }
        const Reply drained = call(instance.url, QStringLiteral("/v1/loop/drain"), "POST");
        QCOMPARE(drained.status, 200);
        Totals after;
        QVERIFY2(QTest::qWaitFor([&] { return (after = Totals::of(journal(instance.url))).queued == 0; }, kWaitMs),
                 qPrintable(after.text()));
        QVERIFY2(after.balanced(), qPrintable(after.text()));
        m_timings << QStringLiteral("torn WAL %1 s").arg(clock.elapsed() / 1000.0, 0, 'f', 1);
    }

    // A restart whose queue holds more than the (smaller) capacity keeps the newest and counts the rest as
    // dropped, in the journal too: nothing stays "queued" there that the engine no longer holds.
    void restoringMoreThanTheQueueHoldsCountsTheDrops()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString dataDir = dir.path();
        Instance instance;
        QString problem = start(instance, arguments(dataDir, {QStringLiteral("--disable-loop")}));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QRandomGenerator random(7);
        QByteArray items;
        for (int i = 0; i < 8; ++i)
            items += feedbackItem(random, QStringLiteral("small-%1").arg(i), QStringLiteral("gpt-4")) + '\n';
        QCOMPARE(call(instance.url, QStringLiteral("/v1/feedback"), "POST", items, "application/x-ndjson").status, 202);
        instance.process.reset(); // SIGTERM: a clean stop

        problem = start(instance, arguments(dataDir, {QStringLiteral("--disable-loop"),
                                                      QStringLiteral("--queue-capacity"), QStringLiteral("5")}));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        Totals totals;
        QVERIFY2(QTest::qWaitFor([&] { return (totals = Totals::of(journal(instance.url))).queued == 5; }, kWaitMs),
                 qPrintable(totals.text()));
        QCOMPARE(totals.dropped, quint64(3));
        QVERIFY(totals.balanced());
        QCOMPARE(
            object(call(instance.url, QStringLiteral("/health")).body).value(QStringLiteral("queue_depth")).toInt(), 5);
    }

    void cleanupTestCase()
    {
        qInfo("seed %u: %d kill -9 rounds, %llu items acknowledged, %d starts of which %d restarts; %s", m_seed,
              m_killRounds, static_cast<unsigned long long>(m_acknowledged), m_starts, m_restarts,
              qPrintable(m_timings.join(QStringLiteral(", "))));
    }
};

QTEST_GUILESS_MAIN(TestCrashRecovery)
#include "tst_crashrecovery.moc"
