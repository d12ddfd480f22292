#include "widgets/BandChart.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QGraphicsLayout>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QVBoxLayout>
#include <QValueAxis>

#include "widgets/ChartStyle.h"
#include "widgets/SeriesPalette.h"

namespace rl {

namespace {

constexpr double kBandAlpha = 0.25;
constexpr int kPixelsPerXTick = 130; // "20,000" and room around it; Qt's nice numbers may add half again
constexpr int kPixelsPerYTick = 60;

// The finite points of x against y, as far as both go.
QList<QPointF> points(const QList<double> &x, const QList<double> &y)
{
    QList<QPointF> result;
    const qsizetype n = std::min(x.size(), y.size());
    result.reserve(n);
    for (qsizetype i = 0; i < n; ++i) {
        if (std::isfinite(x[i]) && std::isfinite(y[i]))
            result.append(QPointF(x[i], y[i]));
    }
    return result;
}

} // namespace

BandChart::BandChart(QWidget *parent)
    : QWidget(parent)
    , m_chart(new QChart)
    , m_view(new QChartView(m_chart, this))
    , m_legend(new QLabel(this))
    , m_placeholder(new QLabel(tr("No data"), this))
    , m_xAxis(new QValueAxis)
    , m_yAxis(new QValueAxis)
{
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->setBackgroundRoundness(0);
    m_chart->layout()->setContentsMargins(0, 0, 0, 0);
    QFont titleFont = font();
    titleFont.setBold(true);
    m_chart->setTitleFont(titleFont);
    QFont smallFont = font();
    smallFont.setPointSizeF(smallFont.pointSizeF() * 0.85);
    // Tick labels in the user's locale: "%.0f" then prints 20000 as "20,000" (or "20.000").
    m_chart->setLocalizeNumbers(true);
    m_chart->setLocale(locale());
    for (QValueAxis *axis : {m_xAxis, m_yAxis}) {
        axis->setLabelsFont(smallFont);
        axis->setTitleFont(smallFont);
    }
    m_xAxis->setLabelFormat(QStringLiteral("%.0f"));
    m_chart->addAxis(m_xAxis, Qt::AlignBottom);
    m_chart->addAxis(m_yAxis, Qt::AlignLeft);
    // Qt's legend elides every name once a few curves share a row ("p..."); a label wraps them instead, and
    // names each curve once, not its band as well.
    m_chart->legend()->hide();
    m_legend->setObjectName(QStringLiteral("legend"));
    m_legend->setFont(smallFont);
    m_legend->setTextFormat(Qt::RichText);
    m_legend->setWordWrap(true);
    m_legend->setAlignment(Qt::AlignHCenter);
    m_legend->setAutoFillBackground(true);
    m_legend->setContentsMargins(4, 0, 4, 4);
    m_legend->setAccessibleName(tr("Legend"));

    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setFrameShape(QFrame::NoFrame);
    m_placeholder->setObjectName(QStringLiteral("placeholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setAutoFillBackground(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_legend);
    layout->addWidget(m_placeholder, 1);
    m_view->hide();
    m_legend->hide();
    applyPalette();
}

void BandChart::setTitles(const QString &title, const QString &xTitle, const QString &yTitle)
{
    m_chart->setTitle(title);
    m_xAxis->setTitleText(xTitle);
    m_yAxis->setTitleText(yTitle);
    setAccessibleName(title);
}

void BandChart::setPlaceholderText(const QString &text)
{
    m_placeholder->setText(text);
}

void BandChart::clear()
{
    setCurves({});
}

QSize BandChart::sizeHint() const
{
    return {560, 320};
}

void BandChart::setCurves(const QList<Curve> &curves)
{
    QList<bool> bands;
    for (const Curve &curve : curves)
        bands << (!curve.low.isEmpty() && !curve.high.isEmpty());
    bool sameShape = m_slots.size() == static_cast<std::size_t>(curves.size());
    for (std::size_t i = 0; sameShape && i < m_slots.size(); ++i)
        sameShape = (m_slots[i].band != nullptr) == bands[static_cast<qsizetype>(i)];
    if (!sameShape)
        rebuild(bands);

    double xMin = std::numeric_limits<double>::infinity();
    double xMax = -xMin;
    double yMin = xMin;
    double yMax = -xMin;
    const auto include = [&](const QList<QPointF> &line) {
        for (const QPointF &p : line) {
            xMin = std::min(xMin, p.x());
            xMax = std::max(xMax, p.x());
            yMin = std::min(yMin, p.y());
            yMax = std::max(yMax, p.y());
        }
    };
    for (qsizetype i = 0; i < curves.size(); ++i) {
        const Curve &curve = curves[i];
        const Slot &slot = m_slots[static_cast<std::size_t>(i)];
        const QList<QPointF> mean = points(curve.x, curve.mean);
        include(mean);
        slot.mean->setName(curve.name);
        slot.mean->replace(mean); // one change signal, not one per point
        if (slot.band) {
            const QList<QPointF> upper = points(curve.x, curve.high);
            const QList<QPointF> lower = points(curve.x, curve.low);
            include(upper);
            include(lower);
            slot.upper->replace(upper);
            slot.lower->replace(lower);
        }
    }
    if (xMin <= xMax) {
        m_xMin = xMin;
        m_xMax = xMax;
        m_yMin = yMin;
        m_yMax = yMax;
    }
    updateLegend(curves);
    m_view->setVisible(!curves.isEmpty());
    m_legend->setVisible(!curves.isEmpty());
    m_placeholder->setVisible(curves.isEmpty());
    fitAxes();
}

// New series for a new set of curves. Qt Charts stacks series in the order they are added, so the bands go
// in first and every mean line is drawn over every band.
void BandChart::rebuild(const QList<bool> &bands)
{
    for (const Slot &slot : m_slots) {
        m_chart->removeSeries(slot.mean);
        delete slot.mean;
        if (slot.band) {
            m_chart->removeSeries(slot.band);
            delete slot.band;
        }
    }
    m_slots.assign(static_cast<std::size_t>(bands.size()), Slot{});
    for (qsizetype i = 0; i < bands.size(); ++i) {
        if (!bands[i])
            continue;
        Slot &slot = m_slots[static_cast<std::size_t>(i)];
        slot.band = new QAreaSeries;
        slot.upper = new QLineSeries(slot.band);
        slot.lower = new QLineSeries(slot.band);
        slot.band->setUpperSeries(slot.upper);
        slot.band->setLowerSeries(slot.lower);
        QColor fill = SeriesPalette::color(static_cast<int>(i));
        fill.setAlphaF(kBandAlpha);
        slot.band->setBrush(fill);
        slot.band->setPen(Qt::NoPen);
        m_chart->addSeries(slot.band);
        slot.band->attachAxis(m_xAxis);
        slot.band->attachAxis(m_yAxis);
    }
    for (qsizetype i = 0; i < bands.size(); ++i) {
        Slot &slot = m_slots[static_cast<std::size_t>(i)];
        slot.mean = new QLineSeries;
        // Past the palette's first round of colours the lines are dashed, so no two curves look alike.
        const int index = static_cast<int>(i);
        slot.mean->setPen(
            QPen(SeriesPalette::color(index), 2, SeriesPalette::round(index) % 2 == 1 ? Qt::DashLine : Qt::SolidLine));
        m_chart->addSeries(slot.mean);
        slot.mean->attachAxis(m_xAxis);
        slot.mean->attachAxis(m_yAxis);
    }
}

void BandChart::updateLegend(const QList<Curve> &curves)
{
    QStringList entries;
    for (qsizetype i = 0; i < curves.size(); ++i) {
        const int index = static_cast<int>(i);
        // A line in the curve's colour, dashed like the curve past the first round of colours. The swatch
        // and its name stay together (no break at a space or hyphen); entries wrap at the spaces between.
        const QString swatch =
            SeriesPalette::round(index) % 2 == 1 ? QStringLiteral("&#9549;&#9549;") : QStringLiteral("&#9644;");
        const QString name = curves[i]
                                 .name.toHtmlEscaped()
                                 .replace(QLatin1Char(' '), QStringLiteral("&nbsp;"))
                                 .replace(QLatin1Char('-'), QStringLiteral("&#8209;"));
        entries << QStringLiteral("<span style=\"color:%1\">%2</span>&nbsp;%3")
                       .arg(SeriesPalette::color(index).name(), swatch, name);
    }
    m_legend->setText(entries.join(QStringLiteral(" &nbsp; ")));
}

// The data's extent rounded out to Qt's nice numbers, with as many ticks as the size has room for; y
// starts at 0 when nothing is below it.
void BandChart::fitAxes()
{
    double yMin = m_yMin >= 0 ? 0.0 : m_yMin;
    double yMax = m_yMax;
    if (yMax - yMin <= 0) { // flat: a quarter of the value either side, or 0..1 for all zeros
        const double spread = yMax == 0 ? 1.0 : std::abs(yMax) * 0.25;
        yMin = yMin == 0 ? 0.0 : yMin - spread;
        yMax += spread;
    }
    double xMin = m_xMin;
    double xMax = m_xMax;
    if (xMax - xMin <= 0) {
        const double spread = std::max(1.0, std::abs(xMax) * 0.05);
        xMin -= spread;
        xMax += spread;
    }
    m_xAxis->setRange(xMin, xMax);
    m_xAxis->setTickCount(std::clamp(width() / kPixelsPerXTick + 1, 3, 11));
    m_xAxis->applyNiceNumbers();
    m_yAxis->setRange(yMin, yMax);
    m_yAxis->setTickCount(std::clamp(height() / kPixelsPerYTick + 1, 3, 9));
    m_yAxis->applyNiceNumbers();
    // Qt's nice steps are 1, 2 or 5 times a power of ten: this many decimals print each tick exactly.
    const double yStep = (m_yAxis->max() - m_yAxis->min()) / std::max(1, m_yAxis->tickCount() - 1);
    const int decimals = std::max(0, -static_cast<int>(std::floor(std::log10(yStep) + 1e-9)));
    m_yAxis->setLabelFormat(QStringLiteral("%.%1f").arg(decimals));
    // The last x label is centred on the plot's right edge; the layout does not always leave room for it.
    const QString last = m_chart->locale().toString(m_xAxis->max(), 'f', 0);
    const int overhang = QFontMetrics(m_xAxis->labelsFont()).horizontalAdvance(last) / 2;
    m_chart->setMargins(QMargins(4, 2, overhang + 4, 2));
}

void BandChart::applyPalette()
{
    const QPalette pal = palette();
    const QColor base = pal.color(QPalette::Base);
    const QColor text = pal.color(QPalette::Text);
    m_chart->setBackgroundBrush(base);
    m_chart->setTitleBrush(text);
    QPalette legend = m_legend->palette();
    legend.setColor(QPalette::Window, base);
    legend.setColor(QPalette::WindowText, text);
    m_legend->setPalette(legend);
    for (QValueAxis *axis : {m_xAxis, m_yAxis})
        ChartStyle::styleAxis(*axis, pal);
    m_view->setBackgroundBrush(base);
    QPalette placeholder = m_placeholder->palette();
    placeholder.setColor(QPalette::Window, base);
    placeholder.setColor(QPalette::WindowText, ChartStyle::blend(text, base, 0.4));
    m_placeholder->setPalette(placeholder);
}

void BandChart::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        applyPalette();
    } else if (event->type() == QEvent::LocaleChange) {
        m_chart->setLocale(locale());
        fitAxes();
    }
}

void BandChart::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitAxes(); // the tick counts follow the size
}

} // namespace rl
