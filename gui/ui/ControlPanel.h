#pragma once

#include <QWidget>

#include "gui/host/EngineSnapshot.h"

class QComboBox;
class QLabel;
class QSpinBox;

namespace rl {

class LabelledSlider;
class OperatorActions;

// The operator's controls: the runbook's manual operations, the two ENABLE_* flags, batch size,
// interval and emission rate, volume presets and the policy. Shows the engine's values as snapshots
// arrive; user changes leave as signals, never as direct calls into the engine.
class ControlPanel : public QWidget {
    Q_OBJECT

public:
    ControlPanel(OperatorActions &actions, QWidget *parent = nullptr);

    void showSnapshot(const EngineSnapshot &snapshot);
    void showPolicy(const QString &name); // the engine's policy, without signalling a choice

    LabelledSlider *batchSizeSlider() const { return m_batchSize; }
    LabelledSlider *intervalSlider() const { return m_interval; }
    LabelledSlider *emissionRateSlider() const { return m_emissionRate; }
    QComboBox *policySelector() const { return m_policy; }
    QSpinBox *queueCapacityBox() const { return m_queueCapacity; }
    void showQueueCapacity(std::size_t capacity); // the engine's, without signalling a choice

Q_SIGNALS:
    void batchSizeChanged(int batchSize);
    void intervalChanged(double seconds);
    void emissionRateChanged(double itemsPerMinute);
    void policyChosen(const QString &name);
    void queueCapacityChosen(std::size_t capacity); // committed (Enter, focus out) and different

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *operationsGroup(OperatorActions &actions);
    QWidget *flagsGroup(OperatorActions &actions);
    QWidget *tuningGroup(OperatorActions &actions);

    LabelledSlider *m_batchSize;
    LabelledSlider *m_interval;
    LabelledSlider *m_emissionRate;
    QComboBox *m_policy;
    QSpinBox *m_queueCapacity;
    std::size_t m_shownCapacity = 0; // the engine's, or the value last committed
    QLabel *m_drainStatus;
};

} // namespace rl
