#include "gui/ui/ComparePanel.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include "core/sim/StreamGenerator.h"
#include "gui/ui/JobProgressDialog.h"
#include "gui/ui/models/ComparisonTableModel.h"
#include "widgets/BandChart.h"
#include "widgets/CsvWriter.h"
#include "widgets/ExportDialog.h"
#include "widgets/StatusPalette.h"
#include "widgets/WidgetImage.h"

namespace rl {

namespace {

QString number(const std::optional<double> &value)
{
    return value ? QString::number(*value, 'g', 17) : QString();
}

} // namespace

ComparePanel::ComparePanel(QWidget *parent)
    : QWidget(parent)
    , m_job(new ComparisonJob(this))
{
    setObjectName(QStringLiteral("ComparePanel"));
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(buildInputs());
    splitter->addWidget(buildResults());
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_job, &ComparisonJob::updated, this, &ComparePanel::showOutcome);
    connect(m_job, &BackgroundJob::failed, this, &ComparePanel::showFailure);
    connect(m_job, &BackgroundJob::ended, this, [this] {
        setRunning(false);
        // The last update came before the end: a comparison cut short says so.
        if (!m_failed && !m_table->outcome().complete())
            m_summary->setText(m_summary->text() + QLatin1Char(' ')
                               + tr("Cancelled: the figures cover the runs finished; Compare again resumes them."));
    });
}

QWidget *ComparePanel::buildInputs()
{
    auto *box = new QWidget(this);
    auto *form = new QFormLayout(box);

    m_stream = new QLineEdit(box);
    m_stream->setObjectName(QStringLiteral("CompareStream"));
    m_stream->setPlaceholderText(tr("A learning stream: t, x0.., r0.. per line, as simulate-stream writes"));
    auto *browseStream = new QPushButton(tr("Browse…"), box);
    connect(browseStream, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Learning stream"), QFileInfo(m_stream->text()).path(), tr("Streams (*.csv);;All files (*)"));
        if (!path.isEmpty())
            setStream(path);
    });
    auto *streamRow = new QHBoxLayout;
    streamRow->addWidget(m_stream, 1);
    streamRow->addWidget(browseStream);
    auto *streamLabel = new QLabel(tr("&Stream:"), box);
    streamLabel->setBuddy(m_stream);
    form->addRow(streamLabel, streamRow);

    m_weights = new QLineEdit(box);
    m_weights->setObjectName(QStringLiteral("CompareWeights"));
    m_weights->setPlaceholderText(tr("meta.json beside the stream"));
    m_weights->setToolTip(tr("The true weights regret is measured against (and their drift, if any)"));
    auto *browseWeights = new QPushButton(tr("Browse…"), box);
    connect(browseWeights, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("True weights"), QFileInfo(m_stream->text()).path(),
                                                          tr("Weights (*.json);;All files (*)"));
        if (!path.isEmpty())
            m_weights->setText(path);
    });
    auto *weightsRow = new QHBoxLayout;
    weightsRow->addWidget(m_weights, 1);
    weightsRow->addWidget(browseWeights);
    auto *weightsLabel = new QLabel(tr("True &weights:"), box);
    weightsLabel->setBuddy(m_weights);
    form->addRow(weightsLabel, weightsRow);

    m_specs = new QPlainTextEdit(box);
    m_specs->setObjectName(QStringLiteral("CompareSpecs"));
    m_specs->setPlaceholderText(tr("One policy a line, e.g.\nlinucb:alpha=0.1..1.0/10\nthompson:v=0.1\n"
                                   "egreedy:epsilon=0.05\nseed"));
    m_specs->setToolTip(tr("name[:key=value,...]; a sweep key=FROM..TO/N takes N evenly spaced values. Keys: alpha "
                           "(linucb), v (thompson), epsilon (egreedy, seed), width and threshold (adaptive), ridge "
                           "(all but seed)"));
    m_specs->setTabChangesFocus(true);
    m_specs->setMaximumHeight(fontMetrics().lineSpacing() * 6);
    m_specs->setPlainText(QStringLiteral("adaptive\nlinucb\nthompson"));
    form->addRow(tr("&Policies:"), m_specs);

    m_seeds = new QSpinBox(box);
    m_seeds->setRange(1, static_cast<int>(ComparisonOptions::kMaxSeeds));
    m_seeds->setValue(10);
    m_seeds->setToolTip(tr("Runs per policy: seed s seeds the policy and shuffles the stream's rounds"));
    m_rounds = new QSpinBox(box);
    m_rounds->setRange(0, static_cast<int>(StreamSpec::kMaxRounds));
    m_rounds->setSpecialValueText(tr("all"));
    m_rounds->setGroupSeparatorShown(true);
    m_rounds->setToolTip(tr("Compare over the first this many rounds; all: the whole stream"));
    m_resume = new QCheckBox(tr("&Keep runs and resume"), box);
    m_resume->setChecked(true);
    m_resume->setToolTip(tr("Finished runs are kept, so a comparison cut short, or one with more policies, "
                            "does not run them again"));
    m_run = new QPushButton(tr("C&ompare"), box); // the tab is Alt+C
    m_run->setObjectName(QStringLiteral("CompareRun"));
    m_run->setDefault(true);
    connect(m_run, &QPushButton::clicked, this, &ComparePanel::compare);
    auto *options = new QHBoxLayout;
    options->addWidget(new QLabel(tr("Seeds:"), box));
    options->addWidget(m_seeds);
    options->addWidget(new QLabel(tr("Rounds:"), box));
    options->addWidget(m_rounds);
    options->addWidget(m_resume);
    options->addStretch();
    options->addWidget(m_run);
    form->addRow(QString(), options);
    return box;
}

QWidget *ComparePanel::buildResults()
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    m_summary = new QLabel(tr("Pick a stream and the policies, then Compare."), box);
    m_summary->setObjectName(QStringLiteral("CompareSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);

    m_chart = new BandChart(box);
    m_chart->setObjectName(QStringLiteral("CompareChart"));
    m_chart->setTitles(tr("Cumulative regret, mean and 95 % interval over the seeds"), tr("Round"), tr("Regret"));
    m_chart->setPlaceholderText(tr("No runs yet"));
    m_table = new ComparisonTableModel(this);
    m_sorted = new QSortFilterProxyModel(this);
    m_sorted->setSourceModel(m_table);
    m_sorted->setSortRole(ComparisonTableModel::SortRole);
    m_tableView = new QTableView(box);
    m_tableView->setObjectName(QStringLiteral("CompareTable"));
    m_tableView->setModel(m_sorted);
    m_tableView->setSortingEnabled(true);
    m_tableView->sortByColumn(ComparisonTableModel::RankColumn, Qt::AscendingOrder);
    m_tableView->verticalHeader()->hide();
    m_tableView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tableView->horizontalHeader()->setStretchLastSection(true);

    auto *split = new QSplitter(Qt::Horizontal, box);
    split->addWidget(m_chart);
    split->addWidget(m_tableView);
    split->setSizes({500, 500}); // in proportion: the ranking whole beside the curves
    layout->addWidget(split, 1);
    return box;
}

void ComparePanel::saveInputs(QSettings &settings) const
{
    settings.setValue(QStringLiteral("compare/stream"), m_stream->text());
    settings.setValue(QStringLiteral("compare/weights"), m_weights->text());
    settings.setValue(QStringLiteral("compare/specs"), m_specs->toPlainText());
    settings.setValue(QStringLiteral("compare/seeds"), m_seeds->value());
    settings.setValue(QStringLiteral("compare/rounds"), m_rounds->value());
    settings.setValue(QStringLiteral("compare/resume"), m_resume->isChecked());
}

void ComparePanel::restoreInputs(const QSettings &settings)
{
    m_stream->setText(settings.value(QStringLiteral("compare/stream")).toString());
    m_weights->setText(settings.value(QStringLiteral("compare/weights")).toString());
    m_specs->setPlainText(settings.value(QStringLiteral("compare/specs"), m_specs->toPlainText()).toString());
    m_seeds->setValue(settings.value(QStringLiteral("compare/seeds"), m_seeds->value()).toInt());
    m_rounds->setValue(settings.value(QStringLiteral("compare/rounds"), m_rounds->value()).toInt());
    m_resume->setChecked(settings.value(QStringLiteral("compare/resume"), true).toBool());
}

void ComparePanel::setStream(const QString &path)
{
    m_stream->setText(path);
}

void ComparePanel::setSpecs(const QString &text)
{
    m_specs->setPlainText(text);
}

void ComparePanel::setSeeds(int seeds)
{
    m_seeds->setValue(seeds);
}

void ComparePanel::compare()
{
    if (m_job->running())
        return;
    ComparisonRequest request;
    request.stream = m_stream->text().trimmed();
    if (request.stream.isEmpty())
        return showFailure(tr("Pick a learning stream first."));
    request.weights = m_weights->text().trimmed();
    const QStringList lines = m_specs->toPlainText().split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (lines[i].trimmed().isEmpty())
            continue;
        try {
            for (PolicySpec &spec : PolicySpec::parse(lines[i].trimmed().toStdString())) {
                const std::string text = spec.text();
                if (std::any_of(request.specs.begin(), request.specs.end(),
                                [&text](const PolicySpec &other) { return other.text() == text; }))
                    return showFailure(
                        tr("Line %1: %2 is given twice.").arg(QString::number(i + 1), QString::fromStdString(text)));
                request.specs.push_back(std::move(spec));
            }
        } catch (const std::invalid_argument &error) {
            return showFailure(tr("Line %1: %2").arg(QString::number(i + 1), QString::fromUtf8(error.what())));
        }
    }
    if (request.specs.empty())
        return showFailure(tr("Write at least one policy, e.g. linucb."));
    if (request.specs.size() > PolicySpec::kMaxExpanded)
        return showFailure(tr("%1 policies are more than %2.").arg(request.specs.size()).arg(PolicySpec::kMaxExpanded));
    request.seeds = static_cast<std::size_t>(m_seeds->value());
    request.rounds = static_cast<std::size_t>(m_rounds->value());
    if (m_resume->isChecked())
        request.saveFolder = m_saveFolder;
    m_failed = false;
    m_job->start(std::move(request));
    setRunning(true);
}

void ComparePanel::setRunning(bool running)
{
    m_run->setEnabled(!running);
    if (running) {
        m_summary->setStyleSheet(QString());
        m_summary->setText(tr("Comparing…"));
        auto *progress = new JobProgressDialog(*m_job, tr("Compare"), tr("Reading the stream…"), this);
        progress->setObjectName(QStringLiteral("CompareProgress"));
    }
}

void ComparePanel::showOutcome(const ComparisonOutcome &outcome)
{
    m_table->setOutcome(outcome);
    QList<BandChart::Curve> curves;
    for (const SpecSummary &summary : outcome.summaries) {
        BandChart::Curve curve;
        curve.name = QString::fromStdString(summary.spec);
        for (std::size_t c = 0; c < outcome.checkpoints.size(); ++c) {
            const MeanInterval &point = summary.regret[c];
            curve.x << static_cast<double>(outcome.checkpoints[c]);
            curve.mean << point.mean;
            if (point.low && point.high) {
                curve.low << *point.low;
                curve.high << *point.high;
            }
        }
        curves << curve;
    }
    m_chart->setCurves(curves);

    const QLocale locale;
    QString text = tr("%1 of %2 runs, %3 rounds each.")
                       .arg(locale.toString(static_cast<qulonglong>(outcome.runs)),
                            locale.toString(static_cast<qulonglong>(outcome.totalRuns)),
                            locale.toString(static_cast<qulonglong>(outcome.rounds)));
    if (outcome.resumed > 0)
        text += QLatin1Char(' ')
                + tr("%n run(s) kept from before, not run again.", nullptr, static_cast<int>(outcome.resumed));
    if (const auto best = std::find_if(outcome.summaries.begin(), outcome.summaries.end(),
                                       [](const SpecSummary &s) { return s.rank == 1; });
        best != outcome.summaries.end())
        text += QLatin1Char(' ')
                + tr("Best: %1, regret %2.")
                      .arg(QString::fromStdString(best->spec), locale.toString(best->regret.back().mean, 'f', 1));
    m_summary->setStyleSheet(QString());
    m_summary->setText(text);
    Q_EMIT resultsChanged(!outcome.summaries.empty());
}

void ComparePanel::showFailure(const QString &message)
{
    m_failed = true;
    // What was shown belongs to other inputs: it goes, rather than stand beside this message.
    m_table->setOutcome({});
    m_chart->clear();
    Q_EMIT resultsChanged(false);
    m_summary->setStyleSheet(QStringLiteral("color: %1").arg(StatusPalette::critical(palette()).name()));
    m_summary->setText(message);
}

void ComparePanel::exportCsv()
{
    const ComparisonOutcome &outcome = m_table->outcome();
    if (outcome.summaries.empty())
        return;
    const QString path =
        ExportDialog::askSavePath(this, tr("Save the comparison"), tr("comparison"), QStringLiteral("csv"));
    if (path.isEmpty())
        return;
    QList<QStringList> rows{{QStringLiteral("spec"), QStringLiteral("rank"), QStringLiteral("runs"),
                             QStringLiteral("round"), QStringLiteral("regret_mean"), QStringLiteral("regret_low"),
                             QStringLiteral("regret_high"), QStringLiteral("optimal_share_last"),
                             QStringLiteral("microseconds_per_round")}};
    for (const SpecSummary &summary : outcome.summaries)
        for (std::size_t c = 0; c < outcome.checkpoints.size(); ++c)
            rows.append({QString::fromStdString(summary.spec), QString::number(summary.rank),
                         QString::number(summary.runs), QString::number(outcome.checkpoints[c]),
                         QString::number(summary.regret[c].mean, 'g', 17), number(summary.regret[c].low),
                         number(summary.regret[c].high), QString::number(summary.optimalShareLast.mean, 'g', 17),
                         QString::number(summary.microsecondsPerRound, 'g', 6)});
    ExportDialog::saveInBackground(this, path, CsvWriter::writer(rows, path));
}

void ComparePanel::exportPng()
{
    if (m_table->outcome().summaries.empty())
        return;
    const QString path = ExportDialog::askSavePath(this, tr("Save the chart"), tr("comparison"), QStringLiteral("png"));
    if (!path.isEmpty())
        ExportDialog::saveInBackground(this, path, WidgetImage::capture(m_chart, path));
}

} // namespace rl
