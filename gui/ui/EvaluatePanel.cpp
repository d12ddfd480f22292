#include "gui/ui/EvaluatePanel.h"

#include <algorithm>
#include <cmath>
#include <functional>

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

#include "gui/ui/JobProgressDialog.h"
#include "gui/ui/models/DiagnosticsTableModel.h"
#include "gui/ui/models/EstimateTableModel.h"
#include "widgets/CsvWriter.h"
#include "widgets/ExportDialog.h"
#include "widgets/IntervalBarChart.h"
#include "widgets/StatusPalette.h"
#include "widgets/TableCellDelegate.h"
#include "widgets/WidgetImage.h"

namespace rl {

namespace {

QString number(double value)
{
    return std::isfinite(value) ? QString::number(value, 'g', 17) : QString();
}

} // namespace

EvaluatePanel::EvaluatePanel(QWidget *parent)
    : QWidget(parent)
    , m_job(new EvaluationJob(this))
{
    setObjectName(QStringLiteral("EvaluatePanel"));
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(buildInputs());
    splitter->addWidget(buildResults());
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_job, &EvaluationJob::evaluated, this, &EvaluatePanel::showOutcome);
    connect(m_job, &BackgroundJob::failed, this, &EvaluatePanel::showFailure);
    connect(m_job, &BackgroundJob::ended, this, [this] { setRunning(false); });
}

QWidget *EvaluatePanel::buildInputs()
{
    auto *box = new QWidget(this);
    auto *form = new QFormLayout(box);

    m_log = new QLineEdit(box);
    m_log->setObjectName(QStringLiteral("EvaluateLog"));
    m_log->setPlaceholderText(tr("rlstudio export's CSV or DSJSON, or a CSV of x0.., action, propensity, reward"));
    auto *browseLog = new QPushButton(tr("Browse…"), box);
    connect(browseLog, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Decision log"), QFileInfo(m_log->text()).path(),
                                                          tr("Decision logs (*.csv *.json *.dsjson);;All files (*)"));
        if (!path.isEmpty())
            setLog(path);
    });
    auto *logRow = new QHBoxLayout;
    logRow->addWidget(m_log, 1);
    logRow->addWidget(browseLog);
    auto *logLabel = new QLabel(tr("Decision &log:"), box);
    logLabel->setBuddy(m_log);
    form->addRow(logLabel, logRow);

    m_targets = new QTableWidget(0, 2, box);
    m_targets->setObjectName(QStringLiteral("EvaluateTargets"));
    m_targets->setHorizontalHeaderLabels(
        {tr("Target: weights (meta.json's true_weights) or a saved policy state (GET /v1/state)"), tr("ε")});
    m_targets->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    // The ε column holds spin boxes, which ResizeToContents does not measure.
    m_targets->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Fixed);
    m_targets->horizontalHeader()->resizeSection(1, QDoubleSpinBox().sizeHint().width());
    m_targets->verticalHeader()->hide();
    m_targets->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_targets->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Room for four targets; more scroll.
    m_targets->setFixedHeight(m_targets->horizontalHeader()->sizeHint().height()
                              + 4 * m_targets->verticalHeader()->defaultSectionSize() + 2 * m_targets->frameWidth());
    auto *add = new QPushButton(tr("&Add target…"), box);
    connect(add, &QPushButton::clicked, this, [this] {
        for (const QString &path : QFileDialog::getOpenFileNames(this, tr("Target policies"), QString(),
                                                                 tr("Weights (*.json);;All files (*)")))
            addTarget(path);
    });
    auto *remove = new QPushButton(tr("&Remove"), box);
    connect(remove, &QPushButton::clicked, this, [this] {
        // Highest first, so each removal leaves the rows still to go where they were.
        QList<int> rows;
        for (const QModelIndex &index : m_targets->selectionModel()->selectedRows())
            rows.append(index.row());
        std::sort(rows.begin(), rows.end(), std::greater<>());
        for (const int row : rows)
            m_targets->removeRow(row);
    });
    auto *targetButtons = new QVBoxLayout;
    targetButtons->addWidget(add);
    targetButtons->addWidget(remove);
    targetButtons->addStretch();
    auto *targetRow = new QHBoxLayout;
    targetRow->addWidget(m_targets, 1);
    targetRow->addLayout(targetButtons);
    auto *targetsLabel = new QLabel(tr("&Targets:"), box);
    targetsLabel->setBuddy(m_targets);
    form->addRow(targetsLabel, targetRow);

    auto *estimators = new QHBoxLayout;
    for (const Estimator estimator : allEstimators()) {
        auto *check = new QCheckBox(EstimateTableModel::estimatorTitle(estimator), box);
        check->setChecked(true);
        check->setProperty("estimator", static_cast<int>(estimator));
        m_estimators.append(check);
        estimators->addWidget(check);
    }
    estimators->addStretch();
    form->addRow(tr("Estimators:"), estimators);

    m_bootstrap = new QSpinBox(box);
    m_bootstrap->setRange(0, 100000);
    m_bootstrap->setValue(1000);
    m_bootstrap->setToolTip(tr("Resamples for the 95 % intervals; 0: no intervals"));
    m_seed = new QSpinBox(box);
    m_seed->setRange(0, 1 << 30);
    m_seed->setValue(1);
    m_seed->setToolTip(tr("The bootstrap's seed: the same seed gives the same intervals"));
    m_switchTau = new QDoubleSpinBox(box);
    m_switchTau->setRange(0.0, 1e6);
    m_switchTau->setValue(10.0);
    m_switchTau->setToolTip(tr("Switch-DR drops the correction of rows whose importance weight is above τ"));
    m_run = new QPushButton(tr("Eval&uate"), box); // the tab is Alt+E
    m_run->setObjectName(QStringLiteral("EvaluateRun"));
    m_run->setDefault(true);
    connect(m_run, &QPushButton::clicked, this, &EvaluatePanel::evaluate);
    auto *options = new QHBoxLayout;
    options->addWidget(new QLabel(tr("Bootstrap resamples:"), box));
    options->addWidget(m_bootstrap);
    options->addWidget(new QLabel(tr("Seed:"), box));
    options->addWidget(m_seed);
    options->addWidget(new QLabel(tr("Switch-DR τ:"), box));
    options->addWidget(m_switchTau);
    options->addStretch();
    options->addWidget(m_run);
    form->addRow(QString(), options);
    return box;
}

QWidget *EvaluatePanel::buildResults()
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    m_summary = new QLabel(tr("Pick a decision log and one or more targets, then Evaluate."), box);
    m_summary->setObjectName(QStringLiteral("EvaluateSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);

    m_chart = new IntervalBarChart(box);
    m_chart->setObjectName(QStringLiteral("EvaluateChart"));
    m_chart->setValueTitle(tr("Estimated reward per round"));
    m_chart->setPlaceholderText(tr("No estimates yet"));
    m_estimates = new EstimateTableModel(this);
    m_estimatesView = new QTableView(box);
    m_estimatesView->setObjectName(QStringLiteral("EvaluateEstimates"));
    m_estimatesView->setModel(m_estimates);
    m_estimatesView->verticalHeader()->hide();
    m_estimatesView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_diagnostics = new DiagnosticsTableModel(this);
    m_diagnosticsView = new QTableView(box);
    m_diagnosticsView->setObjectName(QStringLiteral("EvaluateDiagnostics"));
    m_diagnosticsView->setModel(m_diagnostics);
    m_diagnosticsView->setItemDelegate(new TableCellDelegate(DiagnosticsTableModel::ToneRole, -1, m_diagnosticsView));
    m_diagnosticsView->verticalHeader()->hide();
    m_diagnosticsView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_diagnosticsView->horizontalHeader()->setStretchLastSection(true);
    m_diagnosticsView->setWordWrap(false);
    m_diagnosticsView->setMinimumHeight(m_diagnosticsView->horizontalHeader()->sizeHint().height()
                                        + 3 * m_diagnosticsView->verticalHeader()->defaultSectionSize()
                                        + 2 * m_diagnosticsView->frameWidth());

    // The chart and its figures side by side, the diagnostics (a row per target, wide) below both.
    auto *top = new QSplitter(Qt::Horizontal, box);
    top->addWidget(m_chart);
    top->addWidget(m_estimatesView);
    top->setSizes({600, 400}); // in proportion
    auto *split = new QSplitter(Qt::Vertical, box);
    split->addWidget(top);
    split->addWidget(m_diagnosticsView);
    split->setSizes({700, 300});
    layout->addWidget(split, 1);
    return box;
}

void EvaluatePanel::saveInputs(QSettings &settings) const
{
    settings.setValue(QStringLiteral("evaluate/log"), m_log->text());
    QStringList paths;
    QList<QVariant> epsilons;
    for (const EvaluationTarget &target : targets()) {
        paths << target.path;
        epsilons << target.epsilon;
    }
    settings.setValue(QStringLiteral("evaluate/targets"), paths);
    settings.setValue(QStringLiteral("evaluate/epsilons"), epsilons);
    settings.setValue(QStringLiteral("evaluate/bootstrap"), m_bootstrap->value());
    settings.setValue(QStringLiteral("evaluate/seed"), m_seed->value());
    settings.setValue(QStringLiteral("evaluate/switchTau"), m_switchTau->value());
}

void EvaluatePanel::restoreInputs(const QSettings &settings)
{
    setLog(settings.value(QStringLiteral("evaluate/log")).toString());
    const QStringList paths = settings.value(QStringLiteral("evaluate/targets")).toStringList();
    const QList<QVariant> epsilons = settings.value(QStringLiteral("evaluate/epsilons")).toList();
    for (qsizetype i = 0; i < paths.size(); ++i)
        addTarget(paths[i], i < epsilons.size() ? epsilons[i].toDouble() : 0.0);
    m_bootstrap->setValue(settings.value(QStringLiteral("evaluate/bootstrap"), m_bootstrap->value()).toInt());
    m_seed->setValue(settings.value(QStringLiteral("evaluate/seed"), m_seed->value()).toInt());
    m_switchTau->setValue(settings.value(QStringLiteral("evaluate/switchTau"), m_switchTau->value()).toDouble());
}

void EvaluatePanel::setLog(const QString &path)
{
    m_log->setText(path);
}

void EvaluatePanel::addTarget(const QString &path, double epsilon)
{
    const int row = m_targets->rowCount();
    m_targets->insertRow(row);
    auto *item = new QTableWidgetItem(QDir::toNativeSeparators(path));
    item->setToolTip(path);
    item->setData(Qt::UserRole, path);
    m_targets->setItem(row, 0, item);
    auto *spin = new QDoubleSpinBox(m_targets);
    spin->setRange(0.0, 1.0);
    spin->setDecimals(3);
    spin->setSingleStep(0.05);
    spin->setValue(epsilon);
    spin->setToolTip(tr("ε-greedy: ε/k on every arm and the rest on the best; 0 is greedy"));
    m_targets->setCellWidget(row, 1, spin);
}

QList<EvaluationTarget> EvaluatePanel::targets() const
{
    QList<EvaluationTarget> out;
    for (int row = 0; row < m_targets->rowCount(); ++row)
        out.append({m_targets->item(row, 0)->data(Qt::UserRole).toString(),
                    static_cast<QDoubleSpinBox *>(m_targets->cellWidget(row, 1))->value()});
    return out;
}

void EvaluatePanel::evaluate()
{
    if (m_job->running())
        return;
    const auto fail = [this](const QString &message) { showFailure(message); };
    if (m_log->text().trimmed().isEmpty())
        return fail(tr("Pick a decision log first."));
    if (m_targets->rowCount() == 0)
        return fail(tr("Add at least one target policy."));
    OffPolicyOptions options;
    options.estimators.clear();
    for (const QCheckBox *check : m_estimators)
        if (check->isChecked())
            options.estimators.push_back(static_cast<Estimator>(check->property("estimator").toInt()));
    if (options.estimators.empty())
        return fail(tr("Tick at least one estimator."));
    options.bootstrap = static_cast<std::size_t>(m_bootstrap->value());
    options.seed = static_cast<std::uint64_t>(m_seed->value());
    options.switchTau = m_switchTau->value();
    m_cancelled = false;
    m_job->start(m_log->text().trimmed(), targets(), options);
    setRunning(true);
}

void EvaluatePanel::setRunning(bool running)
{
    m_run->setEnabled(!running);
    if (running) {
        m_summary->setStyleSheet(QString());
        m_summary->setText(tr("Evaluating…"));
        auto *progress = new JobProgressDialog(*m_job, tr("Evaluate"), tr("Reading the log…"), this);
        progress->setObjectName(QStringLiteral("EvaluateProgress"));
        connect(progress, &QProgressDialog::canceled, this, [this] { m_cancelled = true; });
    }
}

void EvaluatePanel::showOutcome(const EvaluationOutcome &outcome)
{
    m_outcome = outcome;
    m_estimates->setOutcome(outcome);
    m_diagnostics->setOutcome(outcome);

    QStringList categories;
    for (const EstimateInterval &estimate : outcome.targets.front().result.estimates)
        categories << EstimateTableModel::estimatorTitle(estimate.estimator);
    QStringList series;
    QList<QList<IntervalBarChart::Bar>> bars;
    for (const TargetEvaluation &target : outcome.targets) {
        series << target.target.label();
        QList<IntervalBarChart::Bar> row;
        for (const EstimateInterval &estimate : target.result.estimates) {
            IntervalBarChart::Bar bar;
            bar.value = std::isfinite(estimate.value) ? estimate.value : qQNaN();
            if (std::isfinite(estimate.value) && estimate.lower < estimate.upper) {
                bar.low = estimate.lower;
                bar.high = estimate.upper;
            }
            row << bar;
        }
        bars << row;
    }
    m_chart->setData(categories, series, bars);
    m_chart->setReference(outcome.loggedMeanReward, tr("logging policy"));

    const QLocale locale;
    int warnings = 0;
    for (const TargetEvaluation &target : outcome.targets)
        warnings += static_cast<int>(target.result.diagnostics.warnings.size());
    QString text = tr("%1: %2 rows, %3 features; the logging policy earned %4 a round.")
                       .arg(QFileInfo(outcome.log).fileName(), locale.toString(static_cast<qulonglong>(outcome.rows)),
                            QString::number(outcome.dimension), locale.toString(outcome.loggedMeanReward, 'f', 4));
    if (warnings > 0)
        text += QLatin1Char(' ') + tr("%n warning(s): see the diagnostics.", nullptr, warnings);
    m_summary->setStyleSheet(warnings > 0 ? QStringLiteral("color: %1").arg(StatusPalette::warning(palette()).name())
                                          : QString());
    m_summary->setText(text);
    Q_EMIT resultsChanged(true);
}

void EvaluatePanel::showFailure(const QString &message)
{
    // What was shown belongs to other inputs: it goes, rather than stand beside this message.
    m_outcome.reset();
    m_estimates->setOutcome({});
    m_diagnostics->setOutcome({});
    m_chart->clear();
    m_chart->setReference(std::nullopt, QString());
    Q_EMIT resultsChanged(false);
    m_summary->setStyleSheet(m_cancelled ? QString()
                                         : QStringLiteral("color: %1").arg(StatusPalette::critical(palette()).name()));
    m_summary->setText(m_cancelled ? tr("Cancelled: nothing was evaluated.") : message);
}

void EvaluatePanel::exportCsv()
{
    if (!m_outcome)
        return;
    const QString path =
        ExportDialog::askSavePath(this, tr("Save the estimates"), tr("estimates"), QStringLiteral("csv"));
    if (path.isEmpty())
        return;
    QList<QStringList> rows{{QStringLiteral("target"), QStringLiteral("epsilon"), QStringLiteral("estimator"),
                             QStringLiteral("estimate"), QStringLiteral("low"), QStringLiteral("high"),
                             QStringLiteral("rows"), QStringLiteral("effective_sample_size"),
                             QStringLiteral("max_weight"), QStringLiteral("mean_weight"),
                             QStringLiteral("support_deficiency"), QStringLiteral("warnings")}};
    for (const TargetEvaluation &target : m_outcome->targets) {
        const OffPolicyDiagnostics &d = target.result.diagnostics;
        QStringList warnings;
        for (const std::string &warning : d.warnings)
            warnings << QString::fromStdString(warning);
        for (const EstimateInterval &estimate : target.result.estimates) {
            const std::string_view name = estimatorName(estimate.estimator);
            rows.append({target.target.path, number(target.target.epsilon),
                         QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size())), number(estimate.value),
                         number(estimate.lower), number(estimate.upper), QString::number(d.rows),
                         number(d.effectiveSampleSize), number(d.maxWeight), number(d.meanWeight),
                         number(d.supportDeficiency), warnings.join(QLatin1Char(' '))});
        }
    }
    ExportDialog::saveInBackground(this, path, CsvWriter::writer(rows, path));
}

void EvaluatePanel::exportPng()
{
    if (!m_outcome)
        return;
    const QString path = ExportDialog::askSavePath(this, tr("Save the chart"), tr("estimates"), QStringLiteral("png"));
    if (!path.isEmpty())
        ExportDialog::saveInBackground(this, path, WidgetImage::capture(m_chart, path));
}

} // namespace rl
