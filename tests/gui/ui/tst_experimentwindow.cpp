// Drives the experiments window (offscreen) as an experimenter does: a log and targets evaluated, policies
// compared, a bad spec named by its line, results exported, a comparison resumed.
#include <QAction>
#include <QChart>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include "gui/ui/ComparePanel.h"
#include "gui/ui/EvaluatePanel.h"
#include "gui/ui/ExperimentWindow.h"
#include "gui/ui/models/ComparisonTableModel.h"
#include "widgets/BandChart.h"
#include "widgets/IntervalBarChart.h"

using namespace rl;

namespace {

const QString kWorkload = QStringLiteral(RLSTUDIO_WORKLOAD_DIR);

QAction *menuAction(QMainWindow &window, const QString &text)
{
    for (QAction *action : window.menuBar()->findChildren<QAction *>())
        if (action->text() == text)
            return action;
    return nullptr;
}

} // namespace

class TstExperimentWindow : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_log;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true); // the user's settings and saved runs stay untouched
        // The workload's contexts, logged by a uniform policy with the rewards of the arms it took.
        QFile stream(kWorkload + QStringLiteral("/learning_stream.csv"));
        QVERIFY(stream.open(QIODevice::ReadOnly));
        m_log = m_dir.filePath(QStringLiteral("log.csv"));
        QFile log(m_log);
        QVERIFY(log.open(QIODevice::WriteOnly));
        log.write("x0,x1,x2,x3,x4,x5,x6,x7,x8,x9,action,propensity,reward\n");
        stream.readLine();
        for (int i = 0; i < 2000; ++i) {
            const QList<QByteArray> fields = stream.readLine().trimmed().split(',');
            const int action = i % 4;
            log.write(fields.mid(1, 10).join(',') + ',' + QByteArray::number(action) + ",0.25," + fields.at(11 + action)
                      + '\n');
        }
    }

    void evaluatesTargetsOnALog()
    {
        ExperimentWindow window({false, m_dir.filePath(QStringLiteral("runs"))});
        window.resize(1280, 800);
        window.show();
        EvaluatePanel *panel = window.evaluatePanel();
        QAction *exportCsv = menuAction(window, ExperimentWindow::tr("Export as &CSV…"));
        QVERIFY(exportCsv);
        QVERIFY(!exportCsv->isEnabled()); // nothing to export yet
        panel->setLog(m_log);
        panel->addTarget(kWorkload + QStringLiteral("/meta.json"));
        panel->addTarget(kWorkload + QStringLiteral("/meta.json"), 0.2);
        QSignalSpy ended(panel->job(), &BackgroundJob::ended);
        panel->findChild<QPushButton *>(QStringLiteral("EvaluateRun"))->click();
        QVERIFY(ended.wait(20000));
        QVERIFY2(panel->summaryLabel()->text().contains(QStringLiteral("2,000 rows")),
                 qPrintable(panel->summaryLabel()->text()));
        QCOMPARE(panel->estimatesView()->model()->rowCount(), 12); // 2 targets × 6 estimators
        QCOMPARE(panel->diagnosticsView()->model()->rowCount(), 2);
        // The first bar is the first target's IPS estimate, with its interval.
        const QString tip = panel->chart()->toolTipAt(panel->chart()->barRect(0, 0).center().toPoint());
        QVERIFY2(tip.startsWith(QStringLiteral("IPS · linear-4x10/meta.json: ")), qPrintable(tip));
        QVERIFY(exportCsv->isEnabled());
    }

    void evaluateSaysWhatIsMissing()
    {
        ExperimentWindow window({false, m_dir.filePath(QStringLiteral("other-runs"))});
        EvaluatePanel *panel = window.evaluatePanel();
        panel->evaluate();
        QCOMPARE(panel->summaryLabel()->text(), EvaluatePanel::tr("Pick a decision log first."));
        panel->setLog(m_dir.filePath(QStringLiteral("missing.csv")));
        panel->evaluate();
        QCOMPARE(panel->summaryLabel()->text(), EvaluatePanel::tr("Add at least one target policy."));
        panel->addTarget(kWorkload + QStringLiteral("/meta.json"));
        QSignalSpy ended(panel->job(), &BackgroundJob::ended);
        panel->evaluate();
        QVERIFY(ended.wait(20000));
        QVERIFY2(panel->summaryLabel()->text().contains(m_dir.filePath(QStringLiteral("missing.csv"))),
                 qPrintable(panel->summaryLabel()->text()));

        // A good run, then a failing one: the first one's results go rather than stand beside the error.
        panel->setLog(m_log);
        panel->evaluate();
        QVERIFY(ended.wait(20000));
        QCOMPARE(panel->estimatesView()->model()->rowCount(), 6);
        panel->setLog(m_dir.filePath(QStringLiteral("missing.csv")));
        panel->evaluate();
        QVERIFY(ended.wait(20000));
        QCOMPARE(panel->estimatesView()->model()->rowCount(), 0);
        QCOMPARE(panel->diagnosticsView()->model()->rowCount(), 0);
    }

    // Remove takes away the selected targets, whatever order they were selected in.
    void removeTakesTheSelectedTargets()
    {
        ExperimentWindow window({false, m_dir.filePath(QStringLiteral("other-runs"))});
        auto *targets = window.findChild<QTableWidget *>(QStringLiteral("EvaluateTargets"));
        for (const char *name : {"a.json", "b.json", "c.json", "d.json"})
            window.evaluatePanel()->addTarget(m_dir.filePath(QString::fromLatin1(name)));
        targets->selectionModel()->select(targets->model()->index(2, 0),
                                          QItemSelectionModel::Select | QItemSelectionModel::Rows);
        targets->selectionModel()->select(targets->model()->index(0, 0),
                                          QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QPushButton *remove = nullptr;
        for (QPushButton *button : window.evaluatePanel()->findChildren<QPushButton *>())
            if (button->text() == EvaluatePanel::tr("&Remove"))
                remove = button;
        QVERIFY(remove);
        remove->click();
        QCOMPARE(targets->rowCount(), 2);
        QCOMPARE(targets->item(0, 0)->data(Qt::UserRole).toString(), m_dir.filePath(QStringLiteral("b.json")));
        QCOMPARE(targets->item(1, 0)->data(Qt::UserRole).toString(), m_dir.filePath(QStringLiteral("d.json")));
    }

    void comparesAndResumes()
    {
        ExperimentWindow window({false, m_dir.filePath(QStringLiteral("runs"))});
        window.resize(1280, 800);
        window.show();
        window.showCompare();
        ComparePanel *panel = window.comparePanel();
        panel->setStream(kWorkload + QStringLiteral("/learning_stream.csv"));
        panel->setSpecs(QStringLiteral("linucb:alpha=0.5..1/2\n\negreedy"));
        panel->setSeeds(3);
        QSignalSpy ended(panel->job(), &BackgroundJob::ended);
        panel->findChild<QPushButton *>(QStringLiteral("CompareRun"))->click();
        QVERIFY(ended.wait(30000));
        QCOMPARE(panel->table()->rowCount(), 3);
        QVERIFY(panel->table()->outcome().complete());
        // A curve and its band for each policy.
        QCOMPARE(panel->chart()->chart()->series().size(), 6);
        QVERIFY2(panel->summaryLabel()->text().contains(QStringLiteral("9 of 9 runs")),
                 qPrintable(panel->summaryLabel()->text()));
        // The table is sorted best first.
        QCOMPARE(panel->tableView()->model()->index(0, ComparisonTableModel::RankColumn).data().toInt(), 1);

        // Again with one more policy: the nine runs are kept, three run.
        panel->setSpecs(QStringLiteral("linucb:alpha=0.5..1/2\negreedy\nseed"));
        panel->compare();
        QVERIFY(ended.wait(30000));
        QVERIFY2(panel->summaryLabel()->text().contains(QStringLiteral("kept from before")),
                 qPrintable(panel->summaryLabel()->text()));
        QCOMPARE(panel->table()->rowCount(), 4);
    }

    void badSpecNamesItsLine()
    {
        ExperimentWindow window({false, m_dir.filePath(QStringLiteral("other-runs"))});
        ComparePanel *panel = window.comparePanel();
        panel->setStream(kWorkload + QStringLiteral("/learning_stream.csv"));
        panel->setSpecs(QStringLiteral("linucb\nlinucb:beta=2"));
        panel->compare();
        QVERIFY(!panel->job()->running());
        QVERIFY2(panel->summaryLabel()->text().startsWith(QStringLiteral("Line 2: policy spec 'linucb:beta=2'")),
                 qPrintable(panel->summaryLabel()->text()));
    }

    // The inputs are there again the next time the window opens (test mode: the user's settings untouched).
    void inputsAreKept()
    {
        QSettings().clear();
        {
            ExperimentWindow window({true, m_dir.filePath(QStringLiteral("other-runs"))});
            window.evaluatePanel()->setLog(m_log);
            window.evaluatePanel()->addTarget(kWorkload + QStringLiteral("/meta.json"), 0.25);
            window.comparePanel()->setSpecs(QStringLiteral("adaptive\nseed"));
            window.comparePanel()->setSeeds(4);
            window.showCompare();
        }
        {
            ExperimentWindow window({true, m_dir.filePath(QStringLiteral("other-runs"))});
            QCOMPARE(window.tabs()->currentWidget(), window.comparePanel());
            QCOMPARE(window.findChild<QLineEdit *>(QStringLiteral("EvaluateLog"))->text(), m_log);
            QCOMPARE(window.findChild<QTableWidget *>(QStringLiteral("EvaluateTargets"))->rowCount(), 1);
            QCOMPARE(window.findChild<QPlainTextEdit *>(QStringLiteral("CompareSpecs"))->toPlainText(),
                     QStringLiteral("adaptive\nseed"));
        } // saves again as it closes
        QSettings().clear();
    }

    void cancelledComparisonSaysSo()
    {
        ExperimentWindow window({false, m_dir.filePath(QStringLiteral("other-runs"))});
        ComparePanel *panel = window.comparePanel();
        panel->setStream(kWorkload + QStringLiteral("/learning_stream.csv"));
        panel->setSpecs(QStringLiteral("linucb:alpha=0.1..1/10"));
        panel->setSeeds(200);
        QSignalSpy ended(panel->job(), &BackgroundJob::ended);
        connect(panel->job(), &BackgroundJob::progressed, panel->job(), &BackgroundJob::cancel);
        panel->compare();
        QVERIFY(ended.wait(60000));
        QVERIFY2(panel->summaryLabel()->text().contains(QStringLiteral("Cancelled")),
                 qPrintable(panel->summaryLabel()->text()));
    }
};

QTEST_MAIN(TstExperimentWindow)
#include "tst_experimentwindow.moc"
