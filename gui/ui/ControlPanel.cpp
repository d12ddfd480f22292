#include "gui/ui/ControlPanel.h"

#include <QAbstractItemView>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include "core/bandit/Policy.h"
#include "core/feedback/FeedbackQueue.h"
#include "core/loop/LoopConfig.h"
#include "gui/host/EngineOptions.h"
#include "gui/ui/OperatorActions.h"
#include "widgets/LabelledSlider.h"

namespace rl {

namespace {

QToolButton *actionButton(QAction *action, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    button->setAccessibleName(action->text().remove(QLatin1Char('&')).remove(QStringLiteral("…")));
    return button;
}

// A check box that mirrors a checkable action both ways.
QCheckBox *actionCheckBox(QAction *action, QWidget *parent)
{
    auto *box = new QCheckBox(action->text(), parent);
    box->setToolTip(action->toolTip());
    box->setAccessibleName(action->text().remove(QLatin1Char('&')));
    box->setChecked(action->isChecked());
    QObject::connect(box, &QCheckBox::clicked, action, &QAction::trigger);
    QObject::connect(action, &QAction::toggled, box, &QCheckBox::setChecked);
    return box;
}

} // namespace

ControlPanel::ControlPanel(OperatorActions &actions, QWidget *parent)
    : QWidget(parent)
    // The command line's full ranges, so the engine's value is always the one shown.
    , m_batchSize(new LabelledSlider(tr("&Batch size"), LoopConfig::kMinBatchSize, LoopConfig::kMaxBatchSize,
                                     LabelledSlider::Scale::Logarithmic, 0, tr("items"), this))
    , m_interval(new LabelledSlider(tr("&Interval"), LoopConfig::kMinIntervalSeconds, LoopConfig::kMaxIntervalSeconds,
                                    LabelledSlider::Scale::Logarithmic, 2, tr("s"), this))
    , m_emissionRate(new LabelledSlider(tr("E&mission rate"), 0.0, EngineOptions::kMaxEmissionRate,
                                        LabelledSlider::Scale::Logarithmic, 0, tr("items/min"), this))
    , m_policy(new QComboBox(this))
    , m_queueCapacity(new QSpinBox(this))
    , m_drainStatus(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(operationsGroup(actions));
    layout->addWidget(flagsGroup(actions));
    layout->addWidget(tuningGroup(actions));
    layout->addStretch(1);

    connect(m_batchSize, &LabelledSlider::valueChanged, this,
            [this](double value) { Q_EMIT batchSizeChanged(static_cast<int>(value)); });
    connect(m_interval, &LabelledSlider::valueChanged, this, &ControlPanel::intervalChanged);
    connect(m_emissionRate, &LabelledSlider::valueChanged, this, &ControlPanel::emissionRateChanged);
    // A wheel turned over the panel must not switch the policy (and wipe what it learned) in passing:
    // the combo takes the wheel only once it has focus, from a click or Tab.
    m_policy->setFocusPolicy(Qt::StrongFocus);
    m_policy->installEventFilter(this);
    connect(m_policy, &QComboBox::activated, this,
            [this](int index) { Q_EMIT policyChosen(m_policy->itemData(index).toString()); });
    // Committed values only (Enter or leaving the box): neither typing 5000 (through 5, 50 and 500) nor
    // stepping with the arrows shrinks the queue on the way. The wheel needs focus, as for the policy.
    m_queueCapacity->setFocusPolicy(Qt::StrongFocus);
    m_queueCapacity->installEventFilter(this);
    connect(m_queueCapacity, &QSpinBox::editingFinished, this, [this] {
        const auto value = static_cast<std::size_t>(m_queueCapacity->value());
        if (value == m_shownCapacity)
            return;
        m_shownCapacity = value; // before the signal: a question it opens takes the focus, finishing again
        Q_EMIT queueCapacityChosen(value);
    });
}

QWidget *ControlPanel::operationsGroup(OperatorActions &actions)
{
    auto *group = new QGroupBox(tr("Operations"), this);
    auto *grid = new QGridLayout(group);
    grid->addWidget(actionButton(actions.processOnce, group), 0, 0);
    grid->addWidget(actionButton(actions.drain, group), 0, 1);
    grid->addWidget(actionButton(actions.purge, group), 1, 0);
    grid->addWidget(actionButton(actions.gradualRecovery, group), 1, 1);
    grid->addWidget(actionButton(actions.restartLoop, group), 2, 0);
    grid->addWidget(actionButton(actions.resetBandit, group), 2, 1);
    m_drainStatus->setWordWrap(true);
    m_drainStatus->setAccessibleName(tr("Operation progress"));
    grid->addWidget(m_drainStatus, 3, 0, 1, 2);
    return group;
}

QWidget *ControlPanel::flagsGroup(OperatorActions &actions)
{
    auto *group = new QGroupBox(tr("Flags"), this);
    auto *box = new QVBoxLayout(group);
    box->addWidget(actionCheckBox(actions.evaluationEnabled, group));
    box->addWidget(actionCheckBox(actions.loopEnabled, group));
    box->addWidget(actionCheckBox(actions.simulatorEnabled, group));
    box->addWidget(actionButton(actions.driftNow, group));
    return group;
}

QWidget *ControlPanel::tuningGroup(OperatorActions &actions)
{
    auto *group = new QGroupBox(tr("Tuning"), this);
    auto *box = new QVBoxLayout(group);
    m_batchSize->setToolTip(
        tr("Feedback items per tick (RL_FEEDBACK_BATCH_SIZE): larger means more throughput and longer batches "
           "(runbook: Performance Tuning → Batch Size)"));
    m_interval->setToolTip(
        tr("Seconds between ticks (RL_FEEDBACK_LOOP_INTERVAL_SECONDS): shorter means a shallower queue and more CPU "
           "(runbook: Performance Tuning → Loop Interval)"));
    m_emissionRate->setToolTip(tr("Simulated routing requests per minute"));
    box->addWidget(m_batchSize);
    box->addWidget(m_interval);
    box->addWidget(m_emissionRate);

    box->addWidget(new QLabel(tr("Runbook presets:"), group));
    auto *presets = new QHBoxLayout;
    for (QAction *preset : {actions.presetLow, actions.presetMedium, actions.presetHigh})
        presets->addWidget(actionButton(preset, group));
    box->addLayout(presets);

    for (const std::string_view name : policyNames())
        m_policy->addItem(QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size())),
                          QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size())));
    m_policy->setItemText(m_policy->findData(QStringLiteral("seed")), tr("seed (the original's ε-greedy SGD)"));
    m_policy->setItemText(m_policy->findData(QStringLiteral("egreedy")), tr("egreedy (ε-greedy, ridge)"));
    m_policy->setItemText(m_policy->findData(QStringLiteral("linucb")), tr("linucb (LinUCB)"));
    m_policy->setItemText(m_policy->findData(QStringLiteral("thompson")), tr("thompson (Thompson sampling)"));
    m_policy->setItemText(m_policy->findData(QStringLiteral("adaptive")), tr("adaptive (LinUCB, notices change)"));
    m_policy->setAccessibleName(tr("Policy"));
    m_policy->setToolTip(tr("The bandit policy; switching starts learning and the regret comparison from scratch"));
    auto *form = new QFormLayout;
    // A long label (German's "Warteschlangenkapazität") puts its field below it instead of widening the panel.
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    auto *policyLabel = new QLabel(tr("P&olicy"), group);
    policyLabel->setBuddy(m_policy);
    form->addRow(policyLabel, m_policy);
    m_queueCapacity->setRange(1, static_cast<int>(FeedbackQueue::kMaxCapacity));
    m_queueCapacity->setGroupSeparatorShown(true);
    m_queueCapacity->setSuffix(tr(" items"));
    m_queueCapacity->setAccessibleName(tr("Queue capacity"));
    // Sized by the row, not by its widest value ("10,000,000 items"), so the panel stays as narrow as before.
    m_queueCapacity->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    m_queueCapacity->setToolTip(tr("Feedback items the queue holds before it drops the oldest (--queue-capacity, "
                                   "RL_FEEDBACK_QUEUE_CAPACITY). Shrinking it below the depth asks first: the oldest "
                                   "items are dropped and counted. Lasts until restart."));
    auto *capacityLabel = new QLabel(tr("Queue capa&city"), group);
    capacityLabel->setBuddy(m_queueCapacity);
    form->addRow(capacityLabel, m_queueCapacity);
    box->addLayout(form);
    return group;
}

void ControlPanel::showSnapshot(const EngineSnapshot &snapshot)
{
    const HealthState &health = snapshot.health;
    // A control the user is changing keeps the user's value until they let go of it.
    if (!m_batchSize->isBeingEdited())
        m_batchSize->setValue(static_cast<double>(health.batchSize));
    if (!m_interval->isBeingEdited())
        m_interval->setValue(health.intervalSeconds);
    if (!m_emissionRate->isBeingEdited())
        m_emissionRate->setValue(snapshot.emissionRate);
    if (!m_policy->view()->isVisible())
        showPolicy(QString::fromStdString(health.policy));
    if (!m_queueCapacity->hasFocus() && snapshot.queueCapacity > 0)
        showQueueCapacity(snapshot.queueCapacity);

    const DrainProgress &drain = snapshot.drain;
    if (drain.active) {
        m_drainStatus->setText(tr("Draining: %L1 processed, %L2 remaining").arg(drain.processed).arg(drain.remaining));
    } else if (drain.started) {
        m_drainStatus->setText(
            drain.cancelled
                ? tr("Last drain cancelled: %L1 processed, %L2 left").arg(drain.processed).arg(drain.remaining)
                : tr("Last drain: %L1 processed, %L2 failed").arg(drain.processed).arg(drain.failed));
    }
}

void ControlPanel::showQueueCapacity(std::size_t capacity)
{
    const QSignalBlocker quiet(m_queueCapacity);
    m_shownCapacity = capacity;
    m_queueCapacity->setValue(static_cast<int>(capacity));
}

void ControlPanel::showPolicy(const QString &name)
{
    const int index = m_policy->findData(name);
    if (index < 0 || index == m_policy->currentIndex())
        return;
    const QSignalBlocker blocker(m_policy);
    m_policy->setCurrentIndex(index);
}

bool ControlPanel::eventFilter(QObject *watched, QEvent *event)
{
    const auto *control = qobject_cast<QWidget *>(watched);
    if ((watched == m_policy || watched == m_queueCapacity) && event->type() == QEvent::Wheel && !control->hasFocus()) {
        event->ignore(); // passed on: the panel's scroll area scrolls instead
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace rl
