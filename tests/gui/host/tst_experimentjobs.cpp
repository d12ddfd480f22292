#include <QtTest>

#include <QSignalSpy>
#include <QTemporaryDir>

#include "core/bandit/PolicySpec.h"
#include "gui/host/ComparisonJob.h"
#include "gui/host/EvaluationJob.h"

namespace {

const QString kWorkload = QStringLiteral(RLSTUDIO_WORKLOAD_DIR);

std::vector<rl::PolicySpec> specs(std::initializer_list<const char *> texts)
{
    std::vector<rl::PolicySpec> out;
    for (const char *text : texts)
        for (rl::PolicySpec &spec : rl::PolicySpec::parse(text))
            out.push_back(std::move(spec));
    return out;
}

} // namespace

// The window's evaluations and comparisons run off the UI thread and come back as typed, queued signals.
class TstExperimentJobs : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_log;
    QString m_target;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // Two features, two arms, uniform logging: arm 0 pays x0, arm 1 pays x1.
        m_log = m_dir.filePath(QStringLiteral("log.csv"));
        QFile log(m_log);
        QVERIFY(log.open(QIODevice::WriteOnly));
        log.write("x0,x1,action,propensity,reward\n");
        for (int i = 0; i < 400; ++i) {
            const double x0 = (i % 10) / 10.0;
            const double x1 = 1.0 - x0;
            const int action = (i / 10) % 2;
            log.write(
                QStringLiteral("%1,%2,%3,0.5,%4\n").arg(x0).arg(x1).arg(action).arg(action == 0 ? x0 : x1).toUtf8());
        }
        log.close();
        m_target = m_dir.filePath(QStringLiteral("target.json"));
        QFile target(m_target);
        QVERIFY(target.open(QIODevice::WriteOnly));
        target.write(R"({"true_weights": [[1, 0], [0, 1]]})");
    }

    void evaluationEndsWithEveryTarget()
    {
        rl::EvaluationJob job;
        QSignalSpy evaluated(&job, &rl::EvaluationJob::evaluated);
        QSignalSpy ended(&job, &rl::BackgroundJob::ended);
        rl::OffPolicyOptions options;
        options.bootstrap = 100;
        QVERIFY(job.start(m_log, {{m_target, 0.0}, {m_target, 0.5}}, options));
        QVERIFY(job.running());
        QVERIFY(!job.start(m_log, {{m_target, 0.0}}, options)); // one run at a time
        QVERIFY(ended.wait(10000));
        QVERIFY(!job.running());
        QCOMPARE(evaluated.size(), 1);
        const auto outcome = evaluated.at(0).at(0).value<rl::EvaluationOutcome>();
        QCOMPARE(outcome.rows, std::size_t{400});
        QCOMPARE(outcome.targets.size(), 2);
        QCOMPARE(outcome.targets[1].target.epsilon, 0.5);
        QCOMPARE(outcome.targets[0].result.estimates.size(), std::size_t{6});
        // The greedy target picks the better arm: it earns more than the uniform logger did.
        QVERIFY(outcome.targets[0].result.estimates[0].value > outcome.loggedMeanReward);
    }

    void evaluationFailureNamesTheFile()
    {
        rl::EvaluationJob job;
        QSignalSpy failed(&job, &rl::BackgroundJob::failed);
        QSignalSpy ended(&job, &rl::BackgroundJob::ended);
        const QString missing = m_dir.filePath(QStringLiteral("missing.csv"));
        QVERIFY(job.start(missing, {{m_target, 0.0}}, {}));
        QVERIFY(ended.wait(10000));
        QCOMPARE(failed.size(), 1);
        QVERIFY2(failed.at(0).at(0).toString().contains(missing), qPrintable(failed.at(0).at(0).toString()));
    }

    void comparisonGrowsAndResumes()
    {
        rl::ComparisonRequest request;
        request.stream = kWorkload + QStringLiteral("/learning_stream.csv");
        request.weights = kWorkload + QStringLiteral("/meta.json");
        request.specs = specs({"linucb", "egreedy"});
        request.seeds = 3;
        request.rounds = 2000;
        request.saveFolder = m_dir.filePath(QStringLiteral("runs"));

        rl::ComparisonJob job;
        QSignalSpy updated(&job, &rl::ComparisonJob::updated);
        QSignalSpy ended(&job, &rl::BackgroundJob::ended);
        QVERIFY(job.start(request));
        QVERIFY(ended.wait(20000));
        QVERIFY(updated.size() >= 2); // what was saved (nothing), then as runs finish
        const auto first = updated.last().at(0).value<rl::ComparisonOutcome>();
        QVERIFY(first.complete());
        QCOMPARE(first.runs, std::size_t{6});
        QCOMPARE(first.resumed, std::size_t{0});
        QCOMPARE(first.summaries.size(), std::size_t{2});
        QVERIFY(QFileInfo::exists(first.savedTo));

        // Started again with a third spec: the six saved runs are not run again.
        request.specs = specs({"linucb", "egreedy", "linucb:alpha=1"});
        updated.clear();
        QVERIFY(job.start(request));
        QVERIFY(ended.wait(20000));
        const auto resumed = updated.first().at(0).value<rl::ComparisonOutcome>();
        QCOMPARE(resumed.resumed, std::size_t{6});
        QCOMPARE(resumed.runs, std::size_t{6});
        const auto last = updated.last().at(0).value<rl::ComparisonOutcome>();
        QVERIFY(last.complete());
        QCOMPARE(last.summaries.size(), std::size_t{3});
        QCOMPARE(last.summaries[0].regret.back().mean, first.summaries[0].regret.back().mean);
    }

    void comparisonCancelKeepsWhatFinished()
    {
        rl::ComparisonRequest request;
        request.stream = kWorkload + QStringLiteral("/learning_stream.csv");
        request.weights = kWorkload + QStringLiteral("/meta.json");
        request.specs = specs({"linucb:alpha=0.1..1/10"});
        request.seeds = 100; // a thousand runs: far more than finish before the cancel
        rl::ComparisonJob job;
        QSignalSpy updated(&job, &rl::ComparisonJob::updated);
        QSignalSpy ended(&job, &rl::BackgroundJob::ended);
        connect(&job, &rl::BackgroundJob::progressed, &job, &rl::BackgroundJob::cancel);
        QVERIFY(job.start(request));
        QVERIFY(ended.wait(60000));
        const auto last = updated.last().at(0).value<rl::ComparisonOutcome>();
        QVERIFY(!last.complete());
        QCOMPARE(last.totalRuns, std::size_t{1000});
    }

    void comparisonFailureNamesTheSpecOrFile()
    {
        rl::ComparisonRequest request;
        request.stream = m_dir.filePath(QStringLiteral("nothing.csv"));
        request.weights = kWorkload + QStringLiteral("/meta.json");
        request.specs = specs({"linucb"});
        rl::ComparisonJob job;
        QSignalSpy failed(&job, &rl::BackgroundJob::failed);
        QSignalSpy ended(&job, &rl::BackgroundJob::ended);
        QVERIFY(job.start(request));
        QVERIFY(ended.wait(10000));
        QCOMPARE(failed.size(), 1);
        QVERIFY2(failed.at(0).at(0).toString().contains(request.stream), qPrintable(failed.at(0).at(0).toString()));
    }

    void destroyedWhileRunningStopsCleanly()
    {
        rl::ComparisonRequest request;
        request.stream = kWorkload + QStringLiteral("/learning_stream.csv");
        request.weights = kWorkload + QStringLiteral("/meta.json");
        request.specs = specs({"thompson"});
        request.seeds = 200;
        auto *job = new rl::ComparisonJob;
        QSignalSpy progressed(job, &rl::BackgroundJob::progressed);
        QVERIFY(job->start(request));
        QVERIFY(progressed.wait(10000));
        delete job; // cancels and waits: no thread left touching it
    }
};

QTEST_GUILESS_MAIN(TstExperimentJobs)
#include "tst_experimentjobs.moc"
