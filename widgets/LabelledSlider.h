#pragma once

#include <QString>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QSlider;
QT_END_NAMESPACE

namespace rl {

// A label, a horizontal slider and a live readout for a double. The slider has 1000 internal steps,
// mapped linearly or logarithmically (for ranges like 1..1000 or 0.1..60 s) onto [min, max]; the value
// snaps to the given decimals. Only user moves emit valueChanged: setValue() is for syncing from
// snapshots and must not echo back as a command.
class LabelledSlider : public QWidget {
    Q_OBJECT

public:
    enum class Scale { Linear, Logarithmic };
    Q_ENUM(Scale)

    // label may carry a mnemonic ("&Batch size"); the slider is its buddy. Logarithmic needs min > 0.
    LabelledSlider(const QString &label, double min, double max, Scale scale, int decimals, const QString &unit,
                   QWidget *parent = nullptr);

    void setValue(double value);
    double value() const { return m_value; }
    QSlider *slider() const { return m_slider; }

Q_SIGNALS:
    void valueChanged(double value);

private:
    double toValue(int position) const;
    int toPosition(double value) const;
    double snap(double value) const; // clamped and rounded to the decimals
    QString format(double value) const;
    void onSliderMoved(int position);
    void onAction(int action);
    void showValue();

    QLabel *m_label;
    QSlider *m_slider;
    QLabel *m_readout;
    double m_min;
    double m_max;
    Scale m_scale;
    int m_decimals;
    QString m_unit;
    double m_value;
    bool m_syncing = false; // set while setValue() moves the slider
};

} // namespace rl
