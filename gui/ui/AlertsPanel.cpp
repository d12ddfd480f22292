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

#include "core/alerting/PromQlExpression.h"
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

AlertsPanel::AlertsPanel(AlertSource &alerts, QWidget *parent)
    : QWidget(parent)
    , m_alerts(alerts)
    , m_runbook(readResource(kRunbookResource))
    , m_header(new QLabel(this))
    , m_list(new AlertList(this))
    , m_scaleLabel(new QLabel(tr("&Time scale:"), this))
    , m_scale(new QComboBox(this))
    , m_history(new AlertHistoryModel(this))
{
    for (const double scale : {1.0, 60.0, 600.0})
        m_scale->addItem(scale == 1.0 ? tr("real time") : tr("demo ×%1").arg(scale), scale);
    m_scale->setAccessibleName(tr("Alert time scale"));
    m_scale->setToolTip(tr("Compress the rules' windows and for-durations to watch alerts change in a demo"));
    m_scaleLabel->setBuddy(m_scale);
    // Rules evaluated elsewhere run on their evaluator's clock.
    m_scaleLabel->setVisible(m_alerts.timeScalable());
    m_scale->setVisible(m_alerts.timeScalable());
    m_header->setWordWrap(true);
    auto *header = new QHBoxLayout;
    header->addWidget(m_header, 1);
    header->addWidget(m_scaleLabel);
    header->addWidget(m_scale);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_list, 1);
    m_list->setAccessibleName(tr("Alerts"));

    connect(m_scale, &QComboBox::activated, this, [this](int index) {
        setTimeScale(m_scale->itemData(index).toDouble());
        Q_EMIT timeScaleChosen(m_alerts.timeScale());
    });
    connect(&m_alerts, &AlertSource::alertChanged, this, &AlertsPanel::recordChange);
    connect(&m_alerts, &AlertSource::evaluated, this, &AlertsPanel::showRows);
    connect(&m_alerts, &AlertSource::evaluated, this, &AlertsPanel::showHeader);
    setTimeScale(m_alerts.timeScale());
    showRows();
}

AlertsPanel::~AlertsPanel() = default;

void AlertsPanel::setTimeScale(double timeScale)
{
    m_alerts.setTimeScale(timeScale);
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
    for (const std::string &warning : m_alerts.warnings())
        warnings << text(warning);
    if (!warnings.isEmpty())
        banner << tr("%n rule warning(s): rules left out or unable to see their data here. Hover for the list.",
                     nullptr, static_cast<int>(warnings.size()));
    m_list->setBanner(banner.join(QLatin1Char('\n')), warnings.join(QLatin1Char('\n')));
    showHeader();
}

// Whose rules, evaluated where and how often.
void AlertsPanel::showHeader()
{
    m_header->setText(m_alerts.origin());
}

void AlertsPanel::recordChange(const QString &alert, const QString &state)
{
    const QString from = m_states.value(alert);
    m_states.insert(alert, state);
    if (from.isEmpty() && state == QLatin1String("inactive"))
        return; // the first evaluation announcing a quiet rule: no change
    QString value = tr("–");
    QDateTime when = QDateTime::currentDateTime();
    for (const AlertView &view : m_alerts.views()) {
        if (text(view.name) != alert)
            continue;
        if (view.value)
            value = alertValue(QLocale(), *view.value);
        // An alert already active when first seen (a remote evaluator's) changed when it says, not now.
        const std::optional<double> since = view.state == AlertStatus::State::Firing ? view.firedAt
                                            : view.state == AlertStatus::State::Pending
                                                ? std::optional<double>(view.activeSince)
                                                : std::nullopt;
        if (from.isEmpty() && since)
            when = QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(*since * 1000.0));
    }
    const AlertHistoryModel::Change change{when, alert, from.isEmpty() ? QStringLiteral("inactive") : from, state,
                                           value};
    m_history->append(change);
    Q_EMIT alertStateChanged(change);
}

void AlertsPanel::showRows()
{
    const QLocale locale;
    QList<AlertList::Row> rows;
    for (const AlertView &view : m_alerts.views()) {
        AlertList::Row row;
        row.name = text(view.name);
        row.severity = text(view.severity);
        row.state = stateText(view.state);
        row.value = view.value ? alertValue(locale, *view.value) : tr("–");
        if (view.state == AlertStatus::State::Firing && view.firedAt)
            row.since = tr("firing since %1").arg(clock(*view.firedAt));
        else if (view.state == AlertStatus::State::Pending)
            row.since =
                tr("pending since %1 (fires after %2 s)").arg(clock(view.activeSince)).arg(view.firesAfterSeconds);
        else if (view.resolvedAt)
            row.since = tr("resolved at %1").arg(clock(*view.resolvedAt));
        else
            row.since = tr("inactive");
        row.details = details(view);
        rows.append(row);
    }
    m_list->setRows(rows);
}

QString AlertsPanel::details(const AlertView &view) const
{
    QString markdown;
    if (!view.summary.empty())
        markdown += QStringLiteral("### %1\n\n").arg(text(view.summary));
    if (!view.description.empty())
        markdown += text(view.description) + QStringLiteral("\n\n");
    if (!view.instances.empty()) {
        QStringList instances;
        for (const std::string &instance : view.instances)
            instances << text(instance);
        markdown += tr("**Active for:** %1").arg(instances.join(QStringLiteral(", "))) + QStringLiteral("\n\n");
    }
    markdown +=
        tr("**Expression** (for %1):").arg(QString::fromStdString(PromQlExpression::formatDuration(view.forSeconds)));
    markdown += QStringLiteral("\n\n```\n%1\n```\n\n").arg(text(view.expression).trimmed());
    if (!view.error.empty())
        markdown += tr("**Evaluation error:** %1").arg(text(view.error)) + QStringLiteral("\n\n");
    if (const std::optional<std::string> steps = m_runbook.sectionFor(view.name))
        markdown += tr("#### From the runbook") + QStringLiteral("\n\n") + text(*steps);
    return markdown;
}

} // namespace rl
