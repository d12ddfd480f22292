#include "StallProbe.h"

#include <algorithm>

namespace rl {

StallProbe::StallProbe(QObject *parent)
    : QObject(parent)
{
    m_ticker.setTimerType(Qt::PreciseTimer);
    m_ticker.setInterval(1);
    QObject::connect(&m_ticker, &QTimer::timeout, this, &StallProbe::sample);
}

void StallProbe::start()
{
    m_clock.start();
    m_lastTickNs = 0;
    m_maxGapNs = 0;
    m_ticker.start();
}

void StallProbe::stop()
{
    sample();
    m_ticker.stop();
}

void StallProbe::sample()
{
    const qint64 now = m_clock.nsecsElapsed();
    m_maxGapNs = std::max(m_maxGapNs, now - m_lastTickNs);
    m_lastTickNs = now;
}

} // namespace rl
