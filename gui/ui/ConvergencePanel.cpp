#include "gui/ui/ConvergencePanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include "widgets/RewardBars.h"
#include "widgets/TimeSeriesChart.h"

namespace rl {

namespace {

constexpr qsizetype kCapacity = 24 * 3600 * 1000 / ConvergencePanel::kSamplePeriodMs + 64;
const QList<QColor> kModelColors{QColor(0x15, 0x65, 0xc0), QColor(0x2e, 0x7d, 0x32), QColor(0xef, 0x6c, 0x00),
                                 QColor(0x6a, 0x1b, 0x9a), QColor(0x00, 0x83, 0x8f), QColor(0xad, 0x14, 0x57)};

// The same colour for a model in the share chart and the reward bars.
QColor modelColor(std::size_t index)
{
    return kModelColors.at(static_cast<qsizetype>(index % static_cast<std::size_t>(kModelColors.size())));
}

} // namespace

ConvergencePanel::ConvergencePanel(QWidget *parent)
    : QWidget(parent)
    , m_share(new TimeSeriesChart(tr("Selection share (last 200 requests)"), this))
    , m_rewards(new RewardBars(tr("Estimated vs true reward (grey)"), this))
    , m_regret(new TimeSeriesChart(tr("Cumulative regret"), this))
{
    m_share->setShortTitle(tr("Selection share"));
    m_regret->setShortTitle(tr("Regret"));
    m_share->setUnit(tr("%"), 1);
    m_share->setValueRange(0.0, 100.0);
    m_regret->addSeries(tr("live policy"), QColor(0x2e, 0x7d, 0x32), kCapacity);
    m_regret->addSeries(tr("seed (original)"), QColor(0xc6, 0x28, 0x28), kCapacity);
    m_regret->setUnit(QString(), 2);
    m_regret->setValueRange(0.0, std::nullopt);

    auto *charts = new QHBoxLayout;
    charts->addWidget(m_share, 1);
    charts->addWidget(m_rewards, 1);
    charts->addWidget(m_regret, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("<b>Bandit convergence</b>"), this));
    layout->addLayout(charts, 1);
}

void ConvergencePanel::setTimeline(ChartTimeline *timeline)
{
    m_share->setTimeline(timeline);
    m_regret->setTimeline(timeline);
}

void ConvergencePanel::restart(const EngineSnapshot &snapshot)
{
    m_history.clear();
    m_share->clear();
    m_regret->clear();
    if (m_modelCount != snapshot.models.size()) {
        // The share chart's series follow the catalogue; it is fixed for the engine's life.
        for (std::size_t i = 0; i < snapshot.models.size(); ++i)
            m_share->addSeries(QString::fromStdString(snapshot.models[i].name), modelColor(i), kCapacity);
        m_modelCount = snapshot.models.size();
    }
}

void ConvergencePanel::showSnapshot(const EngineSnapshot &snapshot)
{
    if (snapshot.models.empty())
        return;
    if (m_modelCount != snapshot.models.size() || snapshot.comparisonRequests < m_lastRequests)
        restart(snapshot);
    m_lastRequests = snapshot.comparisonRequests;

    QList<RewardBars::Row> rewards;
    for (std::size_t i = 0; i < snapshot.models.size(); ++i) {
        const ModelView &model = snapshot.models[i];
        rewards.append({QString::fromStdString(model.name), modelColor(i), model.estimatedReward, model.trueReward});
    }
    m_rewards->setRows(rewards);

    const qint64 t = snapshot.wallTimeMs;
    if (t - m_lastSampleMs < kSamplePeriodMs)
        return;
    m_lastSampleMs = t;
    m_regret->setNow(t); // the loop's clock (the timeline the charts share): no requests is news too
    if (snapshot.comparisonRequests == 0)
        return;
    m_regret->append(0, t, snapshot.liveRegret);
    m_regret->append(1, t, snapshot.baselineRegret);

    Picks current{snapshot.comparisonRequests, {}};
    for (const ModelView &model : snapshot.models)
        current.perModel.push_back(model.picks);
    // Keep the newest sample at least kShareRequests behind, so the share covers that many requests.
    while (m_history.size() > 1 && current.requests - m_history[1].requests >= kShareRequests)
        m_history.pop_front();
    const Picks &base =
        m_history.empty() ? Picks{0, std::vector<std::uint64_t>(current.perModel.size(), 0)} : m_history.front();
    const auto span = static_cast<double>(current.requests - base.requests);
    if (span > 0.0) {
        for (std::size_t i = 0; i < current.perModel.size(); ++i)
            m_share->append(static_cast<int>(i), t,
                            100.0 * static_cast<double>(current.perModel[i] - base.perModel[i]) / span);
    }
    m_history.push_back(std::move(current));
}

} // namespace rl
