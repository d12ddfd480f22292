#include "gui/ui/ChartsPanel.h"

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

#include "widgets/ChartTimeline.h"
#include "widgets/TimeSeriesChart.h"

namespace rl {

namespace {

constexpr qsizetype kCapacity = ChartsPanel::kHistoryMs / ChartsPanel::kSamplePeriodMs + 64;
constexpr int kZoomedItem = -1; // the selector's item for a span no preset has
const QColor kSlo(0x2e, 0x7d, 0x32);
const QColor kTicket(0xef, 0x8f, 0x00);
const QColor kPage(0xc6, 0x28, 0x28);

QString spanText(qint64 ms)
{
    const qint64 seconds = ms / 1000;
    if (seconds % 3600 == 0)
        return ChartsPanel::tr("%1 h").arg(seconds / 3600);
    if (seconds >= 3600)
        return ChartsPanel::tr("%1 h %2 min").arg(seconds / 3600).arg(seconds % 3600 / 60);
    if (seconds % 60 == 0)
        return ChartsPanel::tr("%1 min").arg(seconds / 60);
    if (seconds >= 60)
        return ChartsPanel::tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    return ChartsPanel::tr("%1 s").arg(seconds);
}

} // namespace

ChartsPanel::ChartsPanel(QWidget *parent)
    : QWidget(parent)
    , m_timeline(new ChartTimeline(this))
    , m_pause(new QAction(this))
    , m_window(new QComboBox(this))
    , m_pauseButton(new QToolButton(this))
    , m_pausedNote(new QLabel(this))
    , m_queueDepth(new TimeSeriesChart(tr("Queue depth"), this))
    , m_successRate(new TimeSeriesChart(tr("Success rate (rolling 1 min)"), this))
    , m_latency(new TimeSeriesChart(tr("Batch latency (rolling 1 min)"), this))
    , m_throughput(new TimeSeriesChart(tr("Processing vs emission rate"), this))
{
    m_timeline->setMaxSpanMs(kHistoryMs);
    for (const int minutes : {1, 5, 15, 60, 6 * 60, 24 * 60})
        m_window->addItem(spanText(minutes * 60'000LL), minutes);
    m_window->setAccessibleName(tr("Chart window"));
    m_window->setSizeAdjustPolicy(QComboBox::AdjustToContents); // a zoomed span's name is longer
    m_window->setToolTip(tr("How much history the charts show (the wheel over a chart zooms too); up to 24 h "
                            "are kept"));
    auto *windowLabel = new QLabel(tr("&Window:"), this);
    windowLabel->setBuddy(m_window);

    m_pause->setObjectName(QStringLiteral("PauseCharts"));
    m_pause->setCheckable(true);
    m_pause->setText(tr("&Pause charts"));
    m_pause->setShortcut(Qt::Key_Space);
    m_pause->setToolTip(tr("Hold the charts still to read them; data keeps arriving and is shown on return to "
                           "live (Space; a double-click on a chart returns too)"));
    m_pauseButton->setDefaultAction(m_pause);
    m_pauseButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_pausedNote->setObjectName(QStringLiteral("PausedNote"));
    m_pausedNote->setWordWrap(true); // never widens the panel

    m_successRate->setShortTitle(tr("Success rate"));
    m_latency->setShortTitle(tr("Batch latency"));
    m_throughput->setShortTitle(tr("Rates"));
    m_queueDepth->addSeries(tr("depth"), QColor(0x15, 0x65, 0xc0), kCapacity);
    m_queueDepth->setUnit(tr("items"), 0);
    m_queueDepth->setValueRange(0.0, std::nullopt);
    m_queueDepth->addThreshold(tr("SLO"), 10.0, kSlo);
    m_queueDepth->addThreshold(tr("ticket"), 25.0, kTicket);
    m_queueDepth->addThreshold(tr("page"), 100.0, kPage);
    m_queueDepth->setLogScaleAvailable(true);

    m_successRate->addSeries(tr("success"), QColor(0x2e, 0x7d, 0x32), kCapacity);
    m_successRate->setUnit(tr("%"), 2);
    m_successRate->setValueRange(std::nullopt, 100.5);
    m_successRate->addThreshold(tr("SLO"), 99.0, kSlo);
    m_successRate->addThreshold(tr("alert"), 95.0, kTicket);

    m_latency->addSeries(tr("p50"), QColor(0x15, 0x65, 0xc0), kCapacity);
    m_latency->addSeries(tr("p95"), QColor(0x6a, 0x1b, 0x9a), kCapacity);
    m_latency->addSeries(tr("max"), QColor(0xc6, 0x28, 0x28), kCapacity);
    m_latency->setUnit(tr("ms"), 3);
    m_latency->setValueRange(0.0, std::nullopt);
    m_latency->setLogScaleAvailable(true);

    m_throughput->addSeries(tr("processed"), QColor(0x2e, 0x7d, 0x32), kCapacity);
    m_throughput->addSeries(tr("emitted"), QColor(0x15, 0x65, 0xc0), kCapacity);
    m_throughput->addSeries(tr("failed"), QColor(0xc6, 0x28, 0x28), kCapacity);
    m_throughput->addSeries(tr("dropped"), QColor(0xef, 0x8f, 0x00), kCapacity);
    m_throughput->setUnit(tr("items/s"), 2);
    m_throughput->setValueRange(0.0, std::nullopt);

    for (TimeSeriesChart *chart : charts())
        chart->setTimeline(m_timeline);

    auto *header = new QHBoxLayout;
    auto *title = new QLabel(tr("<b>Feedback loop</b>"), this);
    header->addWidget(title);
    header->addWidget(m_pausedNote, 1);
    header->addWidget(m_pauseButton);
    header->addWidget(windowLabel);
    header->addWidget(m_window);

    auto *chartsLayout = new QHBoxLayout;
    for (TimeSeriesChart *chart : charts())
        chartsLayout->addWidget(chart, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addLayout(chartsLayout, 1);

    connect(m_window, &QComboBox::activated, this, [this](int index) {
        const int minutes = m_window->itemData(index).toInt();
        if (minutes != kZoomedItem)
            m_timeline->setSpanMs(minutes * 60'000LL);
    });
    connect(m_pause, &QAction::toggled, m_timeline, [this](bool paused) { m_timeline->setLive(!paused); });
    connect(m_timeline, &ChartTimeline::liveChanged, this, [this](bool live) { m_pause->setChecked(!live); });
    connect(m_timeline, &ChartTimeline::rangeChanged, this, &ChartsPanel::showRange);
    showRange();
}

void ChartsPanel::addSample(const LiveSample &sample)
{
    if (sample.timeMs - m_lastSampleMs < kSamplePeriodMs)
        return;
    m_lastSampleMs = sample.timeMs;
    const qint64 t = sample.timeMs;
    m_timeline->setNow(t); // one clock for all: success and latency have no point while no batch runs
    m_queueDepth->append(0, t, sample.queueDepth);
    if (sample.successRate) {
        m_successRate->append(0, t, 100.0 * *sample.successRate);
    } else {
        m_successRate->appendGap(0, t);
    }
    for (int i = 0; i < 3; ++i) {
        const std::optional<double> latency = i == 0   ? sample.latencyP50Ms
                                              : i == 1 ? sample.latencyP95Ms
                                                       : sample.latencyMaxMs;
        if (latency)
            m_latency->append(i, t, *latency);
        else
            m_latency->appendGap(i, t);
    }
    m_throughput->append(0, t, sample.processedPerSecond);
    m_throughput->append(1, t, sample.emittedPerSecond);
    m_throughput->append(2, t, sample.failedPerSecond);
    m_throughput->append(3, t, sample.droppedPerSecond);
}

// The selector names the span shown, a preset or the zoomed one, and a note says what a paused view shows.
void ChartsPanel::showRange()
{
    const qint64 span = m_timeline->spanMs();
    int index = m_window->findData(static_cast<int>(span / 60'000));
    if (span % 60'000 != 0 || index < 0) {
        const QString text = tr("%1 (zoomed)").arg(spanText(span));
        index = m_window->findData(kZoomedItem);
        if (index < 0) {
            m_window->addItem(text, kZoomedItem);
            index = m_window->count() - 1;
        }
        m_window->setItemText(index, text);
    } else if (const int zoomed = m_window->findData(kZoomedItem); zoomed >= 0) {
        m_window->removeItem(zoomed);
    }
    m_window->setCurrentIndex(index);

    m_pausedNote->clear(); // empty while live, but in the layout: it holds the header's spare room
    if (!m_timeline->isLive()) {
        const QString format = span > 12 * 3600'000LL ? QStringLiteral("dd MMM HH:mm:ss") : QStringLiteral("HH:mm:ss");
        m_pausedNote->setText(tr("Paused: %1 – %2 (Space or a double-click: live)")
                                  .arg(QDateTime::fromMSecsSinceEpoch(m_timeline->startMs()).toString(format),
                                       QDateTime::fromMSecsSinceEpoch(m_timeline->endMs()).toString(format)));
    }
}

void ChartsPanel::clear()
{
    for (TimeSeriesChart *chart : charts())
        chart->clear();
    m_lastSampleMs = 0;
}

} // namespace rl
