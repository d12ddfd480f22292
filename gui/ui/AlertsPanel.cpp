#include "gui/ui/AlertsPanel.h"

#include <cmath>

#include <QComboBox>
#include <QDateTime>
#include <QFile>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QStringList>
#include <QVBoxLayout>

#include "gui/host/AlertMonitor.h"
#include "widgets/AlertList.h"

namespace rl {

namespace {

// An alert's value as an operator reads it: whole numbers with grouping (10,000, never 1e+04), others with
// four significant digits.
QString alertValue(const QLocale &locale, double value)
{
    if (std::abs(value) >= 1000.0 || value == std::round(value))
        return locale.toString(value, 'f', 0);
    return locale.toString(value, 'g', 4);
}

const QString kRunbookResource = QStringLiteral(":/rl_feedback_loop_runbook.md");

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

AlertsPanel::AlertsPanel(AlertMonitor &monitor, QWidget *parent)
    : QWidget(parent)
    , m_monitor(monitor)
    , m_runbook(readResource(kRunbookResource))
    , m_header(new QLabel(this))
    , m_list(new AlertList(this))
    , m_scale(new QComboBox(this))
    , m_history(new AlertHistoryModel(this))
{
    for (const double scale : {1.0, 60.0, 600.0})
        m_scale->addItem(scale == 1.0 ? tr("real time") : tr("demo ×%1").arg(scale), scale);
    m_scale->setAccessibleName(tr("Alert time scale"));
    m_scale->setToolTip(tr("Compress the rules' windows and for-durations to watch alerts change in a demo"));
    auto *scaleLabel = new QLabel(tr("&Time scale:"), this);
    scaleLabel->setBuddy(m_scale);
    m_header->setWordWrap(true);
    auto *header = new QHBoxLayout;
    header->addWidget(m_header, 1);
    header->addWidget(scaleLabel);
    header->addWidget(m_scale);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_list, 1);
    m_list->setAccessibleName(tr("Alerts"));

    connect(m_scale, &QComboBox::activated, this, [this](int index) {
        setTimeScale(m_scale->itemData(index).toDouble());
        Q_EMIT timeScaleChosen(m_monitor.timeScale());
    });
    connect(&m_monitor, &AlertMonitor::alertChanged, this, &AlertsPanel::recordChange);
    connect(&m_monitor, &AlertMonitor::evaluated, this, &AlertsPanel::showRows);
    setTimeScale(m_monitor.timeScale());
    showRows();
}

AlertsPanel::~AlertsPanel() = default;

void AlertsPanel::setTimeScale(double timeScale)
{
    m_monitor.setTimeScale(timeScale);
    int index = m_scale->findData(timeScale);
    if (index < 0) {
        m_scale->addItem(tr("demo ×%1").arg(timeScale), timeScale);
        index = m_scale->count() - 1;
    }
    m_scale->setCurrentIndex(index);
    QStringList banner;
    if (timeScale > 1.0) {
        banner << tr("Demo time scale ×%1: the rules' windows, for-durations and intervals are compressed (15m reads "
                     "as %2 s).")
                      .arg(timeScale)
                      .arg(QLocale().toString(15.0 * 60.0 / timeScale, 'g', 3));
    }
    // One line however many: a list of warnings would push the rules off the panel. The list is the tooltip.
    QStringList warnings;
    for (const std::string &warning : m_monitor.warnings())
        warnings << text(warning);
    if (!warnings.isEmpty())
        banner << tr("%n rule warning(s): rules left out or unable to see their data here. Hover for the list.",
                     nullptr, static_cast<int>(warnings.size()));
    m_list->setBanner(banner.join(QLatin1Char('\n')), warnings.join(QLatin1Char('\n')));
    showHeader();
}

// Which files the rules come from and how often each group is really evaluated, at this time scale.
void AlertsPanel::showHeader()
{
    QStringList files;
    QStringList periods;
    const QLocale locale;
    for (const AlertMonitor::Group &group : m_monitor.groups()) {
        if (!files.contains(text(group.file)))
            files << text(group.file);
        const QString period = locale.toString(m_monitor.periodSeconds(group), 'g', 3);
        if (!periods.contains(period))
            periods << period;
    }
    m_header->setText(files.isEmpty()
                          ? tr("No alert rules loaded")
                          : tr("Rules of %1, evaluated every %2 s on the live series")
                                .arg(files.join(QStringLiteral(", ")), periods.join(QStringLiteral(" / "))));
}

void AlertsPanel::recordChange(const QString &alert, const QString &state)
{
    const QString from = m_states.value(alert);
    m_states.insert(alert, state);
    if (from.isEmpty() && state == QLatin1String("inactive"))
        return; // the first evaluation announcing a quiet rule: no change
    QString value = tr("–");
    for (const AlertMonitor::Group &group : m_monitor.groups()) {
        for (const AlertStatus &status : group.evaluator.statuses()) {
            if (text(status.rule->name) == alert && status.value)
                value = alertValue(QLocale(), *status.value);
        }
    }
    const AlertHistoryModel::Change change{QDateTime::currentDateTime(), alert,
                                           from.isEmpty() ? QStringLiteral("inactive") : from, state, value};
    m_history->append(change);
    Q_EMIT alertStateChanged(change);
}

void AlertsPanel::showRows()
{
    const QLocale locale;
    QList<AlertList::Row> rows;
    for (const AlertMonitor::Group &group : m_monitor.groups()) {
        for (const AlertStatus &status : group.evaluator.statuses()) {
            const AlertRule &rule = *status.rule;
            AlertList::Row row;
            row.name = text(rule.name);
            const auto severity = rule.labels.find("severity");
            row.severity = severity == rule.labels.end() ? QString() : text(severity->second);
            row.state = stateText(status.state);
            row.value = status.value ? alertValue(locale, *status.value) : tr("–");
            if (status.state == AlertStatus::State::Firing && status.firedAt)
                row.since = tr("firing since %1").arg(clock(*status.firedAt));
            else if (status.state == AlertStatus::State::Pending)
                row.since = tr("pending since %1 (fires after %2 s)")
                                .arg(clock(status.activeSince))
                                .arg(rule.forSeconds / m_monitor.timeScale());
            else if (status.resolvedAt)
                row.since = tr("resolved at %1").arg(clock(*status.resolvedAt));
            else
                row.since = tr("inactive");
            row.details = details(status);
            rows.append(row);
        }
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
