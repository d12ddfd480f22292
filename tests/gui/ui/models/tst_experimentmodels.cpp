#include <QAbstractItemModelTester>
#include <QTest>

#include <cmath>

#include "gui/ui/models/ComparisonTableModel.h"
#include "gui/ui/models/DiagnosticsTableModel.h"
#include "gui/ui/models/EstimateTableModel.h"
#include "widgets/CsvWriter.h"

namespace {

rl::SpecSummary summary(const std::string &spec, std::size_t rank, double regret, std::size_t runs)
{
    rl::SpecSummary s;
    s.spec = spec;
    s.rank = rank;
    s.runs = runs;
    s.regret = {rl::MeanInterval{regret / 2, regret / 2 - 1, regret / 2 + 1},
                rl::MeanInterval{regret, regret - 2, regret + 2}};
    s.optimalShareLast = {0.95, 0.94, 0.96};
    s.microsecondsPerRound = 0.4;
    return s;
}

rl::ComparisonOutcome comparison(std::vector<rl::SpecSummary> summaries, std::size_t runs)
{
    rl::ComparisonOutcome outcome;
    outcome.rounds = 2000;
    outcome.checkpoints = {1000, 2000};
    outcome.summaries = std::move(summaries);
    outcome.seeds = 10;
    outcome.totalRuns = 10 * outcome.summaries.size();
    outcome.runs = runs;
    return outcome;
}

rl::EvaluationOutcome evaluation()
{
    rl::EvaluationOutcome outcome;
    outcome.log = QStringLiteral("/tmp/log.csv");
    outcome.rows = 1000;
    rl::TargetEvaluation greedy{{QStringLiteral("/data/a/meta.json"), 0.0}, {}, {}};
    greedy.result.estimates = {{rl::Estimator::Ips, 0.61, 0.58, 0.64},
                               {rl::Estimator::Snips, std::nan(""), std::nan(""), std::nan("")}};
    greedy.result.diagnostics.rows = 1000;
    greedy.result.diagnostics.effectiveSampleSize = 50.0;
    greedy.result.diagnostics.maxWeight = 4.0;
    greedy.result.diagnostics.meanWeight = 1.0;
    greedy.result.diagnostics.supportDeficiency = 0.2;
    greedy.result.diagnostics.warnings = {"20 % of the target's choices are never logged."};
    rl::TargetEvaluation soft{{QStringLiteral("/data/b/meta.json"), 0.1}, {}, {}};
    soft.result.estimates = {{rl::Estimator::Ips, 0.55, 0.52, 0.57}, {rl::Estimator::Snips, 0.56, 0.53, 0.58}};
    soft.result.diagnostics.rows = 1000;
    soft.result.diagnostics.effectiveSampleSize = 800.0;
    outcome.targets = {greedy, soft};
    return outcome;
}

} // namespace

class TstExperimentModels : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void comparisonPassesTheModelTester()
    {
        rl::ComparisonTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setOutcome(comparison({summary("linucb", 1, 25.0, 3)}, 3));
        model.setOutcome(comparison({summary("linucb", 2, 25.0, 10), summary("thompson", 1, 20.0, 10)}, 20));
        model.setOutcome(comparison({summary("linucb", 1, 24.0, 10), summary("thompson", 2, 26.0, 10)}, 20));
        model.setOutcome({});
    }

    void comparisonRowsShowTheFigures()
    {
        rl::ComparisonTableModel model;
        model.setOutcome(comparison({summary("linucb:alpha=0.3", 2, 25.25, 4), summary("thompson", 1, 20.0, 10)}, 14));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, rl::ComparisonTableModel::SpecColumn).data().toString(),
                 QStringLiteral("linucb:alpha=0.3"));
        QCOMPARE(model.index(0, rl::ComparisonTableModel::RankColumn).data(rl::ComparisonTableModel::SortRole).toInt(),
                 2);
        QCOMPARE(
            model.index(0, rl::ComparisonTableModel::RegretColumn).data(rl::ComparisonTableModel::SortRole).toDouble(),
            25.25);
        QCOMPARE(model.index(0, rl::ComparisonTableModel::IntervalColumn).data().toString(),
                 QStringLiteral("[23.3, 27.3]"));
        QVERIFY(
            model.index(0, rl::ComparisonTableModel::OptimalColumn).data().toString().endsWith(QStringLiteral("%")));
        // Four of ten seeds done: the runs cell says so.
        QCOMPARE(model.index(0, rl::ComparisonTableModel::RunsColumn).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("4 of 10 seeds have finished: the figures cover those"));
        QVERIFY(model.index(1, rl::ComparisonTableModel::RunsColumn).data(Qt::ToolTipRole).isNull());
    }

    void estimatesPassTheModelTester()
    {
        rl::EstimateTableModel estimates;
        rl::DiagnosticsTableModel diagnostics;
        QAbstractItemModelTester estimatesTester(&estimates, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester diagnosticsTester(&diagnostics,
                                                   QAbstractItemModelTester::FailureReportingMode::QtTest);
        estimates.setOutcome(evaluation());
        diagnostics.setOutcome(evaluation());
        estimates.setOutcome({});
        diagnostics.setOutcome({});
    }

    void estimatesSayUndefined()
    {
        rl::EstimateTableModel model;
        model.setOutcome(evaluation());
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.index(0, rl::EstimateTableModel::TargetColumn).data().toString(), QStringLiteral("a/meta.json"));
        const rl::EvaluationTarget soft{QStringLiteral("/data/b/meta.json"), 0.1};
        QCOMPARE(model.index(2, rl::EstimateTableModel::TargetColumn).data().toString(), soft.label());
        QVERIFY(model.index(2, rl::EstimateTableModel::TargetColumn).data().toString().contains(QStringLiteral("ε")));
        QCOMPARE(model.index(1, rl::EstimateTableModel::EstimatorColumn).data().toString(), QStringLiteral("SNIPS"));
        QCOMPARE(model.index(1, rl::EstimateTableModel::EstimateColumn).data().toString(), QStringLiteral("–"));
        QVERIFY(!model.index(1, rl::EstimateTableModel::EstimateColumn).data(Qt::ToolTipRole).toString().isEmpty());
        QCOMPARE(model.index(0, rl::EstimateTableModel::EstimateColumn).data(rl::CsvWriter::kExportRole).toDouble(),
                 0.61);
    }

    void diagnosticsWarnInTheirTone()
    {
        rl::DiagnosticsTableModel model;
        model.setOutcome(evaluation());
        QCOMPARE(model.rowCount(), 2);
        // 50 of 1,000 rows effective and 20 % unsupported: both below the warning lines.
        QCOMPARE(model.index(0, rl::DiagnosticsTableModel::EffectiveColumn)
                     .data(rl::DiagnosticsTableModel::ToneRole)
                     .toInt(),
                 1);
        QCOMPARE(model.index(0, rl::DiagnosticsTableModel::DeficiencyColumn)
                     .data(rl::DiagnosticsTableModel::ToneRole)
                     .toInt(),
                 1);
        QCOMPARE(model.index(0, rl::DiagnosticsTableModel::WarningsColumn).data().toString(),
                 QStringLiteral("20 % of the target's choices are never logged."));
        QCOMPARE(model.index(1, rl::DiagnosticsTableModel::EffectiveColumn)
                     .data(rl::DiagnosticsTableModel::ToneRole)
                     .toInt(),
                 -1);
        QCOMPARE(model.index(1, rl::DiagnosticsTableModel::WarningsColumn).data().toString(), QStringLiteral("none"));
    }
};

QTEST_MAIN(TstExperimentModels)
#include "tst_experimentmodels.moc"
