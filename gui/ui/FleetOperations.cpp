#include "gui/ui/FleetOperations.h"

#include <cmath>

#include <QAction>
#include <QInputDialog>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>

#include "gui/host/ControlClient.h"
#include "gui/host/LoggingCategories.h"

namespace rl {

FleetOperations::FleetOperations(QByteArray token, QWidget *window)
    : QObject(window)
    , m_token(std::move(token))
    , m_window(window)
{
    make(Kind::ProcessOnce, tr("&Process once"), tr("Process one batch on each selected instance"));
    make(Kind::Drain, tr("&Drain"), tr("Process each selected instance's queue until it is empty"));
    make(Kind::Purge, tr("P&urge…"),
         tr("Discard the queued items of each selected instance, as many as the table shows"));
    make(Kind::GradualRecovery, tr("&Gradual recovery…"),
         tr("The runbook's gradual recovery on each selected instance: evaluation off, drain, evaluation on"));
    make(Kind::LoopOn, tr("&Loop on"), tr("Set ENABLE_TRAJECTORY_FEEDBACK_LOOP on each selected instance"));
    make(Kind::LoopOff, tr("Loop o&ff"), tr("Clear ENABLE_TRAJECTORY_FEEDBACK_LOOP on each selected instance"));
    make(Kind::EvaluationOn, tr("&Evaluation on"), tr("Set ENABLE_TRAJECTORY_EVALUATION on each selected instance"));
    make(Kind::EvaluationOff, tr("E&valuation off"),
         tr("Clear ENABLE_TRAJECTORY_EVALUATION on each selected instance"));
    make(Kind::BatchSize, tr("&Batch size…"), tr("Set the batch size of each selected instance"));
    make(Kind::Interval, tr("&Interval…"), tr("Set the seconds between ticks of each selected instance"));
    updateActions();
}

FleetOperations::~FleetOperations() = default;

QAction *FleetOperations::make(Kind kind, const QString &text, const QString &toolTip)
{
    auto *action = new QAction(text, this);
    action->setToolTip(toolTip);
    action->setStatusTip(toolTip);
    // The action's name in questions and the log: without its mnemonic and its "asks first" ellipsis.
    const QString name = QString(text).remove(QLatin1Char('&')).remove(QStringLiteral("…"));
    connect(action, &QAction::triggered, this, [this, kind, name] { run(kind, name); });
    m_actions.push_back(action);
    return action;
}

ControlClient &FleetOperations::clientFor(const QString &instance)
{
    std::unique_ptr<ControlClient> &client = m_clients[instance];
    if (!client)
        client = std::make_unique<ControlClient>(QUrl(QStringLiteral("http://") + instance), m_token);
    return *client;
}

void FleetOperations::setSelection(const std::vector<FleetInstance> &selected)
{
    m_selected = selected;
    for (const FleetInstance &instance : m_selected)
        if (m_operable.count(instance.instance) == 0)
            probe(instance);
    updateActions();
}

void FleetOperations::probe(const FleetInstance &instance)
{
    m_operable[instance.instance] = false; // until it answers
    ControlClient &client = clientFor(instance.instance);
    client.get(QStringLiteral("/v1/config"), [this, &client, name = instance.instance](int status,
                                                                                       const QByteArray &body) {
        if (status == 200 || status == 404 || status == 405) {
            m_operable[name] = status == 200; // it has the control API, or it has not
        } else {
            // Not an answer about the API (a refused token, a restore, no answer): said, and asked again at the
            // next selection.
            m_operable.erase(name);
            qCWarning(lcOperator).noquote() << tr("cannot operate %1: %2").arg(name, client.failureText(status, body));
        }
        updateActions();
    });
}

QStringList FleetOperations::operable() const
{
    QStringList names;
    for (const FleetInstance &instance : m_selected) {
        const auto it = m_operable.find(instance.instance);
        if (it != m_operable.end() && it->second)
            names << instance.instance;
    }
    return names;
}

void FleetOperations::updateActions()
{
    const bool any = !operable().isEmpty();
    for (QAction *action : m_actions)
        action->setEnabled(any);
}

void FleetOperations::recover(ControlClient &client, std::function<void(bool, const QString &)> done)
{
    const auto failed = [done](bool, const QString &message, const nlohmann::json &) { done(false, message); };
    client.putConfig({{"evaluation_enabled", false}}, [&client, done, failed](bool ok, const QString &message,
                                                                              const nlohmann::json &result) {
        if (!ok)
            return failed(ok, message, result);
        qCInfo(lcOperator).noquote() << tr("%1: gradual recovery 1/3: evaluation disabled").arg(client.name());
        client.drain([&client, done, failed](bool ok, const QString &message, const nlohmann::json &result) {
            if (!ok)
                return failed(ok, message, result);
            qCInfo(lcOperator).noquote() << tr("%1 (gradual recovery 2/3)").arg(message);
            client.putConfig({{"evaluation_enabled", true}}, [&client, done, failed](bool ok, const QString &message,
                                                                                     const nlohmann::json &result) {
                if (!ok)
                    return failed(ok, message, result);
                done(true, tr("%1: gradual recovery done: queue drained, evaluation re-enabled").arg(client.name()));
            });
        });
    });
}

void FleetOperations::run(Kind kind, const QString &text)
{
    std::vector<FleetInstance> targets;
    QStringList lines;
    double items = 0;
    const QStringList canOperate = operable();
    QStringList seen;
    for (const FleetInstance &instance : m_selected) {
        // One request per process, whatever rows (tenants, workspaces) of it are selected.
        if (!canOperate.contains(instance.instance) || seen.contains(instance.instance))
            continue;
        seen << instance.instance;
        targets.push_back(instance);
        const double depth = std::isfinite(instance.queueDepth) ? instance.queueDepth : 0.0;
        items += depth;
        lines << tr("%1 (%2): %L3 queued").arg(instance.instance, instance.tenant).arg(depth, 0, 'f', 0);
    }
    if (targets.empty())
        return;
    int skipped = 0;
    for (const FleetInstance &instance : m_selected)
        skipped += !canOperate.contains(instance.instance);

    nlohmann::json settings;
    if (kind == Kind::BatchSize) {
        bool ok = false;
        const int value =
            QInputDialog::getInt(m_window, tr("Batch size"),
                                 tr("Items per tick on the %n instance(s):", nullptr, static_cast<int>(targets.size())),
                                 25, 1, 100000, 1, &ok);
        if (!ok)
            return;
        settings = {{"batch_size", value}};
    } else if (kind == Kind::Interval) {
        bool ok = false;
        const double value = QInputDialog::getDouble(
            m_window, tr("Interval"),
            tr("Seconds between ticks on the %n instance(s):", nullptr, static_cast<int>(targets.size())), 15.0, 0.01,
            86400.0, 2, &ok);
        if (!ok)
            return;
        settings = {{"interval_seconds", value}};
    }

    // The question names every instance and what it touches; a purge is the destructive one.
    QMessageBox box(kind == Kind::Purge ? QMessageBox::Warning : QMessageBox::Question, text,
                    kind == Kind::Purge
                        ? tr("Purge the queues of %n instance(s)? Up to %L1 items are discarded, never learned from.",
                             nullptr, static_cast<int>(targets.size()))
                              .arg(items, 0, 'f', 0)
                        : tr("%1 on %n instance(s)?", nullptr, static_cast<int>(targets.size())).arg(text),
                    QMessageBox::Cancel, m_window);
    box.setObjectName(QStringLiteral("FleetOperationConfirmation"));
    QString details = lines.join(QLatin1Char('\n'));
    if (skipped > 0)
        details +=
            QLatin1Char('\n') + tr("%n selected instance(s) without the control API are left alone.", nullptr, skipped);
    box.setInformativeText(details);
    QPushButton *go = box.addButton(kind == Kind::Purge ? tr("&Purge") : tr("&Apply"),
                                    kind == Kind::Purge ? QMessageBox::DestructiveRole : QMessageBox::AcceptRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != go)
        return;

    QStringList names;
    for (const FleetInstance &instance : targets)
        names << instance.instance;
    qCInfo(lcOperator).noquote() << tr("operator: %1 on %2").arg(text, names.join(QStringLiteral(", ")));
    auto outcome = std::make_shared<std::pair<int, int>>(0, 0); // done, answered
    const int asked = static_cast<int>(targets.size());
    for (const FleetInstance &instance : targets) {
        const ControlClient::Done done = [this, outcome, asked, text](bool ok, const QString &message,
                                                                      const nlohmann::json &) {
            if (ok)
                qCInfo(lcOperator).noquote() << message;
            else
                qCWarning(lcOperator).noquote() << message;
            outcome->first += ok;
            if (++outcome->second == asked)
                Q_EMIT finished(text, outcome->first, asked);
        };
        ControlClient &client = clientFor(instance.instance);
        switch (kind) {
        case Kind::ProcessOnce:
            client.processOnce(done);
            break;
        case Kind::Drain:
            client.drain(done);
            break;
        case Kind::GradualRecovery:
            recover(client, [done](bool ok, const QString &message) { done(ok, message, nlohmann::json()); });
            break;
        case Kind::Purge:
            client.purge(static_cast<std::size_t>(std::isfinite(instance.queueDepth) ? instance.queueDepth : 0.0),
                         done);
            break;
        case Kind::LoopOn:
        case Kind::LoopOff:
            client.putConfig({{"loop_enabled", kind == Kind::LoopOn}}, done);
            break;
        case Kind::EvaluationOn:
        case Kind::EvaluationOff:
            client.putConfig({{"evaluation_enabled", kind == Kind::EvaluationOn}}, done);
            break;
        case Kind::BatchSize:
        case Kind::Interval:
            client.putConfig(settings, done);
            break;
        }
    }
}

} // namespace rl
