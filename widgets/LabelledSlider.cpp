#include "widgets/LabelledSlider.h"

#include <algorithm>
#include <cmath>

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
    , m_readout(new QLabel(this))
    , m_min(std::min(min, max))
    , m_max(std::max(min, max))
    , m_scale(scale == Scale::Logarithmic && m_min > 0 ? Scale::Logarithmic : Scale::Linear)
    , m_decimals(std::clamp(decimals, 0, 9))
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

    // Wide enough for the longest value, so the slider does not jump as the readout changes.
    m_readout->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    const QFontMetrics metrics(m_readout->font());
    m_readout->setMinimumWidth(
        std::max(metrics.horizontalAdvance(format(m_min)), metrics.horizontalAdvance(format(m_max))) + 4);

    // Label and value above, the slider below at full width: narrow columns fit and stacked sliders align.
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setVerticalSpacing(0);
    layout->addWidget(m_label, 0, 0);
    layout->addWidget(m_readout, 0, 1);
    layout->addWidget(m_slider, 1, 0, 1, 2);
    layout->setColumnStretch(0, 1);

    connect(m_slider, &QSlider::valueChanged, this, &LabelledSlider::onSliderMoved);
    connect(m_slider, &QSlider::actionTriggered, this, &LabelledSlider::onAction);
    showValue();
}

void LabelledSlider::setValue(double value)
{
    m_value = snap(value);
    m_syncing = true;
    m_slider->setValue(toPosition(m_value));
    m_syncing = false;
    showValue();
}

double LabelledSlider::toValue(int position) const
{
    const double t = static_cast<double>(position) / kSteps;
    if (m_scale == Scale::Logarithmic)
        return m_min * std::pow(m_max / m_min, t);
    return m_min + (m_max - m_min) * t;
}

int LabelledSlider::toPosition(double value) const
{
    if (m_max <= m_min)
        return 0;
    const double t = m_scale == Scale::Logarithmic ? std::log(value / m_min) / std::log(m_max / m_min)
                                                   : (value - m_min) / (m_max - m_min);
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

QString LabelledSlider::format(double value) const
{
    const QString number = QLocale().toString(value, 'f', m_decimals);
    return m_unit.isEmpty() ? number : tr("%1 %2", "value and unit").arg(number, m_unit);
}

void LabelledSlider::onSliderMoved(int position)
{
    if (m_syncing)
        return;
    const double value = snap(toValue(position));
    if (value == m_value)
        return;
    m_value = value;
    showValue();
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

void LabelledSlider::showValue()
{
    const QString text = format(m_value);
    m_readout->setText(text);
    m_slider->setAccessibleDescription(text);
}

} // namespace rl
