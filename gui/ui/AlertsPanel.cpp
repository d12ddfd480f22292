#include "gui/ui/AlertsPanel.h"

#include <QComboBox>
#include <QDateTime>
#include <QFile>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include "core/alerting/AlertRuleFile.h"
#include "gui/host/LoggingCategories.h"
#include "widgets/AlertList.h"

namespace rl {

namespace {

const QString kRulesResource = QStringLiteral(":/rl_feedback_alerts.yml");
const QString kRunbookResource = QStringLiteral(":/rl_feedback_loop_runbook.md");
constexpr double kMinimumEvaluationSeconds = 0.05; // however compressed, not more often than 20 times a second

std::string readResource(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll().toStdString();
}

QString stateText(AlertStatus::State state)
{
    const std::string_view name = stateName(state);
    return QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()));
}

QString clock(double seconds)
{
    return QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(seconds * 1000.0)).toString(QStringLiteral("HH:mm:ss"));
}

QString text(const std::string &value)
{
    return QString::fromStdString(value);
}

} // namespace

AlertsPanel::AlertsPanel(double timeScale, QWidget *parent)
    : QWidget(parent)
    , m_runbook(readResource(kRunbookResource))
    , m_store(1.0)
    , m_list(new AlertList(this))
    , m_scale(new QComboBox(this))
{
    try {
        const AlertRuleFile file = AlertRuleFile::parse(readResource(kRulesResource), "rl_feedback_alerts.yml");
        if (!file.groups().empty() && file.groups().front().intervalSeconds)
            m_evaluationIntervalSeconds = *file.groups().front().intervalSeconds;
        m_evaluator = std::make_unique<AlertEvaluator>(file.rules());
    } catch (const std::exception &error) {
        m_loadError = tr("The alert rules cannot be used: %1").arg(QString::fromUtf8(error.what()));
        qCWarning(lcUi).noquote() << m_loadError;
        m_evaluator = std::make_unique<AlertEvaluator>(std::vector<AlertRule>{});
    }
    m_store = SeriesStore(m_evaluator->requiredRetentionSeconds() + m_evaluationIntervalSeconds);

    for (const double scale : {1.0, 60.0, 600.0})
        m_scale->addItem(scale == 1.0 ? tr("real time") : tr("demo ×%1").arg(scale), scale);
    m_scale->setAccessibleName(tr("Alert time scale"));
    m_scale->setToolTip(tr("Compress the rules' windows and for-durations to watch alerts change in a demo"));
    auto *scaleLabel = new QLabel(tr("&Time scale:"), this);
    scaleLabel->setBuddy(m_scale);
    auto *header = new QHBoxLayout;
    header->addWidget(new QLabel(
        tr("Rules of rl_feedback_alerts.yml, evaluated every %1 s on the live series").arg(m_evaluationIntervalSeconds),
        this));
    header->addStretch(1);
    header->addWidget(scaleLabel);
    header->addWidget(m_scale);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_list, 1);
    m_list->setAccessibleName(tr("Alerts"));

    connect(m_scale, &QComboBox::activated, this,
            [this](int index) { setTimeScale(m_scale->itemData(index).toDouble()); });
    setTimeScale(timeScale);
}

AlertsPanel::~AlertsPanel() = default;

void AlertsPanel::setTimeScale(double timeScale)
{
    m_timeScale = timeScale;
    m_evaluator->setTimeScale(timeScale);
    int index = m_scale->findData(timeScale);
    if (index < 0) {
        m_scale->addItem(tr("demo ×%1").arg(timeScale), timeScale);
        index = m_scale->count() - 1;
    }
    m_scale->setCurrentIndex(index);
    QString banner = m_loadError;
    if (timeScale > 1.0) {
        banner = tr("Demo time scale ×%1: the rules' windows and for-durations are compressed (15m reads as %2 s).")
                     .arg(timeScale)
                     .arg(QLocale().toString(15.0 * 60.0 / timeScale, 'g', 3));
    }
    m_list->setBanner(banner);
    m_lastEvaluation = 0.0; // evaluate at the next snapshot with the new windows
}

void AlertsPanel::record(const EngineSnapshot &snapshot)
{
    if (snapshot.wallTimeMs == 0)
        return;
    const double now = static_cast<double>(snapshot.wallTimeMs) / 1000.0;
    const HealthState::Totals &totals = snapshot.health.totals;
    // The sums over the tenant/workspace labels, as the rules' sum(...) sees them.
    m_store.record("rl_feedback_processed_total", now, static_cast<double>(totals.processed));
    m_store.record("rl_feedback_failed_total", now, static_cast<double>(totals.failed));
    m_store.record("rl_feedback_queue_depth", now, static_cast<double>(snapshot.health.queueDepth));
    const double period = std::max(kMinimumEvaluationSeconds, m_evaluationIntervalSeconds / m_timeScale);
    if (now - m_lastEvaluation >= period)
        evaluate(now);
}

void AlertsPanel::evaluate(double nowSeconds)
{
    m_lastEvaluation = nowSeconds;
    const std::vector<AlertStatus> previous = m_evaluator->statuses();
    const std::vector<AlertStatus> statuses = m_evaluator->evaluate(m_store, nowSeconds);
    for (std::size_t i = 0; i < statuses.size(); ++i) {
        const AlertStatus &status = statuses[i];
        if (!status.error.empty() && status.error != previous[i].error)
            qCWarning(lcUi).noquote()
                << tr("alert %1 cannot be evaluated: %2").arg(text(status.rule->name), text(status.error));
        const bool changed = status.state != previous[i].state;
        if (changed)
            qCInfo(lcUi).noquote() << tr("alert %1 is %2").arg(text(status.rule->name), stateText(status.state));
        // The first evaluation announces every rule's state, so listeners start from a known one.
        if (changed || !m_evaluated)
            Q_EMIT alertStateChanged(text(status.rule->name), stateText(status.state));
    }
    m_evaluated = true;
    showRows();
}

void AlertsPanel::showRows()
{
    const QLocale locale;
    QList<AlertList::Row> rows;
    for (const AlertStatus &status : m_evaluator->statuses()) {
        const AlertRule &rule = *status.rule;
        AlertList::Row row;
        row.name = text(rule.name);
        const auto severity = rule.labels.find("severity");
        row.severity = severity == rule.labels.end() ? QString() : text(severity->second);
        row.state = stateText(status.state);
        row.value = status.value ? locale.toString(*status.value, 'g', 4) : tr("–");
        if (status.state == AlertStatus::State::Firing && status.firedAt)
            row.since = tr("firing since %1").arg(clock(*status.firedAt));
        else if (status.state == AlertStatus::State::Pending)
            row.since = tr("pending since %1 (fires after %2 s)")
                            .arg(clock(status.activeSince))
                            .arg(rule.forSeconds / m_timeScale);
        else if (status.resolvedAt)
            row.since = tr("resolved at %1").arg(clock(*status.resolvedAt));
        else
            row.since = tr("inactive");
        row.details = details(status);
        rows.append(row);
    }
    m_list->setRows(rows);
}

QString AlertsPanel::details(const AlertStatus &status) const
{
    const AlertRule &rule = *status.rule;
    QString markdown;
    const auto summary = rule.annotations.find("summary");
    if (summary != rule.annotations.end())
        markdown += QStringLiteral("### %1\n\n").arg(text(summary->second));
    if (status.value && rule.annotations.count("description"))
        markdown += text(rule.render("description", *status.value)) + QStringLiteral("\n\n");
    markdown +=
        tr("**Expression** (for %1):").arg(QString::fromStdString(PromQlExpression::formatDuration(rule.forSeconds)));
    markdown += QStringLiteral("\n\n```\n%1\n```\n\n").arg(text(rule.exprText).trimmed());
    if (!status.error.empty())
        markdown += tr("**Evaluation error:** %1").arg(text(status.error)) + QStringLiteral("\n\n");
    if (const std::optional<std::string> steps = m_runbook.sectionFor(rule.name))
        markdown += tr("#### From the runbook") + QStringLiteral("\n\n") + text(*steps);
    return markdown;
}

} // namespace rl
