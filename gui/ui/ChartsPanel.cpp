#include "gui/ui/ChartsPanel.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include "widgets/TimeSeriesChart.h"

namespace rl {

namespace {

constexpr qsizetype kCapacity = 60 * 60 * 1000 / ChartsPanel::kSamplePeriodMs + 64;
const QColor kSlo(0x2e, 0x7d, 0x32);
const QColor kTicket(0xef, 0x8f, 0x00);
const QColor kPage(0xc6, 0x28, 0x28);

} // namespace

ChartsPanel::ChartsPanel(QWidget *parent)
    : QWidget(parent)
    , m_window(new QComboBox(this))
    , m_queueDepth(new TimeSeriesChart(tr("Queue depth"), this))
    , m_successRate(new TimeSeriesChart(tr("Success rate (rolling 1 min)"), this))
    , m_latency(new TimeSeriesChart(tr("Batch latency (rolling 1 min)"), this))
    , m_throughput(new TimeSeriesChart(tr("Processing vs emission rate"), this))
{
    for (const int minutes : {1, 5, 15, 60})
        m_window->addItem(tr("%1 min").arg(minutes), minutes);
    m_window->setAccessibleName(tr("Chart window"));
    m_window->setToolTip(tr("How much history the charts show"));
    auto *windowLabel = new QLabel(tr("&Window:"), this);
    windowLabel->setBuddy(m_window);

    m_queueDepth->addSeries(tr("depth"), QColor(0x15, 0x65, 0xc0), kCapacity);
    m_queueDepth->setUnit(tr("items"), 0);
    m_queueDepth->setValueRange(0.0, std::nullopt);
    m_queueDepth->addThreshold(tr("SLO"), 10.0, kSlo);
    m_queueDepth->addThreshold(tr("ticket"), 25.0, kTicket);
    m_queueDepth->addThreshold(tr("page"), 100.0, kPage);

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

    m_throughput->addSeries(tr("processed"), QColor(0x2e, 0x7d, 0x32), kCapacity);
    m_throughput->addSeries(tr("emitted"), QColor(0x15, 0x65, 0xc0), kCapacity);
    m_throughput->addSeries(tr("failed"), QColor(0xc6, 0x28, 0x28), kCapacity);
    m_throughput->addSeries(tr("dropped"), QColor(0xef, 0x8f, 0x00), kCapacity);
    m_throughput->setUnit(tr("items/s"), 2);
    m_throughput->setValueRange(0.0, std::nullopt);

    auto *header = new QHBoxLayout;
    auto *title = new QLabel(tr("<b>Feedback loop</b>"), this);
    header->addWidget(title);
    header->addStretch(1);
    header->addWidget(windowLabel);
    header->addWidget(m_window);

    auto *charts = new QHBoxLayout;
    for (TimeSeriesChart *chart : {m_queueDepth, m_successRate, m_latency, m_throughput})
        charts->addWidget(chart, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addLayout(charts, 1);

    connect(m_window, &QComboBox::currentIndexChanged, this, [this] { setWindowMinutes(windowMinutes()); });
    setWindowMinutes(1);
}

void ChartsPanel::addSample(const LiveSample &sample)
{
    if (sample.timeMs - m_lastSampleMs < kSamplePeriodMs)
        return;
    m_lastSampleMs = sample.timeMs;
    const qint64 t = sample.timeMs;
    for (TimeSeriesChart *chart : {m_queueDepth, m_successRate, m_latency, m_throughput})
        chart->setNow(t); // one clock for all: success and latency have no point while no batch runs
    m_queueDepth->append(0, t, sample.queueDepth);
    if (sample.successRate)
        m_successRate->append(0, t, 100.0 * *sample.successRate);
    if (sample.latencyP50Ms) {
        m_latency->append(0, t, *sample.latencyP50Ms);
        m_latency->append(1, t, *sample.latencyP95Ms);
        m_latency->append(2, t, *sample.latencyMaxMs);
    }
    m_throughput->append(0, t, sample.processedPerSecond);
    m_throughput->append(1, t, sample.emittedPerSecond);
    m_throughput->append(2, t, sample.failedPerSecond);
    m_throughput->append(3, t, sample.droppedPerSecond);
}

void ChartsPanel::setWindowMinutes(int minutes)
{
    const int index = m_window->findData(minutes);
    if (index < 0)
        return;
    if (index != m_window->currentIndex()) {
        m_window->setCurrentIndex(index); // comes back here through currentIndexChanged
        return;
    }
    for (TimeSeriesChart *chart : {m_queueDepth, m_successRate, m_latency, m_throughput})
        chart->setWindowSeconds(minutes * 60);
    Q_EMIT windowChanged(minutes * 60);
}

int ChartsPanel::windowMinutes() const
{
    return m_window->currentData().toInt();
}

void ChartsPanel::clear()
{
    for (TimeSeriesChart *chart : {m_queueDepth, m_successRate, m_latency, m_throughput})
        chart->clear();
    m_lastSampleMs = 0;
}

} // namespace rl
