#include "widgets/StatTile.h"

#include <QEvent>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QVBoxLayout>

#include "widgets/StatusPalette.h"

namespace rl {

namespace {

constexpr int kAccentWidth = 4;
constexpr qreal kCornerRadius = 4;

} // namespace

StatTile::StatTile(const QString &title, QWidget *parent)
    : QFrame(parent)
    , m_title(new QLabel(title, this))
    , m_value(new QLabel(QStringLiteral("–"), this))
    , m_caption(new QLabel(this))
{
    QFont titleFont = font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 0.85);
    m_title->setFont(titleFont);
    m_caption->setFont(titleFont);
    QFont valueFont = font();
    valueFont.setPointSizeF(valueFont.pointSizeF() * 1.6); // seven tiles fit beside the controls at 1024 px
    valueFont.setWeight(QFont::DemiBold);
    m_value->setFont(valueFont);
    m_caption->setVisible(false);
    for (QLabel *label : {m_title, m_value, m_caption})
        label->setTextFormat(Qt::PlainText);
    m_caption->setWordWrap(true); // a long caption takes a second line, not the window's width

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(kAccentWidth + 10, 8, 10, 8);
    layout->setSpacing(2);
    layout->addWidget(m_title);
    layout->addWidget(m_value);
    layout->addWidget(m_caption);
    layout->addStretch(1);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);

    setAccessibleName(title);
    applyColors();
    updateAccessibleDescription();
}

void StatTile::setValue(const QString &text)
{
    if (text == m_value->text())
        return;
    m_value->setText(text);
    updateAccessibleDescription();
}

void StatTile::setCaption(const QString &text)
{
    if (text == m_caption->text())
        return;
    m_caption->setText(text);
    m_caption->setVisible(!text.isEmpty());
    updateAccessibleDescription();
}

void StatTile::setLevel(Level level)
{
    if (level == m_level)
        return;
    m_level = level;
    applyColors();
    update();
}

QString StatTile::valueText() const
{
    return m_value->text();
}

void StatTile::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event);
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF box = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    QPainterPath outline;
    outline.addRoundedRect(box, kCornerRadius, kCornerRadius);
    const QPalette pal = palette();
    painter.fillPath(outline, pal.color(QPalette::Base));
    // The accent bar is clipped to the rounded outline so its corners follow the tile's.
    painter.save();
    painter.setClipPath(outline);
    painter.fillRect(QRectF(box.left(), box.top(), kAccentWidth, box.height()), levelColor());
    painter.restore();
    painter.setPen(QPen(pal.color(QPalette::Mid), 1));
    painter.drawPath(outline);
}

void StatTile::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyColors();
}

QColor StatTile::levelColor() const
{
    const QPalette pal = palette();
    switch (m_level) {
    case Level::Good:
        return StatusPalette::good(pal);
    case Level::Warning:
        return StatusPalette::warning(pal);
    case Level::Critical:
        return StatusPalette::critical(pal);
    case Level::Neutral:
        break;
    }
    return pal.color(QPalette::Mid);
}

void StatTile::applyColors()
{
    const QPalette pal = palette();
    const QColor valueColor = m_level == Level::Neutral ? pal.color(QPalette::Text) : levelColor();
    const QColor dim = StatusPalette::dimText(pal);
    const auto recolor = [](QLabel *label, const QColor &color) {
        QPalette p = label->palette();
        p.setColor(QPalette::WindowText, color);
        label->setPalette(p);
    };
    recolor(m_value, valueColor);
    recolor(m_title, dim);
    recolor(m_caption, dim);
}

void StatTile::updateAccessibleDescription()
{
    const QString caption = m_caption->text();
    setAccessibleDescription(caption.isEmpty() ? m_value->text()
                                               : tr("%1, %2", "value, caption").arg(m_value->text(), caption));
}

} // namespace rl
