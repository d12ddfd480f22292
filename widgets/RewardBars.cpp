#include "widgets/RewardBars.h"

#include <algorithm>

#include <QLocale>
#include <QPainter>

namespace rl {

namespace {

constexpr int kMargin = 6;
constexpr int kGap = 6;

} // namespace

RewardBars::RewardBars(const QString &title, QWidget *parent)
    : QWidget(parent)
    , m_title(title)
{
    setAccessibleName(title);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
}

void RewardBars::setRows(const QList<Row> &rows)
{
    const auto same = [](const Row &a, const Row &b) {
        return a.name == b.name && a.color == b.color && qFuzzyCompare(1.0 + a.estimated, 1.0 + b.estimated)
               && qFuzzyCompare(1.0 + a.truth, 1.0 + b.truth);
    };
    if (rows.size() == m_rows.size() && std::equal(rows.begin(), rows.end(), m_rows.begin(), same))
        return;
    m_rows = rows;
    QStringList description;
    const QLocale locale;
    for (const Row &row : rows) {
        description << tr("%1: estimated %2, true %3")
                           .arg(row.name, locale.toString(row.estimated, 'f', 3), locale.toString(row.truth, 'f', 3));
    }
    setAccessibleDescription(description.join(QStringLiteral("; ")));
    setToolTip(description.join(QLatin1Char('\n')));
    update();
}

QSize RewardBars::sizeHint() const
{
    return {300, 200};
}

QSize RewardBars::minimumSizeHint() const
{
    return {180, 120};
}

void RewardBars::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor text = palette().color(QPalette::Text);
    const QColor grid = palette().color(QPalette::Mid);
    const QLocale locale;

    QFont titleFont = font();
    titleFont.setBold(true);
    painter.setFont(titleFont);
    const int titleHeight = QFontMetrics(titleFont).height();
    painter.setPen(text);
    painter.drawText(QRect(0, kMargin / 2, width(), titleHeight), Qt::AlignHCenter, m_title);

    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    painter.setFont(small);
    const QFontMetrics metrics(small);
    int nameWidth = 0;
    for (const Row &row : m_rows)
        nameWidth = std::max(nameWidth, metrics.horizontalAdvance(row.name));
    const int valueWidth = metrics.horizontalAdvance(QStringLiteral("0.000"));
    const int left = kMargin + nameWidth + kGap;
    const int right = width() - kMargin - valueWidth - kGap;
    const int top = kMargin + titleHeight + kGap;
    const int axisHeight = metrics.height() + 2;
    const int bottom = height() - kMargin - axisHeight;
    if (right - left < 20 || m_rows.isEmpty() || bottom <= top)
        return;

    // The 0..1 scale with light grid lines at every 0.2.
    for (int tick = 0; tick <= 5; ++tick) {
        const int x = left + (right - left) * tick / 5;
        painter.setPen(QPen(grid, 0.5, tick == 0 ? Qt::SolidLine : Qt::DotLine));
        painter.drawLine(x, top, x, bottom);
        painter.setPen(text);
        const QString label = locale.toString(tick / 5.0, 'f', 1);
        painter.drawText(QRect(x - 20, bottom + 2, 40, axisHeight), Qt::AlignHCenter | Qt::AlignTop, label);
    }

    const double rowHeight = static_cast<double>(bottom - top) / static_cast<double>(m_rows.size());
    const double barHeight = std::min(16.0, rowHeight * 0.45);
    const QColor truthColor = palette().color(QPalette::Dark);
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        const Row &row = m_rows[i];
        const double y = top + rowHeight * static_cast<double>(i);
        const double middle = y + rowHeight / 2.0;
        painter.setPen(row.color);
        painter.drawText(QRectF(kMargin, y, nameWidth, rowHeight), Qt::AlignRight | Qt::AlignVCenter, row.name);
        const auto barWidth = [&](double value) { return (right - left) * std::clamp(value, 0.0, 1.0); };
        painter.setPen(Qt::NoPen);
        painter.setBrush(row.color);
        painter.drawRect(QRectF(left, middle - barHeight, barWidth(row.estimated), barHeight));
        painter.setBrush(truthColor);
        painter.drawRect(QRectF(left, middle + 1.0, barWidth(row.truth), barHeight * 0.5));
        painter.setPen(text);
        painter.drawText(QRectF(right + kGap, middle - barHeight, valueWidth, barHeight),
                         Qt::AlignRight | Qt::AlignVCenter, locale.toString(row.estimated, 'f', 3));
        painter.setPen(truthColor);
        painter.drawText(QRectF(right + kGap, middle, valueWidth, barHeight), Qt::AlignRight | Qt::AlignVCenter,
                         locale.toString(row.truth, 'f', 3));
    }
}

} // namespace rl
