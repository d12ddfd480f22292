#include "widgets/LabelledSlider.h"

#include <algorithm>
#include <cmath>

#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QSlider>

namespace rl {

namespace {

constexpr int kSteps = 1000;

// "&Batch size" -> "Batch size"; "R&&D" -> "R&D".
QString withoutMnemonic(const QString &text)
{
    QString plain;
    plain.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == u'&' && i + 1 < text.size())
            ++i;
        plain.append(text[i]);
    }
    return plain;
}

} // namespace

LabelledSlider::LabelledSlider(const QString &label, double min, double max, Scale scale, int decimals,
                               const QString &unit, QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(label, this))
    , m_slider(new QSlider(Qt::Horizontal, this))
    , m_spinBox(new QDoubleSpinBox(this))
    , m_min(std::min(min, max))
    , m_max(std::max(min, max))
    , m_scale(scale == Scale::Logarithmic && m_min >= 0 ? Scale::Logarithmic : Scale::Linear)
    , m_decimals(std::clamp(decimals, 0, 9))
    , m_logFloor(m_min > 0 ? m_min : std::pow(10.0, -m_decimals))
    , m_unit(unit)
    , m_value(snap(m_min))
{
    m_label->setBuddy(m_slider);
    m_slider->setRange(0, kSteps);
    // 1 % of the travel per arrow key, 10 % per page: a hundred presses end to end, not a thousand.
    m_slider->setSingleStep(kSteps / 100);
    m_slider->setPageStep(kSteps / 10);
    m_slider->setMinimumWidth(120);
    const QString name = withoutMnemonic(label);
    setAccessibleName(name);
    m_slider->setAccessibleName(name);

    // Exact entry: committed on Enter or leaving the box, not at every keystroke; its Up and Down keys step
    // by a tenth of the value's order of magnitude, as the slider's range spans several.
    m_spinBox->setRange(m_min, m_max);
    m_spinBox->setDecimals(m_decimals);
    m_spinBox->setGroupSeparatorShown(true);
    m_spinBox->setKeyboardTracking(false);
    m_spinBox->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
    m_spinBox->setAlignment(Qt::AlignRight);
    m_spinBox->setButtonSymbols(QAbstractSpinBox::NoButtons); // the slider beside it is the coarse control
    if (!m_unit.isEmpty())
        m_spinBox->setSuffix(QStringLiteral(" ") + m_unit);
    m_spinBox->setAccessibleName(name);

    // Label and value above, the slider below at full width: narrow columns fit and stacked sliders align.
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setVerticalSpacing(0);
    layout->addWidget(m_label, 0, 0);
    layout->addWidget(m_spinBox, 0, 1);
    layout->addWidget(m_slider, 1, 0, 1, 2);
    layout->setColumnStretch(0, 1);

    connect(m_slider, &QSlider::valueChanged, this, &LabelledSlider::onSliderMoved);
    connect(m_slider, &QSlider::actionTriggered, this, &LabelledSlider::onAction);
    connect(m_spinBox, &QDoubleSpinBox::valueChanged, this, &LabelledSlider::onSpinBoxChanged);
    showValue();
}

void LabelledSlider::setValue(double value)
{
    m_value = snap(value);
    showValue();
}

bool LabelledSlider::isBeingEdited() const
{
    // Typed but not yet committed: the box's text is not the value's. Once Enter commits it, snapshots
    // update the box again even while it keeps the focus.
    return m_slider->isSliderDown()
           || (m_spinBox->hasFocus() && m_spinBox->cleanText() != m_spinBox->textFromValue(m_value));
}

double LabelledSlider::toValue(int position) const
{
    const double t = static_cast<double>(position) / kSteps;
    if (m_scale == Scale::Linear)
        return m_min + (m_max - m_min) * t;
    if (m_min > 0)
        return m_min * std::pow(m_max / m_min, t);
    // From 0: the first step is 0, the others run geometrically from the floor to the maximum.
    if (position <= 0)
        return 0.0;
    return m_logFloor * std::pow(m_max / m_logFloor, static_cast<double>(position - 1) / (kSteps - 1));
}

int LabelledSlider::toPosition(double value) const
{
    if (m_max <= m_min)
        return 0;
    double t = 0.0;
    if (m_scale == Scale::Linear) {
        t = (value - m_min) / (m_max - m_min);
    } else if (m_min > 0) {
        t = std::log(value / m_min) / std::log(m_max / m_min);
    } else {
        if (value <= 0)
            return 0;
        const double u = std::log(std::max(value, m_logFloor) / m_logFloor) / std::log(m_max / m_logFloor);
        return std::clamp(1 + static_cast<int>(std::lround(u * (kSteps - 1))), 1, kSteps);
    }
    return std::clamp(static_cast<int>(std::lround(t * kSteps)), 0, kSteps);
}

double LabelledSlider::snap(double value) const
{
    if (std::isnan(value))
        return m_min;
    const double scale = std::pow(10.0, m_decimals);
    // Round before clamping so the ends stay reachable however the range's bounds round.
    return std::clamp(std::round(value * scale) / scale, m_min, m_max);
}

void LabelledSlider::onSliderMoved(int position)
{
    if (m_syncing)
        return;
    const double value = snap(toValue(position));
    if (value == m_value)
        return;
    m_value = value;
    m_syncing = true;
    m_spinBox->setValue(m_value);
    m_syncing = false;
    m_slider->setAccessibleDescription(m_spinBox->text());
    Q_EMIT valueChanged(m_value);
}

// Near the low end of a logarithmic integer scale one arrow step can round back to the same value (1.07
// rounds to 1); step to the next representable value instead, so the keyboard never gets stuck.
void LabelledSlider::onAction(int action)
{
    const bool up = action == QAbstractSlider::SliderSingleStepAdd;
    if (!up && action != QAbstractSlider::SliderSingleStepSub)
        return;
    if (snap(toValue(m_slider->sliderPosition())) != m_value)
        return;
    const double quantum = std::pow(10.0, -m_decimals);
    m_slider->setSliderPosition(toPosition(snap(m_value + (up ? quantum : -quantum))));
}

void LabelledSlider::onSpinBoxChanged(double value)
{
    if (m_syncing)
        return;
    const double snapped = snap(value);
    if (snapped == m_value)
        return;
    m_value = snapped;
    showValue();
    Q_EMIT valueChanged(m_value);
}

void LabelledSlider::showValue()
{
    m_syncing = true;
    m_slider->setValue(toPosition(m_value));
    m_spinBox->setValue(m_value);
    m_syncing = false;
    m_slider->setAccessibleDescription(m_spinBox->text());
}

} // namespace rl
