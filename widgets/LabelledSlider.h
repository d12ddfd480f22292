#pragma once

#include <QString>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QDoubleSpinBox;
class QLabel;
class QSlider;
QT_END_NAMESPACE

namespace rl {

// A label, a horizontal slider and a spin box for a double. The slider has 1000 internal steps, mapped
// linearly or logarithmically (for ranges like 1..100000 or 0.01..86400 s) onto [min, max]; a logarithmic
// range from 0 keeps its first step for 0 and maps the rest from the smallest step of the decimals. The
// spin box shows the exact value and takes exact entry; the value snaps to the given decimals. Only user
// changes emit valueChanged: setValue() is for syncing from snapshots and must not echo back as a command.
class LabelledSlider : public QWidget {
    Q_OBJECT

public:
    enum class Scale { Linear, Logarithmic };
    Q_ENUM(Scale)

    // label may carry a mnemonic ("&Batch size"); the slider is its buddy. Logarithmic needs min >= 0.
    LabelledSlider(const QString &label, double min, double max, Scale scale, int decimals, const QString &unit,
                   QWidget *parent = nullptr);

    void setValue(double value);
    double value() const { return m_value; }
    QSlider *slider() const { return m_slider; }
    QDoubleSpinBox *spinBox() const { return m_spinBox; }
    // The user is dragging the slider or typing in the box: a sync from a snapshot would undo their change.
    bool isBeingEdited() const;

Q_SIGNALS:
    void valueChanged(double value);

private:
    double toValue(int position) const;
    int toPosition(double value) const;
    double snap(double value) const; // clamped and rounded to the decimals
    void onSliderMoved(int position);
    void onAction(int action);
    void onSpinBoxChanged(double value);
    void showValue(); // in the spin box and the slider's accessible description

    QLabel *m_label;
    QSlider *m_slider;
    QDoubleSpinBox *m_spinBox;
    double m_min;
    double m_max;
    Scale m_scale;
    int m_decimals;
    double m_logFloor; // a logarithmic scale's value at its first step above 0 (or at 0 when min > 0)
    QString m_unit;
    double m_value;
    bool m_syncing = false; // set while setValue() moves the slider
};

} // namespace rl
